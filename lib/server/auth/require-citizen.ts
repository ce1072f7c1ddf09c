import "server-only";
import { redirect } from "next/navigation";
import { getCurrentUser } from "./session-cookie";
import type { SessionUser } from "./sessions";

/** For citizen pages and actions: the signed-in citizen, or off to sign-in. */
export async function requireCitizen(): Promise<Extract<SessionUser, { kind: "citizen" }>> {
  const user = await getCurrentUser();
  if (!user || user.kind !== "citizen") redirect("/login");
  return user;
}
