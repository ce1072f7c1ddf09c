-- AlterEnum
ALTER TYPE "MandateScope" ADD VALUE 'BOOK_VISITS';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MandateUseKind" ADD VALUE 'VIEW_VISITS';
ALTER TYPE "MandateUseKind" ADD VALUE 'BOOK_VISIT';
ALTER TYPE "MandateUseKind" ADD VALUE 'MOVE_VISIT';
ALTER TYPE "MandateUseKind" ADD VALUE 'CANCEL_VISIT';

-- AlterTable
ALTER TABLE "BranchVisitEvent" ADD COLUMN     "actorCitizenId" UUID,
ADD COLUMN     "mandateId" UUID;

