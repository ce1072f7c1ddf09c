"use server";

import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { zBirthDate, zMobile, zNationalId, zOneTimeCode, zOptionalEmail, zPersonName } from "@/lib/schemas/fields";
import { makeZNewPassword } from "@/lib/schemas/new-password";
import { isCommonPassword } from "@/lib/server/auth/common-passwords";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { getDb } from "@/lib/server/db/prisma";
import { publicBaseUrl } from "@/lib/server/http/public-base-url";
import { currentDraft, currentOrNewDraft, forgetDraftCookie } from "@/lib/server/registration/draft-cookie";
import { deleteDraft } from "@/lib/server/registration/drafts";
import { getRegistrationResult } from "@/lib/server/registration/get-registration-result";
import { canOpenStep, nextRegistrationPath, type RegistrationStep } from "@/lib/server/registration/registration-steps";
import { resendRegistrationCode } from "@/lib/server/registration/resend-registration-code";
import { saveAccount, saveIdentity, saveNationalId } from "@/lib/server/registration/save-registration-answers";
import { startMobileVerification } from "@/lib/server/registration/start-mobile-verification";
import { refuseRegistrationEarly } from "@/lib/server/registration/refuse-registration-early";
import { submitRegistration } from "@/lib/server/registration/submit-registration";
import { verifyRegistrationCode } from "@/lib/server/registration/verify-registration-code";
import { getRequestIp } from "@/lib/server/request-ip";
import { formatTehranDateTime } from "@/lib/utils/jalali";
import { toPersianDigits } from "@/lib/utils/digits";
import { z } from "zod";

// Every action: find the draft, check the step may be used, parse with the shared
// schema, call one use case, then go to the next unfinished step.

async function draftFor(step: RegistrationStep) {
  const draft = await currentDraft();
  if (!canOpenStep(step, draft)) redirect(nextRegistrationPath(draft));
  return draft!;
}

async function goToNextStep(): Promise<never> {
  redirect(nextRegistrationPath(await currentDraft()));
}

export async function nationalIdAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["nationalId"]);
  const parsed = z.object({ nationalId: zNationalId }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const draft = await currentOrNewDraft();
  await saveNationalId({ db: await getDb(), draft, nationalId: parsed.data.nationalId });
  return goToNextStep();
}

export async function mobileAction(_state: FormState, formData: FormData): Promise<FormState> {
  const draft = await draftFor("mobile");
  const values = formValues(formData, ["mobile"]);
  const parsed = z.object({ mobile: zMobile }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  let result;
  try {
    result = await startMobileVerification({
      db: await getDb(),
      draft: { ...draft, nationalId: draft.nationalId! },
      mobile: parsed.data.mobile,
      ip: await getRequestIp(),
    });
  } catch (error) {
    if (isAppError(error, "SMS_UNAVAILABLE")) {
      return {
        values,
        fieldErrors: {},
        formError: "ارسال پیامک در این لحظه ممکن نیست. اطلاعات شما ذخیره شده است؛ چند دقیقه دیگر دوباره تلاش کنید.",
      };
    }
    throw error;
  }
  switch (result.status) {
    case "LOCKED":
      return {
        values,
        fieldErrors: {},
        formError: `شماره همراه برای این کد ملی، یا از شبکه شما، بیش از حد مجاز وارد شده است. از ${formatTehranDateTime(result.until)} دوباره تلاش کنید.`,
      };
    case "TOO_MANY_SENDS":
      return {
        values,
        fieldErrors: {
          mobile: `برای این شماره چند بار کد فرستاده شده است. از ${formatTehranDateTime(result.retryAt)} می‌توانید دوباره درخواست کد کنید.`,
        },
      };
    case "ALREADY_VERIFIED":
      return goToNextStep();
    default:
      redirect("/register/verify");
  }
}

export async function verifyCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  const draft = await draftFor("mobile");
  if (!draft.mobile) redirect("/register/mobile");
  const values = formValues(formData, ["code"]);
  const parsed = z.object({ code: zOneTimeCode }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await verifyRegistrationCode({ db: await getDb(), draft, code: parsed.data.code });
  if (result.ok) return goToNextStep();
  if (result.reason === "REFUSED") redirect("/register/result");
  if (result.reason === "NOT_OWNER") {
    return {
      values: {},
      fieldErrors: {},
      formError:
        "کد درست بود، اما این شماره همراه به نام شما (دارنده همین کد ملی) ثبت نشده است. با «تغییر شماره همراه» شماره‌ای را وارد کنید که به نام خود شماست؛ راه انتقال سیم‌کارت به نام خودتان هم در همان صفحه آمده است.",
    };
  }
  const message = {
    WRONG_CODE: `کد واردشده درست نیست. ${result.reason === "WRONG_CODE" ? `${toPersianDigits(result.attemptsLeft)} بار دیگر می‌توانید تلاش کنید.` : ""}`,
    EXPIRED: "این کد منقضی شده است (هر کد ۲ دقیقه اعتبار دارد). دکمه «ارسال دوباره کد» را بزنید.",
    TOO_MANY_ATTEMPTS: "چند بار کد نادرست وارد شد و این کد دیگر پذیرفته نمی‌شود. دکمه «ارسال دوباره کد» را بزنید.",
    NO_CODE: "کد معتبری برای این شماره وجود ندارد. دکمه «ارسال دوباره کد» را بزنید.",
  }[result.reason];
  return { values: {}, fieldErrors: { code: message.trim() } };
}

export async function resendCodeAction(_state: FormState, _formData: FormData): Promise<FormState> {
  const draft = await draftFor("mobile");
  if (!draft.mobile) redirect("/register/mobile");
  const result = await resendRegistrationCode({ db: await getDb(), draft: { ...draft, mobile: draft.mobile } }).catch(
    (error: unknown) => {
      if (isAppError(error, "SMS_UNAVAILABLE")) return null;
      throw error;
    },
  );
  if (!result) return { values: {}, fieldErrors: {}, formError: "ارسال پیامک در این لحظه ممکن نیست. چند دقیقه دیگر دوباره تلاش کنید." };
  if (result.ok) {
    return {
      values: {},
      fieldErrors: {},
      notice: "کد تازه پیامک شد. کد قبلی دیگر پذیرفته نمی‌شود.",
      retryAt: result.resendAt.toISOString(),
    };
  }
  const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000));
  return {
    values: {},
    fieldErrors: {},
    retryAt: result.retryAt.toISOString(),
    formError:
      result.reason === "RESEND_TOO_SOON"
        ? `برای ارسال دوباره کد ${toPersianDigits(seconds)} ثانیه دیگر صبر کنید.`
        : `برای این شماره چند بار کد فرستاده شده است. از ${formatTehranDateTime(result.retryAt)} می‌توانید دوباره درخواست کد کنید.`,
  };
}

const ZIdentity = z.object({
  firstName: zPersonName("نام"),
  lastName: zPersonName("نام خانوادگی"),
  fatherName: zPersonName("نام پدر"),
  birthDate: zBirthDate,
});

export async function identityAction(_state: FormState, formData: FormData): Promise<FormState> {
  const draft = await draftFor("identity");
  const values = formValues(formData, ["firstName", "lastName", "fatherName", "birthDate"]);
  const parsed = ZIdentity.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const db = await getDb();
  await saveIdentity({ db, draft, identity: parsed.data });
  // Deceased in the registry, or no insurance record: said now, not after a password is chosen.
  if (await refuseRegistrationEarly({ db, draft: { ...draft, ...parsed.data }, step: "identity" })) redirect("/register/result");
  return goToNextStep();
}

export async function accountAction(_state: FormState, formData: FormData): Promise<FormState> {
  const draft = await draftFor("account");
  const values = formValues(formData, ["email", "password", "passwordConfirm"], ["password", "passwordConfirm"]);
  const schema = z
    .object({ email: zOptionalEmail })
    .and(makeZNewPassword(
      {
        firstName: draft.firstName,
        lastName: draft.lastName,
        fatherName: draft.fatherName,
        nationalId: draft.nationalId,
        mobile: draft.mobile,
      },
      { isCommon: isCommonPassword },
    ));
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  await saveAccount({ db: await getDb(), draft, email: parsed.data.email, password: parsed.data.password });
  return goToNextStep();
}

export async function submitRegistrationAction(_state: FormState, _formData: FormData): Promise<FormState> {
  const draft = await draftFor("review");
  try {
    await submitRegistration({ db: await getDb(), draft, emailLinkBase: await publicBaseUrl() });
  } catch (error) {
    if (isAppError(error, "REGISTRY_UNAVAILABLE") || isAppError(error, "MOBILE_CHECK_UNAVAILABLE")) {
      return {
        values: {},
        fieldErrors: {},
        formError:
          "استعلام از سازمان ثبت احوال یا اپراتور تلفن همراه در این لحظه ممکن نیست. اطلاعات شما ذخیره شده است؛ چند دقیقه دیگر دوباره «تایید و ارسال درخواست» را بزنید.",
      };
    }
    throw error;
  }
  redirect("/register/result");
}

/** "تایید" on the result page ends the flow: the draft and its cookie are gone. */
export async function finishRegistrationAction() {
  const draft = await currentDraft();
  const db = await getDb();
  const result = draft ? await getRegistrationResult({ db, draft }) : null;
  if (draft) await deleteDraft({ db, draftId: draft.id });
  await forgetDraftCookie();
  redirect(result?.outcome === "APPROVED" ? "/login" : "/");
}
