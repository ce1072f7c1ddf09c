import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { hashPassword } from "@/lib/server/auth/password";
import { updateDraft, type RegistrationDraft } from "./drafts";

/** Step 2. A different national ID means the number must be confirmed again for it. */
export async function saveNationalId({ db, draft, nationalId }: { db: Db; draft: RegistrationDraft; nationalId: string }) {
  const changed = draft.nationalId !== nationalId;
  await updateDraft({ db, draftId: draft.id, changes: changed ? { nationalId, mobileVerifiedAt: null } : { nationalId } });
}

/** Step 4. Checked against the civil registry when the request is submitted. */
export async function saveIdentity({
  db,
  draft,
  identity,
}: {
  db: Db;
  draft: RegistrationDraft;
  identity: { firstName: string; lastName: string; fatherName: string; birthDate: string };
}) {
  await updateDraft({ db, draftId: draft.id, changes: identity });
}

/** Step 5. The password is hashed at once; the draft never holds it in clear. */
export async function saveAccount({
  db,
  draft,
  email,
  password,
}: {
  db: Db;
  draft: RegistrationDraft;
  email: string;
  password: string;
}) {
  await updateDraft({
    db,
    draftId: draft.id,
    changes: { email: email || null, passwordHash: await hashPassword(password) },
  });
}
