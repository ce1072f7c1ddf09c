import type { Page } from "@playwright/test";
import { PDF, citizenSignIn, expect, expectAccessible, test } from "./fixtures";

// The demo pensioner (family A). Other tests sign in as him at the same time
// but never enrol dependents; each test here uses different family members.
// Families D and F below use their own demo accounts.
const NATIONAL_ID = "0012345679";

const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: PDF });

const signIn = (page: Page, nationalId = NATIONAL_ID) => citizenSignIn(page, nationalId);

type Person = { nationalId: string; birthDate: string; relationship: string; answers?: Record<string, "بله" | "خیر"> };

async function fillPerson(page: Page, person: Person) {
  await page.getByLabel("کد ملی").fill(person.nationalId);
  await page.getByLabel("تاریخ تولد").fill(person.birthDate);
  await page.getByRole("radio", { name: person.relationship, exact: true }).check();
  for (const [question, answer] of Object.entries(person.answers ?? {})) {
    await page.getByRole("group", { name: question }).getByRole("radio", { name: answer }).check();
  }
  await page.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
}

const errorSummary = (page: Page) => page.getByRole("alert", { name: "مشکلی وجود دارد" });

/** Step B to the confirmation page; returns the tracking code as shown. */
async function uploadAndConfirm(page: Page, documents: string[]) {
  for (const label of documents) await page.getByLabel(label).setInputFiles(pdf(`${label}.pdf`));
  await page.getByRole("button", { name: "تایید و ادامه" }).click();
  const confirmation = page.getByRole("status").filter({ hasText: "درخواست شما ثبت شد" });
  await expect(confirmation).toBeVisible();
  const code = await confirmation.locator("strong").innerText();
  expect(code).toMatch(/^[۰-۹]{4}-[۰-۹]{3}-[۰-۹]{3}$/);
  return code;
}

test("a pensioner adds his sons, is told why others cannot be covered, and sees the requests in «افراد تحت تکفل»", async ({ page }) => {
  // Four relatives checked, three files refused and one enrolment filed: longer than the default minute on a loaded machine.
  test.setTimeout(120_000);
  await signIn(page);
  await page.getByRole("link", { name: "افراد تحت تکفل" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("افراد تحت تکفل");
  // His wife is covered from before the portal: shown by her name as the registry gives it.
  await expect(page.getByRole("list", { name: "افرادی که اکنون تحت پوشش بیمه شما هستند" })).toContainText("فاطمه احمدی");
  await expectAccessible(page);

  await page.getByRole("link", { name: "اضافه کردن فرد جدید تحت پوشش" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("اضافه کردن فرد جدید تحت پوشش");
  await expectAccessible(page);

  // Not a relative: refused (in the same words as a wrong birth date), and what was typed is kept.
  await fillPerson(page, { nationalId: "0065463552", birthDate: "۱۳۹۸/۰۱/۲۰", relationship: "پسر" });
  await expect(errorSummary(page)).toContainText("از بستگان درجه یک شما (همسر، فرزند، پدر یا مادر) کسی با این کد ملی، تاریخ تولد و نسبت پیدا نشد");
  await expect(page.getByLabel("کد ملی")).toHaveValue("0065463552");
  await expect(page.getByRole("radio", { name: "پسر", exact: true })).toBeChecked();
  await expectAccessible(page);

  // The wife is covered already.
  await fillPerson(page, { nationalId: "6232911776", birthDate: "1357/02/11", relationship: "همسر (زن)" });
  await expect(errorSummary(page)).toContainText("هم‌اکنون تحت پوشش بیمه شماست");

  // A 24-year-old son: refused, naming the rules he does not meet.
  await fillPerson(page, {
    nationalId: "1186782714",
    birthDate: "1381/01/25",
    relationship: "پسر",
    answers: { "آیا او اکنون مشغول تحصیل است؟": "بله", "آیا کمیسیون پزشکی او را ازکارافتاده شناخته است؟": "خیر" },
  });
  await expect(errorSummary(page)).toContainText("پسر ۱۸ تا ۲۰ ساله در صورت اشتغال به تحصیل تحت پوشش قرار می‌گیرد.");
  await expect(errorSummary(page)).toContainText("۲۴ سال");
  await expect(page.getByRole("button", { name: "تایید و ادامه" })).toHaveCount(0);

  // The 14-year-old son: the registry confirms him, then his birth certificate is uploaded.
  await page.goto("/account/dependents/new");
  await fillPerson(page, { nationalId: "8933827374", birthDate: "1391/07/09", relationship: "پسر" });
  await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^پارسا$/ })).toBeVisible();
  await expect(page.getByText("(الزامی)")).toHaveCount(1);
  await expectAccessible(page);
  // Nothing chosen: the required document is named beside its input.
  await page.getByRole("button", { name: "تایید و ادامه" }).click();
  await expect(errorSummary(page)).toContainText("فایل «صفحات شناسنامه» را انتخاب کنید");
  // An empty file is called empty, as soon as it is chosen and by the server (not "choose a file").
  await page.getByLabel("صفحات شناسنامه").setInputFiles({ name: "empty.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) });
  await expect(page.getByText("این فایل خالی است و پذیرفته نمی‌شود.")).toBeVisible();
  await page.getByRole("button", { name: "تایید و ادامه" }).click();
  await expect(errorSummary(page)).toContainText("فایل «صفحات شناسنامه» خالی است");
  // A file that is not a PDF or an image is refused.
  await page.getByLabel("صفحات شناسنامه").setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("just text") });
  await page.getByRole("button", { name: "تایید و ادامه" }).click();
  await expect(errorSummary(page)).toContainText("باید PDF، JPEG یا PNG باشد");
  await page.getByLabel("صفحات شناسنامه").setInputFiles(pdf("birth.pdf"));
  await expect(page.getByText("فایل انتخاب‌شده: birth.pdf")).toBeVisible();
  const parsaCode = await uploadAndConfirm(page, []);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("پارسا");
  // Each document is listed as the checklist item it answers, not only by its file's name.
  await expect(page.getByRole("region", { name: "مدارک" }).getByRole("link", { name: "صفحات شناسنامه" })).toBeVisible();
  await expectAccessible(page);
  const outbox = await page.context().newPage();
  await outbox.goto("/dev/outbox");
  await expect(outbox.getByRole("listitem").filter({ hasText: parsaCode })).toContainText("درخواست نام‌نویسی پسر شما");
  await outbox.close();

  // The 19-year-old son: first asked whether he studies, then accepted with a study certificate.
  await page.goto("/account/dependents/new");
  await fillPerson(page, { nationalId: "9209769491", birthDate: "1386/02/15", relationship: "پسر" });
  await expect(errorSummary(page)).toContainText("آیا او اکنون مشغول تحصیل است؟");
  await page.getByRole("group", { name: "آیا او اکنون مشغول تحصیل است؟" }).getByRole("radio", { name: "بله" }).check();
  await page.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
  await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible();
  const amirCode = await uploadAndConfirm(page, ["صفحات شناسنامه", "گواهی اشتغال به تحصیل"]);

  // Asking again for a son with an open request points to it.
  await page.goto("/account/dependents/new");
  await fillPerson(page, { nationalId: "8933827374", birthDate: "1391/07/09", relationship: "پسر" });
  await expect(errorSummary(page)).toContainText(parsaCode);

  await page.goto("/account/dependents");
  const requests = page.getByRole("list", { name: "درخواست‌های نام‌نویسی" });
  const parsa = requests.getByRole("listitem").filter({ hasText: parsaCode });
  await expect(parsa).toContainText("ثبت شده، در انتظار بررسی");
  await expect(requests.getByRole("listitem").filter({ hasText: amirCode })).toContainText("امیرحسین");
  await expectAccessible(page);
  await parsa.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("پارسا");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a pensioner adds his father, whom he supports", async ({ page }) => {
    await signIn(page);
    await page.goto("/account/dependents/new");
    await fillPerson(page, { nationalId: "0344185230", birthDate: "1328/03/14", relationship: "پدر" });
    await expect(errorSummary(page)).toContainText("آیا مخارج زندگی او را شما تأمین می‌کنید؟");
    await expect(page.getByLabel("کد ملی")).toHaveValue("0344185230");
    await page.getByRole("group", { name: "آیا مخارج زندگی او را شما تأمین می‌کنید؟" }).getByRole("radio", { name: "بله" }).check();
    await page.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
    await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: /^حسین$/ })).toBeVisible();
    // No axe here: it runs inside the page, which needs JavaScript; the test above checks the same pages.
    const code = await uploadAndConfirm(page, ["صفحات شناسنامه", "کارت ملی فرد تحت تکفل", "تعهدنامه تکفل"]);
    await page.goto("/account/dependents");
    await expect(page.getByRole("list", { name: "درخواست‌های نام‌نویسی" }).getByRole("listitem").filter({ hasText: code })).toContainText("پدر");
  });
});

/** Step B with a PDF in every document input, required or not. */
async function uploadEverythingAndConfirm(page: Page) {
  await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible();
  const inputs = page.locator('input[type="file"]');
  const count = await inputs.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await inputs.nth(i).setInputFiles(pdf(`document-${i}.pdf`));
  await page.getByRole("button", { name: "تایید و ادامه" }).click();
  await expect(page.getByRole("status").filter({ hasText: "درخواست شما ثبت شد" })).toBeVisible();
}

// Family D: a demo pensioner reserved for this test.
test("a pensioner adds his wife, his unmarried daughter and his supported mother", async ({ page }) => {
  await signIn(page, "7404642231");
  await page.goto("/account/dependents/new");

  await fillPerson(page, { nationalId: "6958056647", birthDate: "1355/03/30", relationship: "همسر (زن)" });
  await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible();
  await uploadEverythingAndConfirm(page);

  await page.goto("/account/dependents/new");
  await fillPerson(page, {
    nationalId: "2241538817",
    birthDate: "1382/07/01",
    relationship: "دختر",
    answers: { "آیا او ازدواج نکرده است؟": "بله", "آیا او شاغل است یا بیمه‌پرداز صندوق دیگری است؟": "خیر" },
  });
  await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible();
  await expectAccessible(page);
  await uploadEverythingAndConfirm(page);

  await page.goto("/account/dependents/new");
  await fillPerson(page, {
    nationalId: "6413510471",
    birthDate: "1326/05/16",
    relationship: "مادر",
    answers: { "آیا مخارج زندگی او را شما تأمین می‌کنید؟": "بله" },
  });
  await uploadEverythingAndConfirm(page);

  await page.goto("/account/dependents");
  for (const name of ["پروین", "الهام", "خدیجه"]) await expect(page.getByRole("main")).toContainText(name);
  await expectAccessible(page);
});

// Family F: the daughter is covered under her father; her mother asks too.
test("a daughter already covered under the other parent is flagged, and the request still goes to staff", async ({ page }) => {
  await signIn(page, "6978758371");
  await page.goto("/account/dependents/new");
  await fillPerson(page, {
    nationalId: "3225219045",
    birthDate: "1394/06/10",
    relationship: "دختر",
    answers: { "آیا او ازدواج نکرده است؟": "بله", "آیا او شاغل است یا بیمه‌پرداز صندوق دیگری است؟": "خیر" },
  });
  await expect(page.getByText("این فرد هم‌اکنون تحت پوشش بیمه‌شده دیگری است")).toBeVisible();
  await expectAccessible(page);
  // A chosen image is previewed before it is sent.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
  await page.locator('input[type="file"]').first().setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: png });
  await expect(page.getByRole("img", { name: /^پیش‌نمایش / })).toBeVisible();
  await expectAccessible(page);
  await uploadEverythingAndConfirm(page);
});
