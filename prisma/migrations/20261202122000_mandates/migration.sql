-- Mandates: a registered citizen (the helper) acts for another (the principal)
-- with the principal's consent, within named scopes and until an end date
-- (docs/decisions/020-mandates.md).
CREATE TYPE "MandateScope" AS ENUM ('VIEW', 'FILE_QUESTIONS', 'ENROL_DEPENDENTS');
CREATE TYPE "MandateEventType" AS ENUM ('REQUESTED', 'GRANTED', 'REVOKED');
CREATE TYPE "MandateUseKind" AS ENUM ('VIEW_REQUESTS', 'VIEW_REQUEST', 'VIEW_DEPENDENTS', 'VIEW_MESSAGES', 'FILE_QUESTION', 'ENROL_DEPENDENT', 'RESUBMIT');
ALTER TYPE "OtpPurpose" ADD VALUE 'MANDATE_CONSENT';
ALTER TYPE "SmsKind" ADD VALUE 'MANDATE';

CREATE TABLE "Mandate" (
    "id" UUID NOT NULL,
    "helperId" UUID NOT NULL,
    "principalNationalId" CHAR(10) NOT NULL,
    "principalId" UUID,
    "scopes" "MandateScope"[],
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grantedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Mandate_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Mandate_helperId_fkey" FOREIGN KEY ("helperId") REFERENCES "CitizenAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mandate_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "CitizenAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Mandate_helperId_createdAt_idx" ON "Mandate"("helperId", "createdAt");
CREATE INDEX "Mandate_principalId_createdAt_idx" ON "Mandate"("principalId", "createdAt");
-- One live mandate per helper and principal is checked under a transaction lock on
-- the pair (lib/server/mandates/lock-pair.ts): "live" depends on the clock, which an
-- index predicate cannot read.

CREATE TABLE "MandateEvent" (
    "id" UUID NOT NULL,
    "mandateId" UUID NOT NULL,
    "type" "MandateEventType" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorCitizenId" UUID,
    "actorStaffId" UUID,
    CONSTRAINT "MandateEvent_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MandateEvent_mandateId_fkey" FOREIGN KEY ("mandateId") REFERENCES "Mandate"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "MandateEvent_mandateId_at_idx" ON "MandateEvent"("mandateId", "at");

CREATE TABLE "MandateUse" (
    "id" UUID NOT NULL,
    "mandateId" UUID NOT NULL,
    "kind" "MandateUseKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestId" UUID,
    CONSTRAINT "MandateUse_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MandateUse_mandateId_fkey" FOREIGN KEY ("mandateId") REFERENCES "Mandate"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "MandateUse_mandateId_at_idx" ON "MandateUse"("mandateId", "at");

-- The file a signed-in helper has open (null: their own).
ALTER TABLE "AuthSession" ADD COLUMN "actingMandateId" UUID;

-- Who did it, when a helper acted for the applicant under a mandate.
ALTER TABLE "RequestEvent" ADD COLUMN "actorCitizenId" UUID,
ADD COLUMN "mandateId" UUID;
