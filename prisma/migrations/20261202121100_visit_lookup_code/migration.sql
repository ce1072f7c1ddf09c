-- A booked branch visit is looked up by its tracking code and national ID, and
-- opened with a code sent to the booking's mobile (docs/decisions/019).
ALTER TYPE "OtpPurpose" ADD VALUE 'VISIT_LOOKUP';
