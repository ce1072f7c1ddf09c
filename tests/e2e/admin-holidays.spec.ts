import { expect, expectAccessible, staffSignIn, test } from "./fixtures";

const ADMIN = "900001";
const OFFICER = "120201";
// A day with no official holiday, used only by this file; the test removes it again.
const TEST_DAY = "۱۴۰۵/۰۷/۰۷";
const TEST_DAY_LABEL = "سه‌شنبه ۷ مهر ۱۴۰۵";

test("an administrator lists, adds, edits and deletes official holidays", async ({ page }) => {
  await staffSignIn(page, ADMIN);
  await page.getByRole("link", { name: "تعطیلات رسمی" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("تعطیلات رسمی");

  await page.getByRole("link", { name: "۱۴۰۴", exact: true }).click();
  await expect(page.getByRole("heading", { name: "تعطیلات سال ۱۴۰۴" })).toBeVisible();
  const table = page.getByRole("table", { name: "تعطیلات سال ۱۴۰۴" });
  await expect(table.getByRole("row", { name: /جمعه ۱ فروردین ۱۴۰۴/ })).toContainText("عید نوروز");
  await expect(table.getByRole("row", { name: /۲۲ بهمن ۱۴۰۴/ })).toContainText("پیروزی انقلاب اسلامی");
  await expect(table.getByRole("row", { name: /۱۵ خرداد ۱۴۰۴/ })).toContainText("قیام ۱۵ خرداد");
  await expectAccessible(page);

  // A mistake first: the error summary names it and the typed title stays.
  await page.getByLabel("تاریخ", { exact: true }).fill("۱۴۰۵/۱۳/۰۱");
  await page.getByLabel("عنوان تعطیلی").fill("روز آزمون مرورگر");
  await page.getByRole("button", { name: "افزودن تعطیلی" }).click();
  const summary = page.getByRole("alert", { name: "مشکلی وجود دارد" });
  await expect(summary).toContainText("تاریخ را به شکل سال/ماه/روز بنویسید");
  await expect(page.getByLabel("عنوان تعطیلی")).toHaveValue("روز آزمون مرورگر");
  await expectAccessible(page);

  await page.getByLabel("تاریخ", { exact: true }).fill(TEST_DAY);
  await page.getByRole("button", { name: "افزودن تعطیلی" }).click();
  await expect(page.getByRole("status")).toHaveText("تعطیلی افزوده شد.");
  // Back on the year of the new holiday.
  const row = page.getByRole("table", { name: "تعطیلات سال ۱۴۰۵" }).getByRole("row", { name: new RegExp(TEST_DAY_LABEL) });
  await expect(row).toContainText("روز آزمون مرورگر");

  // The same day twice is refused.
  await page.getByLabel("تاریخ", { exact: true }).fill(TEST_DAY);
  await page.getByLabel("عنوان تعطیلی").fill("تکراری");
  await page.getByRole("button", { name: "افزودن تعطیلی" }).click();
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("در این روز تعطیلی دیگری ثبت شده است");

  await row.getByRole("button", { name: /ویرایش/ }).click();
  await expect(page.getByRole("heading", { name: `ویرایش تعطیلی ${TEST_DAY_LABEL}` })).toBeVisible();
  await expect(page.getByLabel("تاریخ", { exact: true })).toHaveValue(TEST_DAY);
  await expect(page.getByLabel("عنوان تعطیلی")).toHaveValue("روز آزمون مرورگر");
  await expectAccessible(page);
  await page.getByLabel("عنوان تعطیلی").fill("روز آزمون مرورگر (ویرایش‌شده)");
  await page.getByRole("button", { name: "ذخیره تغییرات" }).click();
  await expect(page.getByRole("status")).toHaveText("تعطیلی ویرایش شد.");
  await expect(row).toContainText("روز آزمون مرورگر (ویرایش‌شده)");

  await row.getByRole("button", { name: /حذف/ }).click();
  await expect(page.getByRole("status")).toHaveText("تعطیلی حذف شد.");
  await expect(page.getByRole("table", { name: "تعطیلات سال ۱۴۰۵" })).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("an administrator is told of 1406's provisional lunar days, confirms one and moves another", async ({ page }) => {
  await staffSignIn(page, ADMIN);
  // The official calendar of 1406 was not out when the list was written: its 17 lunar days wait for a check.
  await page.getByRole("link", { name: "۱۷ تعطیلی موقت سال ۱۴۰۶ منتظر تأیید با تقویم رسمی است" }).click();
  await expect(page.getByRole("heading", { name: "تعطیلات سال ۱۴۰۶" })).toBeVisible();
  await expect(page.getByText("۱۷ تعطیلی این سال موقت است و هنوز تأیید نشده است.")).toBeVisible();
  const table = page.getByRole("table", { name: "تعطیلات سال ۱۴۰۶" });
  // Nowruz is fixed by law, Tasua is a prediction.
  await expect(table.getByRole("row", { name: /یکشنبه ۱ فروردین ۱۴۰۶/ })).not.toContainText("موقت");
  const tasua = table.getByRole("row", { name: /دوشنبه ۲۴ خرداد ۱۴۰۶/ });
  await expect(tasua).toContainText("تاسوعای حسینی");
  await expect(tasua).toContainText("موقت، تأییدنشده");
  await expectAccessible(page);

  await tasua.getByRole("button", { name: "تأیید دوشنبه ۲۴ خرداد ۱۴۰۶" }).click();
  await expect(page.getByRole("status")).toHaveText("تاریخ تعطیلی تأیید شد.");
  await expect(tasua).not.toContainText("موقت");
  await expect(page.getByText("۱۶ تعطیلی این سال موقت است و هنوز تأیید نشده است.")).toBeVisible();

  // The official calendar puts Ashura a day later than predicted: editing the date confirms it there.
  await table.getByRole("row", { name: /سه‌شنبه ۲۵ خرداد ۱۴۰۶/ }).getByRole("button", { name: /ویرایش/ }).click();
  await page.getByLabel("تاریخ", { exact: true }).fill("۱۴۰۶/۰۳/۲۶");
  await page.getByRole("button", { name: "ذخیره تغییرات" }).click();
  await expect(page.getByRole("status")).toHaveText("تعطیلی ویرایش شد.");
  const ashura = page.getByRole("table", { name: "تعطیلات سال ۱۴۰۶" }).getByRole("row", { name: /چهارشنبه ۲۶ خرداد ۱۴۰۶/ });
  await expect(ashura).toContainText("عاشورای حسینی");
  await expect(ashura).not.toContainText("موقت");
  await expect(page.getByText("۱۵ تعطیلی این سال موقت است و هنوز تأیید نشده است.")).toBeVisible();
});

test("the weekend form refuses a week with no closing day, and keeps the saved days", async ({ page }) => {
  await staffSignIn(page, ADMIN);
  await page.goto("/staff/admin/holidays");
  const weekend = page.getByRole("group", { name: "روزهای تعطیل هفتگی" });
  await expect(weekend.getByLabel("پنجشنبه")).toBeChecked();
  await expect(weekend.getByLabel("جمعه")).toBeChecked();
  await expect(weekend.getByLabel("شنبه", { exact: true })).not.toBeChecked();
  // Unchecking every day would let deadlines run through the weekend; it is refused and nothing is saved.
  await weekend.getByLabel("پنجشنبه").uncheck();
  await weekend.getByLabel("جمعه").uncheck();
  await page.getByRole("button", { name: "ذخیره روزهای تعطیل" }).click();
  await expect(page.getByRole("alert", { name: "مشکلی وجود دارد" })).toContainText("دست‌کم یک روز تعطیل هفتگی را انتخاب کنید.");
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole("group", { name: "روزهای تعطیل هفتگی" }).getByLabel("جمعه")).toBeChecked();
});

test.describe("other staff", () => {
  // Next answers a notFound() from a dynamic page with an error shell that the
  // client replaces; when Chromium checks for an icon during that swap it asks
  // for /favicon.ico (a 404 before public/favicon.ico existed; still allowed). Seen
  // once in four runs; the 404 of the page itself is expected. (One pattern: Playwright
  // reads a two-element array here as [value, fixture options].)
  test.use({ allowedErrorUrls: [/\/(staff\/admin\/holidays|favicon\.ico)$/] });

  test("an officer gets the not-found page, and sees no link to it", async ({ page }) => {
    await staffSignIn(page, OFFICER);
    await expect(page.getByRole("link", { name: "تعطیلات رسمی" })).toHaveCount(0);
    const response = await page.goto("/staff/admin/holidays");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("صفحه پیدا نشد");
    await expectAccessible(page);
  });
});

test("signed out, the page sends you to the staff sign-in", async ({ page }) => {
  await page.goto("/staff/admin/holidays");
  await expect(page).toHaveURL(/\/staff\/login$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a holiday can be added and deleted as plain form posts", async ({ page }) => {
    await staffSignIn(page, ADMIN);
    await page.goto("/staff/admin/holidays?year=1405");
    await page.getByLabel("تاریخ", { exact: true }).fill("1405/07/21");
    await page.getByLabel("عنوان تعطیلی").fill("آزمون بدون جاوااسکریپت");
    await page.getByRole("button", { name: "افزودن تعطیلی" }).click();
    await expect(page.getByRole("status")).toHaveText("تعطیلی افزوده شد.");
    const row = page.getByRole("row", { name: /۲۱ مهر ۱۴۰۵/ });
    await expect(row).toContainText("آزمون بدون جاوااسکریپت");
    await row.getByRole("button", { name: /حذف/ }).click();
    await expect(page.getByRole("status")).toHaveText("تعطیلی حذف شد.");
    await expect(row).toHaveCount(0);
  });
});
