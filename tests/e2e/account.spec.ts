import { DEMO_PASSWORD, expect, expectAccessible, latestSmsTo, test } from "./fixtures";

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
