import "server-only";

/**
 * A limit on one kind of action: at most `max` hits per subject within
 * `windowMs`; the hit that reaches `max` locks the subject for `lockMs`
 * (see check-lockout.ts for the exact rule).
 */
export type RateLimitPolicy = {
  /** Stored in RateLimitHit.bucket: at most 32 characters. */
  bucket: string;
  max: number;
  windowMs: number;
  lockMs: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Failed sign-ins per account (national ID or personnel code), whether or not the account exists. */
export const SIGN_IN_ACCOUNT: RateLimitPolicy = { bucket: "sign-in:account", max: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** Failed sign-ins per network, across accounts: one address trying many national IDs. */
export const SIGN_IN_IP: RateLimitPolicy = { bucket: "sign-in:ip", max: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** One-time codes sent to one mobile number. */
export const OTP_SEND_MOBILE: RateLimitPolicy = { bucket: "otp-send:mobile", max: 3, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** Request tracking-number look-ups per network (tracking numbers must not be enumerable). */
export const TRACKING_LOOKUP_IP: RateLimitPolicy = { bucket: "tracking-lookup:ip", max: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/**
 * Failed look-ups per applicant national ID, from any network: guessing the
 * tracking codes of one person from many addresses stops too. Only misses
 * count, so the person checking their own request is never locked out.
 */
export const TRACKING_LOOKUP_NATIONAL_ID: RateLimitPolicy = { bucket: "tracking-lookup:national-id", max: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** Password-reset requests per account. */
export const PASSWORD_RESET_ACCOUNT: RateLimitPolicy = { bucket: "password-reset:account", max: 5, windowMs: HOUR, lockMs: HOUR };

/** Password-reset requests per network. */
export const PASSWORD_RESET_IP: RateLimitPolicy = { bucket: "password-reset:ip", max: 20, windowMs: HOUR, lockMs: HOUR };

export const RATE_LIMIT_POLICIES: readonly RateLimitPolicy[] = [
  SIGN_IN_ACCOUNT,
  SIGN_IN_IP,
  OTP_SEND_MOBILE,
  TRACKING_LOOKUP_IP,
  TRACKING_LOOKUP_NATIONAL_ID,
  PASSWORD_RESET_ACCOUNT,
  PASSWORD_RESET_IP,
];
