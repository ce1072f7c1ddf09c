import "server-only";
import { generateSecret, generateURI, verify } from "otplib";

// TOTP as every authenticator app does it (RFC 6238: SHA-1, 6 digits, 30 s),
// with otplib. One step of clock drift either way is accepted; a step is
// accepted once (afterTimeStep).

export const TOTP_ISSUER = "تأمین اجتماعی";

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri({ secret, account }: { secret: string; account: string }): string {
  return generateURI({ issuer: TOTP_ISSUER, label: account, secret });
}

/** The time step of `token` when it is valid now and newer than `afterTimeStep`, else null. */
export async function acceptedTimeStep({
  secret,
  token,
  afterTimeStep,
  now = new Date(),
}: {
  secret: string;
  token: string;
  afterTimeStep?: number | null;
  now?: Date;
}): Promise<number | null> {
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epochTolerance: 30,
    epoch: Math.floor(now.getTime() / 1000),
    ...(afterTimeStep == null ? {} : { afterTimeStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
