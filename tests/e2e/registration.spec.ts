import type { Page } from "@playwright/test";
import { expect, expectAccessible, latestCodeTo, latestSmsTo, persian, test } from "./fixtures";

type Person = { nationalId: string; mobile: string; firstName: string; lastName: string; fatherName: string; birthDate: string };

// Each test registers a different registry person: tests run in parallel against one server.
const GHOLAMREZA: Person = { nationalId: "6658477736", mobile: "09374031287", firstName: "غلامرضا", lastName: "حسینی", fatherName: "اکبر", birthDate: "1350/12/10" };
const ALI: Person = { nationalId: "9912830441", mobile: "09125395049", firstName: "علی", lastName: "کریمی", fatherName: "کاظم", birthDate: "1371/04/12" };
const DAVOOD: Person = { nationalId: "7546653241", mobile: "09369569908", firstName: "داوود", lastName: "ابراهیمی", fatherName: "رحیم", birthDate: "1369/07/07" };
const ASGHAR: Person = { nationalId: "8619674617", mobile: "09195402140", firstName: "اصغر", lastName: "فتحی", fatherName: "نعمت‌الله", birthDate: "1315/10/10" };
const MOHAMMAD: Person = { nationalId: "0012345679", mobile: "09121234567", firstName: "محمد", lastName: "رضایی", fatherName: "حسین", birthDate: "1354/06/20" };
// Insured, no account, used by no other test: refused at the end for an identity that does not match.
const HASSAN: Person = { nationalId: "0541604589", mobile: "09108777009", firstName: "حسن", lastName: "جعفری", fatherName: "قاسم", birthDate: "1366/09/01" };
const MANIJEH: Person = { nationalId: "9633169380", mobile: "09106566815", firstName: "منیژه", lastName: "سلطانی", fatherName: "اسماعیل", birthDate: "1358/03/15" };
const PASSWORD = "a quiet river at dawn";

async function next(page: Page) {
  await page.getByRole("button", { name: "مرحله بعد" }).click();
}

/**
 * Steps 1 to 5 with correct answers (identity can be overridden), checking axe on
 * each page; `until` stops after sending that step (a refusal known there ends the
 * registration at once).
 */
async function fillUpToReview(
  page: Page,
  person: Person,
  identity: Partial<Person> = {},
  { axe = true, until = "review" }: { axe?: boolean; until?: "verify" | "identity" | "review" } = {},
) {
  await page.goto("/register");
  await page.getByRole("link", { name: "شروع ثبت‌نام" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد ملی خود را وارد کنید");
  if (axe) await expectAccessible(page);
  await page.getByLabel("کد ملی").fill(persian(person.nationalId));
  await next(page);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("شماره همراه خود را وارد کنید");
  if (axe) await expectAccessible(page);
  await page.getByLabel("شماره همراه").fill(person.mobile);
  await next(page);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد تأیید را وارد کنید");
  if (axe) await expectAccessible(page);
  await page.getByLabel("کد تأیید").fill(await latestCodeTo(page, person.mobile));
  await next(page);
  if (until === "verify") return;

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("مشخصات هویتی خود را وارد کنید");
  if (axe) await expectAccessible(page);
  const answers = { ...person, ...identity };
  await page.getByLabel("نام", { exact: true }).fill(answers.firstName);
  await page.getByLabel("نام خانوادگی").fill(answers.lastName);
  await page.getByLabel("نام پدر").fill(answers.fatherName);
  await page.getByLabel("تاریخ تولد").fill(answers.birthDate);
  await next(page);
  if (until === "identity") return;

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("گذرواژه خود را انتخاب کنید");
  if (axe) await expectAccessible(page);
  await page.getByLabel("گذرواژه", { exact: true }).fill(PASSWORD);
  await page.getByLabel("تکرار گذرواژه").fill(PASSWORD);
  await next(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("اطلاعات خود را بازبینی کنید");
}

test("a pensioner registers, gets a tracking code and an SMS, then signs in", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "ثبت‌نام" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ثبت‌نام در سامانه خدمات غیرحضوری");
  await expectAccessible(page);
  await page.getByRole("link", { name: "شروع ثبت‌نام" }).click();

  // Step 1: a mistyped national ID is caught and kept for correcting.
  await page.getByLabel("کد ملی").fill("۶۶۵۸۴۷۷۷۳۷");
  await next(page);
  const summary = page.getByRole("alert", { name: "مشکلی وجود دارد" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("کد ملی معتبر نیست");
  await expect(page.getByLabel("کد ملی")).toHaveValue("۶۶۵۸۴۷۷۷۳۷");
  await expectAccessible(page);
  await page.getByLabel("کد ملی").fill("۶۶۵-۸۴۷۷۷۳-۶");
  await next(page);

  // Step 2: the number in international form.
  await page.getByLabel("شماره همراه").fill("+98 937 403 1287");
  await next(page);
  await expect(page.getByText(persian("0937***1287"))).toBeVisible();
  const code = await latestCodeTo(page, GHOLAMREZA.mobile);
  await page.getByLabel("کد تأیید").fill(code === "000000" ? "111111" : "000000");
  await next(page);
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("کد واردشده درست نیست. ۴ بار دیگر");
  await page.getByLabel("کد تأیید").fill(persian(code));
  await next(page);

  // Step 3: Arabic ي/ك are accepted and folded.
  await page.getByLabel("نام", { exact: true }).fill("غلامرضا");
  await page.getByLabel("نام خانوادگی").fill("حسيني");
  await page.getByLabel("نام پدر").fill("اكبر");
  await page.getByLabel("تاریخ تولد").fill("۱۳۵۰/۱۲/۱۰");
  await next(page);

  // Step 4: the live rules, and the server refusing the national ID inside the password.
  const password = page.getByLabel("گذرواژه", { exact: true });
  await password.fill("x6658477736y");
  await expect(page.getByText("رعایت نشده").first()).toBeAttached();
  await page.getByLabel("تکرار گذرواژه").fill("x6658477736y");
  await next(page);
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("کد ملی");
  await expectAccessible(page);
  await page.getByLabel("پست الکترونیک (اختیاری)").fill("Gholamreza@Example.com");
  await password.fill(PASSWORD);
  await page.getByLabel("تکرار گذرواژه").fill(PASSWORD);
  await next(page);

  // Step 5: check answers, change one, come back.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("اطلاعات خود را بازبینی کنید");
  await expect(page.getByText("حسینی")).toBeVisible();
  await expect(page.getByText("۱۰ اسفند ۱۳۵۰")).toBeVisible();
  await expect(page.getByText("gholamreza@example.com")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "تغییر نام پدر" }).click();
  await expect(page.getByLabel("نام پدر")).toHaveValue("اکبر");
  await next(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("اطلاعات خود را بازبینی کنید");
  await page.getByRole("button", { name: "تایید و ارسال درخواست" }).click();

  // Result.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ثبت‌نام شما انجام شد");
  await expectAccessible(page);
  const tracking = (await page.getByText("کد رهگیری درخواست").innerText()).replace(/[^۰-۹]/g, "");
  expect(tracking).toHaveLength(10);
  expect(await latestSmsTo(page, GHOLAMREZA.mobile)).toContain("ثبت‌نام شما در سامانه خدمات غیرحضوری تأمین اجتماعی انجام شد");
  await page.getByRole("button", { name: "تایید" }).click();

  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("کد ملی").fill(GHOLAMREZA.nationalId);
  await page.getByLabel("گذرواژه").fill(PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من");
  await expect(page.getByText("غلامرضا حسینی، خوش آمدید.")).toBeVisible();
  await expect(page.getByText("شعبه ۲ تهران")).toBeVisible();
});

test("answers survive a refresh and going back, and the flow resumes where it stopped", async ({ page }) => {
  await page.goto("/register/national-id");
  await page.getByLabel("کد ملی").fill(MANIJEH.nationalId);
  await next(page);
  await page.getByLabel("شماره همراه").fill(MANIJEH.mobile);
  await next(page);
  await page.getByLabel("کد تأیید").fill(await latestCodeTo(page, MANIJEH.mobile));
  await next(page);
  await page.getByLabel("نام", { exact: true }).fill(MANIJEH.firstName);
  await page.getByLabel("نام خانوادگی").fill(MANIJEH.lastName);
  await page.getByLabel("نام پدر").fill(MANIJEH.fatherName);
  await page.getByLabel("تاریخ تولد").fill(MANIJEH.birthDate);
  await next(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("گذرواژه خود را انتخاب کنید");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("گذرواژه خود را انتخاب کنید");
  await page.goBack();
  await expect(page.getByLabel("نام پدر")).toHaveValue(MANIJEH.fatherName);
  // Jumping ahead is not possible; the start page offers to continue.
  await page.goto("/register/review");
  await expect(page).toHaveURL(/\/register\/account$/);
  await page.goto("/register");
  await page.getByRole("link", { name: "ادامه ثبت‌نام" }).click();
  await expect(page).toHaveURL(/\/register\/account$/);
});

// Whose number it is is asked of the operator only after the code comes back,
// so only someone holding the phone learns it (issue 17, finding 3).
test("a mobile in someone else's name is refused once its code is typed, with how to transfer it", async ({ page }) => {
  await page.goto("/register/national-id");
  await page.getByLabel("کد ملی").fill("4652777612");
  await next(page);
  await page.getByLabel("شماره همراه").fill("09103280787");
  await next(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد تأیید را وارد کنید");
  await page.getByLabel("کد تأیید").fill(await latestCodeTo(page, "09103280787"));
  await next(page);
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("این شماره همراه به نام شما (دارنده همین کد ملی) ثبت نشده است");
  await expectAccessible(page);
  await page.getByRole("link", { name: "تغییر شماره همراه" }).click();
  await expect(page.getByLabel("شماره همراه")).toHaveValue("09103280787");
  await page.getByText("سیم‌کارت به نام من نیست").click();
  await expect(page.getByText("انتقال مالکیت سیم‌کارت")).toBeVisible();
  await expectAccessible(page);
});

// Each outcome with JavaScript on and off; serial, because both runs read the same person's SMS.
test.describe("refused registrations", () => {
  // Up to five steps, each checked with axe, then the result: over a minute on a loaded machine.
  test.describe.configure({ mode: "serial", timeout: 120_000 });
  for (const javaScriptEnabled of [true, false]) {
    // Each refusal comes as soon as it is certain, in the last step's order and only to
    // the holder of the number: a mismatch at the end; a deceased person, or one with no
    // insurance record, after the identity step; an existing account right after the code.
    for (const [label, person, identity, reason, until] of [
      ["identity that does not match the registry", HASSAN, { fatherName: "عباسعلی" }, "با اطلاعات سازمان ثبت احوال کشور یکسان نیست", "review"],
      ["a deceased person", ASGHAR, {}, "متعلق به فردی درگذشته است", "identity"],
      ["no insurance record", DAVOOD, {}, "سابقه بیمه یا مستمری", "identity"],
      ["an existing account", MOHAMMAD, {}, "پیش‌تر حساب کاربری ساخته شده است", "verify"],
    ] as const) {
      test(`${label} ends with the reason, what to do and an SMS, after the ${until} step (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
        const context = await browser.newContext({ javaScriptEnabled });
        const page = await context.newPage();
        await fillUpToReview(page, person, identity, { axe: javaScriptEnabled, until });
        if (until === "review") await page.getByRole("button", { name: "تایید و ارسال درخواست" }).click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("ثبت‌نام انجام نشد");
        await expect(page.getByText(reason)).toBeVisible();
        await expect(page.getByRole("heading", { name: "چه باید کرد" })).toBeVisible();
        if (javaScriptEnabled) await expectAccessible(page);
        expect(await latestSmsTo(page, person.mobile)).toContain("به شعبه تأمین اجتماعی مراجعه کنید");
        // Starting again starts again (an empty first step), and the old result is still a link away.
        await page.goto("/register");
        await page.getByRole("link", { name: "شروع ثبت‌نام" }).click();
        await expect(page).toHaveURL(/\/register\/national-id$/);
        await expect(page.getByLabel("کد ملی")).toHaveValue("");
        await page.goto("/register");
        await page.getByRole("link", { name: "نتیجه درخواست قبلی" }).click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("ثبت‌نام انجام نشد");
        await page.getByRole("button", { name: "تایید" }).click();
        await expect(page).toHaveURL(/\/$/);
        await context.close();
      });
    }
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the whole registration works with plain form posts", async ({ page }) => {
    await fillUpToReview(page, ALI, {}, { axe: false });
    await page.getByRole("button", { name: "تایید و ارسال درخواست" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ثبت‌نام شما انجام شد");
    await page.getByRole("button", { name: "تایید" }).click();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("errors come back with the answers kept", async ({ page }) => {
    await page.goto("/register/national-id");
    await page.getByLabel("کد ملی").fill("123");
    await next(page);
    await expect(page.getByText("کد ملی باید ده رقم باشد.").first()).toBeVisible();
    await expect(page.getByLabel("کد ملی")).toHaveValue("123");
  });
});
