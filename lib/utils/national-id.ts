// Iranian national code (کد ملی): nine digits plus a mod-11 check digit.
//
// All functions expect input already passed through normalizeDigitsInput:
// they deliberately do not accept Persian digits or separators, so there is
// exactly one place where user input is cleaned up.

const TEN_DIGITS = /^[0-9]{10}$/;
const NINE_DIGITS = /^[0-9]{9}$/;
const ALL_SAME_DIGIT = /^(\d)\1*$/;

function weightedRemainder(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    sum += Number(first9.charAt(i)) * (10 - i);
  }
  return sum % 11;
}

function checkDigitFromRemainder(r: number): number {
  return r < 2 ? r : 11 - r;
}

export function isValidNationalId(raw: string): boolean {
  // The weights 10..2 sum to 54 ≡ -1 (mod 11), so every all-same-digit code
  // satisfies the checksum; the registry never issues them and people type
  // them to get past forms, hence the explicit rejection.
  if (!TEN_DIGITS.test(raw) || ALL_SAME_DIGIT.test(raw)) return false;
  return Number(raw.charAt(9)) === checkDigitFromRemainder(weightedRemainder(raw.slice(0, 9)));
}

/** Check digit for the first nine digits of a national code. Throws on malformed input. */
export function nationalIdCheckDigit(first9: string): number {
  if (!NINE_DIGITS.test(first9)) {
    throw new RangeError("nationalIdCheckDigit expects exactly nine ASCII digits");
  }
  return checkDigitFromRemainder(weightedRemainder(first9));
}

/**
 * A valid national code with the given first nine digits (fixtures, test
 * factories). Throws for nine equal digits, whose completion would be one of
 * the rejected all-same codes.
 */
export function makeNationalId(first9: string): string {
  const id = first9 + String(nationalIdCheckDigit(first9));
  if (ALL_SAME_DIGIT.test(id)) {
    throw new RangeError("makeNationalId cannot complete nine equal digits: the result is never a valid code");
  }
  return id;
}

/**
 * Log-safe form: only the last four digits of a well-formed code are shown.
 * Anything else is masked entirely, because a malformed value is often a
 * mistyped real code; its length (capped) is all that is safe to reveal.
 */
export function maskNationalId(id: string): string {
  if (TEN_DIGITS.test(id)) return `******${id.slice(6)}`;
  return "*".repeat(Math.min(id.length, 16));
}
