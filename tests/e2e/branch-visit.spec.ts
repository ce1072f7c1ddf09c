import type { Page } from "@playwright/test";
import { expect, expectAccessible, latestCodeTo, latestSmsTo, persian, staffSignIn, test } from "./fixtures";

type Person = { nationalId: string; mobile: string; firstName: string; lastName: string; fatherName: string; birthDate: string };

// Family B's children: in the registry, with no insurance record, used by no other spec.
const LEILA: Person = { nationalId: "8285396428", mobile: "09217814501", firstName: "لیلا", lastName: "حسینی", fatherName: "غلامرضا", birthDate: "1381/12/01" };
const SAJJAD: Person = { nationalId: "1649976488", mobile: "09365592005", firstName: "سجاد", lastName: "حسینی", fatherName: "غلامرضا", birthDate: "1385/11/20" };
// An officer of شعبه ۱ تهران.
const OFFICER = "120102";

/** Registration up to its refusal: no insurance record, known right after the identity step. */
async function registerUntilRefused(page: Page, person: Person) {
  await page.goto("/register");
  await page.getByRole("link", { name: "شروع ثبت‌نام" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد ملی خود را وارد کنید");
  await page.getByLabel("کد ملی").fill(person.nationalId);
  await page.getByRole("button", { name: "مرحله بعد" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("شماره همراه خود را وارد کنید");
  await page.getByLabel("شماره همراه").fill(person.mobile);
  await page.getByRole("button", { name: "مرحله بعد" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد تأیید را وارد کنید");
  await page.getByLabel("کد تأیید").fill(await latestCodeTo(page, person.mobile));
  await page.getByRole("button", { name: "مرحله بعد" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("مشخصات هویتی خود را وارد کنید");
  await page.getByLabel("نام", { exact: true }).fill(person.firstName);
  await page.getByLabel("نام خانوادگی").fill(person.lastName);
  await page.getByLabel("نام پدر").fill(person.fatherName);
  await page.getByLabel("تاریخ تولد").fill(person.birthDate);
  await page.getByRole("button", { name: "مرحله بعد" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ثبت‌نام انجام نشد");
}

const bookedVisit = (page: Page) => page.getByRole("region", { name: "نوبت رزروشده شما" });

/** The booked visit's tracking code as the page shows it (Persian digits, dashes). */
const trackingCodeOf = async (page: Page) => /کد رهگیری نوبت: ([۰-۹-]+)/.exec(await bookedVisit(page).innerText())![1]!;

/** Later, in another browser: the visit found by its tracking code and national ID, opened with the SMS code. */
async function lookUpVisit(page: Page, person: Person, trackingCode: string, { axe }: { axe: boolean }) {
  await page.goto("/");
  await page.getByRole("link", { name: "پیگیری نوبت مراجعه" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("پیگیری نوبت مراجعه به شعبه");
  if (axe) await expectAccessible(page);
  await page.getByLabel("کد رهگیری نوبت").fill(trackingCode);
  await page.getByLabel("کد ملی").fill(person.nationalId);
  await page.getByRole("button", { name: "فرستادن کد" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد تأیید را وارد کنید");
  if (axe) await expectAccessible(page);
  await page.getByLabel("کد تأیید").fill(await latestCodeTo(page, person.mobile));
  await page.getByRole("button", { name: "مرحله بعد" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("نوبت مراجعه شما");
}

test("a person refused at registration books a branch visit, moves it, cancels it, books again; the officer marks them arrived", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await registerUntilRefused(page, LEILA);
  await page.getByRole("link", { name: "رزرو نوبت مراجعه به شعبه" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("رزرو نوبت مراجعه به شعبه");
  await expectAccessible(page);

  // No insurance branch: she chooses one by city.
  await page.getByLabel("شعبه", { exact: true }).selectOption({ label: "شعبه ۱ تهران" });
  await page.getByRole("button", { name: "نمایش نوبت‌های این شعبه" }).click();
  await expect(page.getByLabel("شعبه", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  // Without choosing a time, she is told to.
  await page.getByRole("button", { name: "رزرو نوبت" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "یکی از نوبت‌های آزاد را انتخاب کنید" })).toBeVisible();
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "رزرو نوبت" }).click();
  await expect(page.getByRole("status")).toContainText("نوبت شما ثبت شد");
  await expect(bookedVisit(page)).toContainText("شعبه ۱ تهران");
  await expect(bookedVisit(page)).toContainText("کارت ملی");
  await expectAccessible(page);
  const booked = await latestSmsTo(page, LEILA.mobile);
  expect(booked).toContain("نوبت مراجعه شما به شعبه ۱ تهران ثبت شد");
  expect(booked).toContain("تهران، خیابان آزادی");
  expect(booked).toContain("کارت ملی");

  // Another time: the visit moves and a new SMS says so.
  const before = await bookedVisit(page).innerText();
  await page.getByRole("radio").nth(1).check();
  await page.getByRole("button", { name: "جابه‌جایی نوبت به این زمان" }).click();
  await expect(page.getByRole("status")).toContainText("نوبت شما جابه‌جا شد");
  await expect(bookedVisit(page)).not.toHaveText(before);
  expect(await latestSmsTo(page, LEILA.mobile)).toContain("جابه‌جا شد");

  // Cancelled, then booked again.
  await bookedVisit(page).getByRole("button", { name: "لغو نوبت" }).click();
  await expect(page.getByRole("status")).toContainText("نوبت شما لغو شد");
  await expect(bookedVisit(page)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "نوبت‌های پیشین" })).toContainText("لغو شده");
  expect(await latestSmsTo(page, LEILA.mobile)).toContain("لغو شد");
  await page.getByLabel("شعبه", { exact: true }).selectOption({ label: "شعبه ۱ تهران" });
  await page.getByRole("button", { name: "نمایش نوبت‌های این شعبه" }).click();
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "رزرو نوبت" }).click();
  await expect(page.getByRole("status")).toContainText("نوبت شما ثبت شد");
  const day = /زمان: (.+?)، ساعت/.exec(await bookedVisit(page).innerText())?.[1];
  expect(day).toBeTruthy();

  // Another day, another browser: she finds her visit with its tracking code, her national ID and the SMS code.
  const later = await browser.newContext();
  const lookUp = await later.newPage();
  await lookUpVisit(lookUp, LEILA, await trackingCodeOf(page), { axe: true });
  await expect(bookedVisit(lookUp)).toContainText(day!);
  await expectAccessible(lookUp);
  await later.close();

  // The branch's officer finds her on that day's list, with her refused registration, and receives her.
  const staffContext = await browser.newContext();
  const desk = await staffContext.newPage();
  await staffSignIn(desk, OFFICER);
  await desk.getByRole("link", { name: "نوبت‌های مراجعه" }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("نوبت‌های مراجعه");
  const option = desk.locator("#visit-day option", { hasText: day! });
  await desk.getByLabel("روز", { exact: true }).selectOption((await option.getAttribute("value"))!);
  await desk.getByRole("button", { name: "نمایش" }).click();
  const visitor = desk.getByRole("listitem").filter({ hasText: persian(LEILA.nationalId) });
  await expect(visitor).toContainText("در انتظار مراجعه");
  await expect(visitor).toContainText("سابقه بیمه‌ای پیدا نشد");
  await expectAccessible(desk);
  await visitor.getByRole("button", { name: "مراجعه کرد" }).click();
  await expect(desk.getByRole("status")).toContainText("مراجعه ثبت شد");
  await expect(desk.getByRole("listitem").filter({ hasText: persian(LEILA.nationalId) })).toContainText("مراجعه کرد");
  await staffContext.close();

  await page.reload();
  await expect(page.getByRole("region", { name: "نوبت‌های پیشین" })).toContainText("مراجعه کرد");
});

test("booking, moving, looking up and cancelling work with plain form posts (no JavaScript)", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await registerUntilRefused(page, SAJJAD);
  await page.getByRole("link", { name: "رزرو نوبت مراجعه به شعبه" }).click();
  await page.getByLabel("شعبه", { exact: true }).selectOption({ label: "شعبه ۱ کرج" });
  await page.getByRole("button", { name: "نمایش نوبت‌های این شعبه" }).click();
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "رزرو نوبت" }).click();
  await expect(page.getByRole("status")).toContainText("نوبت شما ثبت شد");
  await expect(bookedVisit(page)).toContainText("شعبه ۱ کرج");
  await page.getByRole("radio").nth(2).check();
  await page.getByRole("button", { name: "جابه‌جایی نوبت به این زمان" }).click();
  await expect(page.getByRole("status")).toContainText("نوبت شما جابه‌جا شد");
  const trackingCode = await trackingCodeOf(page);
  await context.close();

  // Later, in a fresh browser without JavaScript either: looked up by tracking code, moved again, cancelled.
  const later = await browser.newContext({ javaScriptEnabled: false });
  const lookUp = await later.newPage();
  // A wrong national ID finds nothing, and says so without telling which is wrong.
  await lookUp.goto("/visit");
  await lookUp.getByLabel("کد رهگیری نوبت").fill(trackingCode);
  await lookUp.getByLabel("کد ملی").fill(LEILA.nationalId);
  await lookUp.getByRole("button", { name: "فرستادن کد" }).click();
  await expect(lookUp.getByText("نوبت رزروشده‌ای با این کد رهگیری و کد ملی پیدا نشد")).toBeVisible();
  await lookUpVisit(lookUp, SAJJAD, trackingCode, { axe: false });
  await expect(bookedVisit(lookUp)).toContainText("شعبه ۱ کرج");
  await lookUp.getByRole("radio").first().check();
  await lookUp.getByRole("button", { name: "جابه‌جایی نوبت به این زمان" }).click();
  await expect(lookUp.getByRole("status")).toContainText("نوبت شما جابه‌جا شد");
  await bookedVisit(lookUp).getByRole("button", { name: "لغو نوبت" }).click();
  await expect(lookUp.getByRole("status")).toContainText("نوبت شما لغو شد");
  await expect(bookedVisit(lookUp)).toHaveCount(0);
  await later.close();
});
