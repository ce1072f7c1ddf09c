import type { Page } from "@playwright/test";

/**
 * Measuring a page's layout the way a person with large text or wide spacing
 * meets it (WCAG 2.2 SC 1.4.4, 1.4.10, 1.4.12): no sideways scrolling, and no
 * control, label or heading outside the screen, hidden under something else,
 * or cut off by its own box. Used by tests/e2e/page-layout.spec.ts.
 */

/** The text settings a page is measured with. */
export type TextSettings = {
  /** Browser default font size in px: 16 is normal, 32 is 200 % (a phone's large text, a browser's text-only zoom). */
  rootFontPx: number;
  /** SC 1.4.12's spacing: line height 1.5, letter 0.12 em, word 0.16 em, paragraphs 2 em apart. */
  textSpacing: boolean;
};

/**
 * Sets the browser's default font size, as its text-size setting does: every
 * `rem` (Tailwind's spacing and type scale) grows with it, for this page and
 * every document it loads next.
 */
export async function setDefaultFontSize(page: Page, px: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.enable");
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: px, fixed: Math.round((px * 13) / 16) } });
  await cdp.detach();
}

/**
 * Overrides the spacing of all text as a reader's style sheet or bookmarklet
 * does for SC 1.4.12. A constructed style sheet, so the page's
 * Content-Security-Policy does not refuse it; it lasts until the next document.
 */
export async function applyTextSpacing(page: Page) {
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      "*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }" +
        " p { margin-block-end: 2em !important; }",
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
}

/** What is wrong with the current page's layout, one line per problem, or nothing. */
export async function layoutProblems(page: Page): Promise<string[]> {
  // Web fonts change every width: measure with the font the person sees.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const screenWidth = root.clientWidth;
    const describe = (el: Element) => {
      const text = (el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? el.getAttribute("value") ?? "").replace(/\s+/g, " ").trim();
      const name = el.getAttribute("name") ?? el.id;
      return `<${el.tagName.toLowerCase()}${name ? ` ${name}` : ""}>${text ? ` «${text.slice(0, 40)}»` : ""}`;
    };
    if (root.scrollWidth > screenWidth + 1) {
      // Name the innermost boxes that stick out, so the report says where to look.
      const outside = [...document.body.querySelectorAll("*")].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < -1 || r.right > screenWidth + 1);
      });
      const innermost = outside.filter((el) => !outside.some((other) => other !== el && el.contains(other))).slice(0, 3);
      const chain = (el: Element) => {
        const parts: string[] = [];
        for (let up: Element | null = el; up && up !== document.body; up = up.parentElement) {
          const r = up.getBoundingClientRect();
          parts.push(`${up.tagName.toLowerCase()}.${(up.getAttribute("class") ?? "").split(" ").slice(0, 2).join(".")}[${getComputedStyle(up).overflowX} ${Math.round(r.left)}…${Math.round(r.right)}]`);
        }
        return parts.join(" < ");
      };
      problems.push(`the page is ${root.scrollWidth} px wide on a ${screenWidth} px screen (sticking out: ${innermost.map(describe).join(", ")}; ${innermost[0] ? chain(innermost[0]) : ""})`);
    }

    /**
     * A data table may scroll sideways inside its own box (SC 1.4.10's
     * exception for two-dimensional content); what is inside it is measured
     * against that box, and the box against the screen.
     */
    const tableScroller = (el: Element): Element | null => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const overflowX = getComputedStyle(up).overflowX;
        if ((overflowX === "auto" || overflowX === "scroll") && up.querySelector("table")) return up;
      }
      return null;
    };

    const selector = [
      "a[href]",
      "button",
      "input:not([type=hidden])",
      "select",
      "textarea",
      "label",
      "legend",
      "summary",
      "h1",
      "h2",
      "h3",
      "h4",
      "[role=button]",
      "[role=alert]",
      "[role=status]",
      "[tabindex='0']",
    ].join(",");
    const saved = { x: window.scrollX, y: window.scrollY };
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      // Visually hidden on purpose (the skip link until focused, `sr-only` labels).
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(el);
      if (style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)") continue;

      // Outside the screen (or outside its table's box), measured with the page scrolled to its start.
      window.scrollTo(0, window.scrollY);
      const scroller = tableScroller(el);
      const rect = el.getBoundingClientRect();
      const bounds = scroller ? scroller.getBoundingClientRect() : { left: 0, right: screenWidth };
      const inScrollingTable = scroller !== null;
      if (!inScrollingTable && (rect.left < bounds.left - 1 || rect.right > bounds.right + 1)) {
        problems.push(`${describe(el)} spans x ${Math.round(rect.left)}…${Math.round(rect.right)}, outside the ${screenWidth} px screen`);
        continue;
      }

      // Cut off by its own box: text that does not fit a control or heading with hidden overflow.
      if (/(hidden|clip)/.test(style.overflowX + style.overflowY) && el.tagName !== "SELECT" && el.tagName !== "INPUT" && el.tagName !== "TEXTAREA") {
        const html = el as HTMLElement;
        if (html.scrollWidth > html.clientWidth + 1 || html.scrollHeight > html.clientHeight + 1) problems.push(`${describe(el)} cuts its own text off`);
      }

      // Hidden under another element: what is drawn at its first line's middle must be it (or inside it, or its label).
      if (inScrollingTable) continue;
      el.scrollIntoView({ block: "center", inline: "nearest" });
      const line = el.getClientRects()[0] ?? el.getBoundingClientRect();
      const x = Math.min(Math.max(line.left + line.width / 2, 0), screenWidth - 1);
      const y = line.top + Math.min(line.height / 2, 10);
      const hit = document.elementFromPoint(x, y);
      if (!hit || hit === el || el.contains(hit)) continue;
      if (hit instanceof HTMLLabelElement && hit.control === el) continue;
      // Elements that take no pointer events are drawn, just not hit-tested: the parent answers for them.
      if (hit.contains(el) && getComputedStyle(el).pointerEvents === "none") continue;
      problems.push(`${describe(el)} is hidden under ${describe(hit)}`);
    }
    window.scrollTo(saved.x, saved.y);
    return problems;
  });
}

/** The screens and text settings every page is measured at. */
export const LAYOUT_SETTINGS = [
  { label: "390 px, text 200 %", width: 390, rootFontPx: 32, textSpacing: false },
  { label: "1280 px, text 200 %", width: 1280, rootFontPx: 32, textSpacing: false },
  { label: "320 px, normal text", width: 320, rootFontPx: 16, textSpacing: false },
  { label: "390 px, text spacing of SC 1.4.12", width: 390, rootFontPx: 16, textSpacing: true },
] as const satisfies readonly ({ label: string; width: number } & TextSettings)[];

/**
 * Measures the page as it is now at every setting, in place (no reload, so a
 * page in the middle of a flow is measured too), and puts the page back to
 * `restore` afterwards. One line per problem, prefixed by its setting.
 */
export async function layoutProblemsAtEverySetting(page: Page, restore = { width: 1280, height: 720 }): Promise<string[]> {
  const problems: string[] = [];
  for (const setting of LAYOUT_SETTINGS) {
    await page.setViewportSize({ width: setting.width, height: 800 });
    await setDefaultFontSize(page, setting.rootFontPx);
    if (setting.textSpacing) await applyTextSpacing(page);
    // Two frames: the new width and font size are laid out before anything is measured.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    problems.push(...(await layoutProblems(page)).map((problem) => `${setting.label}: ${problem}`));
    if (setting.textSpacing) await page.evaluate(() => (document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1)));
  }
  await setDefaultFontSize(page, 16);
  await page.setViewportSize(restore);
  return problems;
}
