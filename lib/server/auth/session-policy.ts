// How long a signed-in session lives. Staff get a shorter idle timeout: their
// sessions reach many people's files (issue: staff workspace, 15 minutes).
export const SESSION_POLICY = {
  CITIZEN: { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 },
  STAFF: { idleMs: 15 * 60_000, absoluteMs: 10 * 60 * 60_000 },
} as const;

/** lastSeenAt is written at most this often, so each page view is not a write. */
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionTimes = {
  kind: keyof typeof SESSION_POLICY;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
};

export function isSessionActive(session: SessionTimes, now: Date): boolean {
  if (session.revokedAt) return false;
  if (now.getTime() >= session.expiresAt.getTime()) return false;
  return now.getTime() - session.lastSeenAt.getTime() < SESSION_POLICY[session.kind].idleMs;
}
