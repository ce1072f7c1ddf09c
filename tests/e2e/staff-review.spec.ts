import type { Browser, Page } from "@playwright/test";
import { PDF, PNG, citizenSignIn, expect, expectAccessible, persian, staffSignIn, test } from "./fixtures";

// Family A (branch 1201). Other specs sign in as the pensioner at the same time;
// only this spec enrols his unmarried daughter and his mother, and each test
// here finds its own request by tracking code, so parallel runs do not meet.
const PENSIONER = { nationalId: "0012345679", mobile: "09121234567" };
const OFFICER = { code: "120101", name: "مریم احمدی" };
const COLLEAGUE = { code: "120102", name: "رضا کریمی" };
const HEAD = "120190";
const OTHER_BRANCH_OFFICER = "120201";
const ADMIN = "900001";


async function citizenPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" })).newPage();
  await citizenSignIn(page, PENSIONER.nationalId);
  return page;
}

/** A valid PDF of about `kb` kilobytes (padding in a comment line). */
const bigPdf = (kb: number) => Buffer.concat([Buffer.from("%PDF-1.4\n%"), Buffer.alloc(kb * 1024, "x"), Buffer.from("\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")]);

/**
 * The citizen enrols a family member, a PNG for the first document and PDFs for
 * the rest; returns the tracking code's digits. With `slowLine`, the upload runs
 * at 256 kbit/s and the last document is 300 KB, so the progress bar is seen moving.
 */
async function enrol(
  page: Page,
  person: { nationalId: string; birthDate: string; relationship: string; answers: Record<string, "بله" | "خیر"> },
  { slowLine = false } = {},
) {
  await page.goto("/account/dependents/new");
  await page.getByLabel("کد ملی").fill(person.nationalId);
  await page.getByLabel("تاریخ تولد").fill(person.birthDate);
  await page.getByRole("radio", { name: person.relationship, exact: true }).check();
  for (const [question, answer] of Object.entries(person.answers)) {
    await page.getByRole("group", { name: question }).getByRole("radio", { name: answer }).check();
  }
  await page.getByRole("button", { name: "دریافت اطلاعات از سازمان ثبت احوال" }).click();
  await expect(page.getByText("تأیید شده توسط سازمان ثبت احوال")).toBeVisible();
  const inputs = page.locator('input[type="file"]');
  const count = await inputs.count();
  for (let i = 0; i < count; i++) {
    const buffer = slowLine && i === count - 1 ? bigPdf(300) : PDF;
    await inputs.nth(i).setInputFiles(i === 0 ? { name: "scan.png", mimeType: "image/png", buffer: PNG } : { name: `document-${i}.pdf`, mimeType: "application/pdf", buffer });
  }
  if (slowLine) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 100, downloadThroughput: 1_000_000, uploadThroughput: 32_000 });
    const sentAhead = page.waitForResponse((r) => r.url().endsWith("/account/uploads") && r.request().method() === "POST");
    await page.getByRole("button", { name: "تایید و ادامه" }).click();
    // Real progress: the bar has a value, and it grows while the big file goes.
    const bar = page.getByRole("progressbar", { name: "ارسال مدارک" });
    await expect(bar).toBeVisible();
    expect((await sentAhead).status()).toBe(201);
    await expect.poll(async () => Number(await bar.getAttribute("value")), { timeout: 15_000 }).toBeGreaterThan(3000);
    await expect(page.getByText(/٪ ارسال شد/)).toBeVisible();
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  } else {
    await page.getByRole("button", { name: "تایید و ادامه" }).click();
  }
  const confirmation = page.getByRole("status").filter({ hasText: "درخواست شما ثبت شد" });
  await expect(confirmation).toBeVisible();
  return toAscii(await confirmation.locator("strong").innerText());
}

/** The demo outbox has a message to the pensioner about this request saying `text` (other tests text him too). */
async function expectSms(page: Page, trackingCode: string, text: string) {
  const outbox = await page.context().newPage();
  try {
    await outbox.goto("/dev/outbox");
    const code = persian(`${trackingCode.slice(0, 4)}-${trackingCode.slice(4, 7)}-${trackingCode.slice(7)}`);
    await expect(outbox.getByRole("listitem").filter({ hasText: persian(PENSIONER.mobile) }).filter({ hasText: code }).filter({ hasText: text })).not.toHaveCount(0);
  } finally {
    await outbox.close();
  }
}

const toAscii = (s: string) => s.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))).replace(/\D/g, "");

/** Staff find a request in the queue by its tracking code and open it. */
async function openFromQueue(page: Page, trackingCode: string) {
  await page.goto("/staff/requests");
  await page.getByLabel("جست‌وجو با کد رهگیری یا کد ملی").fill(persian(trackingCode));
  await page.getByRole("button", { name: "نمایش" }).click();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test("an officer claims, views documents and returns a request; the citizen resubmits; the officer approves and the daughter is covered", async ({ browser, page }) => {
  // Two people, three documents previewed, a return, a resubmission and an approval: over two minutes in a loaded CI run.
  test.setTimeout(180_000);
  const citizen = await citizenPage(browser);
  const code = await enrol(citizen, {
    nationalId: "0656434538",
    birthDate: "1383/10/03",
    relationship: "دختر",
    answers: { "آیا او ازدواج نکرده است؟": "بله", "آیا او شاغل است یا بیمه‌پرداز صندوق دیگری است؟": "خیر" },
  }, { slowLine: true });
  // Documents are sent ahead only from a page of this site.
  for (const headers of [{ origin: "https://evil.example" }, {}] as Record<string, string>[]) {
    const refused = await citizen.request.post("/account/uploads", { headers, multipart: { file: { name: "a.pdf", mimeType: "application/pdf", buffer: PDF } } });
    expect(refused.status()).toBe(403);
  }

  await staffSignIn(page, OFFICER.code);
  await page.getByRole("link", { name: "کارتابل درخواست‌ها" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("کارتابل درخواست‌ها");
  await expectAccessible(page);
  await openFromQueue(page, code);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("مریم رضایی");
  await expect(page.getByRole("main")).toContainText("تأییدشده از سازمان ثبت احوال");
  await expect(page.getByRole("main")).toContainText("دختر تا زمانی که ازدواج نکرده و شاغل نیست");
  // Nobody decides before claiming.
  await expect(page.getByRole("region", { name: "تصمیم" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "برداشتن درخواست" }).click();
  await expect(page.getByRole("status")).toContainText("درخواست را برداشتید");

  // The documents open inside the page: the image is drawn, the PDF is served.
  const image = page.getByRole("img", { name: /scan\.png/ });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const pdfHref = await page.getByRole("link", { name: /نمایش در اندازه کامل/ }).first().getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  // Not for the citizen, even their own file through the staff address.
  expect((await citizen.request.get(pdfHref!)).status()).toBe(404);
  await expectAccessible(page);

  // Return for a document, naming it.
  const returnForm = page.getByRole("region", { name: "برگشت برای تکمیل مدارک" });
  await returnForm.getByRole("button", { name: "برگشت برای تکمیل مدارک" }).click();
  await expect(returnForm.getByRole("alert")).toContainText("مدارکی را که لازم است انتخاب کنید");
  await returnForm.getByRole("checkbox", { name: "گواهی عدم اشتغال / عدم بیمه" }).check();
  await returnForm.getByLabel("توضیح برای متقاضی").fill("گواهی باید تاریخ امسال را داشته باشد.");
  await returnForm.getByRole("button", { name: "برگشت برای تکمیل مدارک" }).click();
  await expect(page.getByRole("status")).toContainText("برگشت داده شد");
  // Staff read the request from their side: waiting on the applicant, the deadline paused with what will be left of it.
  const main = page.getByRole("main");
  await expect(main.getByText("در انتظار مدارک متقاضی", { exact: true })).toBeVisible();
  await expect(main).toContainText("برای تکمیل مدارک به متقاضی برگشت داده شد");
  await expect(main).not.toContainText("به شما برگشت داده شد");
  await expect(main).toContainText(/متوقف شده از .+، در انتظار مدارک متقاضی\. پس از رسیدن مدارک، [۰-۹]+ روز کاری برای پاسخ باقی می‌ماند\./);

  // The citizen is told, completes and resubmits.
  await expectSms(citizen, code, "برای تکمیل مدارک برگشت داده شد");
  await citizen.goto("/account/dependents");
  await citizen.getByRole("list", { name: "درخواست‌های نام‌نویسی" }).getByRole("listitem").filter({ hasText: persian(code.slice(0, 4)) }).getByRole("link").click();
  const todo = citizen.getByRole("region", { name: "کاری که باید انجام دهید" });
  await expect(todo).toContainText("گواهی عدم اشتغال / عدم بیمه");
  await expect(todo).toContainText("گواهی باید تاریخ امسال را داشته باشد.");
  await expect(citizen.getByRole("main")).toContainText(/متوقف شده از .+، در انتظار مدارک شما\. پس از ارسال مدارک، [۰-۹]+ روز کاری برای پاسخ باقی می‌ماند\./);
  await expectAccessible(citizen);
  await todo.getByLabel("مدرک اول").setInputFiles({ name: "no-employment-1405.pdf", mimeType: "application/pdf", buffer: PDF });
  await todo.getByRole("button", { name: "ارسال مدارک و ادامه بررسی" }).click();
  await expect(citizen.getByRole("status")).toContainText("مدارک شما دریافت شد");

  // The officer sees the new document and approves.
  await page.reload();
  await expect(page.getByRole("main")).toContainText("no-employment-1405.pdf");
  await page.getByRole("region", { name: "تأیید درخواست" }).getByRole("button", { name: "تأیید درخواست" }).click();
  // Just after a reload that previews three documents, a click can land before
  // the page is hydrated: React queues the submission and sends it once hydration
  // ends, which on a loaded CI machine took longer than the default 5 s once.
  await expect(page.getByRole("status")).toContainText("درخواست تأیید شد", { timeout: 15_000 });
  await expect(page.getByRole("region", { name: "تصمیم" })).toHaveCount(0);

  // The citizen: an SMS, the daughter covered, and the officer in «who viewed my file».
  await expectSms(citizen, code, "تأیید شد");
  await citizen.goto("/account/dependents");
  await expect(citizen.getByRole("list", { name: "افرادی که اکنون تحت پوشش بیمه شما هستند" })).toContainText("مریم");
  await citizen.goto("/account");
  await citizen.getByRole("link", { name: "چه کسانی پرونده من را دیده‌اند" }).click();
  const views = citizen.getByRole("list", { name: "سابقه مشاهده پرونده" }).getByRole("listitem").filter({ hasText: persian(code.slice(0, 4)) });
  await expect(views.filter({ hasText: "درخواست را تأیید کرد" })).toContainText(OFFICER.name);
  await expect(views.filter({ hasText: "مدرک را دید" }).first()).toContainText(OFFICER.name);
  await expect(views.filter({ hasText: "پرونده درخواست را دید" }).first()).toBeVisible();
  await expectAccessible(citizen);
  await citizen.context().close();
});

test("an officer without JavaScript rejects with a reason that cites the rule; the citizen reads it", async ({ browser }) => {
  test.setTimeout(180_000);
  const citizen = await citizenPage(browser);
  const code = await enrol(citizen, {
    nationalId: "9461299486",
    birthDate: "1333/11/02",
    relationship: "مادر",
    answers: { "آیا مخارج زندگی او را شما تأمین می‌کنید؟": "بله" },
  });
  // The decision forms are plain form posts too (with JavaScript they are tried in keyboard-staff.spec.ts).
  const page = await (await browser.newContext({ javaScriptEnabled: false, locale: "fa-IR", timezoneId: "Asia/Tehran" })).newPage();
  await staffSignIn(page, COLLEAGUE.code);
  await openFromQueue(page, code);
  await page.getByRole("button", { name: "برداشتن درخواست" }).click();
  await expect(page.getByRole("status")).toContainText("درخواست را برداشتید");
  const reject = page.getByRole("region", { name: "رد درخواست" });
  await reject.getByLabel("توضیح برای متقاضی").fill("مادر شما مستمری جداگانه دریافت می‌کند.");
  await reject.getByRole("button", { name: "رد درخواست" }).click();
  // The answer opens at the form that was sent, with its error and what was typed; the other forms stay empty.
  await expect(page).toHaveURL(/#reject-title$/);
  await expect(reject.getByRole("alert")).toContainText("دلیل رد درخواست را انتخاب کنید.");
  await expect(reject.getByLabel("توضیح برای متقاضی")).toHaveValue("مادر شما مستمری جداگانه دریافت می‌کند.");
  const approve = page.getByRole("region", { name: "تأیید درخواست" });
  await expect(approve.getByRole("alert")).toHaveCount(0);
  await expect(approve.getByLabel("توضیح برای متقاضی (اختیاری)")).toHaveValue("");
  await expect(page.getByRole("region", { name: "برگشت برای تکمیل مدارک" }).getByLabel("توضیح برای متقاضی")).toHaveValue("");
  await reject.getByLabel("دلیل رد").selectOption({ label: "تحت تکفل بودن پدر یا مادر ثابت نشد" });
  await reject.getByRole("button", { name: "رد درخواست" }).click();
  await expect(page.getByRole("status")).toContainText("درخواست رد شد");
  await page.context().close();

  await expectSms(citizen, code, "رد شد");
  await citizen.goto("/account/requests");
  await citizen.getByRole("listitem").filter({ hasText: persian(code.slice(0, 4)) }).getByRole("link").first().click();
  const reason = citizen.getByRole("region", { name: "دلیل رد درخواست" });
  await expect(reason).toContainText("تحت تکفل بودن پدر یا مادر ثابت نشد");
  await expect(reason).toContainText("ماده ۵۸ قانون تأمین اجتماعی");
  await expect(reason).toContainText("مادر شما مستمری جداگانه دریافت می‌کند.");
  await expectAccessible(citizen);
  await citizen.context().close();
});

test("a head reassigns a question and the new holder answers it; the first officer can no longer decide", async ({ browser, page }) => {
  // Three staff sign-ins, each of which may wait for the authenticator's next code: past 90 s twice on a loaded machine.
  test.setTimeout(180_000);
  const citizen = await citizenPage(browser);
  const subject = `کسر حق بیمه ${Date.now() % 100000}`;
  await citizen.goto("/account/requests/new");
  await citizen.getByRole("radio", { name: /^بیمه‌ای/ }).check();
  await citizen.getByLabel("موضوع").fill(subject);
  await citizen.getByLabel("متن پرسش یا درخواست").fill("حق بیمه دو ماه گذشته از حقوق من کسر شده ولی در سابقه دیده نمی‌شود.");
  await citizen.getByRole("button", { name: "ثبت پرسش" }).click();
  const confirmation = citizen.getByRole("status");
  await expect(confirmation).toContainText("درخواست شما ثبت شد");
  const code = toAscii(/کد رهگیری: ([۰-۹-]+)/.exec(await confirmation.innerText())![1]!);

  // The first officer claims it and keeps the page open.
  await staffSignIn(page, OFFICER.code);
  await openFromQueue(page, code);
  await page.getByRole("button", { name: "برداشتن درخواست" }).click();
  await expect(page.getByRole("region", { name: "پاسخ به پرسش" })).toBeVisible();

  // The head hands it to a colleague.
  const head = await (await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" })).newPage();
  await staffSignIn(head, HEAD);
  await openFromQueue(head, code);
  await expect(head.getByRole("main")).toContainText(`در دست ${OFFICER.name}`);
  await expectAccessible(head);
  await head.getByLabel("واگذاری به").selectOption({ label: COLLEAGUE.name });
  await head.getByRole("button", { name: "واگذاری" }).click();
  await expect(head.getByRole("status")).toContainText("درخواست واگذار شد");

  // The first officer's open page is now out of date: the answer is refused, what was typed stays.
  const answer = page.getByRole("region", { name: "پاسخ به پرسش" });
  await answer.getByLabel("متن پاسخ").fill("سابقه دو ماه گذشته شما ثبت و اصلاح شد.");
  await answer.getByRole("button", { name: "پاسخ به پرسش" }).click();
  await expect(answer.getByRole("alert")).toContainText("تغییر کرده است");
  await expect(answer.getByLabel("متن پاسخ")).toHaveValue("سابقه دو ماه گذشته شما ثبت و اصلاح شد.");

  // The colleague answers.
  await head.context().close();
  const colleague = await (await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" })).newPage();
  await staffSignIn(colleague, COLLEAGUE.code);
  await openFromQueue(colleague, code);
  const colleagueAnswer = colleague.getByRole("region", { name: "پاسخ به پرسش" });
  await colleagueAnswer.getByLabel("متن پاسخ").fill("حق بیمه دو ماه گذشته ثبت شد و در سابقه شما دیده می‌شود.");
  await colleagueAnswer.getByRole("button", { name: "پاسخ به پرسش" }).click();
  await expect(colleague.getByRole("status")).toContainText("پاسخ ثبت شد");
  await colleague.context().close();

  await expectSms(citizen, code, "پاسخ داده شد");
  await citizen.reload();
  await expect(citizen.getByRole("region", { name: "پاسخ کارشناس" })).toContainText("حق بیمه دو ماه گذشته ثبت شد");
  await citizen.context().close();
});

test.describe("who may open the staff pages", () => {
  test.use({ allowedErrorUrls: [/\/staff\//] });

  test("anonymous, citizen, another branch, officer, head and administrator each get what their role allows", async ({ browser }) => {
    // Four staff sign-ins: each may wait for the authenticator's next code (30 s) when the
    // other worker has just used the same demo account's (it failed once in CI at 90 s).
    test.setTimeout(180_000);
    // A request of branch 1201 to aim at.
    const citizen = await citizenPage(browser);
    await citizen.goto("/account/requests/new");
    await citizen.getByRole("radio", { name: /^بیمه‌ای/ }).check();
    await citizen.getByLabel("موضوع").fill("آزمون دسترسی");
    await citizen.getByLabel("متن پرسش یا درخواست").fill("این پرسش برای آزمون دسترسی کارکنان ثبت شده است.");
    await citizen.getByRole("button", { name: "ثبت پرسش" }).click();
    await expect(citizen.getByRole("status")).toContainText("درخواست شما ثبت شد");
    const requestPath = new URL(citizen.url()).pathname.replace("/account/requests/", "/staff/requests/");
    const pages = ["/staff/requests", requestPath, "/staff/dashboard", "/staff/file-on-behalf", "/staff/requests/export"];

    // A citizen: nothing of the staff side exists.
    for (const path of pages) expect((await citizen.request.get(path, { maxRedirects: 0 })).status(), `citizen ${path}`).toBe(404);
    await citizen.context().close();

    // Anonymous: pages send to the staff sign-in, route handlers say 404.
    const anonymous = await browser.newContext();
    for (const path of pages.slice(0, 4)) {
      const response = await anonymous.request.get(path, { maxRedirects: 0 });
      expect([303, 307, 308], `anonymous ${path}`).toContain(response.status());
      expect(response.headers()["location"]).toContain("/staff/login");
    }
    expect((await anonymous.request.get("/staff/requests/export", { maxRedirects: 0 })).status()).toBe(404);
    await anonymous.close();

    const expectations: [string, Record<string, number>][] = [
      [ADMIN, { "/staff/requests": 404, [requestPath]: 404, "/staff/dashboard": 404, "/staff/file-on-behalf": 404, "/staff/requests/export": 404 }],
      [OTHER_BRANCH_OFFICER, { "/staff/requests": 200, [requestPath]: 404, "/staff/dashboard": 404, "/staff/file-on-behalf": 200 }],
      [OFFICER.code, { "/staff/requests": 200, [requestPath]: 200, "/staff/dashboard": 404, "/staff/file-on-behalf": 200, "/staff/requests/export": 200 }],
      [HEAD, { "/staff/requests": 200, [requestPath]: 200, "/staff/dashboard": 200, "/staff/file-on-behalf": 200 }],
    ];
    for (const [code, statuses] of expectations) {
      const context = await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" });
      const staff = await context.newPage();
      await staffSignIn(staff, code);
      for (const [path, status] of Object.entries(statuses)) {
        expect((await staff.request.get(path, { maxRedirects: 0 })).status(), `${code} ${path}`).toBe(status);
      }
      if (code === HEAD) {
        await staff.goto("/staff/dashboard");
        await expect(staff.getByRole("heading", { level: 1 })).toHaveText("داشبورد مهلت‌ها");
        // The head is told how handling time is measured (without the time it waited on the applicant).
        await expect(staff.getByText(/بی‌آنکه زمانِ برگشت درخواست نزد متقاضی برای تکمیل مدارک\s+شمرده شود/)).toBeVisible();
        await expectAccessible(staff);
      }
      await context.close();
    }
  });
});
