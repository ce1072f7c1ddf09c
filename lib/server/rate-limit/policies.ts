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

/**
 * Failed staff sign-ins per personnel code from any network: the slower,
 * account-wide back-off. Staff accounts are locked per account and network
 * first (SIGN_IN_ACCOUNT keyed by both), so a stranger guessing from a few
 * networks does not keep a branch out; this lock needs failures from at least
 * six networks, alerts the branch, and the staff member can lift it with an
 * SMS code (or the branch head can).
 */
export const SIGN_IN_STAFF_ACCOUNT: RateLimitPolicy = { bucket: "sign-in:staff-account", max: 30, windowMs: HOUR, lockMs: HOUR };

/** Self-service unlock codes asked for, per personnel code and per network. */
export const STAFF_UNLOCK_ACCOUNT: RateLimitPolicy = { bucket: "staff-unlock:account", max: 5, windowMs: HOUR, lockMs: HOUR };
export const STAFF_UNLOCK_IP: RateLimitPolicy = { bucket: "staff-unlock:ip", max: 20, windowMs: HOUR, lockMs: HOUR };

/** Wrong second-factor codes per account (the password was right each time). */
export const SECOND_FACTOR_ACCOUNT: RateLimitPolicy = { bucket: "second-factor:account", max: 10, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** Failed sign-ins per network, across accounts: one address trying many national IDs. */
export const SIGN_IN_IP: RateLimitPolicy = { bucket: "sign-in:ip", max: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** One-time codes sent to one mobile number. */
export const OTP_SEND_MOBILE: RateLimitPolicy = { bucket: "otp-send:mobile", max: 3, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** Request tracking-number look-ups per network (tracking numbers must not be enumerable). */
export const TRACKING_LOOKUP_IP: RateLimitPolicy = { bucket: "tracking-lookup:ip", max: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/**
 * Failed look-ups per applicant national ID, from any network. Reaching it
 * does not lock the person's own code out: while it holds, only networks that
 * already missed for that national ID are refused (TRACKING_LOOKUP_PERSON_NETWORK),
 * so guessing one person's codes from many addresses gets one guess per
 * address, and the person, from a network that has not guessed, is answered.
 */
export const TRACKING_LOOKUP_NATIONAL_ID: RateLimitPolicy = { bucket: "tracking-lookup:national-id", max: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** A miss for one national ID from one network: while that national ID is under attack, the network may not ask about it again. */
export const TRACKING_LOOKUP_PERSON_NETWORK: RateLimitPolicy = { bucket: "tracking-lookup:person-network", max: 1, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** Password-reset requests per account. */
export const PASSWORD_RESET_ACCOUNT: RateLimitPolicy = { bucket: "password-reset:account", max: 5, windowMs: HOUR, lockMs: HOUR };

/** Password-reset requests per network. */
export const PASSWORD_RESET_IP: RateLimitPolicy = { bucket: "password-reset:ip", max: 20, windowMs: HOUR, lockMs: HOUR };

/**
 * Registration, step 2: numbers typed for one national ID, national IDs one
 * number is typed for, and both from one network. Each try sends a code; the
 * number's owner is asked of the operator only after the code comes back.
 */
export const REGISTRATION_MOBILE_NATIONAL_ID: RateLimitPolicy = { bucket: "registration-mobile:national-id", max: 6, windowMs: HOUR, lockMs: HOUR };
export const REGISTRATION_MOBILE_NUMBER: RateLimitPolicy = { bucket: "registration-mobile:mobile", max: 5, windowMs: HOUR, lockMs: HOUR };
export const REGISTRATION_MOBILE_IP: RateLimitPolicy = { bucket: "registration-mobile:ip", max: 20, windowMs: HOUR, lockMs: HOUR };

/**
 * Civil-registry look-ups of dependents per citizen account: look-ups that
 * found no relative (a wrong national ID, birth date or relationship: each
 * could be a guess at someone's birth date), and all look-ups (each costs a
 * registry query; generous, as a double-clicked form repeats them).
 */
export const DEPENDENT_LOOKUP_MISSES: RateLimitPolicy = { bucket: "dependent-lookup:miss", max: 10, windowMs: HOUR, lockMs: HOUR };
export const DEPENDENT_LOOKUP_ALL: RateLimitPolicy = { bucket: "dependent-lookup:all", max: 600, windowMs: HOUR, lockMs: HOUR };

/** Mandates asked for by one helper (each sends a code to someone else's mobile). */
export const MANDATE_REQUEST_HELPER: RateLimitPolicy = { bucket: "mandate-request:helper", max: 5, windowMs: HOUR, lockMs: HOUR };

/**
 * Links confirming an email address sent for one account (a new address, a
 * change, «ارسال دوباره»): each is an email to an address nobody has confirmed,
 * so an account cannot be used to mail strangers.
 */
export const EMAIL_LINK_ACCOUNT: RateLimitPolicy = { bucket: "email-link:account", max: 5, windowMs: HOUR, lockMs: HOUR };

export const RATE_LIMIT_POLICIES: readonly RateLimitPolicy[] = [
  EMAIL_LINK_ACCOUNT,
  SIGN_IN_ACCOUNT,
  SIGN_IN_STAFF_ACCOUNT,
  SECOND_FACTOR_ACCOUNT,
  STAFF_UNLOCK_ACCOUNT,
  STAFF_UNLOCK_IP,
  SIGN_IN_IP,
  OTP_SEND_MOBILE,
  TRACKING_LOOKUP_IP,
  TRACKING_LOOKUP_NATIONAL_ID,
  TRACKING_LOOKUP_PERSON_NETWORK,
  PASSWORD_RESET_ACCOUNT,
  PASSWORD_RESET_IP,
  REGISTRATION_MOBILE_NATIONAL_ID,
  REGISTRATION_MOBILE_NUMBER,
  REGISTRATION_MOBILE_IP,
  DEPENDENT_LOOKUP_MISSES,
  MANDATE_REQUEST_HELPER,
  DEPENDENT_LOOKUP_ALL,
];
