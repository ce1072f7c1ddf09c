import type { Browser, APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, PNG, enterStaffCode, expect, test } from "./fixtures";

// Every page and route handler × every kind of visitor. Citizen A (family A,
// branch 1201) files a question with an attachment; nobody but A, and staff of
// branch 1201 on the staff side, may see it. Expected: a status, or where a
// page sends the visitor. Server actions are checked per action in
// app/**/actions.test.ts and by the use cases' integration tests.

// helperView: مصطفی مرادی with his father's file open under the demo mandate
// (seeing and filing questions, not enrolling dependents). Helpers with each
// scope alone, expired and revoked are in app/actions-authorization.test.ts;
// tests/e2e/mandates.spec.ts walks revocation through every page.
type Visitor = "anonymous" | "citizenA" | "citizenB" | "helperView" | "officer" | "otherBranchOfficer" | "head" | "admin";
const VISITORS: Visitor[] = ["anonymous", "citizenA", "citizenB", "helperView", "officer", "otherBranchOfficer", "head", "admin"];
const LOGIN: Record<Exclude<Visitor, "anonymous">, { path: string; label: string; id: string }> = {
  citizenA: { path: "/login", label: "کد ملی", id: "0012345679" },
  citizenB: { path: "/login", label: "کد ملی", id: "6978758371" },
  helperView: { path: "/login", label: "کد ملی", id: "7622463191" },
  officer: { path: "/staff/login", label: "کد پرسنلی", id: "120101" },
  otherBranchOfficer: { path: "/staff/login", label: "کد پرسنلی", id: "120201" },
  head: { path: "/staff/login", label: "کد پرسنلی", id: "120190" },
  admin: { path: "/staff/login", label: "کد پرسنلی", id: "900001" },
};

/** 200, 404, or "→/path" for a redirect there. */
type Outcome = 200 | 404 | `→${string}`;
const CITIZEN_ONLY = (own: Outcome, other: Outcome, helperView: Outcome = other): Record<Visitor, Outcome> => ({
  anonymous: "→/login",
  citizenA: own,
  citizenB: other,
  helperView,
  officer: "→/login",
  otherBranchOfficer: "→/login",
  head: "→/login",
  admin: "→/login",
});
const STAFF = (o: Partial<Record<Visitor, Outcome>>): Record<Visitor, Outcome> => ({
  anonymous: "→/staff/login",
  citizenA: 404,
  citizenB: 404,
  helperView: 404,
  officer: 200,
  otherBranchOfficer: 200,
  head: 200,
  admin: 200,
  ...o,
});
const HANDLER = (allowed: Partial<Record<Visitor, Outcome>>): Record<Visitor, Outcome> => ({
  anonymous: 404,
  citizenA: 404,
  citizenB: 404,
  helperView: 404,
  officer: 404,
  otherBranchOfficer: 404,
  head: 404,
  admin: 404,
  ...allowed,
});

async function contextFor(browser: Browser, visitor: Visitor): Promise<APIRequestContext> {
  const context = await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" });
  if (visitor !== "anonymous") {
    const page = await context.newPage();
    const login = LOGIN[visitor];
    await page.goto(login.path);
    await page.getByLabel(login.label).fill(login.id);
    await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ورود" }).click();
    if (login.path === "/staff/login") await enterStaffCode(page, login.id);
    await expect(page).not.toHaveURL(/login/);
    if (visitor === "helperView") {
      await page.goto("/account/acting");
      await page.getByRole("radio", { name: /ابراهیم مرادی/ }).check();
      await page.getByRole("button", { name: "باز کردن پرونده" }).click();
      await expect(page.getByRole("region", { name: "پرونده باز" })).toContainText("ابراهیم مرادی");
    }
    await page.close();
  }
  return context.request;
}

async function outcomeOf(request: APIRequestContext, path: string): Promise<Outcome> {
  const response = await request.get(path, { maxRedirects: 0 });
  if ([302, 303, 307, 308].includes(response.status())) return `→${new URL(response.headers()["location"]!, "http://x").pathname}`;
  return response.status() as Outcome;
}

test.describe("who may open what", () => {
  test.use({ allowedErrorUrls: [/localhost/] });

  test("every page and route handler answers each kind of visitor as its role allows", async ({ browser }) => {
    // Eight visitors (five staff sign-ins, each of which may wait for the authenticator's next code) × 26 addresses.
    test.setTimeout(360_000);
    const a = await contextFor(browser, "citizenA");
    // Citizen A's request, with a document, to aim at.
    const page = await browser.newPage();
    await page.context().addCookies((await a.storageState()).cookies);
    await page.goto("/account/requests/new");
    await page.getByRole("radio", { name: /^بیمه‌ای/ }).check();
    await page.getByLabel("موضوع").fill("آزمون ماتریس دسترسی");
    await page.getByLabel("متن پرسش یا درخواست").fill("این پرسش برای آزمون دسترسی همه نقش‌ها ثبت شده است.");
    await page.getByLabel("پیوست (اختیاری)").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "ثبت پرسش" }).click();
    await expect(page.getByRole("status")).toContainText("درخواست شما ثبت شد");
    const requestId = /\/account\/requests\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const documentHref = (await page.getByRole("region", { name: "مدارک" }).getByRole("link", { name: "پیوست" }).getAttribute("href"))!;
    const documentId = documentHref.split("/").pop()!;
    await page.close();

    const matrix: Record<string, Record<Visitor, Outcome>> = {
      "/account": CITIZEN_ONLY(200, 200),
      "/account/requests": CITIZEN_ONLY(200, 200),
      "/account/requests/new": CITIZEN_ONLY(200, 200),
      [`/account/requests/${requestId}`]: CITIZEN_ONLY(200, 404),
      [`/account/requests/${requestId}/receipt`]: CITIZEN_ONLY(200, 404),
      [`/account/requests/${requestId}/documents/${documentId}`]: HANDLER({ citizenA: 200 }),
      "/account/dependents": CITIZEN_ONLY(200, 200),
      "/account/dependents/new": CITIZEN_ONLY(200, 200, "→/account"),
      "/account/messages": CITIZEN_ONLY(200, 200),
      "/account/file-views": CITIZEN_ONLY(200, 200, "→/account/acting"),
      "/account/password": CITIZEN_ONLY(200, 200, "→/account/acting"),
      "/account/security": CITIZEN_ONLY(200, 200, "→/account/acting"),
      "/account/mandates": CITIZEN_ONLY(200, 200, "→/account/acting"),
      [`/account/mandates/${crypto.randomUUID()}/confirm`]: CITIZEN_ONLY(200, 200, "→/account/acting"),
      "/account/acting": CITIZEN_ONLY(200, 200),
      "/account/email": CITIZEN_ONLY(200, 200, "→/account/acting"),
      // The demo mandate (view and questions) does not cover booking a visit for him.
      "/account/visits": CITIZEN_ONLY(200, 200, "→/account"),
      // Only for a person refused at registration (the draft cookie); no one here has one.
      "/visit": HANDLER({ anonymous: 200, citizenA: 200, citizenB: 200, helperView: 200, officer: 200, otherBranchOfficer: 200, head: 200, admin: 200 }),
      // Only with this browser's look-up cookie (signed, from /visit); no one here has one.
      "/visit/verify": HANDLER({ anonymous: "→/visit", citizenA: "→/visit", citizenB: "→/visit", helperView: "→/visit", officer: "→/visit", otherBranchOfficer: "→/visit", head: "→/visit", admin: "→/visit" }),
      "/visit/manage": HANDLER({ anonymous: "→/visit", citizenA: "→/visit", citizenB: "→/visit", helperView: "→/visit", officer: "→/visit", otherBranchOfficer: "→/visit", head: "→/visit", admin: "→/visit" }),
      "/register/result/visit": HANDLER({
        anonymous: "→/register/result",
        citizenA: "→/register/result",
        citizenB: "→/register/result",
        helperView: "→/register/result",
        officer: "→/register/result",
        otherBranchOfficer: "→/register/result",
        head: "→/register/result",
        admin: "→/register/result",
      }),
      "/staff": STAFF({}),
      "/staff/requests": STAFF({ admin: 404 }),
      [`/staff/requests/${requestId}`]: STAFF({ otherBranchOfficer: 404, admin: 404 }),
      [`/staff/requests/${requestId}/documents/${documentId}`]: HANDLER({ officer: 200, head: 200 }),
      "/staff/requests/export": HANDLER({ officer: 200, otherBranchOfficer: 200, head: 200 }),
      "/staff/dashboard": STAFF({ officer: 404, otherBranchOfficer: 404, admin: 404 }),
      "/staff/file-on-behalf": STAFF({ admin: 404 }),
      "/staff/mandates": STAFF({ admin: 404 }),
      "/staff/admin/holidays": STAFF({ officer: 404, otherBranchOfficer: 404, head: 404 }),
      "/staff/admin/messages": STAFF({ officer: 404, otherBranchOfficer: 404, head: 404 }),
      "/staff/admin/emails": STAFF({ officer: 404, otherBranchOfficer: 404, head: 404 }),
      "/staff/team": STAFF({ officer: 404, otherBranchOfficer: 404 }),
      "/staff/visits": STAFF({ admin: 404 }),
    };

    const failures: string[] = [];
    let checked = 0;
    for (const visitor of VISITORS) {
      const request = visitor === "citizenA" ? a : await contextFor(browser, visitor);
      for (const [path, expected] of Object.entries(matrix)) {
        const actual = await outcomeOf(request, path);
        checked++;
        if (actual !== expected[visitor]) failures.push(`${visitor} ${path}: expected ${expected[visitor]}, got ${actual}`);
      }
      // Another owner's ids look exactly like ids that do not exist.
      if (visitor === "citizenB") {
        const unknown = await outcomeOf(request, `/account/requests/${crypto.randomUUID()}`);
        expect(unknown).toBe(404);
      }
    }
    console.log(`authorization matrix: ${checked} page × visitor pairs checked`);
    expect(failures).toEqual([]);
  });
});
