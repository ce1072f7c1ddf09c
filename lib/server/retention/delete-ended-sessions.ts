import "server-only";
import { SESSION_POLICY } from "@/lib/server/auth/session-policy";
import type { Db } from "@/lib/server/db/prisma";

/**
 * Deletes sessions that ended before `olderThan`: signed out or revoked, past
 * their absolute lifetime, or idle past their kind's idle timeout (the same
 * rules as isSessionActive). A live session is never touched, whatever the
 * retention period. Returns how many went.
 */
export async function deleteEndedSessions({ db, olderThan }: { db: Db; olderThan: Date }): Promise<number> {
  const idleSince = (kind: keyof typeof SESSION_POLICY) => new Date(olderThan.getTime() - SESSION_POLICY[kind].idleMs);
  const { count } = await db.authSession.deleteMany({
    where: {
      OR: [
        { revokedAt: { lt: olderThan } },
        { expiresAt: { lt: olderThan } },
        { kind: "CITIZEN", lastSeenAt: { lt: idleSince("CITIZEN") } },
        { kind: "STAFF", lastSeenAt: { lt: idleSince("STAFF") } },
      ],
    },
  });
  return count;
}
