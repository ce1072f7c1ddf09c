import "server-only";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "./session-cookie";
import type { SessionUser } from "./sessions";

export type StaffUser = Extract<SessionUser, { kind: "staff" }>;

/**
 * For staff pages and actions: the signed-in staff member. Signed out → the
 * staff sign-in page; a citizen → not found (nothing tells them the page exists).
 */
export async function requireStaff(): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/staff/login");
  if (user.kind !== "staff") notFound();
  return user;
}
