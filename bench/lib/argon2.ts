import { hashPassword, verifyPassword } from "@/lib/server/auth/password";

/**
 * Password checks per second on one core with the portal's argon2id parameters
 * (this process runs pinned to one core): the CPU a sign-in costs, and what an
 * attacker with a stolen hash pays per guess.
 */
export async function signInsPerSecond(seconds = 5): Promise<number> {
  const hash = await hashPassword("Tamin-Demo-1405");
  await verifyPassword(hash, "Tamin-Demo-1405");
  const started = performance.now();
  let count = 0;
  while (performance.now() - started < seconds * 1000) {
    if (!(await verifyPassword(hash, "Tamin-Demo-1405"))) throw new Error("argon2 verify failed");
    count++;
  }
  return count / ((performance.now() - started) / 1000);
}
