import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { arrowUntil, chooseFileWithKeyboard, expectFocusOnErrorSummary, expectFocusOnHeading, tabAndEnter, tabTo } from "../support/keyboard";
import { DEMO_PASSWORD, PDF, PNG, expect, persian, test } from "./fixtures";

// The citizen's flows with the keyboard alone (tests/support/keyboard.ts):
// only Tab, Shift+Tab, Enter, Space and arrow keys, plus typing into fields.
// Every stop shows its focus; after each submit focus is on the error summary
// or on the new page's heading.

const SIGN_IN_TIMEOUT_MS = 20_000;

/** Signs in at /login with the keyboard: Tab from the top of the page to each field. */
async function signInWithKeyboard(page: Page, nationalId: string) {
  await page.goto("/login");
  await tabTo(page, page.getByLabel("کد ملی"));
  await page.keyboard.type(nationalId);
  await tabTo(page, page.getByLabel("گذرواژه"));
  await page.keyboard.type(DEMO_PASSWORD);
  await tabTo(page, page.getByRole("button", { name: "ورود" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من", { timeout: SIGN_IN_TIMEOUT_MS });
  await expectFocusOnHeading(page);
}

test("a citizen files a question with an attachment, follows it and prints its receipt, with the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    // The print dialog is the browser's; count the calls instead of opening it.
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  const subject = `پرسش با صفحه‌کلید ${persian(String(crypto.randomInt(100_000, 999_999)))}`;
  await signInWithKeyboard(page, "0012345679");

  await tabAndEnter(page, page.getByRole("link", { name: "درخواست‌های من" }));
  await expectFocusOnHeading(page, "درخواست‌های من");
  await tabAndEnter(page, page.getByRole("link", { name: "ثبت پرسش یا درخواست تازه" }));
  await expectFocusOnHeading(page, "ثبت پرسش یا درخواست");

  // The domain with arrow keys, the text typed, a file that is not a picture chosen with Space.
  const medical = page.getByRole("radio", { name: /^درمانی/ });
  await tabTo(page, page.getByRole("radio", { name: /^بیمه‌ای/ }));
  await arrowUntil(page, () => medical.isChecked());
  await tabTo(page, page.getByLabel("موضوع"));
  await page.keyboard.type(subject);
  await tabTo(page, page.getByLabel("متن پرسش یا درخواست"));
  await page.keyboard.type("هزینه داروهایی که در بیمارستان خریدم هنوز بازپرداخت نشده است.");
  await chooseFileWithKeyboard(page, page.getByLabel("پیوست (اختیاری)"), { name: "scan.png", mimeType: "image/png", buffer: Buffer.from("not really a picture") });
  await tabAndEnter(page, page.getByRole("button", { name: "ثبت پرسش" }));
  await expectFocusOnErrorSummary(page, "فایل «پیوست» باید PDF، JPEG یا PNG باشد.");
  await expect(medical).toBeChecked();

  // From the summary's link to the field, then the right file and submit.
  await tabAndEnter(page, page.getByRole("link", { name: "فایل «پیوست» باید PDF، JPEG یا PNG باشد." }));
  await expect(page.getByLabel("پیوست (اختیاری)")).toBeFocused();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles({ name: "scan.png", mimeType: "image/png", buffer: PNG });
  await tabAndEnter(page, page.getByRole("button", { name: "ثبت پرسش" }));
  await expectFocusOnHeading(page, subject);
  await expect(page.getByRole("status")).toContainText("درخواست شما ثبت شد");

  // The receipt, and its print button.
  await tabAndEnter(page, page.getByRole("link", { name: "رسید قابل چاپ" }));
  await expectFocusOnHeading(page, "رسید درخواست");
  await tabAndEnter(page, page.getByRole("button", { name: "چاپ رسید" }));
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // Back to the list (Shift+Tab to the link before the button), filtered by status with the arrow keys.
  await tabAndEnter(page, page.getByRole("link", { name: "جزئیات درخواست" }), { backwards: true });
  await expectFocusOnHeading(page, subject);
  await page.goto("/account/requests");
  const status = page.getByLabel("وضعیت");
  await tabTo(page, status);
  await arrowUntil(page, async () => (await status.inputValue()) === "SUBMITTED");
  await tabAndEnter(page, page.getByRole("button", { name: "نمایش" }));
  await expect(page).toHaveURL(/status=SUBMITTED/);
  await expectFocusOnHeading(page, "درخواست‌های من");
  await tabTo(page, page.getByRole("link", { name: subject }));
});

// Family D: his son of 19, whom no other test enrols (page-layout.spec.ts only looks up the youngest).
test("a pensioner enrols his son with two documents, with the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithKeyboard(page, "7404642231");
  await tabAndEnter(page, page.getByRole("link", { name: "افراد تحت تکفل" }));
  await expectFocusOnHeading(page, "افراد تحت تکفل");
  await tabAndEnter(page, page.getByRole("link", { name: "اضافه کردن فرد جدید تحت پوشش" }));
  await expectFocusOnHeading(page, "اضافه کردن فرد جدید تحت پوشش");

  await tabTo(page, page.getByLabel("کد ملی"));
  await page.keyboard.type("9841580330");
  await tabTo(page, page.getByLabel("تاریخ تولد"));
  await page.keyboard.type("1386/05/12");
  const son = page.getByRole("radio", { name: "پسر", exact: true });
  await tabTo(page, page.getByRole("radio").first());
  await arrowUntil(page, () => son.isChecked());
  await tabAndEnter(page, page.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }));
  // He is 19: first asked whether he studies.
  await expectFocusOnErrorSummary(page, "آیا او اکنون مشغول تحصیل است؟");
  const studies = page.getByRole("group", { name: "آیا او اکنون مشغول تحصیل است؟" });
  await tabTo(page, studies.getByRole("radio").first());
  await arrowUntil(page, () => studies.getByRole("radio", { name: "بله" }).isChecked());
  const disabled = page.getByRole("group", { name: "آیا کمیسیون پزشکی او را ازکارافتاده شناخته است؟" });
  if (await disabled.isVisible()) {
    await tabTo(page, disabled.getByRole("radio").first());
    await arrowUntil(page, () => disabled.getByRole("radio", { name: "خیر" }).isChecked());
  }
  await tabAndEnter(page, page.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }));
  await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible({ timeout: 15_000 });
  // The registry's answer takes focus, so the next Tab goes on to the documents.
  await expect(page.getByRole("heading", { level: 2, name: /ثبت احوال/ }).first()).toBeFocused();

  // Each document in its drop box, chosen with Space on the box's file input.
  await chooseFileWithKeyboard(page, page.getByLabel("صفحات شناسنامه"), { name: "birth.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByRole("img", { name: /^پیش‌نمایش / })).toBeVisible();
  await chooseFileWithKeyboard(page, page.getByLabel("گواهی اشتغال به تحصیل"), { name: "school.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByText("فایل انتخاب‌شده: school.pdf")).toBeVisible();
  await tabAndEnter(page, page.getByRole("button", { name: "تایید و ادامه" }));
  await expect(page.getByRole("status").filter({ hasText: "درخواست شما ثبت شد" })).toBeVisible({ timeout: 20_000 });
  await expectFocusOnHeading(page, /میلاد/);
});
