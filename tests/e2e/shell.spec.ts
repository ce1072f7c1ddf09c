import { DEMO_PASSWORD, enterStaffCode, expect, expectAccessible, test } from "./fixtures";

test("the home page explains the services in Persian, right to left", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fa");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات غیرحضوری تأمین اجتماعی");
  await expect(page.getByRole("heading", { name: "نام‌نویسی افراد تحت تکفل" })).toBeVisible();
  // The font is self-hosted, not fetched from a third party.
  const fontFamily = await page.locator("body").evaluate((el) => getComputedStyle(el).fontFamily);
  expect(fontFamily.toLowerCase()).toContain("vazirmatn");
  expect(await page.evaluate(async () => (await document.fonts.ready, document.fonts.check("16px vazirmatn")))).toBe(true);
  await expect(page.getByRole("link", { name: "ورود", exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("the skip link takes keyboard users to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "پرش به محتوای اصلی" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test.describe("not found", () => {
  test.use({ allowedErrorUrls: [/\/no-such-page$/] });
  test("an unknown address shows a Persian not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("صفحه پیدا نشد");
  await expectAccessible(page);
  });
});

test("the demo outbox lists text messages (empty at first)", async ({ page }) => {
  await page.goto("/dev/outbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("صندوق پیامک‌های آزمایشی");
  await expectAccessible(page);
});

test("a citizen signs in with Persian digits, sees the header change, and signs out", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "ورود به سامانه" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ورود بیمه‌شدگان و مستمری‌بگیران");
  await expectAccessible(page);

  // A wrong password: the error summary takes focus and the national ID is kept.
  await page.getByLabel("کد ملی").fill("۰۰۱۲۳۴۵۶۷۹");
  await page.getByLabel("گذرواژه").fill("not-the-password");
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("کد ملی یا گذرواژه درست نیست.");
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toBeFocused();
  await expect(page.getByLabel("کد ملی")).toHaveValue("۰۰۱۲۳۴۵۶۷۹");
  await expect(page.getByLabel("گذرواژه")).toHaveValue("");
  await expectAccessible(page);

  await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من");
  await expect(page.getByText("محمد رضایی، خوش آمدید.")).toBeVisible();
  await expect(page.getByText("شعبه ۱ تهران")).toBeVisible();
  await expect(page.getByText("مستمری‌بگیر")).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("محمد رضایی");
  await expectAccessible(page);

  await page.getByRole("button", { name: "خروج" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "ورود", exact: true })).toBeVisible();
  // The session is revoked on the server: the account page is closed again.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login$/);
});

test("a sign-in form with empty fields names each missing field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "ورود" }).click();
  const summary = page.getByRole("alert", { name: "مشکلی وجود دارد" });
  await expect(summary).toContainText("کد ملی را وارد کنید.");
  await expect(summary).toContainText("گذرواژه را وارد کنید.");
  await summary.getByRole("link", { name: "کد ملی را وارد کنید." }).click();
  await expect(page.getByLabel("کد ملی")).toBeFocused();
});

test("staff sign in separately with a personnel code", async ({ page }) => {
  await page.goto("/staff/login");
  await expectAccessible(page);
  await page.getByLabel("کد پرسنلی").fill("120190");
  await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  // The password is checked first (argon2, slow on a loaded machine): the code page, as the person waits for it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد ورود دومرحله‌ای", { timeout: 20_000 });
  await expectAccessible(page);
  await enterStaffCode(page, "120190");
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByText("رئیس شعبه")).toBeVisible();
  await expect(page.getByText("شعبه ۱ تهران")).toBeVisible();
  await expectAccessible(page);
  // A staff session does not open citizen pages: it is sent back to the staff desk.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/staff$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in still works as a plain form post", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("کد ملی").fill("0012345679");
    await page.getByLabel("گذرواژه").fill("wrong-password-here");
    await page.getByRole("button", { name: "ورود" }).click();
    await expect(page.getByText("کد ملی یا گذرواژه درست نیست.")).toBeVisible();
    await expect(page.getByLabel("کد ملی")).toHaveValue("0012345679");
    await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ورود" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من");
  });
});
