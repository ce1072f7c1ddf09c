-- AlterTable
ALTER TABLE "RateLimitHit" ADD COLUMN     "weight" INTEGER NOT NULL DEFAULT 1;

