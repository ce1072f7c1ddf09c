"use client";

import { useEffect, useRef, useState } from "react";
import { PasswordField } from "@/components/forms/password-field";
import { PasswordRulesChecklist } from "@/components/forms/password-rules-checklist";
import type { PasswordPersonalInfo } from "@/lib/utils/password-rules";

/**
 * "Choose a password" and "repeat it", named `password` and `passwordConfirm`
 * to match makeZNewPassword. The rules are listed under the first label and
 * linked to the input; errors come from the action's form state.
 */
export function NewPasswordFields({
  personal,
  passwordError,
  confirmError,
}: {
  /** The person's own details, so the checklist can warn before submitting. */
  personal: PasswordPersonalInfo;
  passwordError?: string;
  confirmError?: string;
}) {
  const [password, setPassword] = useState("");
  const wrapperRef = useRef<HTMLDivElement>(null);

  // React resets a form after its action runs, and the inputs are
  // uncontrolled: clear the checklist with them, or it would describe a
  // password that is no longer there.
  useEffect(() => {
    const form = wrapperRef.current?.closest("form");
    if (!form) return;
    const clear = () => setPassword("");
    form.addEventListener("reset", clear);
    return () => form.removeEventListener("reset", clear);
  }, []);

  const rulesId = "password-rules";
  return (
    <div ref={wrapperRef} className="space-y-6">
      <PasswordField
        name="password"
        label="گذرواژه"
        autoComplete="new-password"
        error={passwordError}
        describedBy={rulesId}
        onValueChange={setPassword}
      >
        <PasswordRulesChecklist id={rulesId} password={password} personal={personal} />
      </PasswordField>
      <PasswordField
        name="passwordConfirm"
        label="تکرار گذرواژه"
        hint="همان گذرواژه را دوباره وارد کنید."
        autoComplete="new-password"
        error={confirmError}
      />
    </div>
  );
}
