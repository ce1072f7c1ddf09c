import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { layoutProblemsAtEverySetting } from "../support/page-layout";
import { DEMO_PASSWORD, PNG, citizenSignIn, expect, latestCodeTo, staffSignIn, test } from "./fixtures";
import { JOURNEY_ROUTES, LAYOUT_PAGES, NOT_MEASURED, type Ids, type Visitor } from "./page-layout.pages";

// Large text and narrow screens (WCAG 2.2 SC 1.4.4, 1.4.10, 1.4.12): every page
// of page-layout.pages.ts, each measured in place at 200 % text on 390 and 1280
// px, at 320 px with normal text, and with SC 1.4.12's text spacing
// (tests/support/page-layout.ts). One test per kind of visitor, who signs in once.

const CITIZEN = "0012345679";
const HEAD = "120190";
const ADMIN = "900001";
// Insured, a mobile in her own name, no account, used by no other test: with a father's name
// the registry does not hold, her registration goes through every step and ends on the
// result page with a refusal (an uninsured person is refused right after the identity step).
const SARA = { nationalId: "3983532128", mobile: "09217583985", firstName: "سارا", lastName: "مهدوی", fatherName: "عبدالرحیم", birthDate: "1365/05/05" };
// A valid national ID with no account: asking for a password reset for it sends nothing to anyone.
const NO_ACCOUNT = { nationalId: "4240806471", mobile: "09375563122" };

/** Every route under app/ that has a page.tsx, as `/a/[b]`. */
function appRoutes(): string[] {
  const appDir = path.resolve(import.meta.dirname, "../../app");
  const files = fs.readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "page.tsx");
  return files
    .map((f) => `/${path.dirname(f).split(path.sep).filter((part) => part !== "." && !/^\(.*\)$/.test(part)).join("/")}`)
    .map((route) => (route === "/." || route === "/" ? "/" : route))
    .sort();
}

test("every page under app/ is measured, or left out with a reason", () => {
  const listed = new Set([...LAYOUT_PAGES.map((p) => p.route), ...JOURNEY_ROUTES, ...Object.keys(NOT_MEASURED)]);
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(30);
  expect(routes.filter((route) => !listed.has(route)), "pages in app/ missing from page-layout.pages.ts").toEqual([]);
  expect([...listed].filter((route) => !routes.includes(route)), "routes in page-layout.pages.ts that app/ no longer has").toEqual([]);
});

/** Opens a page, waits for its heading, and measures it. */
async function measure(page: Page, where: string, problems: string[]) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  problems.push(...(await layoutProblemsAtEverySetting(page)).map((problem) => `${where} at ${problem}`));
}

async function measureListed(page: Page, visitor: Visitor, ids: Ids) {
  const problems: string[] = [];
  for (const entry of LAYOUT_PAGES.filter((p) => p.visitor === visitor)) {
    const address = typeof entry.path === "string" ? entry.path : entry.path(ids);
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(200);
    await measure(page, entry.state ? `${entry.route} (${entry.state})` : entry.route, problems);
  }
  return problems;
}

const noIds: Ids = { requestId: "" };

/** The demo citizen files a question with an attachment in his own browser; returns its id. */
async function fileQuestion(browser: Browser): Promise<string> {
  const context = await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" });
  const citizen = await context.newPage();
  await citizenSignIn(citizen, CITIZEN);
  await citizen.goto("/account/requests/new");
  await citizen.getByRole("radio", { name: /^بیمه‌ای/ }).check();
  await citizen.getByLabel("موضوع").fill("اندازه صفحه با متن درشت");
  await citizen.getByLabel("متن پرسش یا درخواست").fill("این پرسش برای آزمون نمایش صفحه‌ها با متن درشت ثبت شده است.");
  await citizen.getByLabel("پیوست (اختیاری)").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: PNG });
  await citizen.getByRole("button", { name: "ثبت پرسش" }).click();
  await expect(citizen.getByRole("status")).toContainText("درخواست شما ثبت شد");
  const requestId = /\/account\/requests\/([0-9a-f-]{36})/.exec(citizen.url())![1]!;
  await context.close();
  return requestId;
}

test.describe("every page at 200 % text, 320 px and wide text spacing", () => {
  test("public pages, the registration wizard and the reset and staff sign-in steps", async ({ page }) => {
    test.setTimeout(240_000);
    const problems = await measureListed(page, "anonymous", noIds);

    // Registration, step by step, to the result (a refusal: she has no insurance record).
    await page.goto("/register");
    await page.getByRole("link", { name: "شروع ثبت‌نام" }).click();
    const next = () => page.getByRole("button", { name: "مرحله بعد" }).click();
    const step = async (route: string, heading: string) => {
      await expect(page).toHaveURL(new RegExp(`${route}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await measure(page, route, problems);
    };
    await step("/register/national-id", "کد ملی خود را وارد کنید");
    await page.getByLabel("کد ملی").fill(SARA.nationalId);
    await next();
    await step("/register/mobile", "شماره همراه خود را وارد کنید");
    await page.getByLabel("شماره همراه").fill(SARA.mobile);
    await next();
    await step("/register/verify", "کد تأیید را وارد کنید");
    await page.getByLabel("کد تأیید").fill(await latestCodeTo(page, SARA.mobile));
    await next();
    await step("/register/identity", "مشخصات هویتی خود را وارد کنید");
    await page.getByLabel("نام", { exact: true }).fill(SARA.firstName);
    await page.getByLabel("نام خانوادگی").fill(SARA.lastName);
    await page.getByLabel("نام پدر").fill(SARA.fatherName);
    await page.getByLabel("تاریخ تولد").fill(SARA.birthDate);
    await next();
    await step("/register/account", "گذرواژه خود را انتخاب کنید");
    await page.getByLabel("گذرواژه", { exact: true }).fill("a quiet river at dawn");
    await page.getByLabel("تکرار گذرواژه").fill("a quiet river at dawn");
    await next();
    await step("/register/review", "اطلاعات خود را بازبینی کنید");
    await page.getByRole("button", { name: "تایید و ارسال درخواست" }).click();
    await expect(page).toHaveURL(/\/register\/result$/, { timeout: 15_000 });
    await measure(page, "/register/result (a refusal)", problems);

    // A password reset asked for a national ID with no account: the code page, with nothing sent.
    await page.goto("/forgot-password");
    await page.getByLabel("کد ملی").fill(NO_ACCOUNT.nationalId);
    await page.getByLabel("شماره همراه").fill(NO_ACCOUNT.mobile);
    await page.getByRole("button", { name: "ارسال کد تأیید" }).click();
    await expect(page).toHaveURL(/\/forgot-password\/verify$/);
    await measure(page, "/forgot-password/verify", problems);

    // The staff sign-in's second step (the code is never typed).
    await page.goto("/staff/login");
    await page.getByLabel("کد پرسنلی").fill(HEAD);
    await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ورود" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد ورود دومرحله‌ای", { timeout: 20_000 });
    await measure(page, "/staff/login/code", problems);

    expect(problems).toEqual([]);
  });

  test("the citizen's pages, with a request of his own and a dependent found in the registry", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const requestId = await fileQuestion(browser);
    await citizenSignIn(page, CITIZEN);
    const problems = await measureListed(page, "citizen", { requestId });

    // The enrolment form's second half: the person found, the document checklist.
    // His wife is covered already, which the look-up says without changing anything.
    await page.goto("/account/dependents/new");
    await page.getByLabel("کد ملی").fill("6232911776");
    await page.getByLabel("تاریخ تولد").fill("1357/02/11");
    await page.getByRole("radio", { name: "همسر (زن)", exact: true }).check();
    await page.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
    await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("هم‌اکنون تحت پوشش بیمه شماست");
    await measure(page, "/account/dependents/new (a refusal in the error summary)", problems);

    // The second half, with the document checklist: family D's youngest son, looked up and never filed
    // (dependents.spec.ts enrols his mother, sister and grandmother, never him).
    const other = await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" });
    const father = await other.newPage();
    await citizenSignIn(father, "7404642231");
    await father.goto("/account/dependents/new");
    await father.getByLabel("کد ملی").fill("5804415565");
    await father.getByLabel("تاریخ تولد").fill("1389/12/25");
    await father.getByRole("radio", { name: "پسر", exact: true }).check();
    await father.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
    await expect(father.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible();
    await father.locator('input[type="file"]').first().setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: PNG });
    await expect(father.getByRole("img", { name: /^پیش‌نمایش / })).toBeVisible();
    await measure(father, "/account/dependents/new (the person found, the documents to upload, one previewed)", problems);
    await other.close();
    expect(problems).toEqual([]);
  });

  test("a branch head's pages, with a request she has claimed", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const requestId = await fileQuestion(browser);
    await staffSignIn(page, HEAD);
    await page.goto(`/staff/requests/${requestId}`);
    await page.getByRole("button", { name: "برداشتن درخواست" }).click();
    await expect(page.getByRole("region", { name: "پاسخ به پرسش" })).toBeVisible({ timeout: 15_000 });
    const problems = await measureListed(page, "head", { requestId });
    expect(problems).toEqual([]);
  });

  test("the administrator's pages", async ({ page }) => {
    test.setTimeout(240_000);
    await staffSignIn(page, ADMIN);
    const problems = await measureListed(page, "admin", noIds);
    expect(problems).toEqual([]);
  });
});
