-- A mandate's notices to the principal (granted, revoked, the weekly summary) go by
-- email too, like every other notice to a citizen (docs/decisions/018, 020).
ALTER TYPE "EmailKind" ADD VALUE 'MANDATE';
