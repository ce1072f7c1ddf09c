-- Branch staff record a mandate after seeing both people's identity documents
-- (docs/decisions/020-mandates.md): audited like every action on a file.
ALTER TYPE "AuditAction" ADD VALUE 'RECORD_MANDATE';
