import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import type { RegistrationDraft } from "./drafts";
import { existingResult, type SubmitRegistrationResult } from "./submit-registration";

export type RegistrationResultView = SubmitRegistrationResult & { mobile: string | null };

/** The outcome of a submitted draft, for the result page. */
export async function getRegistrationResult({
  db,
  draft,
}: {
  db: Db;
  draft: RegistrationDraft;
}): Promise<RegistrationResultView | null> {
  if (!draft.requestId) return null;
  return { ...(await existingResult(db, draft.requestId)), mobile: draft.mobile };
}
