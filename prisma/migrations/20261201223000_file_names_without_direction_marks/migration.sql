-- File names stored before direction marks were dropped from them (safeFileName's
-- BIDI_CONTROLS): with U+202E a name such as «taahod‮fdp.pdf» was drawn reversed
-- and could disguise a file's type. ZWNJ (U+200C) is kept: Persian spelling needs it.
UPDATE "RequestDocument"
SET "fileName" = regexp_replace("fileName", E'[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]', '', 'g')
WHERE "fileName" ~ E'[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]';

UPDATE "PendingUpload"
SET "fileName" = regexp_replace("fileName", E'[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]', '', 'g')
WHERE "fileName" ~ E'[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]';
