// Text PostgreSQL cannot store (NUL) or that was not UTF-8 when it arrived (the
// decoder turns bad bytes into U+FFFD, and a lone surrogate can come from
// JSON): refused where it is parsed, with a message, instead of failing later
// in the database with a 500.

// C0 controls but tab, line feed and carriage return; DEL; U+FFFD; a surrogate half without its pair.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isSafeText = (value: string): boolean => !UNSAFE.test(value);

export const UNSAFE_TEXT_MESSAGE =
  "این متن نویسه‌ای نامعتبر دارد (مثلاً نویسه تهی یا نویسه‌ای که درست رمزگذاری نشده است). آن را دوباره تایپ کنید یا بدون قالب‌بندی بچسبانید.";
