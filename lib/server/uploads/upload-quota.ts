import "server-only";
import { getConfig } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { recordHit } from "@/lib/server/rate-limit/record-hit";
import { withdrawHit } from "@/lib/server/rate-limit/withdraw-hit";

const MB = 1024 * 1024;

/**
 * What one account may upload (citizens, and staff filing for them): files
 * and bytes per hour, counted whether or not the file is then accepted, and
 * documents sent ahead that still wait for their form (kept two hours each).
 * Settings: UPLOAD_FILES_PER_HOUR (30), UPLOAD_MB_PER_HOUR (60), UPLOAD_STAGED_MAX (10).
 */
export function uploadQuota() {
  const config = getConfig();
  return { windowMs: 60 * 60_000, files: config.UPLOAD_FILES_PER_HOUR, bytes: config.UPLOAD_MB_PER_HOUR * MB, openStaged: config.UPLOAD_STAGED_MAX };
}

const BUCKET = "upload:account";

/** Whose quota an upload counts against. */
export type Uploader = { kind: "citizen" | "staff"; id: string };

/**
 * Counts a file of `bytes` against the uploader's hourly quota before it is
 * checked or stored, and takes it back when it does not fit. Of two parallel
 * uploads at least one sees the other's hit, so a burst is never let through
 * beyond the quota (it may be refused a little early: the page sends one file
 * at a time, so only a script sends bursts).
 */
export async function takeUploadQuota({
  db,
  uploader,
  bytes,
  now = new Date(),
}: {
  db: Db;
  uploader: Uploader;
  bytes: number;
  now?: Date;
}): Promise<{ ok: true } | { ok: false }> {
  const quota = uploadQuota();
  const key = rateLimitKey("uploader", uploader.kind, uploader.id);
  const hit = await recordHit({ db, bucket: BUCKET, key, now, weight: Math.max(1, bytes) });
  const used = await db.rateLimitHit.aggregate({
    where: {
      bucket: BUCKET,
      key,
      at: { gt: new Date(now.getTime() - quota.windowMs) },
    },
    _count: { _all: true },
    _sum: { weight: true },
  });
  if (used._count._all <= quota.files && (used._sum.weight ?? 0) <= quota.bytes) return { ok: true };
  await withdrawHit({ db, id: hit.id });
  return { ok: false };
}

/** Whether a citizen may send one more document ahead of a form. */
export async function hasRoomToStage({ db, citizenId, now = new Date() }: { db: Db; citizenId: string; now?: Date }): Promise<boolean> {
  const open = await db.pendingUpload.count({ where: { citizenId, expiresAt: { gt: now } } });
  return open < uploadQuota().openStaged;
}
