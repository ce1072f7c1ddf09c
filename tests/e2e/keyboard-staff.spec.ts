import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import {
  arrowUntil,
  chosenOption,
  expectFocusOnErrorSummary,
  expectFocusOnHeading,
  expectVisibleFocus,
  tabAndEnter,
  tabTo,
  typeInto,
} from "../support/keyboard";
import { DEMO_PASSWORD, PDF, PNG, atStaffDesk, citizenSignIn, codeOutcome, demoStaffCode, expect, expectAccessible, latestCodeTo, persian, staffSignIn, test, waitForNextCode } from "./fixtures";

// The staff's flows with the keyboard alone (tests/support/keyboard.ts): only
// Tab, Shift+Tab, Enter, Space and arrow keys, plus typing into fields. Every
// stop shows its focus and follows the right-to-left reading order; after each
// submit focus is on the error summary or on the new page's heading.
//
// The applicant is Saeed (branch 1201), whom no other spec uses: his account is
// registered here once, and each test files its own request for him.
const APPLICANT = { nationalId: "2153119839", mobile: "09196406037", firstName: "سعید", lastName: "کاظمی", fatherName: "رضا", birthDate: "1375/08/01" };
const WIFE = { nationalId: "3406478425", birthDate: "1378/04/18", firstName: "زهرا" };
const OFFICER = "120102";
const COLLEAGUE = { code: "120101", name: "مریم احمدی" };
const HEAD = "120190";
const ADMIN = "900001";

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const toAscii = (s: string) => s.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))).replace(/\D/g, "");

/**
 * Staff sign in with the keyboard: personnel code and password, then the
 * authenticator's code. Other specs sign the same demo staff in at the same
 * time and a code is accepted once: when told it was used, wait for the next.
 */
async function staffSignInWithKeyboard(page: Page, personnelCode: string) {
  await page.goto("/staff/login");
  await typeInto(page, page.getByLabel("کد پرسنلی"), personnelCode);
  await typeInto(page, page.getByLabel("گذرواژه"), DEMO_PASSWORD);
  await tabAndEnter(page, page.getByRole("button", { name: "ورود" }));
  // The password is checked first (argon2, slow on a loaded machine).
  await expectFocusOnHeading(page, "کد ورود دومرحله‌ای");
  const field = page.getByLabel("کد ورود دومرحله‌ای");
  for (let attempt = 0; attempt < 3; attempt++) {
    // A stale "used" message can answer for a code that was accepted (codeOutcome): look where the person is first.
    if (attempt > 0 && atStaffDesk(page)) break;
    if (attempt > 0) await field.fill(""); // the retry is the test's own doing, not the person's
    await typeInto(page, field, await demoStaffCode(personnelCode));
    await tabAndEnter(page, page.getByRole("button", { name: "ورود" }));
    if ((await codeOutcome(page)) !== "used") break;
    await waitForNextCode(page);
  }
  if (!atStaffDesk(page)) throw new Error(`staff ${personnelCode}: no fresh code accepted in three time steps`);
  await expectFocusOnHeading(page);
}

/** From the staff home, the queue searched by tracking code, and the one request found opened. */
async function openFromQueueWithKeyboard(page: Page, trackingCode: string) {
  await tabAndEnter(page, page.getByRole("link", { name: "کارتابل درخواست‌ها" }));
  await expectFocusOnHeading(page, "کارتابل درخواست‌ها");
  await typeInto(page, page.getByLabel("جست‌وجو با کد رهگیری یا کد ملی"), persian(trackingCode));
  await tabAndEnter(page, page.getByRole("button", { name: "نمایش" }));
  await expect(page).toHaveURL(new RegExp(`q=`));
  await expectFocusOnHeading(page, "کارتابل درخواست‌ها");
  const link = page.getByRole("table").getByRole("link");
  await expect(link).toHaveCount(1);
  await tabAndEnter(page, link);
  // A plain link: a whole page load, which starts at the top of the page. The person
  // waits for the page, documents included, before going on.
  await expect(heading(page)).not.toHaveText("کارتابل درخواست‌ها", { timeout: 15_000 });

}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" })).newPage();
}

/** Registers the applicant with the demo password, unless an earlier run of this file in the same database did. */
async function ensureApplicantAccount(browser: Browser) {
  const page = await newPage(browser);
  const next = () => page.getByRole("button", { name: "مرحله بعد" }).click();
  try {
    await page.goto("/register/national-id");
    await page.getByLabel("کد ملی").fill(APPLICANT.nationalId);
    await next();
    await expect(heading(page)).toHaveText("شماره همراه خود را وارد کنید");
    await page.getByLabel("شماره همراه").fill(APPLICANT.mobile);
    await next();
    await expect(heading(page)).toHaveText("کد تأیید را وارد کنید");
    await page.getByLabel("کد تأیید").fill(await latestCodeTo(page, APPLICANT.mobile));
    await next();
    await expect(heading(page)).toHaveText(/مشخصات هویتی خود را وارد کنید|ثبت‌نام انجام نشد/, { timeout: 15_000 });
    if ((await heading(page).innerText()) === "ثبت‌نام انجام نشد") {
      await expect(page.getByText("پیش‌تر حساب کاربری ساخته شده است")).toBeVisible();
      return;
    }
    await page.getByLabel("نام", { exact: true }).fill(APPLICANT.firstName);
    await page.getByLabel("نام خانوادگی").fill(APPLICANT.lastName);
    await page.getByLabel("نام پدر").fill(APPLICANT.fatherName);
    await page.getByLabel("تاریخ تولد").fill(APPLICANT.birthDate);
    await next();
    await expect(heading(page)).toHaveText("گذرواژه خود را انتخاب کنید");
    await page.getByLabel("گذرواژه", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel("تکرار گذرواژه").fill(DEMO_PASSWORD);
    await next();
    await expect(heading(page)).toHaveText("اطلاعات خود را بازبینی کنید");
    await page.getByRole("button", { name: "تایید و ارسال درخواست" }).click();
    await expect(heading(page)).toHaveText("ثبت‌نام شما انجام شد", { timeout: 15_000 });
  } finally {
    await page.context().close();
  }
}

/** The applicant, signed in in a context of their own. */
async function applicantPage(browser: Browser): Promise<Page> {
  const page = await newPage(browser);
  await citizenSignIn(page, APPLICANT.nationalId);
  return page;
}

/** The applicant, signed in in a context of their own, files an insurance question: its subject and tracking code's digits. */
async function questionFromApplicant(browser: Browser, words: string): Promise<{ subject: string; code: string }> {
  const page = await applicantPage(browser);
  const subject = randomSubject(words);
  try {
    return { subject, code: await fileQuestion(page, subject) };
  } finally {
    await page.context().close();
  }
}

/** The applicant files an insurance question; returns its tracking code's digits. */
async function fileQuestion(page: Page, subject: string): Promise<string> {
  await page.goto("/account/requests/new");
  await page.getByRole("radio", { name: /^بیمه‌ای/ }).check();
  await page.getByLabel("موضوع").fill(subject);
  await page.getByLabel("متن پرسش یا درخواست").fill("سابقه بیمه سه ماه گذشته من در پرونده دیده نمی‌شود.");
  await page.getByRole("button", { name: "ثبت پرسش" }).click();
  const confirmation = page.getByRole("status");
  await expect(confirmation).toContainText("درخواست شما ثبت شد", { timeout: 15_000 });
  return toAscii(/کد رهگیری: ([۰-۹-]+)/.exec(await confirmation.innerText())![1]!);
}

const randomSubject = (words: string) => `${words} ${persian(String(crypto.randomInt(100_000, 999_999)))}`;

test.describe("staff decide the applicant's requests", () => {
  // One worker registers the applicant once (his SMS codes would cross otherwise); the tests then run in turn.
  test.describe.configure({ mode: "default" });

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    await ensureApplicantAccount(browser);
  });

  test("an officer filters the queue, claims a question and answers it, with the keyboard alone", async ({ browser, page }) => {
    test.setTimeout(150_000);
    const { subject, code } = await questionFromApplicant(browser, "سابقه بیمه");

    await staffSignInWithKeyboard(page, OFFICER);
    await tabAndEnter(page, page.getByRole("link", { name: "کارتابل درخواست‌ها" }));
    await expectFocusOnHeading(page, "کارتابل درخواست‌ها");

    // Every filter: the search typed, the selects with arrow keys, a checkbox with Space.
    await typeInto(page, page.getByLabel("جست‌وجو با کد رهگیری یا کد ملی"), persian(code));
    const kind = page.getByLabel("نوع درخواست");
    await tabTo(page, kind);
    await arrowUntil(page, async () => (await chosenOption(kind)) === "پیگیری و پرسش");
    const status = page.getByLabel("وضعیت");
    await tabTo(page, status);
    await arrowUntil(page, async () => (await chosenOption(status)) === "ثبت شده، در انتظار بررسی");
    const unassigned = page.getByRole("checkbox", { name: "بدون کارشناس" });
    await tabTo(page, unassigned);
    await page.keyboard.press("Space");
    await expect(unassigned).toBeChecked();
    await tabAndEnter(page, page.getByRole("button", { name: "نمایش" }));
    await expect(page).toHaveURL(/kind=QUESTION/);
    await expect(page).toHaveURL(/status=SUBMITTED/);
    await expect(page).toHaveURL(/unassigned=1/);
    await expectFocusOnHeading(page, "کارتابل درخواست‌ها");
    const link = page.getByRole("table").getByRole("link");
    await expect(link).toHaveCount(1);
    await tabAndEnter(page, link);
    await expect(heading(page)).toHaveText(subject, { timeout: 15_000 });

    // Claiming.
    await tabAndEnter(page, page.getByRole("button", { name: "برداشتن درخواست" }));
    await expect(page.getByRole("status")).toContainText("درخواست را برداشتید", { timeout: 15_000 });
    await expectFocusOnHeading(page, subject);

    // An empty answer is refused; the summary's link leads to the field.
    const answer = page.getByRole("region", { name: "پاسخ به پرسش" });
    await tabAndEnter(page, answer.getByRole("button", { name: "پاسخ به پرسش" }));
    await expectFocusOnErrorSummary(page, "پاسخ", answer);
    await tabAndEnter(page, answer.getByRole("alert").getByRole("link"));
    await expectVisibleFocus(page, answer.getByLabel("متن پاسخ"));
    await page.keyboard.type("سابقه سه ماه گذشته شما ثبت شد و در پرونده دیده می‌شود.");
    await tabAndEnter(page, answer.getByRole("button", { name: "پاسخ به پرسش" }));
    await expect(page.getByRole("status")).toContainText("پاسخ ثبت شد", { timeout: 15_000 });
    await expectFocusOnHeading(page, subject);
  });

  test("an officer views the documents in the page, returns an enrolment and approves it, with the keyboard alone", async ({ browser, page }) => {
    test.setTimeout(180_000);
    const citizen = await applicantPage(browser);
    await citizen.goto("/account/dependents/new");
    await citizen.getByLabel("کد ملی").fill(WIFE.nationalId);
    await citizen.getByLabel("تاریخ تولد").fill(WIFE.birthDate);
    await citizen.getByRole("radio", { name: "همسر (زن)" }).check();
    await citizen.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
    await expect(citizen.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible({ timeout: 15_000 });
    const inputs = citizen.locator('input[type="file"]');
    const count = await inputs.count();
    for (let i = 0; i < count; i++) {
      await inputs.nth(i).setInputFiles(i === 0 ? { name: "scan.png", mimeType: "image/png", buffer: PNG } : { name: `document-${i}.pdf`, mimeType: "application/pdf", buffer: PDF });
    }
    await citizen.getByRole("button", { name: "تایید و ادامه" }).click();
    const confirmation = citizen.getByRole("status").filter({ hasText: "درخواست شما ثبت شد" });
    await expect(confirmation).toBeVisible({ timeout: 20_000 });
    const code = toAscii(await confirmation.locator("strong").innerText());

    await staffSignInWithKeyboard(page, COLLEAGUE.code);
    await openFromQueueWithKeyboard(page, code);
    await expect(heading(page)).toContainText(WIFE.firstName);
    await tabAndEnter(page, page.getByRole("button", { name: "برداشتن درخواست" }), { maxPresses: 80 });
    await expect(page.getByRole("status")).toContainText("درخواست را برداشتید", { timeout: 15_000 });
    await expectFocusOnHeading(page, new RegExp(WIFE.firstName));

    // The documents: each PDF opens in the browser's own viewer from its link, and Back returns.
    const documents = page.getByRole("region", { name: "مدارک" });
    await tabTo(page, documents.getByRole("link", { name: /دریافت فایل/ }).first(), { maxPresses: 80 });
    await tabAndEnter(page, documents.getByRole("link", { name: /نمایش در اندازه کامل/ }).first());
    await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
    await page.goBack();
    await expect(heading(page)).toContainText(WIFE.firstName, { timeout: 15_000 });

    // Rejecting without a reason is refused, and the summary leads to the reason, chosen with arrow keys.
    const reject = page.getByRole("region", { name: "رد درخواست" });
    await tabAndEnter(page, reject.getByRole("button", { name: "رد درخواست" }), { maxPresses: 80 });
    await expectFocusOnErrorSummary(page, "دلیل رد درخواست را انتخاب کنید.", reject);
    await expectAccessible(page);
    await tabAndEnter(page, reject.getByRole("link", { name: "دلیل رد درخواست را انتخاب کنید." }));
    const reason = reject.getByLabel("دلیل رد");
    await expectVisibleFocus(page, reason);
    await arrowUntil(page, async () => (await reason.inputValue()) !== "");

    // Returned instead, for one document (back up the page with Shift+Tab).
    const returnForm = page.getByRole("region", { name: "برگشت برای تکمیل مدارک" });
    const firstDocument = returnForm.getByRole("checkbox").first();
    await tabTo(page, firstDocument, { backwards: true });
    await page.keyboard.press("Space");
    await expect(firstDocument).toBeChecked();
    await typeInto(page, returnForm.getByLabel("توضیح برای متقاضی"), "تصویر واضح‌تری بفرستید.");
    await tabAndEnter(page, returnForm.getByRole("button", { name: "برگشت برای تکمیل مدارک" }));
    await expect(page.getByRole("status")).toContainText("برگشت داده شد", { timeout: 15_000 });
    await expectFocusOnHeading(page, new RegExp(WIFE.firstName));

    // The applicant sends the document again.
    await citizen.goto("/account/dependents");
    await citizen.getByRole("list", { name: "درخواست‌های نام‌نویسی" }).getByRole("listitem").filter({ hasText: persian(code.slice(0, 4)) }).getByRole("link").click();
    const todo = citizen.getByRole("region", { name: "کاری که باید انجام دهید" });
    await todo.getByLabel("مدرک اول").setInputFiles({ name: "clearer.pdf", mimeType: "application/pdf", buffer: PDF });
    await todo.getByRole("button", { name: "ارسال مدارک و ادامه بررسی" }).click();
    await expect(citizen.getByRole("status")).toContainText("مدارک شما دریافت شد", { timeout: 15_000 });
    await citizen.context().close();

    // The officer approves.
    await page.reload();
    await expect(page.getByRole("main")).toContainText("clearer.pdf");
    const approve = page.getByRole("region", { name: "تأیید درخواست" });
    await tabAndEnter(page, approve.getByRole("button", { name: "تأیید درخواست" }), { maxPresses: 100 });
    await expect(page.getByRole("status")).toContainText("درخواست تأیید شد", { timeout: 15_000 });
    await expectFocusOnHeading(page, new RegExp(WIFE.firstName));

    // A PDF previewed in the page when asked for (the viewer then has the focus, as the person wanted).
    const preview = documents.getByRole("button", { name: /پیش‌نمایش در همین صفحه/ }).first();
    await tabAndEnter(page, preview);
    await expect(documents.locator("iframe")).toHaveCount(1);
    await expect(documents.locator("iframe")).toBeVisible();
  });

  test("a branch head reassigns a question, with the keyboard alone", async ({ browser, page }) => {
    test.setTimeout(150_000);
    const { subject, code } = await questionFromApplicant(browser, "کسر حق بیمه");

    await staffSignInWithKeyboard(page, HEAD);
    await openFromQueueWithKeyboard(page, code);
    await expect(heading(page)).toHaveText(subject);

    // No one chosen: refused. Then the colleague, with arrow keys.
    await tabAndEnter(page, page.getByRole("button", { name: "واگذاری" }));
    await expectFocusOnErrorSummary(page, /انتخاب/);
    const assignee = page.getByLabel("واگذاری به");
    await tabTo(page, assignee);
    await arrowUntil(page, async () => (await chosenOption(assignee)).startsWith(COLLEAGUE.name));
    await tabAndEnter(page, page.getByRole("button", { name: "واگذاری" }));
    await expect(page.getByRole("status")).toContainText("درخواست واگذار شد", { timeout: 15_000 });
    await expectFocusOnHeading(page, subject);
    await expect(page.getByRole("main")).toContainText(`در دست ${COLLEAGUE.name}`);
  });
});

// Branch 1202: Gholamreza (family B) and his 12-year-old son, whom no other spec enrols. The
// enrolment is filed at the branch (he needs no account for it; registration.spec may register
// him meanwhile, which changes nothing here), then rejected with the keyboard alone.
const WALK_IN = { nationalId: "6658477736", birthDate: "1350/12/10" };
const WALK_IN_SON = { nationalId: "4773018933", birthDate: "1393/04/04", firstName: "یاسین" };
const OFFICER_1202 = "120201";

test("an officer rejects an enrolment filed at the branch, with the keyboard alone", async ({ page }) => {
  test.setTimeout(180_000);
  // Filed with the mouse: the subject here is the reject form.
  await staffSignIn(page, OFFICER_1202);
  await page.goto("/staff/file-on-behalf");
  await page.getByLabel("کد ملی بیمه‌شده").fill(WALK_IN.nationalId);
  await page.getByLabel("تاریخ تولد بیمه‌شده").fill(WALK_IN.birthDate);
  await page.getByRole("button", { name: "ادامه", exact: true }).click();
  await page.getByLabel("کد ملی", { exact: true }).fill(WALK_IN_SON.nationalId);
  await page.getByLabel("تاریخ تولد").fill(WALK_IN_SON.birthDate);
  await page.getByRole("radio", { name: "پسر", exact: true }).check();
  await page.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
  await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible({ timeout: 15_000 });
  const inputs = page.locator('input[type="file"]');
  for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).setInputFiles({ name: `document-${i}.pdf`, mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "تایید و ادامه" }).click();
  await expect(page).toHaveURL(/\/staff\/requests\/[0-9a-f-]{36}\?filed=1$/, { timeout: 30_000 });
  await expect(heading(page)).toContainText(WALK_IN_SON.firstName);

  // From here the keyboard alone: claim, then reject with a reason chosen with arrow keys.
  await page.reload();
  await expect(heading(page)).toContainText(WALK_IN_SON.firstName);
  await tabAndEnter(page, page.getByRole("button", { name: "برداشتن درخواست" }), { maxPresses: 80 });
  await expect(page.getByRole("status")).toContainText("درخواست را برداشتید", { timeout: 15_000 });
  await expectFocusOnHeading(page, new RegExp(WALK_IN_SON.firstName));
  const reject = page.getByRole("region", { name: "رد درخواست" });
  const reason = reject.getByLabel("دلیل رد");
  await tabTo(page, reason, { maxPresses: 100 });
  await arrowUntil(page, async () => (await reason.inputValue()) !== "");
  await typeInto(page, reject.getByLabel("توضیح برای متقاضی"), "شناسنامه فرزند با مشخصات ثبت احوال یکی نیست.");
  await tabAndEnter(page, reject.getByRole("button", { name: "رد درخواست" }));
  await expect(page.getByRole("status")).toContainText("درخواست رد شد", { timeout: 15_000 });
  await expectFocusOnHeading(page, new RegExp(WALK_IN_SON.firstName));
});

test("a branch head reads the deadline dashboard and goes on to the overdue requests, with the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  await staffSignInWithKeyboard(page, HEAD);
  await tabAndEnter(page, page.getByRole("link", { name: "داشبورد مهلت‌ها" }));
  await expectFocusOnHeading(page, "داشبورد مهلت‌ها");

  // The table of officers scrolls in its own box: Tab reaches it and the arrow keys scroll it.
  const table = page.getByRole("region", { name: "جدول کار هر کارشناس" });
  await tabTo(page, table);
  await page.keyboard.press("ArrowLeft");
  // Back up to the overdue requests and open them.
  await tabAndEnter(page, page.getByRole("link", { name: "درخواست‌های از موعد گذشته" }), { backwards: true });
  await expectFocusOnHeading(page, "کارتابل درخواست‌ها");
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.getByRole("checkbox", { name: "گذشته از موعد" })).toBeChecked();
});

test("the administrator adds a holiday far ahead and deletes it, with the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  // A year no other test and no deadline reaches; the holiday is deleted again below.
  const day = "۱۴۱۰/۰۲/۰۵";
  const title = randomSubject("آزمون صفحه‌کلید");
  await staffSignInWithKeyboard(page, ADMIN);
  await tabAndEnter(page, page.getByRole("link", { name: "تعطیلات رسمی", exact: true }));
  await expectFocusOnHeading(page, "تعطیلات رسمی");

  // The title without a date: refused, the title kept, the summary leads to the date.
  const form = page.getByRole("region", { name: "افزودن تعطیلی" });
  await typeInto(page, form.getByLabel("عنوان تعطیلی"), title, { maxPresses: 150 });
  await tabAndEnter(page, form.getByRole("button", { name: "افزودن تعطیلی" }));
  await expectFocusOnErrorSummary(page, /تاریخ/);
  await expect(form.getByLabel("عنوان تعطیلی")).toHaveValue(title);
  await tabAndEnter(page, page.getByRole("alert", { name: "مشکلی وجود دارد" }).getByRole("link").first());
  await expectVisibleFocus(page, form.getByLabel("تاریخ", { exact: true }));
  await page.keyboard.type(day);
  await tabAndEnter(page, form.getByRole("button", { name: "افزودن تعطیلی" }));
  await expect(page.getByRole("status")).toHaveText("تعطیلی افزوده شد.", { timeout: 15_000 });
  await expectFocusOnHeading(page, "تعطیلات رسمی");

  const row = page.getByRole("table", { name: "تعطیلات سال ۱۴۱۰" }).getByRole("row").filter({ hasText: title });
  await tabAndEnter(page, row.getByRole("button", { name: /حذف/ }), { maxPresses: 80 });
  await expect(page.getByRole("status")).toHaveText("تعطیلی حذف شد.", { timeout: 15_000 });
  await expect(row).toHaveCount(0);
  await expectFocusOnHeading(page, "تعطیلات رسمی");
});

test("the skip link moves a visible focus to the main content", async ({ page }) => {
  await page.goto("/staff/login");
  const skip = page.getByRole("link", { name: "پرش به محتوای اصلی" });
  await tabTo(page, skip);
  await page.keyboard.press("Enter");
  await expectVisibleFocus(page, page.getByRole("main"));
  // And the next Tab goes on inside it.
  await tabTo(page, page.getByLabel("کد پرسنلی"));
});
