import type { APIRequestContext, Page } from "@playwright/test";
import { citizenSignIn, expect, expectAccessible, outageStub, staffSignIn, test } from "./fixtures";

// Run by playwright.outages.config.ts (npm test runs it after the main browser
// suite): the portal sends email through its SMTP adapter to a stub mail server these
// tests switch down and up. Each email gets two tries, the second 12 s after the first.

const ADMIN = "900001";
/** A demo citizen no other test of this config uses (the SMS tests use three others). */
const CITIZEN = "7404642231";
const ADDRESS = "reza.outage@example.com";
const MASKED = "r***@example.com";

function mailServer(request: APIRequestContext) {
  const stub = outageStub(request, "mailServerUrl");
  return {
    ...stub,
    received: async (to: string, subject: string) =>
      ((await (await request.get(`${stub.url}/control/received`)).json()) as { to: string; subject: string; text: string }[]).filter(
        (mail) => mail.to === to && mail.subject.includes(subject),
      ),
  };
}

/** The newest message's email line on «پیام‌ها», reloaded as a person would until it says `state`. */
async function waitForNewestEmail(page: Page, state: string | RegExp, timeout: number) {
  await expect(async () => {
    await page.goto("/account/messages");
    const newest = page.getByRole("list", { name: "پیام‌ها" }).getByRole("listitem").first();
    await expect(newest.getByText(`ایمیل به ${ADDRESS}:`)).toContainText(state, { timeout: 1_000 });
  }).toPass({ timeout, intervals: [500, 1_000] });
}

test.beforeEach(async ({ request }) => {
  await mailServer(request).up();
  // The notices' SMS go out through the other stub: up, whatever a test before left it in.
  await outageStub(request, "smsGatewayUrl").up();
});

test("the mail server down: a notice's email is given up, and the administrator sends it again once the server is back", async ({ browser, page, request }) => {
  // Two sign-ins (one waits for a fresh authenticator code), 12 s between tries, on a loaded 2-core machine.
  test.setTimeout(180_000);
  const mail = mailServer(request);

  // The citizen gives an address; its link comes through the mail server.
  await citizenSignIn(page, CITIZEN);
  await page.goto("/account/email");
  await page.getByLabel("نشانی پست الکترونیک").fill(ADDRESS);
  await page.getByRole("button", { name: "ذخیره و ارسال پیوند تأیید" }).click();
  await expect(page.getByRole("status")).toContainText("پیوند تأیید به نشانی شما فرستاده شد");
  await expect.poll(async () => (await mail.received(ADDRESS, "تأیید پست الکترونیک")).length, { timeout: 20_000 }).toBe(1);
  const [linkEmail] = await mail.received(ADDRESS, "تأیید پست الکترونیک");
  const link = /https?:\/\/\S+/.exec(linkEmail!.text)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await page.getByRole("button", { name: "تأیید پست الکترونیک" }).click();
  await expect(page.getByRole("status")).toContainText("نشانی پست الکترونیک شما تأیید شد");

  // The server goes down; a question's notice is an SMS and an email, and the email fails twice.
  await mail.down();
  await page.goto("/account/requests/new");
  await page.getByRole("radio", { name: /^بیمه‌ای/ }).check();
  await page.getByLabel("موضوع").fill("ایمیل در زمان قطعی سرور ایمیل");
  await page.getByLabel("متن پرسش یا درخواست").fill("مستمری این ماه من هنوز واریز نشده است.");
  await page.getByRole("button", { name: "ثبت پرسش" }).click();
  await expect(page.getByRole("status")).toContainText("درخواست شما ثبت شد", { timeout: 15_000 });
  await waitForNewestEmail(page, "هنوز فرستاده نشده است؛ سامانه دوباره تلاش می‌کند", 15_000);
  await waitForNewestEmail(page, "فرستاده نشد؛ متن آن همین‌جا در دسترس است", 45_000);
  // The SMS went out all the same.
  await expect(page.getByRole("list", { name: "پیام‌ها" }).getByRole("listitem").first()).toContainText(/وضعیت: فرستاده شد، /);
  await expectAccessible(page);
  expect(await mail.received(ADDRESS, "درخواست شما ثبت شد")).toEqual([]);
  await mail.up();

  // The administrator finds it on «ایمیل‌های نرسیده», the address masked, and sends it again.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await staffSignIn(admin, ADMIN);
  await admin.getByRole("link", { name: "ایمیل‌های نرسیده" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("ایمیل‌های نرسیده");
  const row = admin.getByRole("list", { name: "ایمیل‌های نرسیده" }).getByRole("listitem").filter({ hasText: MASKED });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("رسید ثبت درخواست");
  await expect(row).toContainText("فرستاده نشد؛ سامانه دیگر تلاش نمی‌کند");
  await expect(row).toContainText("mail server down for maintenance");
  await expect(row).toContainText("پرسش شما در سامانه خدمات غیرحضوری تأمین اجتماعی با کد رهگیری");
  // Staff never see the address in full.
  await expect(admin.locator("body")).not.toContainText(ADDRESS);
  await expectAccessible(admin);
  await row.getByRole("button", { name: /^ارسال دوباره/ }).click();
  await expect(admin.getByRole("status")).toHaveText("ایمیل دوباره در صف ارسال قرار گرفت و تا چند لحظه دیگر فرستاده می‌شود.");
  await expect(admin.getByRole("list", { name: "ایمیل‌های نرسیده" }).getByRole("listitem").filter({ hasText: MASKED })).toHaveCount(0);
  await adminContext.close();

  // It reaches the mail server once, and «پیام‌ها» says so.
  await waitForNewestEmail(page, /فرستاده شد، /, 30_000);
  const notices = await mail.received(ADDRESS, "درخواست شما ثبت شد");
  expect(notices).toHaveLength(1);
  expect(notices[0]!.text).toContain("پرسش شما در سامانه خدمات غیرحضوری تأمین اجتماعی با کد رهگیری");
});
