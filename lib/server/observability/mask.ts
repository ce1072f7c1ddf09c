// What may reach a log line. Logs are read by operators and kept by log
// systems: they must never hold a password, a one-time code, a session, a full
// national ID or mobile number. Masking is applied to every line by the logger
// (lib/server/observability/logger.ts), whatever the caller passed.

/** Fields whose value is dropped whatever it is. */
const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|otp|^code$|Code$|key$/i;

/** Fields the logger writes itself, which hold no personal data and must stay readable. */
const TRUSTED_KEYS = new Set(["level", "time", "pid", "hostname", "reqId", "durationMs", "status", "method", "route", "visitor", "msg"]);

// Runs of digits (ASCII, Persian or Arabic-Indic) of the lengths personal
// numbers have: one-time codes (6), national IDs and tracking codes (10),
// mobiles (11, or 12 with the country code), card numbers (16). Other lengths,
// such as the 14-digit timestamps that name migrations, stay readable.
const DIGIT_RUN = /(?<![0-9۰-۹٠-٩])[0-9۰-۹٠-٩]{6,}(?![0-9۰-۹٠-٩])/g;
const PERSONAL_LENGTH = (length: number) => (length >= 6 && length <= 12) || length === 16;

/** Keeps only the last two digits of every run of digits as long as a personal number. */
export function maskDigits(text: string): string {
  return text.replace(DIGIT_RUN, (run) => (PERSONAL_LENGTH([...run].length) ? "*".repeat([...run].length - 2) + run.slice(-2) : run));
}

/** A copy of `value` safe to log (objects and arrays are copied, at most 6 levels deep). */
export function maskForLog(value: unknown, key = "", depth = 0): unknown {
  if (key && SECRET_KEY.test(key)) return "[redacted]";
  if (typeof value === "string") return maskDigits(value);
  if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) >= 100_000_000 && key !== "durationMs") return maskDigits(String(value));
  if (value === null || typeof value !== "object") return value;
  if (depth >= 6) return "[too deep]";
  if (value instanceof Error) {
    const { name, message, stack } = value;
    const cause = (value as { cause?: unknown }).cause;
    return maskForLog({ ...value, type: name, message, stack, ...(cause === undefined ? {} : { cause }) }, key, depth);
  }
  if (Array.isArray(value)) return value.map((item) => maskForLog(item, "", depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) copy[name] = maskForLog(item, name, depth + 1);
  return copy;
}

/** maskForLog for a whole log line: the logger's own fields are left as they are, except the message. */
export function maskLogLine(line: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(line)) {
    copy[name] = TRUSTED_KEYS.has(name) && name !== "msg" ? value : maskForLog(value, name === "msg" ? "" : name);
  }
  return copy;
}
