import { DEMO_PASSWORD, expect, expectAccessible, latestCodeTo, latestSmsTo, test } from "./fixtures";

// The demo account reserved for this test (no other test signs in with it).
const NATIONAL_ID = "1028765967";
const MOBILE = "09193268957";
const NEW_PASSWORD = "walnut trees by the old bridge";

test("a citizen resets a forgotten password with a code, and other sessions end", async ({ page, browser }) => {
  // Signed in elsewhere first (another device).
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/login");
  await otherPage.getByLabel("کد ملی").fill(NATIONAL_ID);
  await otherPage.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
  await otherPage.getByRole("button", { name: "ورود" }).click();
  await expect(otherPage).toHaveURL(/\/account$/);

  await page.goto("/login");
  await page.getByRole("link", { name: "گذرواژه را فراموش کرده‌ام" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("بازیابی گذرواژه");
  await expectAccessible(page);
  await page.getByLabel("کد ملی").fill(NATIONAL_ID);
  await page.getByLabel("شماره همراه").fill("۰۹۱۹۳۲۶۸۹۵۷");
  await page.getByRole("button", { name: "ارسال کد تأیید" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد تأیید را وارد کنید");
  await expectAccessible(page);
  await page.getByLabel("کد تأیید").fill(await latestCodeTo(page, MOBILE));
  await page.getByRole("button", { name: "مرحله بعد" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("گذرواژه تازه را انتخاب کنید");
  await expectAccessible(page);
  // The person's own details are refused inside the new password.
  await page.getByLabel("گذرواژه", { exact: true }).fill("key-1028765967-x");
  await page.getByLabel("تکرار گذرواژه").fill("key-1028765967-x");
  await page.getByRole("button", { name: "ذخیره گذرواژه" }).click();
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toBeVisible();
  await page.getByLabel("گذرواژه", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("تکرار گذرواژه").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "ذخیره گذرواژه" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("گذرواژه شما تغییر کرد");
  await expectAccessible(page);
  expect(await latestSmsTo(page, MOBILE)).toContain("گذرواژه حساب شما");

  // The other device is signed out.
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/login$/);
  await other.close();

  await page.getByRole("link", { name: "ورود به سامانه" }).click();
  await page.getByLabel("کد ملی").fill(NATIONAL_ID);
  await page.getByLabel("گذرواژه").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من");
  await expect(page.getByText("کاظم یزدانی، خوش آمدید.")).toBeVisible();
});

test("a wrong national ID and mobile pair gets the same answer and no working code", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("کد ملی").fill("6658477736");
  await page.getByLabel("شماره همراه").fill("09120001122");
  await page.getByRole("button", { name: "ارسال کد تأیید" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد تأیید را وارد کنید");
  await page.getByLabel("کد تأیید").fill("123456");
  await page.getByRole("button", { name: "مرحله بعد" }).click();
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("کد درست نیست یا منقضی شده است");
});
