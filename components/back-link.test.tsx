import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BackLink } from "./back-link";

describe("BackLink", () => {
  it("is named by where it leads alone: its arrow is hidden from screen readers", () => {
    const html = renderToStaticMarkup(<BackLink href="/staff">میز کار کارکنان</BackLink>);
    expect(html).toMatch(/^<a class="inline-flex min-h-11 items-center" href="\/staff"><span aria-hidden="true">→\u00a0<\/span>میز کار کارکنان<\/a>$/);
  });
});
