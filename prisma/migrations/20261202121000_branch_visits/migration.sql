-- Booking a visit at a branch (docs/decisions/019). Capacity is held by the
-- database: each slot's counter moves only by a conditional UPDATE, and the
-- CHECK refuses a counter above its capacity whatever the code does.
ALTER TYPE "SmsKind" ADD VALUE 'BRANCH_VISIT';
ALTER TYPE "AuditAction" ADD VALUE 'SET_VISIT_CAPACITY';
ALTER TYPE "AuditAction" ADD VALUE 'MARK_VISIT';

CREATE TYPE "BranchVisitStatus" AS ENUM ('BOOKED', 'CANCELLED', 'ARRIVED', 'NO_SHOW');
CREATE TYPE "BranchVisitEventType" AS ENUM ('BOOKED', 'MOVED', 'CANCELLED', 'ARRIVED', 'NO_SHOW');

CREATE TABLE "BranchVisitSlot" (
    "id" UUID NOT NULL,
    "branchId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BranchVisitSlot_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "BranchVisitSlot_booked_check" CHECK ("booked" >= 0 AND "booked" <= "capacity")
);

CREATE UNIQUE INDEX "BranchVisitSlot_branchId_startsAt_key" ON "BranchVisitSlot"("branchId", "startsAt");
CREATE INDEX "BranchVisitSlot_branchId_day_idx" ON "BranchVisitSlot"("branchId", "day");
ALTER TABLE "BranchVisitSlot" ADD CONSTRAINT "BranchVisitSlot_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "BranchVisit" (
    "id" UUID NOT NULL,
    "trackingCode" CHAR(10) NOT NULL,
    "nationalId" CHAR(10) NOT NULL,
    "mobile" VARCHAR(11) NOT NULL,
    "citizenId" UUID,
    "requestId" UUID,
    "branchId" UUID NOT NULL,
    "slotId" UUID NOT NULL,
    "status" "BranchVisitStatus" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BranchVisit_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "BranchVisit_trackingCode_key" ON "BranchVisit"("trackingCode");
CREATE INDEX "BranchVisit_nationalId_idx" ON "BranchVisit"("nationalId");
CREATE INDEX "BranchVisit_citizenId_idx" ON "BranchVisit"("citizenId");
CREATE INDEX "BranchVisit_slotId_idx" ON "BranchVisit"("slotId");
CREATE INDEX "BranchVisit_branchId_status_idx" ON "BranchVisit"("branchId", "status");
-- One booked visit per person at a time: two clicks, two tabs or two servers make one.
-- (Partial: Prisma's schema cannot express it, so it lives only here.)
CREATE UNIQUE INDEX "BranchVisit_one_booked_per_person" ON "BranchVisit"("nationalId") WHERE "status" = 'BOOKED';
ALTER TABLE "BranchVisit" ADD CONSTRAINT "BranchVisit_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BranchVisit" ADD CONSTRAINT "BranchVisit_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "BranchVisitSlot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "BranchVisitEvent" (
    "id" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "type" "BranchVisitEventType" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" "ActorKind" NOT NULL,
    "actorStaffId" UUID,
    "slotId" UUID,

    CONSTRAINT "BranchVisitEvent_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "BranchVisitEvent_visitId_at_idx" ON "BranchVisitEvent"("visitId", "at");
ALTER TABLE "BranchVisitEvent" ADD CONSTRAINT "BranchVisitEvent_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "BranchVisit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
