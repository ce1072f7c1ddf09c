"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a navigation inside the portal (a link, a form whose action redirects,
 * a filter form) the browser keeps focus where it was, or drops it on the
 * body: a keyboard or screen reader user is left on the old page's control.
 * This moves focus to the new page's heading, as a full page load would start
 * at the top, so the next Tab goes on from there (WCAG 2.4.3). A form that
 * fails stays on its page and focuses its error summary itself.
 */
export function FocusHeadingOnNavigation() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const firstRender = useRef(true);
  useEffect(() => {
    // The first page of a visit: the browser starts at the top, with the skip link.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }, [pathname, query]);
  return null;
}
