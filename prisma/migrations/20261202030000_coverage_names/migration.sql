-- The covered dependent's names, so «افراد تحت تکفل» can say who is covered.
ALTER TABLE "Coverage" ADD COLUMN "firstName" TEXT, ADD COLUMN "lastName" TEXT;

-- Coverage granted by an enrolment: the names the registry gave for it.
UPDATE "Coverage" c
   SET "firstName" = e."firstName", "lastName" = e."lastName"
  FROM "DependentEnrolment" e
 WHERE e."requestId" = c."requestId";

-- Older coverage: the latest enrolment filed for the same person, if any.
UPDATE "Coverage" c
   SET "firstName" = latest."firstName", "lastName" = latest."lastName"
  FROM (
    SELECT DISTINCT ON (e."dependentNationalId") e."dependentNationalId", e."firstName", e."lastName"
      FROM "DependentEnrolment" e
      JOIN "Request" r ON r."id" = e."requestId"
     ORDER BY e."dependentNationalId", r."createdAt" DESC
  ) latest
 WHERE c."firstName" IS NULL AND latest."dependentNationalId" = c."dependentNationalId";
