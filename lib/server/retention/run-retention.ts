import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import type { AppConfig } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";
import { getLogger } from "@/lib/server/observability/logger";
import { pruneHits } from "@/lib/server/rate-limit/prune-hits";
import { pruneExpiredDrafts } from "@/lib/server/registration/drafts";
import { removeExpiredUploads } from "@/lib/server/uploads/clean-up-storage";
import { deleteEndedSessions } from "./delete-ended-sessions";
import { deleteExpiredEmailLinks } from "./delete-expired-email-links";
import { deleteSpentOneTimeCodes } from "./delete-spent-one-time-codes";
import { deleteSpentPasswordResets } from "./delete-spent-password-resets";
import { deleteSpentSignInChallenges } from "./delete-spent-sign-in-challenges";

export type RetentionSettings = Pick<
  AppConfig,
  | "RETENTION_DRAFTS_HOURS"
  | "RETENTION_SESSIONS_HOURS"
  | "RETENTION_ONE_TIME_CODES_HOURS"
  | "RETENTION_PASSWORD_RESETS_HOURS"
  | "RETENTION_SIGN_IN_CHALLENGES_HOURS"
  | "RETENTION_RATE_LIMIT_HITS_HOURS"
>;

/** What one run deleted, by kind. */
export type RetentionCounts = {
  drafts: number;
  sessions: number;
  oneTimeCodes: number;
  resetTickets: number;
  /** Links confirming an email address, past their day. */
  emailLinks: number;
  signInChallenges: number;
  rateLimitHits: number;
  /** Documents sent ahead of a form that never came (rows, and their files unless a request owns them). */
  expiredUploads: number;
};

const HOUR_MS = 60 * 60_000;

/**
 * The hourly retention job (docs/decisions/017, "Scheduled jobs"): deletes
 * what stopped working longer ago than its retention period (SECURITY.md,
 * "What is kept and for how long"). Nothing a person may still use goes: a
 * live session, draft, code or reset; a hit a rate limit still counts; a file
 * a request owns. Each step is one statement and safe on several servers at
 * once; pg-boss runs it on one of them. Logs one line with the counts.
 */
export async function runRetention({
  db,
  storage,
  settings,
  now = new Date(),
}: {
  db: Db;
  storage: FileStorage;
  settings: RetentionSettings;
  now?: Date;
}): Promise<RetentionCounts> {
  const started = Date.now();
  const before = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);
  const counts: RetentionCounts = {
    drafts: await pruneExpiredDrafts({ db, olderThan: before(settings.RETENTION_DRAFTS_HOURS) }),
    sessions: await deleteEndedSessions({ db, olderThan: before(settings.RETENTION_SESSIONS_HOURS) }),
    oneTimeCodes: await deleteSpentOneTimeCodes({ db, olderThan: before(settings.RETENTION_ONE_TIME_CODES_HOURS), now }),
    resetTickets: await deleteSpentPasswordResets({ db, olderThan: before(settings.RETENTION_PASSWORD_RESETS_HOURS) }),
    emailLinks: await deleteExpiredEmailLinks({ db, now }),
    signInChallenges: await deleteSpentSignInChallenges({ db, olderThan: before(settings.RETENTION_SIGN_IN_CHALLENGES_HOURS) }),
    rateLimitHits: await pruneHits({ db, olderThan: before(settings.RETENTION_RATE_LIMIT_HITS_HOURS) }),
    expiredUploads: await removeExpiredUploads({ db, storage, now }),
  };
  getLogger().info({ job: "retention", deleted: counts, durationMs: Date.now() - started }, "Retention run");
  return counts;
}
