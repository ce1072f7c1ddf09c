import { formatTehranDateTime } from "@/lib/utils/jalali";
import { DEMO_PASSWORD, expect, expectAccessible, test } from "./fixtures";

// The tests share one server, and so one per-network failure count for
// 127.0.0.1 (30 in 15 minutes): a client cannot claim another address with
// X-Forwarded-For (tests/security/client-address.test.ts), so these five
// failures count there too.

const LOCK_MS = 15 * 60_000;
/** What the portal shows for a lock ending `lockMs` after `instant`: Tehran time, rounded up to the minute. */
const shownLockEnd = (instant: number) => formatTehranDateTime(new Date(Math.ceil((instant + LOCK_MS) / 60_000) * 60_000));

// Staff member 210101 is used by no other browser test.
test("five wrong passwords lock a staff account, and the right one is then refused with the time it opens", async ({ page }) => {
  await page.goto("/staff/login");
  const summary = page.getByRole("alert", { name: "مشکلی وجود دارد" });
  let lastFailureStarted = 0;
  let lastFailureEnded = 0;

  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("کد پرسنلی").fill("210101");
    await page.getByLabel("گذرواژه").fill(`wrong-password-${attempt}`);
    lastFailureStarted = Date.now();
    await page.getByRole("button", { name: "ورود" }).click();
    await expect(summary).toContainText("کد پرسنلی یا گذرواژه درست نیست.");
    lastFailureEnded = Date.now();
    // The same message each time, so wait for it to be replaced before the next attempt.
    await page.reload();
  }

  await page.getByLabel("کد پرسنلی").fill("۲۱۰۱۰۱");
  await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(summary).toContainText("به دلیل چند تلاش ناموفق، ورود با این حساب تا");
  await expect(summary).toBeFocused();
  const message = (await summary.locator("li").first().textContent()) ?? "";
  const possibleEnds = new Set([shownLockEnd(lastFailureStarted), shownLockEnd(lastFailureEnded)]);
  expect([...possibleEnds].map((end) => `به دلیل چند تلاش ناموفق، ورود با این حساب تا ${end} ممکن نیست.`)).toContain(message);
  // Still on the sign-in page, with the personnel code kept and the password cleared.
  await expect(page).toHaveURL(/\/staff\/login$/);
  await expect(page.getByLabel("کد پرسنلی")).toHaveValue("۲۱۰۱۰۱");
  await expect(page.getByLabel("گذرواژه")).toHaveValue("");
  await expectAccessible(page);
});
