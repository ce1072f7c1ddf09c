-- When an administrator corrects the holidays or the weekend, the due dates of open
-- requests are recomputed and each move is recorded in the request's history
-- (lib/server/requests/recompute-due-dates.ts).
ALTER TYPE "RequestEventType" ADD VALUE 'DUE_DATE_MOVED';

ALTER TABLE "RequestEvent" ADD COLUMN "previousDueAt" TIMESTAMPTZ(3),
ADD COLUMN "newDueAt" TIMESTAMPTZ(3);
