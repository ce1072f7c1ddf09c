import "server-only";
import type { RequestKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { checkLockout } from "@/lib/server/rate-limit/check-lockout";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { TRACKING_LOOKUP_IP, TRACKING_LOOKUP_NATIONAL_ID, TRACKING_LOOKUP_PERSON_NETWORK } from "@/lib/server/rate-limit/policies";
import { pruneHitsOccasionally } from "@/lib/server/rate-limit/prune-hits";
import { recordHit } from "@/lib/server/rate-limit/record-hit";
import { rateLimitNetwork } from "@/lib/server/request-ip";
import { isValidNationalId } from "@/lib/utils/national-id";
import { workingDaysUntil } from "@/lib/utils/working-days";
import { parseTrackingCode } from "@/lib/utils/tracking-code";

export type RequestStatusLookup =
  | { found: true; status: RequestStatus; kind: RequestKind; dueAt: Date | null; workingDaysLeft: number | null }
  /** No request has this tracking code for this national ID: which of the two is wrong is not said. */
  | { found: false }
  | { locked: true; until: Date };

/**
 * The public status check (no sign-in): a tracking code together with the
 * applicant's national ID gives the request's status, kind and due date, and
 * nothing else, since whoever holds a printed receipt may not be the applicant.
 * Every attempt counts against TRACKING_LOOKUP_IP for the caller's network, and
 * every miss against TRACKING_LOOKUP_NATIONAL_ID for the national ID typed, so
 * codes cannot be enumerated from one network or for one person. While the
 * network is locked nothing is looked up. While the national ID is (someone
 * guessed its codes from many networks), a network that already missed for it
 * is refused, and any other is looked up: the person with the right code is
 * answered, and a miss reads as locked.
 */
export async function lookupRequestStatus({
  db,
  trackingCode,
  nationalId,
  ip,
  now = new Date(),
}: {
  db: Db;
  trackingCode: string;
  nationalId: string;
  ip: string;
  now?: Date;
}): Promise<RequestStatusLookup> {
  const key = rateLimitKey("ip", rateLimitNetwork(ip));
  const before = await checkLockout({ db, policy: TRACKING_LOOKUP_IP, key, now });
  if (before.locked) return { locked: true, until: before.until };

  // Recorded before the look-up, not after: a burst of parallel attempts would
  // otherwise all pass the check above. This attempt now counts itself, so it
  // may be the max-th but not one beyond.
  await recordHit({ db, bucket: TRACKING_LOOKUP_IP.bucket, key, now });
  const overrun = await checkLockout({ db, policy: { ...TRACKING_LOOKUP_IP, max: TRACKING_LOOKUP_IP.max + 1 }, key, now });
  if (overrun.locked) return { locked: true, until: overrun.until };
  await pruneHitsOccasionally({ db, now });

  const code = parseTrackingCode(trackingCode);
  if (!code || !isValidNationalId(nationalId)) return { found: false };
  const personKey = rateLimitKey("national-id", nationalId);
  const pairKey = rateLimitKey("national-id-network", nationalId, rateLimitNetwork(ip));
  const person = await checkLockout({ db, policy: TRACKING_LOOKUP_NATIONAL_ID, key: personKey, now });
  if (person.locked) {
    const missedHere = await checkLockout({ db, policy: TRACKING_LOOKUP_PERSON_NETWORK, key: pairKey, now });
    if (missedHere.locked) return { locked: true, until: person.until };
  }
  const request = await db.request.findFirst({
    where: { trackingCode: code, applicantNationalId: nationalId },
    select: { status: true, kind: true, dueAt: true },
  });
  if (!request) {
    await Promise.all([
      recordHit({ db, bucket: TRACKING_LOOKUP_NATIONAL_ID.bucket, key: personKey, now }),
      recordHit({ db, bucket: TRACKING_LOOKUP_PERSON_NETWORK.bucket, key: pairKey, now }),
    ]);
    return person.locked ? { locked: true, until: person.until } : { found: false };
  }
  const workingDaysLeft = request.dueAt
    ? workingDaysUntil({ dueAt: request.dueAt, now, calendar: await getWorkCalendar({ db, now }) })
    : null;
  return { found: true, status: request.status, kind: request.kind, dueAt: request.dueAt, workingDaysLeft };
}
