-- A holiday listed before the official calendar of its year was out.
ALTER TABLE "Holiday" ADD COLUMN "provisional" BOOLEAN NOT NULL DEFAULT false;
