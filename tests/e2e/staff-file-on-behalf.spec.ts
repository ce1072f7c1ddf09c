import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, PDF, expect, expectAccessible, persian, staffSignIn, test } from "./fixtures";

// Branch 1202: Zeinab (family F) is insured there and has a demo account. Only
// this spec files a request for her 7-year-old son; dependents.spec.ts types his
// national ID as someone unrelated to family A, which a request under his mother
// does not change, and its family F test enrols the daughter, not him.
const OFFICER = "120201";
const OTHER_BRANCH_OFFICER = "120101";
const ADMIN = "900001";
const CITIZEN = { nationalId: "6978758371", birthDate: "۱۳۶۸/۰۲/۱۴", born: "13680214", name: "زینب رحیمی", maskedMobile: "0912***7763" };
const SON = { nationalId: "0065463552", birthDate: "۱۳۹۸/۰۱/۲۰", firstName: "محمد", name: "محمد جعفری" };
// A demo pensioner of branch 1201, with an account: not found from branch 1202.
const OTHER_BRANCH_CITIZEN = "0012345679";


const errorSummary = (page: Page) => page.getByRole("alert", { name: "مشکلی وجود دارد" });

test("an officer files a son's enrolment for an insured mother who came to the branch", async ({ page }) => {
  // Six pages checked with axe, a registry look-up and an upload: slow on a loaded machine.
  test.setTimeout(150_000);
  await staffSignIn(page, OFFICER);
  await page.getByRole("link", { name: "ثبت حضوری درخواست" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ثبت حضوری از طرف بیمه‌شده");
  await expectAccessible(page);

  // A mistyped code (Persian digits, wrong check digit): named, and kept as typed.
  const nationalId = page.getByLabel("کد ملی بیمه‌شده");
  const birthDate = page.getByLabel("تاریخ تولد بیمه‌شده");
  await nationalId.fill("۶۹۷۸۷۵۸۳۷۲");
  await birthDate.fill(CITIZEN.birthDate);
  await page.getByRole("button", { name: "ادامه", exact: true }).click();
  await expect(errorSummary(page)).toContainText("کد ملی معتبر نیست");
  await expect(nationalId).toHaveValue("۶۹۷۸۷۵۸۳۷۲");
  await expect(birthDate).toHaveValue(CITIZEN.birthDate);
  await expectAccessible(page);

  // Someone of another branch is not found here.
  await nationalId.fill(OTHER_BRANCH_CITIZEN);
  await page.getByRole("button", { name: "ادامه", exact: true }).click();
  await expect(errorSummary(page)).toContainText("در این شعبه پیدا نشد");
  await expect(nationalId).toHaveValue(OTHER_BRANCH_CITIZEN);

  await nationalId.fill(persian(CITIZEN.nationalId));
  await page.getByRole("button", { name: "ادامه", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/file-on-behalf/${CITIZEN.nationalId}\\?born=${CITIZEN.born}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(CITIZEN.name);
  await expect(page.getByText("ثبت حضوری از طرف بیمه‌شده", { exact: true })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(persian(CITIZEN.maskedMobile));
  await expect(page.getByRole("main")).not.toContainText(persian("09128207763"));
  await expectAccessible(page);

  await page.getByLabel("کد ملی", { exact: true }).fill(SON.nationalId);
  await page.getByLabel("تاریخ تولد").fill(SON.birthDate);
  await page.getByRole("radio", { name: "پسر", exact: true }).check();
  await page.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
  await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: new RegExp(`^${SON.firstName}$`) })).toBeVisible();
  await expect(page.getByText("ثبت حضوری از طرف بیمه‌شده", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("صفحات شناسنامه").setInputFiles({ name: "birth.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "تایید و ادامه" }).click();
  // The request as branch staff review it, marked as filed at the branch.
  await expect(page).toHaveURL(/\/staff\/requests\/[0-9a-f-]{36}\?filed=1$/);
  await expect(page.getByRole("status").filter({ hasText: "درخواست از طرف بیمه‌شده ثبت شد" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(SON.name);
  await expect(page.getByRole("main")).toContainText("ثبت حضوری در شعبه توسط علی رضایی");
});

// Branch 1202: Hadi has no online account (a walk-in). The number his record lists is his
// mother's, so the operator does not confirm it as his. Only this spec files for him.
const WALK_IN = { nationalId: "4652777612", birthDate: "۱۳۷۲/۱۲/۱۲", name: "هادی تهرانی", mothersMobile: "09103280787" };
const HIS_MOTHER = { nationalId: "9367050534", birthDate: "۱۳۴۵/۰۲/۰۲", name: "شهلا کرمانی" };

test("an officer files for an insured man with no online account, who follows it with his tracking code", async ({ page }) => {
  test.setTimeout(150_000);
  await staffSignIn(page, OFFICER);
  await page.goto("/staff/file-on-behalf");
  await page.getByLabel("کد ملی بیمه‌شده").fill(WALK_IN.nationalId);
  await page.getByLabel("تاریخ تولد بیمه‌شده").fill(WALK_IN.birthDate);
  const mobile = page.getByLabel(/^شماره همراه بیمه‌شده/);
  await mobile.fill(WALK_IN.mothersMobile);
  await page.getByRole("button", { name: "ادامه", exact: true }).click();
  // Not his number: no text message may go there; what was typed stays.
  await expect(errorSummary(page)).toContainText("به نام این بیمه‌شده ثبت نشده است");
  await expect(mobile).toHaveValue(WALK_IN.mothersMobile);
  await expectAccessible(page);
  await mobile.fill("");
  await page.getByRole("button", { name: "ادامه", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(WALK_IN.name);
  await expect(page.getByRole("main")).toContainText("پیامکی فرستاده نمی‌شود");
  await expect(page.getByRole("main")).toContainText("در سامانه حساب کاربری ندارد");
  await expectAccessible(page);

  await page.getByLabel("کد ملی", { exact: true }).fill(HIS_MOTHER.nationalId);
  await page.getByLabel("تاریخ تولد").fill(HIS_MOTHER.birthDate);
  await page.getByRole("radio", { name: "مادر", exact: true }).check();
  await page.getByRole("group", { name: "آیا مخارج زندگی او را شما تأمین می‌کنید؟" }).getByRole("radio", { name: "بله" }).check();
  await page.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
  await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible();
  const inputs = page.locator('input[type="file"]');
  for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).setInputFiles({ name: `document-${i}.pdf`, mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "تایید و ادامه" }).click();
  await expect(page).toHaveURL(/\/staff\/requests\/[0-9a-f-]{36}\?filed=1$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(HIS_MOTHER.name);
  const code = (await page.getByRole("definition").filter({ hasText: /^[۰-۹]{4}-[۰-۹]{3}-[۰-۹]{3}$/ }).first().innerText()).trim();

  // He follows it at «پیگیری وضعیت درخواست» with the code on paper and his national ID.
  const visitor = await page.context().browser()!.newPage();
  await visitor.goto("/track");
  await visitor.getByLabel("کد رهگیری").fill(code);
  await visitor.getByLabel("کد ملی").fill(WALK_IN.nationalId);
  await visitor.getByRole("button", { name: "پیگیری" }).click();
  await expect(visitor.getByRole("region", { name: "وضعیت درخواست" })).toBeVisible();
  await visitor.close();
});

test.describe("who may not", () => {
  // Next answers a notFound() from a dynamic page with an error shell that the
  // client replaces; the 404 of the page itself (and Chromium's look for
  // /favicon.ico meanwhile) are expected. See admin-holidays.spec.ts.
  test.use({ allowedErrorUrls: [/\/(staff\/file-on-behalf(\/\d+(\?born=\d+)?)?|favicon\.ico)$/] });

  test("an administrator gets the not-found page", async ({ page }) => {
    await staffSignIn(page, ADMIN);
    expect((await page.goto("/staff/file-on-behalf"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("صفحه پیدا نشد");
    expect((await page.goto(`/staff/file-on-behalf/${CITIZEN.nationalId}?born=${CITIZEN.born}`))?.status()).toBe(404);
  });

  test("an officer of another branch cannot open the citizen's form", async ({ page }) => {
    await staffSignIn(page, OTHER_BRANCH_OFFICER);
    expect((await page.goto(`/staff/file-on-behalf/${CITIZEN.nationalId}?born=${CITIZEN.born}`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("صفحه پیدا نشد");
  });

  test("a citizen gets the not-found page", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("کد ملی").fill(OTHER_BRANCH_CITIZEN);
    await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ورود" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من");
    expect((await page.goto("/staff/file-on-behalf"))?.status()).toBe(404);
  });
});

test("signed out, the page sends you to the staff sign-in", async ({ page }) => {
  await page.goto("/staff/file-on-behalf");
  await expect(page).toHaveURL(/\/staff\/login$/);
});
