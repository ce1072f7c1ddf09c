import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_STAFF } from "@/lib/server/demo/demo-data";

/** WCAG 2.2 A and AA rules. */
export async function expectAccessible(page: Page) {
  // After a client-side navigation Next streams the new <title> in; wait for it.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const DEMO_PASSWORD = "Tamin-Demo-1405";

export const test = base.extend<{ consoleErrors: string[]; allowedErrorUrls: RegExp[] }>({
  /** Resources a test expects to fail (e.g. the 404 page itself). */
  allowedErrorUrls: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedErrorUrls }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const url = message.location().url;
        if (allowedErrorUrls.some((pattern) => pattern.test(url))) return;
        errors.push(`${message.text()} ${url}`);
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "the browser console had errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

const persian = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);

/** The newest text message to `mobile` in the demo outbox, read as a person would. */
export async function latestSmsTo(page: Page, mobile: string): Promise<string> {
  const outbox = await page.context().newPage();
  try {
    await outbox.goto("/dev/outbox");
    const message = outbox.getByRole("listitem").filter({ hasText: persian(mobile) }).first();
    await expect(message).toBeVisible();
    return await message.innerText();
  } finally {
    await outbox.close();
  }
}

/** The one-time code in the newest message to `mobile`. */
export async function latestCodeTo(page: Page, mobile: string): Promise<string> {
  const text = await latestSmsTo(page, mobile);
  const code = /(\d{6})/.exec(text)?.[1];
  expect(code, `no code in: ${text}`).toBeTruthy();
  return code!;
}

export { persian };

// Signing in checks an argon2id hash (about 10 ms of CPU alone) and, when the click
// comes before hydration, waits for it: on a loaded 2-core machine the next page
// once took more than 5 s. The person waits for that page; so do the helpers.
const SIGN_IN_TIMEOUT_MS = 15_000;

/** A citizen signs in at /login and lands on «خدمات من». */
export async function citizenSignIn(page: Page, nationalId: string) {
  await page.goto("/login");
  await page.getByLabel("کد ملی").fill(nationalId);
  await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من", { timeout: SIGN_IN_TIMEOUT_MS });
}

/** The code a demo staff member's authenticator app shows at `when` (the README's seeded secrets). */
export async function demoStaffCode(personnelCode: string, when = Date.now()): Promise<string> {
  const secret = DEMO_STAFF.find((s) => s.personnelCode === personnelCode)?.totpSecret;
  if (!secret) throw new Error(`demo staff ${personnelCode} has no seeded authenticator`);
  return generate({ secret, epoch: Math.floor(when / 1000) });
}

const STEP_MS = 30_000;

/** Whether the staff desk is open: the person is past the second step. */
export const atStaffDesk = (page: Page) => /\/staff$/.test(new URL(page.url()).pathname);

/**
 * What the portal answered a code just submitted: the desk opened, the code was
 * used already, or neither within the limit. The "used" message of an attempt
 * before stays on the page until the desk opens, so it can answer for a code that
 * was accepted: look at atStaffDesk before retrying and before giving up.
 */
export const codeOutcome = (page: Page): Promise<"in" | "used" | "timeout"> =>
  Promise.race([
    page.waitForURL(/\/staff$/, { timeout: 20_000, waitUntil: "commit" }).then(() => "in" as const, () => "timeout" as const),
    page.getByText("این کد یک بار به کار رفته است").first().waitFor({ timeout: 20_000 }).then(() => "used" as const, () => "timeout" as const),
  ]);

/** Waits, as a person would, until the authenticator app shows its next code. */
export const waitForNextCode = (page: Page) => page.waitForTimeout(STEP_MS - (Date.now() % STEP_MS) + 500);

/**
 * Types the authenticator's code on the second-step page, as a person reads it
 * off the app. A code is accepted once, and the tests sign the same demo staff
 * in at once from two workers: when the portal says the code was used, wait
 * for the app's next code, as a person would.
 */
export async function enterStaffCode(page: Page, personnelCode: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    // A click queued before hydration can post the code twice: one is accepted, the other
    // reported as used. The person is then at the desk, as they would see.
    if (attempt > 0 && atStaffDesk(page)) return;
    // The password is checked first (argon2, slow on a loaded machine): wait for the page the person waits for.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("کد ورود دومرحله‌ای", { timeout: 20_000 });
    await page.getByLabel("کد ورود دومرحله‌ای").fill(await demoStaffCode(personnelCode));
    await page.getByRole("button", { name: "ورود" }).click();
    const outcome = await codeOutcome(page);
    if (outcome === "in") return;
    // Neither answer within the limit on a loaded machine: the desk may have opened meanwhile;
    // if not, the person types the app's next code, as after a used one.
    if (outcome === "timeout" && atStaffDesk(page)) return;
    await waitForNextCode(page);
  }
  throw new Error(`staff ${personnelCode}: no fresh code accepted in four time steps`);
}

/** Staff sign in at /staff/login with the password and the authenticator's code, and land on the staff home. */
export async function staffSignIn(page: Page, personnelCode: string) {
  await page.goto("/staff/login");
  await page.getByLabel("کد پرسنلی").fill(personnelCode);
  await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await enterStaffCode(page, personnelCode);
  await expect(page).toHaveURL(/\/staff$/, { timeout: SIGN_IN_TIMEOUT_MS });
}

/** The hidden inputs of a page's forms (Next's server-action ids among them), as a no-JavaScript post sends them. */
export function hiddenFields(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].flatMap((m) => {
      const name = /name="([^"]+)"/.exec(m[0])?.[1];
      const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
      return name ? [[name.replace(/&quot;/g, '"'), value.replace(/&quot;/g, '"')]] : [];
    }),
  );
}

/** Small valid documents for uploads. */
export const PDF = Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

/**
 * A stub of playwright.outages.config.ts, named by its metadata key, switched down and up
 * through its control port (outageSwitch in tests/support/stub-server.ts).
 */
export function outageStub(request: APIRequestContext, metadataKey: "smsGatewayUrl" | "mailServerUrl") {
  const url = String(test.info().config.metadata[metadataKey]);
  return {
    url,
    down: async () => expect((await request.post(`${url}/control/down`)).status()).toBe(204),
    up: async () => expect((await request.post(`${url}/control/up`)).status()).toBe(204),
  };
}
