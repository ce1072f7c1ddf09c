import "server-only";
import crypto from "node:crypto";
import type { ActorKind, RequestEventType, RequestKind } from "@/lib/generated/prisma/client";
import { makeTrackingCode } from "@/lib/utils/tracking-code";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import type { Tx } from "@/lib/server/db/prisma";
import { deriveStatus } from "./request-status";


export type NewRequestEvent = {
  type: RequestEventType;
  actorKind: ActorKind;
  actorStaffId?: string | null;
  /** A helper acting under a mandate, and which. */
  actorCitizenId?: string | null;
  mandateId?: string | null;
  reasonCode?: string | null;
  note?: string | null;
  at?: Date;
};

/**
 * Inserts a request with its first events, inside the caller's transaction. The
 * tracking code is random; the caller's transaction retries on the (one in a
 * hundred million) collision via `withTrackingCodeRetry`.
 */
export async function createRequest(
  tx: Tx,
  {
    kind,
    applicantNationalId,
    citizenId = null,
    branchId = null,
    events,
    dueAt = null,
    content = {},
    submissionId = null,
    now = new Date(),
  }: {
    kind: RequestKind;
    applicantNationalId: string;
    citizenId?: string | null;
    branchId?: string | null;
    events: NewRequestEvent[];
    /** The deadline, computed by the caller from the working-day calendar. */
    dueAt?: Date | null;
    content?: { domain?: "INSURANCE" | "MEDICAL"; subject?: string; body?: string };
    /** The form's random id, so a repeated post makes no second request. */
    submissionId?: string | null;
    now?: Date;
  },
): Promise<{ id: string; trackingCode: string }> {
  // Two flat statements, not a nested create: Prisma's nested create sends a third (it reads the
  // request back) and costs more to compile (bench/README.md, twenty-fourth session).
  const request = await tx.request.create({
    data: {
      trackingCode: makeTrackingCode(crypto.randomInt),
      kind,
      applicantNationalId,
      citizenId,
      branchId,
      createdAt: now,
      status: deriveStatus(events),
      dueAt,
      submissionId,
      ...content,
    },
    select: { id: true, trackingCode: true },
  });
  await tx.requestEvent.createMany({
    data: events.map((event, index) => ({
      ...event,
      requestId: request.id,
      // Events of one call keep their order even when given the same instant.
      at: event.at ?? new Date(now.getTime() + index),
    })),
  });
  return request;
}

/**
 * Runs a transaction that calls createRequest, again (with a new random code)
 * when the tracking code collided with an existing one. With ten digits and
 * millions of requests a collision is rare but real.
 */
export async function withTrackingCodeRetry<T>(transaction: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error, "trackingCode")) throw error;
    }
  }
}
