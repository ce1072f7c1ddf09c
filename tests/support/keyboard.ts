import { expect, type FileChooser, type Locator, type Page } from "@playwright/test";

/**
 * Using a page with the keyboard alone: Tab and Shift+Tab between controls,
 * Enter and Space to act, arrow keys in radio groups and lists. At every stop
 * the focus must be visible, with an indicator that contrasts with what is
 * behind it (SC 2.4.7, 2.4.11, 2.4.13), not covered, and the stops must follow
 * the right-to-left reading order (SC 2.4.3). Used by tests/e2e/keyboard-*.spec.ts.
 */

type Stop = { description: string; left: number; right: number; top: number; bottom: number; problem: string | null };

/** The focused element, where it is on the page, and what is wrong with how its focus is shown. */
function focusedStop(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const text = (el.getAttribute("aria-label") ?? el.innerText ?? "").replace(/\s+/g, " ").trim();
    const description = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("name") ? ` ${el.getAttribute("name")}` : ""}> «${text.slice(0, 40)}»`;
    const rect = el.getBoundingClientRect();
    const stop = { description, left: rect.left, right: rect.right, top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY, problem: null as string | null };

    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    const opaque = (color: string) => color !== "transparent" && !/rgba\(.*,\s*0\)$/.test(color);
    let behind = "rgb(255, 255, 255)";
    for (let up = el.parentElement; up; up = up.parentElement) {
      const color = getComputedStyle(up).backgroundColor;
      if (opaque(color)) {
        behind = color;
        break;
      }
    }
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 ? style.outlineColor : null;
    const ring = /^(rgba?\([^)]*\))\s+0px\s+0px\s+0px\s+([\d.]+)px/.exec(style.boxShadow);
    const indicators = [outline, ring && parseFloat(ring[2]!) >= 2 ? ring[1]! : null].filter((c): c is string => c !== null);
    const best = Math.max(0, ...indicators.map((color) => contrast(color, behind)));
    if (indicators.length === 0) stop.problem = `${description} shows no focus indicator`;
    else if (best < 3) stop.problem = `${description}: focus indicator contrast ${best.toFixed(1)}:1 against ${behind}, under 3:1`;
    // Not hidden: the browser scrolled it into view, and nothing is drawn over it (SC 2.4.11).
    else if (rect.bottom <= 0 || rect.top >= window.innerHeight || rect.right <= 0 || rect.left >= window.innerWidth) stop.problem = `${description} has focus outside the screen`;
    else {
      const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(rect.top + Math.min(rect.height / 2, 10), 0), window.innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== el && !el.contains(hit) && !(hit instanceof HTMLLabelElement && hit.control === el)) stop.problem = `${description} has focus but is covered`;
    }
    return stop;
  });
}

/** Whether `next` comes after `previous` in right-to-left reading order: lower down, or on the same line further left. */
function readsAfter(previous: Stop, next: Stop): boolean {
  const tolerance = 4;
  if (next.top >= previous.bottom - tolerance) return true;
  const sameLine = next.top < previous.bottom && next.bottom > previous.top;
  return sameLine && next.right <= previous.right + tolerance;
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has focus, checking
 * every stop on the way; fails when focus is trapped, invisible or out of order,
 * or when `target` is not reached within `maxPresses`.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, maxPresses = 60 } = {}) {
  const stops: Stop[] = [];
  const problems: string[] = [];
  let previous = await focusedStop(page);
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const stop = await focusedStop(page);
    if (stop) {
      stops.push(stop);
      if (stop.problem) problems.push(stop.problem);
      if (previous && stop.description === previous.description && stop.top === previous.top) problems.push(`${stop.description}: Tab did not move focus (trapped)`);
      if (previous && !backwards && !readsAfter(previous, stop)) problems.push(`${previous.description} → ${stop.description}: against the right-to-left reading order`);
    }
    if (await target.evaluate((el) => el === document.activeElement)) {
      expect(problems, "keyboard focus on the way").toEqual([]);
      return;
    }
    previous = stop;
  }
  throw new Error(`not reached with ${backwards ? "Shift+Tab" : "Tab"} in ${maxPresses} presses; focus went: ${stops.map((s) => s.description).join(" → ")}`);
}

/** Tab to a control and activate it with Enter (links, buttons). */
export async function tabAndEnter(page: Page, target: Locator, options?: { backwards?: boolean; maxPresses?: number }) {
  await tabTo(page, target, options);
  await page.keyboard.press("Enter");
}

/** Tab to a file input (or a control that opens the file chooser) and choose `files` with Space, as in the system's dialog. */
export async function chooseFileWithKeyboard(page: Page, input: Locator, files: Parameters<FileChooser["setFiles"]>[0]) {
  await tabTo(page, input);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles(files);
}

/** With a select or a radio group focused, presses an arrow key until `isChosen` holds (at most `max` presses). */
export async function arrowUntil(page: Page, isChosen: () => Promise<boolean>, { key = "ArrowDown", max = 12 } = {}) {
  for (let press = 0; press <= max; press++) {
    if (await isChosen()) return;
    await page.keyboard.press(key);
  }
  throw new Error(`not chosen with ${max} presses of ${key}`);
}

/** The focused element is the page's main heading (after a navigation) or the error summary (after a refused form). */
export async function expectFocusOnHeading(page: Page, text?: string | RegExp) {
  const heading = page.getByRole("heading", { level: 1 });
  if (text) await expect(heading).toHaveText(text, { timeout: 15_000 });
  await expect(heading).toBeFocused({ timeout: 15_000 });
  expect((await focusedStop(page))?.problem ?? null).toBeNull();
}

/** `within`: the form's region, on a page with several forms (each has its own summary). */
export async function expectFocusOnErrorSummary(page: Page, text: string | RegExp, within: Page | Locator = page) {
  const summary = within.getByRole("alert", { name: "مشکلی وجود دارد" });
  await expect(summary).toContainText(text, { timeout: 15_000 });
  await expect(summary).toBeFocused();
  expect((await focusedStop(page))?.problem ?? null).toBeNull();
}

/** Tab to a field and type into it, as a person does (typing is the only other key allowed). */
export async function typeInto(page: Page, field: Locator, text: string, options?: { backwards?: boolean; maxPresses?: number }) {
  await tabTo(page, field, options);
  await page.keyboard.type(text);
}

/** The label of the option a focused or unfocused select shows. */
export function chosenOption(select: Locator): Promise<string> {
  return select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent?.trim() ?? "");
}

/** `target` has focus, and its focus indicator is visible, contrasts and is not covered. */
export async function expectVisibleFocus(page: Page, target: Locator) {
  await expect(target).toBeFocused({ timeout: 15_000 });
  expect((await focusedStop(page))?.problem ?? null).toBeNull();
}
