import "server-only";
import { redirect } from "next/navigation";
import { currentDraft } from "./draft-cookie";
import type { RegistrationDraft } from "./drafts";
import { canOpenStep, nextRegistrationPath, type RegistrationStep } from "./registration-steps";

/** For a step page: the draft, or a redirect to the step the person should be on. */
export async function loadStep(step: RegistrationStep): Promise<RegistrationDraft | null> {
  const draft = await currentDraft();
  if (!canOpenStep(step, draft)) redirect(nextRegistrationPath(draft));
  return draft;
}
