// One-time codes (registration issue): valid 2 minutes, 5 tries, resend after
// 60 seconds, at most 3 sends per 15 minutes per mobile number.
export const OTP_POLICY = {
  length: 6,
  ttlMs: 2 * 60_000,
  maxAttempts: 5,
  resendAfterMs: 60_000,
  maxSendsPerNumber: 3,
  sendWindowMs: 15 * 60_000,
} as const;
