import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// About 49,000 passwords from public breach corpora (the zxcvbn list). Kept on
// the server: shipping it to the browser would add megabytes to the sign-up page.
let commonPasswords: ReadonlySet<string> | undefined;

function commonPasswordSet(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  return commonPasswords;
}

/** Whether the password is on the common-password list: exact match, ignoring case and surrounding spaces. */
export function isCommonPassword(password: string): boolean {
  return commonPasswordSet().has(password.normalize("NFC").trim().toLowerCase());
}
