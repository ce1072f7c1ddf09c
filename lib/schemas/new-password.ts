// A new password and its confirmation (registration, reset, change). The same
// schema runs in the browser and in the action; only the server passes
// `isCommon`, because the common-password list is too large to ship.
import { z } from "zod";
import { firstPasswordProblem, type PasswordPersonalInfo } from "@/lib/utils/password-rules";

export const NEW_PASSWORD_COMMON_MESSAGE =
  "این گذرواژه بسیار رایج است و به‌راحتی حدس زده می‌شود. گذرواژه دیگری انتخاب کنید.";
export const NEW_PASSWORD_CONFIRM_MISSING_MESSAGE = "تکرار گذرواژه را وارد کنید.";
export const NEW_PASSWORD_MISMATCH_MESSAGE = "تکرار گذرواژه با گذرواژه یکسان نیست.";

export type NewPasswordOptions = {
  /** Server only: whether the password is on the common-password list (see lib/server/auth/common-passwords.ts). */
  isCommon?: (password: string) => boolean;
};

// Hashed as typed, but in NFC: the same visible password typed on two systems
// can arrive composed or decomposed and must produce the same hash.
const asNfcString = (value: unknown) => (typeof value === "string" ? value.normalize("NFC") : "");

/**
 * `{ password, passwordConfirm }` with Persian messages. `password` comes out
 * NFC-normalised and otherwise untouched (no trimming): hash that value.
 */
export function makeZNewPassword(personal: PasswordPersonalInfo, { isCommon }: NewPasswordOptions = {}) {
  return z
    .object({
      password: z.preprocess(asNfcString, z.string()),
      passwordConfirm: z.preprocess(asNfcString, z.string()),
    })
    .superRefine(({ password, passwordConfirm }, ctx) => {
      const problem = firstPasswordProblem(password, personal) ?? (isCommon?.(password) ? NEW_PASSWORD_COMMON_MESSAGE : null);
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });

      // Nothing to compare with until a password is typed; otherwise report the
      // confirmation too, so one round trip shows everything to fix.
      if (password === "") return;
      if (passwordConfirm === "") {
        ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: NEW_PASSWORD_CONFIRM_MISSING_MESSAGE });
      } else if (passwordConfirm !== password) {
        ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: NEW_PASSWORD_MISMATCH_MESSAGE });
      }
    });
}

export type TNewPassword = z.infer<ReturnType<typeof makeZNewPassword>>;
