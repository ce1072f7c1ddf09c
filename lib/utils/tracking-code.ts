// Tracking codes: ten digits, the last a Damm check digit. Digits only, because
// they read aloud and type the same on Persian and Latin keyboards; Damm catches
// every single wrong digit and every swap of two neighbouring digits.
import { normalizeDigitsInput, toPersianDigits } from "./digits";

const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

function dammInterim(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]![Number(ch)]!;
  return interim;
}

export function trackingCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError("trackingCheckDigit expects ASCII digits");
  return dammInterim(body);
}

/** A new code from nine random digits (the first not zero, so it never loses a digit as a number). */
export function makeTrackingCode(randomInt: (max: number) => number): string {
  let body = String(1 + randomInt(9));
  for (let i = 0; i < 8; i++) body += String(randomInt(10));
  return body + String(trackingCheckDigit(body));
}

/** Normalises a typed code (Persian/Arabic digits, spaces, dashes) and checks it; null when invalid. */
export function parseTrackingCode(raw: string): string | null {
  const code = normalizeDigitsInput(raw);
  if (!/^[1-9]\d{9}$/.test(code)) return null;
  return dammInterim(code) === 0 ? code : null;
}

/** Display form: Persian digits in groups of 4-3-3 (left to right). */
export function formatTrackingCode(code: string): string {
  return toPersianDigits(`${code.slice(0, 4)}-${code.slice(4, 7)}-${code.slice(7)}`);
}
