// Fuzzing of the document checks on random bytes: nothing throws, the sniffed
// type agrees with a prefix oracle, an accepted file is well-formed by its
// type's rules (checked here), well-formed files are accepted, and polyglots
// (a document with markup inside or after it) are refused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzz, fuzzFile } from "@/tests/support/fuzz";
import { isWellFormedDocument, sniffDocumentType, type DocumentType } from "./file-sniff";

fuzzFile("lib/utils/file-sniff.ts");

const PDF: DocumentType = { mime: "application/pdf", extension: "pdf" };
const JPEG: DocumentType = { mime: "image/jpeg", extension: "jpg" };
const PNG: DocumentType = { mime: "image/png", extension: "png" };
const SIGNATURES: [number[], DocumentType][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], PDF],
  [[0xff, 0xd8, 0xff], JPEG],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], PNG],
];
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const cat = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const text = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join("");

const TAGS = ["<script", "<html", "<svg", "<iframe", "<object", "<embed", "<body", "<?php"];
/** Markup: one of the tags, case-insensitively, not followed by a word character. */
function hasMarkup(bytes: Uint8Array) {
  const lower = text(bytes).toLowerCase();
  return TAGS.some((tag) => {
    for (let i = lower.indexOf(tag); i >= 0; i = lower.indexOf(tag, i + 1)) if (!/\w/.test(lower.charAt(i + tag.length))) return true;
    return false;
  });
}
const PDF_TRAILING_SPACE = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0];

const randomBytes = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 300 }), weight: 6 },
  { arbitrary: fc.tuple(fc.constantFrom(...SIGNATURES.map(([s]) => s)), fc.uint8Array({ maxLength: 300 })).map(([s, rest]) => cat(s, rest)), weight: 3 },
  { arbitrary: fc.tuple(fc.nat(255), fc.integer({ min: 1_000, max: 200_000 })).map(([b, n]) => new Uint8Array(n).fill(b)), weight: 1 },
);
const noMarkupBytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((bs) => bs.map((b) => (b === 0x3c ? 0x3d : b)));
const chunk = fc
  .tuple(fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), minLength: 4, maxLength: 4 }), noMarkupBytes(40), noMarkupBytes(4).filter((c) => c.length === 4))
  .map(([type, data, crc]) => cat([0, 0, 0, data.length], ascii(type), data, crc));
const png = fc.array(chunk, { maxLength: 5 }).map((chunks) => cat(SIGNATURES[2]![0], ...chunks, [0, 0, 0, 0], ascii("IEND"), [0xae, 0x42, 0x60, 0x82]));
const jpeg = noMarkupBytes(300).map((body) => cat([0xff, 0xd8, 0xff], body, [0xff, 0xd9]));
const pdf = fc
  .tuple(fc.uint8Array({ maxLength: 300 }), fc.array(fc.constantFrom(...PDF_TRAILING_SPACE), { maxLength: 3 }))
  .map(([body, trailing]) => cat(ascii("%PDF-1.7\n"), body, ascii("\n%%EOF"), trailing));
const markup = fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(">", " ", "/", "\n")).chain(([tag, end]) => fc.constantFrom(tag, tag.toUpperCase()).map((t) => ascii(t + end)));

describe("sniffDocumentType", () => {
  it("agrees with the signature oracle on any bytes", () => {
    fuzz("sniffDocumentType", randomBytes, (bytes) => {
      const expected = SIGNATURES.find(([sig]) => sig.every((b, i) => bytes[i] === b))?.[1] ?? null;
      expect(sniffDocumentType(bytes)).toEqual(expected);
    });
  });
});

describe("isWellFormedDocument", () => {
  it("never throws on any bytes, and accepts only files that follow their type's rules", () => {
    fuzz("isWellFormedDocument", fc.tuple(fc.oneof(randomBytes, png, jpeg, pdf), fc.constantFrom(PDF, JPEG, PNG)), ([bytes, type]) => {
      if (!isWellFormedDocument(bytes, type)) return;
      if (type === PDF) {
        const tail = text(bytes.subarray(Math.max(0, bytes.length - 1024)));
        const eof = tail.lastIndexOf("%%EOF");
        expect(eof).toBeGreaterThanOrEqual(0);
        for (const c of tail.slice(eof + 5)) expect(PDF_TRAILING_SPACE).toContain(c.charCodeAt(0));
      } else {
        expect(hasMarkup(bytes)).toBe(false);
        if (type === JPEG) expect(Array.from(bytes.subarray(-2))).toEqual([0xff, 0xd9]);
        else expect(text(bytes)).toContain("IEND");
      }
    });
  });

  it("accepts well-formed PNG, JPEG and PDF files", () => {
    fuzz("isWellFormedDocument", fc.oneof(png.map((b) => [b, PNG] as const), jpeg.map((b) => [b, JPEG] as const), pdf.map((b) => [b, PDF] as const)), ([bytes, type]) => {
      expect(sniffDocumentType(bytes)).toEqual(type);
      expect(isWellFormedDocument(bytes, type)).toBe(true);
    });
  });

  it("refuses polyglots: markup in or after an image, anything after a PDF's last %%EOF", () => {
    const polyglot = fc.oneof(
      fc.tuple(png, markup).map(([b, m]) => [cat(b, m), PNG] as const),
      fc.tuple(jpeg, markup, fc.nat()).map(([b, m, at]) => {
        const i = 3 + (at % (b.length - 4));
        return [cat(b.subarray(0, i), m, b.subarray(i)), JPEG] as const;
      }),
      fc.tuple(jpeg, markup).map(([b, m]) => [cat(b, m), JPEG] as const),
      fc.tuple(pdf, fc.integer({ min: 0x21, max: 0x7e })).map(([b, junk]) => [cat(b, [junk]), PDF] as const),
    );
    fuzz("isWellFormedDocument", polyglot, ([bytes, type]) => {
      expect(isWellFormedDocument(bytes, type)).toBe(false);
    });
  });
});
