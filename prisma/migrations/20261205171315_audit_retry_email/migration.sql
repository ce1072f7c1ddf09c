-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'RETRY_EMAIL';

