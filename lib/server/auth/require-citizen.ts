import "server-only";
import { redirect } from "next/navigation";
import type { MandateScope } from "@/lib/domain/mandates";
import { getCurrentUser } from "./session-cookie";
import type { SessionUser } from "./sessions";

type Citizen = Extract<SessionUser, { kind: "citizen" }>;

/** The signed-in citizen, or off to sign-in. Whose file is open does not matter here (the switcher, mandates). */
export async function requireCitizen(): Promise<Citizen> {
  const user = await getCurrentUser();
  if (!user || user.kind !== "citizen") redirect("/login");
  return user;
}

/**
 * For what only the account holder may do (password, second factor, mandates,
 * who saw my file): refused while a helper has someone else's file open, so a
 * helper can never change the principal's settings, nor mistake whose they are.
 */
export async function requireOwnAccount(): Promise<Citizen> {
  const user = await requireCitizen();
  if (user.acting) redirect("/account/acting?own=1");
  return user;
}

/**
 * Whose file a page or action works on: the signed-in citizen's own, or, while a
 * helper has a principal's file open, the principal's, if the mandate is live
 * and covers `scope`. `helper` is who acted, for the history and the principal's
 * record of uses (docs/decisions/020-mandates.md).
 */
export type CitizenFile = {
  user: Citizen;
  owner: { accountId: string; nationalId: string; displayName: string };
  helper: { citizenId: string; mandateId: string; displayName: string; scopes: MandateScope[] } | null;
};

/** The file a signed-in citizen works on for `scope`, or why not (for route handlers, which answer rather than redirect). */
export function citizenFileOf(user: Citizen, scope: MandateScope | null): CitizenFile | "ENDED" | "NOT_ALLOWED" {
  const acting = user.acting;
  if (!acting) return { user, owner: { accountId: user.accountId, nationalId: user.nationalId, displayName: user.displayName }, helper: null };
  if (acting.status === "ended") return "ENDED";
  if (scope && !acting.scopes.includes(scope)) return "NOT_ALLOWED";
  return {
    user,
    owner: { accountId: acting.principalId, nationalId: acting.principalNationalId, displayName: acting.principalName },
    helper: { citizenId: user.accountId, mandateId: acting.mandateId, displayName: user.displayName, scopes: acting.scopes },
  };
}

export async function requireCitizenFile(scope: MandateScope | null): Promise<CitizenFile> {
  const file = citizenFileOf(await requireCitizen(), scope);
  if (file === "ENDED") redirect("/account/acting?ended=1");
  if (file === "NOT_ALLOWED") redirect("/account?notAllowed=1");
  return file;
}
