import { DEMO_PASSWORD, expect, expectAccessible, hiddenFields, latestCodeTo, latestSmsTo, test } from "./fixtures";

// The demo account reserved for this test (no other test signs in with it).
const NATIONAL_ID = "1028765967";
const MOBILE = "09193268957";
const NEW_PASSWORD = "walnut trees by the old bridge";

const REFUSED_CODE = "کد پذیرفته نشد";

test("a citizen resets a forgotten password with a code, and other sessions end; the verified step cannot be replayed", async ({ page, browser, playwright, baseURL }) => {
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
  // What an attacker who copied this browser's cookie and form would replay later.
  const captured = { cookie: (await page.context().cookies()).find((c) => c.name === "tamin.reset")!.value, fields: hiddenFields(await page.content()) };
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

  // The captured flow is used up: a replay sets no password.
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `tamin.reset=${captured.cookie}`, origin: baseURL! } });
  const replayed = await replay.post("/forgot-password/new-password", {
    multipart: { ...captured.fields, password: "an attacker's own passphrase", passwordConfirm: "an attacker's own passphrase" },
    maxRedirects: 0,
  });
  expect(replayed.headers()["location"] ?? "").not.toContain("/forgot-password/done");
  await replay.dispose();
});

test("a wrong national ID and mobile pair gets the same answer and no working code", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("کد ملی").fill("6658477736");
  await page.getByLabel("شماره همراه").fill("09120001122");
  await page.getByRole("button", { name: "ارسال کد تأیید" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد تأیید را وارد کنید");
  await page.getByLabel("کد تأیید").fill("123456");
  await page.getByRole("button", { name: "مرحله بعد" }).click();
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText(REFUSED_CODE);
});

test("a wrong code gets the same words for a registered national ID and mobile as for an unknown pair", async ({ browser }) => {
  const messageFor = async (nationalId: string, mobile: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/forgot-password");
    await page.getByLabel("کد ملی").fill(nationalId);
    await page.getByLabel("شماره همراه").fill(mobile);
    await page.getByRole("button", { name: "ارسال کد تأیید" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد تأیید را وارد کنید");
    await page.getByLabel("کد تأیید").fill("000000");
    await page.getByRole("button", { name: "مرحله بعد" }).click();
    const summary = page.getByRole("alert", { name: "مشکلی وجود دارد" });
    await expect(summary).toContainText(REFUSED_CODE);
    const text = await summary.innerText();
    await context.close();
    return text;
  };
  // 6978758371 has an account with this mobile; 9633169380 has none.
  expect(await messageFor("6978758371", "09128207763")).toBe(await messageFor("9633169380", "09106566815"));
});
