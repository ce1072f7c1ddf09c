/**
 * A mobile number as staff may see it: the operator prefix and the last four
 * digits, enough to confirm it with the person on the telephone
 * ("0912***4567"). Anything that is not an 11-digit number is fully hidden.
 */
export function maskMobile(mobile: string): string {
  if (!/^[0-9]{11}$/.test(mobile)) return "*".repeat(Math.min(mobile.length, 11));
  return `${mobile.slice(0, 4)}***${mobile.slice(7)}`;
}
