// The wizard's steps and which one a draft needs next. Pure: used by every step
// page to send a person to the first step they have not finished.

export const REGISTRATION_STEPS = ["national-id", "mobile", "identity", "account", "review"] as const;
export type RegistrationStep = (typeof REGISTRATION_STEPS)[number];

export type DraftProgress = {
  nationalId: string | null;
  mobile: string | null;
  mobileVerifiedAt: Date | null;
  firstName: string | null;
  lastName: string | null;
  fatherName: string | null;
  birthDate: string | null;
  passwordHash: string | null;
  requestId: string | null;
};

export function isStepComplete(step: RegistrationStep, draft: DraftProgress): boolean {
  switch (step) {
    case "national-id":
      return draft.nationalId !== null;
    case "mobile":
      return draft.mobile !== null && draft.mobileVerifiedAt !== null;
    case "identity":
      return draft.firstName !== null && draft.lastName !== null && draft.fatherName !== null && draft.birthDate !== null;
    case "account":
      return draft.passwordHash !== null;
    case "review":
      return draft.requestId !== null;
  }
}

/** Where the person should be: the first unfinished step, or the result once submitted. */
export function nextRegistrationPath(draft: DraftProgress | null): string {
  if (!draft) return "/register/national-id";
  if (draft.requestId) return "/register/result";
  const step = REGISTRATION_STEPS.find((s) => !isStepComplete(s, draft)) ?? "review";
  return `/register/${step}`;
}

/**
 * May this step be shown? The first step always (after a submitted draft it starts
 * a new registration); the others only when every step before them is finished
 * and nothing was submitted.
 */
export function canOpenStep(step: RegistrationStep, draft: DraftProgress | null): boolean {
  if (step === "national-id") return true;
  if (!draft || draft.requestId) return false;
  const index = REGISTRATION_STEPS.indexOf(step);
  return REGISTRATION_STEPS.slice(0, index).every((s) => isStepComplete(s, draft));
}
