import type { APIRequestContext, Page } from "@playwright/test";
import { citizenSignIn, expect, expectAccessible, outageStub, persian, staffSignIn, test } from "./fixtures";

// Run by playwright.outages.config.ts (npm test runs it after the main browser
// suite): the portal sends through its HTTP adapter to a stub gateway these tests
// switch down and up. Each message gets two tries, the second 12 s after the first.

const ADMIN = "900001";
/** Citizens of the demo and the mobile numbers the civil-registry fixture gives them. */
const PENSIONER = { nationalId: "0012345679", mobile: "09121234567" };
const OTHER = { nationalId: "7198108121", mobile: "09372295848" };
/** The demo account password-reset.spec.ts uses; this suite has its own database. */
const RESETTING = { nationalId: "1028765967", mobile: "09193268957" };
const mask = (mobile: string) => `${mobile.slice(0, 4)}***${mobile.slice(7)}`;

function gateway(request: APIRequestContext) {
  const stub = outageStub(request, "smsGatewayUrl");
  return {
    ...stub,
    accepted: async (to: string) =>
      ((await (await request.get(`${stub.url}/control/accepted`)).json()) as { key: string; to: string; count: number }[]).filter((m) => m.to === to),
  };
}

/** The citizen files a question, and the portal queues its «received» notice. */
async function fileQuestion(page: Page, subject: string) {
  await page.goto("/account/requests/new");
  await page.getByRole("radio", { name: /^بیمه‌ای/ }).check();
  await page.getByLabel("موضوع").fill(subject);
  await page.getByLabel("متن پرسش یا درخواست").fill("سابقه بیمه سال‌های ۱۳۸۰ تا ۱۳۸۵ من در سامانه دیده نمی‌شود.");
  await page.getByRole("button", { name: "ثبت پرسش" }).click();
  await expect(page.getByRole("status")).toContainText("درخواست شما ثبت شد", { timeout: 15_000 });
}

/** The newest message on «پیام‌ها», reloaded as a person would until it says `state`. */
async function waitForNewestMessage(page: Page, state: string | RegExp, timeout: number) {
  await expect(async () => {
    await page.goto("/account/messages");
    await expect(page.getByRole("list", { name: "پیام‌ها" }).getByRole("listitem").first()).toContainText(state, { timeout: 1_000 });
  }).toPass({ timeout, intervals: [500, 1_000] });
  return page.getByRole("list", { name: "پیام‌ها" }).getByRole("listitem").first();
}

test.beforeEach(async ({ request }) => {
  await gateway(request).up();
});

test("«پیام‌ها» shows a notice not yet sent while the gateway is down, then sent once it is back", async ({ page, request }) => {
  const sms = gateway(request);
  await citizenSignIn(page, PENSIONER.nationalId);
  await sms.down();
  await fileQuestion(page, "پیامک در زمان قطعی درگاه");

  const message = await waitForNewestMessage(page, "هنوز فرستاده نشده است؛ سامانه دوباره تلاش می‌کند", 11_000);
  await expect(message).toContainText("پرسش شما در سامانه خدمات غیرحضوری تأمین اجتماعی با کد رهگیری");
  await expectAccessible(page);
  expect(await sms.accepted(PENSIONER.mobile)).toEqual([]);

  await sms.up();
  // The second try is due 12 s after the first.
  await waitForNewestMessage(page, /فرستاده شد، /, 40_000);
  const accepted = await sms.accepted(PENSIONER.mobile);
  expect(accepted).toHaveLength(1);
  expect(accepted[0]!.count).toBe(1);
});

test("the administrator sends a dead notice again, and «پیام‌ها» then shows it sent", async ({ browser, page, request }) => {
  test.setTimeout(120_000);
  const sms = gateway(request);
  await citizenSignIn(page, OTHER.nationalId);
  await sms.down();
  await fileQuestion(page, "پیامکی که پس از آخرین تلاش هم نرسید");
  // Someone asks for a password-reset code meanwhile: it fails at once and is given up.
  const resetContext = await browser.newContext();
  const reset = await resetContext.newPage();
  await reset.goto("/forgot-password");
  await reset.getByLabel("کد ملی").fill(RESETTING.nationalId);
  await reset.getByLabel("شماره همراه").fill(persian(RESETTING.mobile));
  await reset.getByRole("button", { name: "ارسال کد تأیید" }).click();
  await expect(reset.getByRole("heading", { level: 1 })).toHaveText("کد تأیید را وارد کنید");
  await resetContext.close();
  await waitForNewestMessage(page, "فرستاده نشد؛ متن آن همین‌جا در دسترس است", 45_000);
  await sms.up();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await staffSignIn(admin, ADMIN);
  await admin.getByRole("link", { name: "پیامک‌های نرسیده" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("پیامک‌های نرسیده");
  const masked = persian(mask(OTHER.mobile));
  const row = admin.getByRole("list", { name: "پیامک‌های نرسیده" }).getByRole("listitem").filter({ hasText: masked });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("رسید ثبت درخواست");
  await expect(row).toContainText("فرستاده نشد؛ سامانه دیگر تلاش نمی‌کند");
  await expect(row).toContainText("SMS gateway");
  await expect(row).toContainText("پرسش شما در سامانه خدمات غیرحضوری تأمین اجتماعی با کد رهگیری");
  // A one-time code is listed by kind only: no text, no «ارسال دوباره».
  const code = admin.getByRole("list", { name: "پیامک‌های نرسیده" }).getByRole("listitem").filter({ hasText: persian(mask(RESETTING.mobile)) });
  await expect(code).toContainText("کد یک‌بارمصرف");
  await expect(code).toContainText("نشان داده نمی‌شود");
  await expect(code).not.toContainText("کد بازیابی گذرواژه");
  await expect(code.getByRole("button")).toHaveCount(0);
  // Staff see the number masked, never in full.
  await expect(admin.locator("body")).not.toContainText(persian(OTHER.mobile));
  await expect(admin.locator("body")).not.toContainText(OTHER.mobile);
  await expectAccessible(admin);

  // «ارسال دوباره» is a plain form post: the same session with JavaScript off.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await adminContext.storageState() });
  const plain = await noScript.newPage();
  await plain.goto("/staff/admin/messages");
  await plain
    .getByRole("list", { name: "پیامک‌های نرسیده" })
    .getByRole("listitem")
    .filter({ hasText: masked })
    .getByRole("button", { name: /^ارسال دوباره/ })
    .click();
  await expect(plain.getByRole("status")).toHaveText("پیامک دوباره در صف ارسال قرار گرفت و تا چند لحظه دیگر فرستاده می‌شود.");
  await expect(plain.getByRole("listitem").filter({ hasText: masked })).toHaveCount(0);
  await noScript.close();
  await adminContext.close();

  await waitForNewestMessage(page, /فرستاده شد، /, 30_000);
  expect((await sms.accepted(OTHER.mobile)).map((m) => m.count)).toEqual([1]);
  // The citizen sees who sent it again.
  await page.goto("/account/file-views");
  await expect(page.getByRole("list", { name: "سابقه مشاهده پرونده" }).getByRole("listitem").first()).toContainText("پیامکی را که به شما نرسیده بود دوباره فرستاد");
});
