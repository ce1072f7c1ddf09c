-- What each text message tells of, so the administrator's page of undelivered
-- messages can name it and never show or resend a one-time code (docs/decisions/017).
CREATE TYPE "SmsKind" AS ENUM ('ONE_TIME_CODE', 'REQUEST_RECEIVED', 'REQUEST_UPDATE', 'REGISTRATION_RESULT', 'PASSWORD_CHANGED', 'STAFF_SIGN_IN_LOCKED');

ALTER TABLE "SmsMessage" ADD COLUMN "kind" "SmsKind";

-- Messages written before kinds were recorded: the three texts that carry a code
-- (registration, password reset, staff unlock) are codes; the others stay without a kind.
UPDATE "SmsMessage" SET "kind" = 'ONE_TIME_CODE'
 WHERE "body" LIKE 'کد تأیید ثبت‌نام%' OR "body" LIKE 'کد بازیابی گذرواژه%' OR "body" LIKE 'کد باز کردن قفل ورود%';

-- An administrator's retry of an undelivered message is audited.
ALTER TYPE "AuditAction" ADD VALUE 'RETRY_SMS';
