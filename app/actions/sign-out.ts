"use server";

import { redirect } from "next/navigation";
import { endCurrentSession } from "@/lib/server/auth/session-cookie";

export async function signOutAction() {
  await endCurrentSession();
  redirect("/");
}
