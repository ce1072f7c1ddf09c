import { generate } from "otplib";
import { DEMO_PASSWORD, expect, expectAccessible, latestSmsTo, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

// The demo account reserved for this test.
const NATIONAL_ID = "7198108121";
const MOBILE = "09372295848";
const NEW_PASSWORD = "saffron fields in late autumn";

test("a signed-in citizen sees their services and changes the password", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("کد ملی").fill(NATIONAL_ID);
  await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من");
  await expect(page.getByText("ابراهیم مرادی، خوش آمدید.")).toBeVisible();
  await expect(page.getByText("شعبه ۱ کرج")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "تغییر گذرواژه" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("تغییر گذرواژه");
  await expectAccessible(page);
  await page.getByLabel("گذرواژه فعلی").fill("not my password");
  await page.getByLabel("گذرواژه", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("تکرار گذرواژه").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "تغییر گذرواژه" }).click();
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("گذرواژه فعلی درست نیست.");

  await page.getByLabel("گذرواژه فعلی").fill(DEMO_PASSWORD);
  await page.getByLabel("گذرواژه", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("تکرار گذرواژه").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "تغییر گذرواژه" }).click();
  await expect(page.getByRole("status")).toContainText("گذرواژه شما تغییر کرد");
  expect(await latestSmsTo(page, MOBILE)).toContain("گذرواژه حساب شما");

  await page.getByRole("button", { name: "خروج" }).click();
  await page.goto("/login");
  await page.getByLabel("کد ملی").fill(NATIONAL_ID);
  await page.getByLabel("گذرواژه").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من");
});

test("a citizen turns on the second factor, signs in with the app's code, and turns it off with one", async ({ page }) => {
  // It waits for the app's next code twice (up to 30 s each): more than the default minute.
  test.setTimeout(150_000);
  // Same reserved account, after the test above changed its password (serial file).
  await page.goto("/login");
  await page.getByLabel("کد ملی").fill(NATIONAL_ID);
  await page.getByLabel("گذرواژه").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من");
  await page.getByRole("link", { name: "ورود دومرحله‌ای" }).click();
  await page.getByRole("button", { name: "فعال‌سازی ورود دومرحله‌ای" }).click();
  const secret = (await page.locator("figcaption code").innerText()).replace(/\s/g, "");
  await expectAccessible(page);
  await page.getByLabel("کد شش‌رقمی برنامه").fill(await generate({ secret }));
  await page.getByRole("button", { name: "تأیید و فعال‌سازی" }).click();
  await expect(page.getByRole("list", { name: "کدهای بازیابی" }).getByRole("listitem")).toHaveCount(10);

  // Signing in now takes the code too.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("کد ملی").fill(NATIONAL_ID);
  await page.getByLabel("گذرواژه").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد ورود دومرحله‌ای");
  await expectAccessible(page);
  // The next time step's code: the one typed at enrolment is used.
  const next = Date.now() + 30_000;
  await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 300);
  await page.getByLabel("کد ورود دومرحله‌ای").fill(await generate({ secret, epoch: Math.floor(next / 1000) }));
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من");

  await page.goto("/account/security");
  await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 300);
  await page.getByLabel("کد برنامه یا کد بازیابی").fill(await generate({ secret }));
  await page.getByRole("button", { name: "غیرفعال کردن ورود دومرحله‌ای" }).click();
  await expect(page.getByRole("status")).toContainText("ورود دومرحله‌ای غیرفعال شد.");
});
