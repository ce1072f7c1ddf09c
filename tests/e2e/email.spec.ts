import type { Page } from "@playwright/test";
import { expect, expectAccessible, latestCodeTo, test } from "./fixtures";

// Insured, no account, used by no other test (prisma/fixtures/civil-registry.json, "Extra").
const MORTEZA = { nationalId: "1784207411", mobile: "09363578523", firstName: "مرتضی", lastName: "صالحی", fatherName: "حبیب", birthDate: "1361/12/29" };
const PASSWORD = "a lantern by the old bridge";
const FIRST_ADDRESS = "morteza.salehi@example.com";
const ADDRESS = "m.salehi@example.com";

async function next(page: Page) {
  await page.getByRole("button", { name: "مرحله بعد" }).click();
}

/** The demo's mailbox (/dev/outbox): the emails to `address`, newest first, as a tester reads them. */
async function emailsTo(page: Page, address: string) {
  await page.goto("/dev/outbox");
  return page.getByRole("list", { name: "ایمیل‌ها" }).getByRole("listitem").filter({ hasText: address });
}

async function fileQuestion(page: Page, subject: string) {
  await page.goto("/account/requests/new");
  await page.getByRole("radio", { name: /^بیمه‌ای/ }).check();
  await page.getByLabel("موضوع").fill(subject);
  await page.getByLabel("متن پرسش یا درخواست").fill("سابقه بیمه سال‌های ۱۳۸۵ تا ۱۳۸۷ من در پرونده دیده نمی‌شود.");
  await page.getByRole("button", { name: "ثبت پرسش" }).click();
  await expect(page.getByRole("status")).toContainText("درخواست شما ثبت شد");
}

test("a citizen gives an email, confirms it by the emailed link, gets a notice by email, and turns email notices off", async ({ page }) => {
  // A registration, two sign-in steps and two filed questions on a loaded 2-core machine.
  test.setTimeout(240_000);
  // Registration with an email address: its confirmation link is emailed with the result.
  await page.goto("/register/national-id");
  await page.getByLabel("کد ملی").fill(MORTEZA.nationalId);
  await next(page);
  await page.getByLabel("شماره همراه").fill(MORTEZA.mobile);
  await next(page);
  await page.getByLabel("کد تأیید").fill(await latestCodeTo(page, MORTEZA.mobile));
  await next(page);
  await page.getByLabel("نام", { exact: true }).fill(MORTEZA.firstName);
  await page.getByLabel("نام خانوادگی").fill(MORTEZA.lastName);
  await page.getByLabel("نام پدر").fill(MORTEZA.fatherName);
  await page.getByLabel("تاریخ تولد").fill(MORTEZA.birthDate);
  await next(page);
  await page.getByLabel("پست الکترونیک (اختیاری)").fill(FIRST_ADDRESS);
  await page.getByLabel("گذرواژه", { exact: true }).fill(PASSWORD);
  await page.getByLabel("تکرار گذرواژه").fill(PASSWORD);
  await next(page);
  await page.getByRole("button", { name: "تایید و ارسال درخواست" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ثبت‌نام شما انجام شد");
  await expect(page.getByText(`پیوندی برای تأیید نشانی پست الکترونیک ${FIRST_ADDRESS}`)).toBeVisible();
  const firstLinkEmail = (await emailsTo(page, FIRST_ADDRESS)).filter({ hasText: "تأیید پست الکترونیک" });
  await expect(firstLinkEmail).toHaveCount(1);
  const firstLink = (await firstLinkEmail.getByRole("link").getAttribute("href"))!;

  // Signed in, the person changes the address on «پست الکترونیک»; the new one waits for its own link.
  await page.goto("/login");
  await page.getByLabel("کد ملی").fill(MORTEZA.nationalId);
  await page.getByLabel("گذرواژه").fill(PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من", { timeout: 15_000 });
  await expect(page.getByText("(در انتظار تأیید)")).toBeVisible();
  await page.getByRole("link", { name: "پست الکترونیک", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("پست الکترونیک");
  await expect(page.getByText(FIRST_ADDRESS)).toBeVisible();
  await expect(page.getByText(/وضعیت: در انتظار تأیید/)).toBeVisible();
  await expectAccessible(page);
  // A mistyped address is refused in Persian and kept for correcting.
  await page.getByLabel("نشانی پست الکترونیک").fill("m.salehi@example");
  await page.getByRole("button", { name: "ذخیره و ارسال پیوند تأیید" }).click();
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("پست الکترونیک درست نیست");
  await expect(page.getByLabel("نشانی پست الکترونیک")).toHaveValue("m.salehi@example");
  await page.getByLabel("نشانی پست الکترونیک").fill(ADDRESS);
  await page.getByRole("button", { name: "ذخیره و ارسال پیوند تأیید" }).click();
  await expect(page.getByRole("status")).toContainText("پیوند تأیید به نشانی شما فرستاده شد");
  await expect(page.getByText(ADDRESS)).toBeVisible();
  await expectAccessible(page);

  // The first address's link no longer confirms anything.
  await page.goto(firstLink);
  await expect(page.getByRole("alert").filter({ hasText: "این پیوند تأیید معتبر نیست" })).toBeVisible();
  await expectAccessible(page);

  // The new link, from the demo's mailbox: opening it asks for one press, which confirms.
  const linkEmail = (await emailsTo(page, ADDRESS)).filter({ hasText: "تأیید پست الکترونیک" });
  await expect(linkEmail).toHaveCount(1);
  await linkEmail.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("تأیید پست الکترونیک");
  await expect(page.getByText(`برای تأیید نشانی ${ADDRESS}`)).toBeVisible();
  await expectAccessible(page);
  const link = page.url();
  await page.getByRole("button", { name: "تأیید پست الکترونیک" }).click();
  await expect(page.getByRole("status")).toContainText("نشانی پست الکترونیک شما تأیید شد");
  await expectAccessible(page);
  // Used once, the link does not work again.
  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: "پیش‌تر به کار رفته است" })).toBeVisible();

  await page.goto("/account/email");
  await expect(page.getByText(/وضعیت: تأیید شده در/)).toBeVisible();
  await expect(page.getByText("اطلاع‌رسانی با ایمیل فعال است.")).toBeVisible();
  await expectAccessible(page);

  // A notice now comes by email too, and «پیام‌ها» says where its email is.
  await fileQuestion(page, "سابقه بیمه ناقص");
  const noticeEmail = (await emailsTo(page, ADDRESS)).filter({ hasText: "درخواست شما ثبت شد" });
  await expect(noticeEmail).toHaveCount(1);
  await expect(noticeEmail).toContainText("پرسش شما در سامانه خدمات غیرحضوری تأمین اجتماعی با کد رهگیری");
  await expect(async () => {
    await page.goto("/account/messages");
    await expect(page.getByRole("list", { name: "پیام‌ها" }).getByRole("listitem").first()).toContainText(`ایمیل به ${ADDRESS}: فرستاده شد`, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page);

  // Email notices off: the next notice is an SMS only.
  await page.goto("/account/email");
  await page.getByRole("button", { name: "قطع اطلاع‌رسانی با ایمیل" }).click();
  await expect(page.getByRole("status")).toContainText("اطلاع‌رسانی با ایمیل قطع شد");
  await expect(page.getByRole("button", { name: "دریافت اطلاع‌رسانی با ایمیل" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/account/messages");
  const messages = page.getByRole("list", { name: "پیام‌ها" }).getByRole("listitem");
  const before = await messages.count();
  await fileQuestion(page, "پرسش دوم بدون ایمیل");
  await page.goto("/account/messages");
  await expect(messages).toHaveCount(before + 1);
  await expect(messages.first()).toContainText("پرسش شما در سامانه");
  await expect(messages.first()).not.toContainText("ایمیل به");
  await expect((await emailsTo(page, ADDRESS)).filter({ hasText: "درخواست شما ثبت شد" })).toHaveCount(1);
});
