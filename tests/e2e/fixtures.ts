import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

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

/** A citizen signs in at /login and lands on «خدمات من». */
export async function citizenSignIn(page: Page, nationalId: string) {
  await page.goto("/login");
  await page.getByLabel("کد ملی").fill(nationalId);
  await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خدمات من");
}

/** Staff sign in at /staff/login and land on the staff home. */
export async function staffSignIn(page: Page, personnelCode: string) {
  await page.goto("/staff/login");
  await page.getByLabel("کد پرسنلی").fill(personnelCode);
  await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

/** Small valid documents for uploads. */
export const PDF = Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
