import type { Page } from "@playwright/test";
import { PDF, citizenSignIn, expect, expectAccessible, latestCodeTo, latestSmsTo, staffSignIn, test } from "./fixtures";

// Mandates (docs/decisions/020-mandates.md). فائزه مرادی (9639508683) asks her
// brother-in-law حمید شریفی (3537851685, mobile 09365690168) to let her act for him,
// enrols his wife for him, he sees it was her, and he revokes: her access ends at
// once on every page and action. Demo accounts reserved for this file.
const HELPER = "9639508683";
const PRINCIPAL = { nationalId: "3537851685", mobile: "09365690168", name: "حمید شریفی" };

test.describe.configure({ mode: "serial" });

async function openFileOf(page: Page, name: RegExp | string) {
  await page.goto("/account/acting");
  await page.getByRole("radio", { name }).check();
  await page.getByRole("button", { name: "باز کردن پرونده" }).click();
}

test("a helper gets consent with the code the principal received and enrols his wife for him", async ({ page }) => {
  test.setTimeout(150_000);
  await citizenSignIn(page, HELPER);
  await page.getByRole("link", { name: "نمایندگی" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("نمایندگی");
  await expectAccessible(page);

  // Nothing chosen and a mistyped national ID: both named, what was typed is kept.
  await page.getByLabel("کد ملی کسی که می‌خواهید برایش کار کنید").fill("3537851686");
  await page.getByRole("checkbox", { name: "دیدن درخواست‌ها، افراد تحت تکفل و پیام‌ها" }).uncheck();
  await page.getByRole("button", { name: "فرستادن کد تأیید برای او" }).click();
  const summary = page.getByRole("alert", { name: "مشکلی وجود دارد" });
  await expect(summary).toContainText("کد ملی معتبر نیست");
  await expect(summary).toContainText("دست‌کم یکی از کارها را انتخاب کنید");
  await expect(page.getByLabel("کد ملی کسی که می‌خواهید برایش کار کنید")).toHaveValue("3537851686");

  await page.getByLabel("کد ملی کسی که می‌خواهید برایش کار کنید").fill(PRINCIPAL.nationalId);
  await page.getByRole("checkbox", { name: "دیدن درخواست‌ها، افراد تحت تکفل و پیام‌ها" }).check();
  await page.getByRole("checkbox", { name: "افزودن افراد تحت تکفل" }).check();
  await page.getByRole("checkbox", { name: "نوبت مراجعه به شعبه (گرفتن، جابه‌جایی و لغو)" }).check();
  await page.getByRole("radio", { name: "۳ ماه" }).check();
  await page.getByRole("button", { name: "فرستادن کد تأیید برای او" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("تأیید نمایندگی");
  await expectAccessible(page);

  // The principal's SMS says who asks for what; the helper types the code he reads out.
  const code = await latestCodeTo(page, PRINCIPAL.mobile);
  await page.getByLabel("کد تأیید").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "تأیید نمایندگی" }).click();
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("کد تأیید درست نیست");
  await page.getByLabel("کد تأیید").fill(code);
  await page.getByRole("button", { name: "تأیید نمایندگی" }).click();
  await expect(page.getByRole("status")).toContainText("نمایندگی فعال شد");
  await expect(page.getByRole("region", { name: "کسانی که من نماینده آن‌ها هستم" })).toContainText(
    PRINCIPAL.name,
  );

  await openFileOf(page, new RegExp(PRINCIPAL.name));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`خدمات ${PRINCIPAL.name}`);
  await expect(page.getByRole("region", { name: "پرونده باز" })).toContainText(PRINCIPAL.name);
  // Only what the mandate covers is offered: no questions, no password.
  await expect(page.getByRole("link", { name: "تغییر گذرواژه" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "ثبت پرسش" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "اضافه کردن فرد جدید تحت پوشش" }).click();
  await page.getByLabel("کد ملی").fill("8724401838");
  await page.getByLabel("تاریخ تولد").fill("1374/05/25");
  await page.getByRole("radio", { name: "همسر (زن)", exact: true }).check();
  await page.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
  await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible();
  const inputs = page.locator('input[type="file"]');
  const count = await inputs.count();
  for (let i = 0; i < count; i++) await inputs.nth(i).setInputFiles({ name: `document-${i}.pdf`, mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "تایید و ادامه" }).click();
  await expect(page.getByRole("status").filter({ hasText: "درخواست شما ثبت شد" })).toBeVisible();
  await expect(page.getByRole("region", { name: "سابقه درخواست" })).toContainText(
    "انجام‌شده توسط فائزه مرادی، به نمایندگی",
  );
  // The helper's own settings are hers alone, and not while his file is open.
  await page.goto("/account/password");
  await expect(page).toHaveURL(/\/account\/acting\?own=1/);
  await expect(page.getByRole("alert").filter({ hasText: "این بخش فقط برای حساب خود شماست" })).toBeVisible();
});

test("the helper books the principal's branch visit: the SMS goes to him, and he sees the visit as his and that she booked it", async ({ browser, page }) => {
  test.setTimeout(150_000);
  await citizenSignIn(page, HELPER);
  await openFileOf(page, new RegExp(PRINCIPAL.name));
  await page.getByRole("link", { name: "نوبت مراجعه به شعبه" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("نوبت مراجعه به شعبه");
  await expect(page.getByRole("region", { name: "پرونده باز" })).toContainText(PRINCIPAL.name);
  await expect(page.getByLabel("شعبه", { exact: true })).toContainText("(شعبه بیمه او)");
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "رزرو نوبت" }).click();
  await expect(page.getByRole("status")).toContainText(`نوبت ${PRINCIPAL.name} ثبت شد`);
  await expect(page.getByRole("status")).toContainText("به تلفن همراه او فرستاده شد");
  await expect(page.getByRole("region", { name: `نوبت رزروشده ${PRINCIPAL.name}` })).toContainText("کد رهگیری نوبت");
  await expectAccessible(page);
  const booked = await latestSmsTo(page, PRINCIPAL.mobile);
  expect(booked).toContain("نوبت مراجعه شما به");
  expect(booked).toContain("ثبت شد");

  const principalContext = await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" });
  const principal = await principalContext.newPage();
  await citizenSignIn(principal, PRINCIPAL.nationalId);
  await principal.getByRole("link", { name: "نوبت مراجعه به شعبه" }).click();
  await expect(principal.getByRole("region", { name: "نوبت رزروشده شما" })).toContainText("کد رهگیری نوبت");
  await principal.goto("/account/file-views");
  await expect(principal.getByRole("list", { name: "کارهای نمایندگان" })).toContainText("نوبت مراجعه به شعبه رزرو کرد");
  // He cancels it himself: his visit, whoever booked it.
  await principal.goto("/account/visits");
  await principal.getByRole("button", { name: "لغو نوبت" }).click();
  await expect(principal.getByRole("status")).toContainText("نوبت شما لغو شد");
  await principalContext.close();
});

test("the principal sees what his helper did and revokes: her access ends at once on every page and action", async ({ browser, page }) => {
  test.setTimeout(150_000);
  // The helper, with his file open and the dependents form in front of her.
  const helperContext = await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" });
  const helper = await helperContext.newPage();
  await citizenSignIn(helper, HELPER);
  await openFileOf(helper, new RegExp(PRINCIPAL.name));
  await helper.goto("/account/dependents/new");
  await expect(helper.getByRole("heading", { level: 1 })).toHaveText("اضافه کردن فرد جدید تحت پوشش");

  await citizenSignIn(page, PRINCIPAL.nationalId);
  await page.getByRole("link", { name: "درخواست‌های من" }).click();
  await page.getByRole("link", { name: "نام‌نویسی همسر (زن): معصومه مرادی" }).click();
  await expect(page.getByRole("region", { name: "سابقه درخواست" })).toContainText("انجام‌شده توسط فائزه مرادی، به نمایندگی");
  await page.goto("/account/file-views");
  const uses = page.getByRole("list", { name: "کارهای نمایندگان" });
  await expect(uses).toContainText("فائزه مرادی (نماینده شما)");
  await expect(uses).toContainText("درخواست نام‌نویسی فرد تحت تکفل ثبت کرد");
  await expectAccessible(page);

  await page.goto("/account/mandates");
  await page.getByRole("button", { name: /لغو نمایندگی فائزه مرادی/ }).click();
  await expect(page.getByRole("status")).toContainText("نمایندگی لغو شد");

  // The form she had open is refused when sent.
  await helper.getByLabel("کد ملی").fill("8724401838");
  await helper.getByLabel("تاریخ تولد").fill("1374/05/25");
  await helper.getByRole("radio", { name: "همسر (زن)", exact: true }).check();
  await helper.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
  await expect(helper).toHaveURL(/\/account\/acting\?ended=1/);
  await expect(helper.getByRole("alert").filter({ hasText: "لغو شده یا پایان یافته" })).toBeVisible();
  await expectAccessible(helper);
  // And every page of his file sends her to the same notice.
  for (const path of ["/account", "/account/requests", "/account/dependents", "/account/dependents/new", "/account/messages", "/account/requests/new"]) {
    const response = await helper.request.get(path, { maxRedirects: 0 });
    expect([response.status(), response.headers()["location"]], path).toEqual([307, "/account/acting?ended=1"]);
  }
  // Back to her own file, everything is hers again.
  await helper.getByRole("radio", { name: /پرونده خودم/ }).check();
  await helper.getByRole("button", { name: "باز کردن پرونده" }).click();
  await expect(helper.getByRole("heading", { level: 1 })).toHaveText("خدمات من");
  await helperContext.close();
});

test("at the branch, a head records the mandate the principal gives in person", async ({ page }) => {
  test.setTimeout(150_000);
  await staffSignIn(page, "120190");
  await page.getByRole("link", { name: "ثبت نمایندگی در شعبه" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ثبت نمایندگی در شعبه");
  await page.getByLabel("کد ملی بیمه‌شده یا مستمری‌بگیر (کسی که نماینده می‌گیرد)").fill(PRINCIPAL.nationalId);
  await page.getByLabel("کد ملی نماینده").fill(HELPER);
  await page.getByRole("checkbox", { name: "افزودن افراد تحت تکفل" }).check();
  // Not yet confirmed that both identity documents were seen.
  await page.getByRole("button", { name: "ثبت نمایندگی" }).click();
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("کارت ملی یا شناسنامه هر دو نفر را دیده‌اید");
  await expect(page.getByLabel("کد ملی نماینده")).toHaveValue(HELPER);
  await page.getByRole("checkbox", { name: "هر دو نفر اینجا هستند و کارت ملی یا شناسنامه هر دو را دیدم." }).check();
  await page.getByRole("button", { name: "ثبت نمایندگی" }).click();
  await expect(page.getByRole("status").filter({ hasText: "ثبت شد" })).toContainText(`نمایندگی فائزه مرادی برای ${PRINCIPAL.name} ثبت شد`);
  await expectAccessible(page);
  expect(await latestSmsTo(page, PRINCIPAL.mobile)).toContain("فائزه مرادی");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the helper opens his file, reads his requests, goes back to her own and ends her mandate", async ({ page }) => {
    test.setTimeout(150_000);
    await citizenSignIn(page, HELPER);
    await openFileOf(page, new RegExp(PRINCIPAL.name));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`خدمات ${PRINCIPAL.name}`);
    await page.getByRole("link", { name: "درخواست‌های من" }).click();
    await expect(page.getByRole("link", { name: "نام‌نویسی همسر (زن): معصومه مرادی" })).toBeVisible();

    await openFileOf(page, /پرونده خودم/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من");
    await page.getByRole("link", { name: "نمایندگی" }).click();
    // A request with nothing typed is answered by the server, field by field.
    await page.getByRole("button", { name: "فرستادن کد تأیید برای او" }).click();
    await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("کد ملی را وارد کنید");
    await page.getByRole("button", { name: new RegExp(`پایان دادن به نمایندگی من ${PRINCIPAL.name}`) }).click();
    await expect(page.getByRole("status")).toContainText("نمایندگی لغو شد");
  });
});
