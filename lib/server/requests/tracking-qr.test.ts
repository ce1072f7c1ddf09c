import { describe, expect, it } from "vitest";
import { trackingQrSvg } from "./tracking-qr";

describe("trackingQrSvg", () => {
  it("draws an SVG document", async () => {
    const svg = await trackingQrSvg("1234567894");
    expect(svg.trimStart().startsWith("<svg")).toBe(true);
    expect(svg).toContain("</svg>");
  });

  it("draws the same code the same way every time, and different codes differently", async () => {
    const first = await trackingQrSvg("1234567894");
    expect(await trackingQrSvg("1234567894")).toBe(first);
    expect(await trackingQrSvg("5724350615")).not.toBe(first);
  });
});
