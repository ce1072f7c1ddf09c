// Fuzzing of safeFileName, the name shown back to people and sent in
// Content-Disposition (through encodeURIComponent): whatever the browser
// claims, the result has no path, no control or reserved characters, at most
// 150 characters before the real extension, and is well-formed text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyString, codePoints, fuzz, hugeString, isWellFormed, fuzzFile, trickyString } from "@/tests/support/fuzz";
import { safeFileName } from "./store-document";

fuzzFile("lib/server/requests/store-document.ts (safeFileName)");

const EXTENSIONS = ["pdf", "jpg", "png"];
const stem = fc
  .string({ unit: fc.constantFrom(..."ابپتکیهو شناسنامهabcXYZ0123456789_-()😀"), minLength: 1, maxLength: 150 })
  .map((s) => Array.from(s.trim()).slice(0, 150).join("").trim())
  .filter((s) => s !== "");

describe("safeFileName", () => {
  it("yields a well-formed name with no path, control or reserved characters, ≤ 150 characters, and the real extension", () => {
    const name = fc.oneof(
      anyString,
      hugeString,
      trickyString(200),
      fc.tuple(stem, fc.constantFrom("", "😀", "\u0085", "\u009B")).map(([s, c]) => `${"a".repeat(149)}${c}${s}.png`),
      fc.tuple(stem, fc.constantFrom("\u202E", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C")).map(([s, c]) => `${s}${c}fdp.exe`),
      fc.tuple(fc.array(fc.constantFrom("..", "C:", "dir", "\\\\server", ""), { maxLength: 3 }), stem, fc.constantFrom("/", "\\")).map(([dirs, s, sep]) => [...dirs, `${s}.exe`].join(sep)),
    );
    fuzz("safeFileName", fc.tuple(name, fc.constantFrom(...EXTENSIONS)), ([raw, extension]) => {
      const out = safeFileName(raw, extension);
      expect(out.endsWith(`.${extension}`)).toBe(true);
      const base = out.slice(0, -(extension.length + 1));
      expect(base.length).toBeGreaterThan(0);
      expect(base).not.toMatch(/[/\\:*?"<>|]/);
      expect(base).not.toMatch(/\p{Cc}/u);
      expect(base).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u);
      expect(codePoints(base)).toBeLessThanOrEqual(150);
      // Browsers send names as UTF-8, so they arrive well-formed; the name must not be broken on the way.
      if (isWellFormed(raw)) expect(isWellFormed(out)).toBe(true);
    });
  });

  it("keeps an ordinary name as it is, replacing only its extension", () => {
    fuzz("safeFileName", fc.tuple(stem, fc.constantFrom("pdf", "PNG", "jpeg", "exe", "tar.gz"), fc.constantFrom(...EXTENSIONS)), ([s, claimed, extension]) => {
      expect(safeFileName(`${s}.${claimed}`, extension)).toBe(`${s}${claimed === "tar.gz" ? ".tar" : ""}.${extension}`);
    });
  });
});

describe("safeFileName and direction characters", () => {
  it("drops the characters that reverse how a name is drawn, and keeps ZWNJ", () => {
    expect(safeFileName("taahod\u202Efdp.pdf", "pdf")).toBe("taahodfdp.pdf");
    expect(safeFileName("\u2067شناسنامه\u2069\u200E.jpg", "jpg")).toBe("شناسنامه.jpg");
    expect(safeFileName("کارت\u200Cملی.png", "png")).toBe("کارت\u200Cملی.png");
  });
});
