import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { PNG, citizenSignIn, expect, expectAccessible, persian, test } from "./fixtures";

// The demo citizen; other tests sign in as him at the same time, and none changes his password.
const NATIONAL_ID = "0012345679";
// A valid national ID that is not the applicant's.
const OTHER_NATIONAL_ID = "7198108121";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

// A 1×1 PNG.

const signIn = (page: Page) => citizenSignIn(page, NATIONAL_ID);

/** A page in a new browser context: no cookies, nobody signed in. */
async function anonymousPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, locale: "fa-IR", timezoneId: "Asia/Tehran" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

test("a citizen files a question, follows it, prints its receipt, and anyone with the code and national ID sees only its status", async ({
  page,
  browser,
  baseURL,
}) => {
  // A long journey (two refused attachments, the receipt, the public check): minutes on a loaded machine.
  test.setTimeout(120_000);
  const subject = `هزینه داروی بیمارستان ${crypto.randomInt(100_000, 999_999)}`;
  const body = "هزینه داروهایی که در بیمارستان خریدم هنوز بازپرداخت نشده است. لطفاً راهنمایی کنید.";

  await signIn(page);
  await expectAccessible(page);
  await page.getByRole("link", { name: "درخواست‌های من" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("درخواست‌های من");
  await expectAccessible(page);

  await page.getByRole("link", { name: "ثبت پرسش یا درخواست تازه" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ثبت پرسش یا درخواست");
  await expectAccessible(page);

  // A text file named .png is refused by its content; what was typed stays.
  await page.getByRole("radio", { name: /^درمانی/ }).check();
  await page.getByLabel("موضوع").fill(subject);
  await page.getByLabel("متن پرسش یا درخواست").fill(body);
  // An empty attachment is refused as empty, not dropped.
  await page.getByLabel("پیوست (اختیاری)").setInputFiles({ name: "empty.png", mimeType: "image/png", buffer: Buffer.alloc(0) });
  await page.getByRole("button", { name: "ثبت پرسش" }).click();
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("فایل «پیوست» خالی است. فایل دیگری انتخاب کنید.");
  await expect(page.getByLabel("موضوع")).toHaveValue(subject);
  await page.getByLabel("پیوست (اختیاری)").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: Buffer.from("not really a picture") });
  await page.getByRole("button", { name: "ثبت پرسش" }).click();
  const summary = page.getByRole("alert", { name: "مشکلی وجود دارد" });
  await expect(summary).toContainText("فایل «پیوست» باید PDF، JPEG یا PNG باشد.");
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("موضوع")).toHaveValue(subject);
  await expect(page.getByLabel("متن پرسش یا درخواست")).toHaveValue(body);
  await expect(page.getByRole("radio", { name: /^درمانی/ })).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel("پیوست (اختیاری)").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "ثبت پرسش" }).click();

  // The confirmation, with the tracking code.
  const confirmation = page.getByRole("status");
  await expect(confirmation).toContainText("درخواست شما ثبت شد");
  const trackingCode = /کد رهگیری: ([۰-۹-]+)/.exec(await confirmation.innerText())?.[1];
  expect(trackingCode, "a tracking code in the confirmation").toMatch(/^[۰-۹]{4}-[۰-۹]{3}-[۰-۹]{3}$/);
  const requestId = /\/account\/requests\/([0-9a-f-]{36})\?filed=1$/.exec(page.url())?.[1];
  expect(requestId, "the new request's address").toBeTruthy();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  await expectAccessible(page);

  // The timeline and the attachment, which only its owner can download.
  const history = page.getByRole("region", { name: "سابقه درخواست" });
  await expect(history.getByRole("listitem")).toHaveText([/درخواست ثبت شد/]);
  // Named for what it is, with the file's own name beside it.
  const documents = page.getByRole("region", { name: "مدارک" });
  await expect(documents.getByRole("listitem")).toContainText("scan.png");
  const attachment = documents.getByRole("link", { name: "پیوست" });
  const download = await page.request.get((await attachment.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("image/png");
  expect((await page.request.get(`/account/requests/${requestId}/documents/${crypto.randomUUID()}`)).status()).toBe(404);

  // In the list, with its due date, and found by its status.
  await page.getByRole("link", { name: "درخواست‌های من" }).click();
  const row = page.getByRole("listitem").filter({ hasText: subject });
  await expect(row).toContainText(trackingCode!);
  await expect(row).toContainText("روز کاری مانده");
  await page.getByLabel("وضعیت").selectOption({ label: "ثبت شده، در انتظار بررسی" });
  await page.getByRole("button", { name: "نمایش" }).click();
  await expect(page).toHaveURL(/status=SUBMITTED/);
  await expect(row).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("وضعیت").selectOption({ label: "پاسخ داده شد" });
  await page.getByRole("button", { name: "نمایش" }).click();
  await expect(page).toHaveURL(/status=ANSWERED/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("درخواست‌های من");
  await expect(row).toHaveCount(0);

  // The printable receipt.
  await page.goto(`/account/requests/${requestId}`);
  await page.getByRole("link", { name: "رسید قابل چاپ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("رسید درخواست");
  const receipt = page.getByRole("article");
  await expect(receipt).toContainText("سازمان تأمین اجتماعی");
  await expect(receipt).toContainText(trackingCode!);
  await expect(receipt).toContainText(persian(subject));
  await expect(receipt).toContainText("محمد رضایی");
  await expect(receipt).toContainText("ماده ۱۳ قانون انتشار و دسترسی آزاد به اطلاعات");
  await expect(receipt).toContainText("حداکثر ظرف ۷ روز کاری");
  await expect(receipt).toContainText(persian("5679"));
  await expect(receipt).not.toContainText(persian(NATIONAL_ID));
  const qr = page.getByRole("img", { name: `کد QR پیگیری درخواست ${trackingCode}` });
  await expect(qr.locator("svg")).toBeVisible();
  const printButton = page.getByRole("button", { name: "چاپ رسید" });
  await expect(printButton).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await expect(page.locator("body > footer")).toBeHidden();
  await expect(printButton).toBeHidden();
  await expect(page.getByRole("link", { name: "جزئیات درخواست" })).toBeHidden();
  await expect(receipt).toBeVisible();
  await expect(qr.locator("svg")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator("body > header")).toBeVisible();

  // Someone who is not signed in: the request itself needs sign-in...
  const visitor = await anonymousPage(browser, baseURL);
  try {
    await visitor.page.goto(`/account/requests/${requestId}`);
    await expect(visitor.page).toHaveURL(/\/login$/);

    // ...but the public status check shows its status and due date, and nothing else.
    await visitor.page.goto("/");
    await visitor.page.getByRole("link", { name: "پیگیری درخواست با کد رهگیری" }).click();
    await expect(visitor.page.getByRole("heading", { level: 1 })).toHaveText("پیگیری درخواست با کد رهگیری");
    await expectAccessible(visitor.page);

    // A slip of one digit is caught by the check digit before any look-up.
    const digits = trackingCode!.replace(/-/g, "");
    const slipped = digits.slice(0, 9) + (digits[9] === "۱" ? "۲" : "۱");
    await visitor.page.getByLabel("کد رهگیری").fill(slipped);
    await visitor.page.getByLabel("کد ملی").fill(persian(NATIONAL_ID));
    await visitor.page.getByRole("button", { name: "پیگیری" }).click();
    await expect(visitor.page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("کد رهگیری درست نیست؛ رقم‌ها را دوباره بررسی کنید.");
    await expect(visitor.page.getByLabel("کد رهگیری")).toHaveValue(slipped);
    await expectAccessible(visitor.page);

    await visitor.page.getByLabel("کد رهگیری").fill(trackingCode!);
    await visitor.page.getByRole("button", { name: "پیگیری" }).click();
    const result = visitor.page.getByRole("region", { name: "وضعیت درخواست" });
    await expect(result).toContainText("ثبت شده، در انتظار بررسی");
    await expect(result).toContainText("پیگیری و پرسش");
    await expect(result).toContainText("روز کاری مانده");
    await expect(visitor.page.locator("main")).not.toContainText(subject);
    await expect(visitor.page.locator("main")).not.toContainText("محمد رضایی");
    await expect(result.locator("dt")).toHaveText(["وضعیت", "نوع", "موعد پاسخ"]);
    await expect(visitor.page.locator("main [aria-live]")).toContainText("وضعیت درخواست");
    await expectAccessible(visitor.page);

    // The right code with someone else's national ID: the same "not found" as an unknown code.
    await visitor.page.getByLabel("کد ملی").fill(OTHER_NATIONAL_ID);
    await visitor.page.getByRole("button", { name: "پیگیری" }).click();
    const notFound = visitor.page.getByRole("region", { name: "درخواستی پیدا نشد" });
    await expect(notFound).toContainText("درخواستی با این کد رهگیری و کد ملی پیدا نشد.");
    await expect(visitor.page.getByRole("region", { name: "وضعیت درخواست" })).toHaveCount(0);
    await expectAccessible(visitor.page);
    expect(visitor.errors, "the visitor's browser console had errors").toEqual([]);
  } finally {
    await visitor.close();
  }
});

/** Whether `text` inside `locator` is drawn left to right (its first character left of its last). */
function readsLeftToRight(locator: import("@playwright/test").Locator, text: string) {
  return locator.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect().left;
      range.setStart(node, at + wanted.length - 1);
      range.setEnd(node, at + wanted.length);
      return first < range.getBoundingClientRect().left;
    }
    return null;
  }, text);
}

test("a question keeps the digits as typed; its text message shows the code left to right; the receipt's QR code opens the status check", async ({
  page,
}) => {
  const subject = `قبض شماره ۴۵۶۷ ${persian(String(crypto.randomInt(100_000, 999_999)))}`;
  const body = "مبلغ ۱۲۰۰۰۰ ریال در تاریخ ۱۴۰۵/۰۸/۱۲ از حساب من کسر شد و 3 بار پیگیری کردم.";
  await signIn(page);
  await page.goto("/account/requests/new");
  await expect(page.getByText("دست‌کم ۲۰ و حداکثر ۴۰۰۰ نویسه.", { exact: false })).toBeVisible();
  await expect(page.getByText("در چند کلمه: دست‌کم ۵ و حداکثر ۱۲۰ نویسه.")).toBeVisible();
  await page.getByRole("radio", { name: /^بیمه‌ای/ }).check();
  await page.getByLabel("موضوع").fill(subject);
  await page.getByLabel("متن پرسش یا درخواست").fill(body);
  await page.getByRole("button", { name: "ثبت پرسش" }).click();
  await expect(page.getByRole("status")).toContainText("درخواست شما ثبت شد");
  const trackingCode = /کد رهگیری: ([۰-۹-]+)/.exec(await page.getByRole("status").innerText())?.[1];
  expect(trackingCode).toMatch(/^[۰-۹]{4}-[۰-۹]{3}-[۰-۹]{3}$/);
  // What the person typed, Persian and Latin digits alike.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  await expect(page.locator("main")).toContainText(body);

  await page.goto("/account/messages");
  const message = page.getByRole("listitem").filter({ hasText: trackingCode! }).first();
  await expect(message).toBeVisible();
  expect(await readsLeftToRight(message, trackingCode!), "the tracking code in «پیام‌ها» reads left to right").toBe(true);
  await expectAccessible(page);

  // The receipt's QR code holds the status page's address with the code (and never the national ID):
  // opening it fills the code in, and the person adds their national ID.
  await page.goto(`/track?code=${trackingCode!.replace(/-/g, "")}`);
  await expect(page.getByLabel("کد رهگیری")).toHaveValue(trackingCode!);
  await expect(page.getByLabel("کد ملی")).toHaveValue("");
  await expectAccessible(page);
});

test.describe("requests that are not the citizen's", () => {
  // Chromium sometimes asks for /favicon.ico after a 404 response, whatever icon the page declares.
  // (One pattern: Playwright would read a two-element array as a [value, options] pair.)
  test.use({ allowedErrorUrls: [new RegExp(`${UNKNOWN_ID}|/favicon\\.ico$`)] });

  test("an unknown request, its receipt and its documents are not found", async ({ page }) => {
    await signIn(page);
    const response = await page.goto(`/account/requests/${UNKNOWN_ID}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("صفحه پیدا نشد");
    await expectAccessible(page);

    expect((await page.goto(`/account/requests/${UNKNOWN_ID}/receipt`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("صفحه پیدا نشد");
    expect((await page.request.get(`/account/requests/${UNKNOWN_ID}/documents/${crypto.randomUUID()}`)).status()).toBe(404);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the public status check works as a plain form post", async ({ page }) => {
    await page.goto("/track");
    await page.getByLabel("کد رهگیری").fill("۱۲۳۴ ۵۶۷ ۸۹۵");
    await page.getByLabel("کد ملی").fill(NATIONAL_ID);
    await page.getByRole("button", { name: "پیگیری" }).click();
    await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("کد رهگیری درست نیست؛ رقم‌ها را دوباره بررسی کنید.");
    await expect(page.getByLabel("کد ملی")).toHaveValue(NATIONAL_ID);

    // A well-formed code that no request has.
    await page.getByLabel("کد رهگیری").fill("۱۲۳۴-۵۶۷-۸۹۴");
    await page.getByRole("button", { name: "پیگیری" }).click();
    await expect(page.getByRole("region", { name: "درخواستی پیدا نشد" })).toBeVisible();
    // No axe here: it needs JavaScript in the page; the same page is checked with it above.
  });
});
