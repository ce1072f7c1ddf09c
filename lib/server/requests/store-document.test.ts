import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { HOSTILE_PDFS } from "@/tests/support/hostile-pdfs";
import { storeDocument } from "./store-document";

const MB = 1024 * 1024;
// A real 1×1 PNG and minimal JPEG / PDF.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("storeDocument", () => {
  let root: string;
  let storage: LocalFileStorage;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "portal-docs-"));
    storage = new LocalFileStorage({ root });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const filesOnDisk = () => (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile());
  const store = (bytes: Buffer | string, name: string, maxBytes = 5 * MB) =>
    storeDocument({ storage, file: new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name), maxBytes });

  it.each([
    [PNG, "scan.png", "image/png"],
    [JPEG, "photo.jpg", "image/jpeg"],
    [PDF, "certificate.pdf", "application/pdf"],
    [PNG, "عکس شناسنامه.png", "image/png"],
  ])("keeps a real document (%#)", async (bytes, name, mime) => {
    const result = await store(bytes, name);
    expect(result).toMatchObject({ ok: true, document: { type: { mime } } });
    expect(filesOnDisk()).toHaveLength(1);
  });

  const hostile: [string, Buffer | string, string, string][] = [
    ["an empty file", Buffer.alloc(0), "empty.pdf", "EMPTY"],
    ["a text file renamed .pdf", "just some text", "notes.pdf", "WRONG_TYPE"],
    ["an HTML page renamed .png", "<html><script>alert(1)</script></html>", "x.png", "WRONG_TYPE"],
    ["an SVG image", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.svg", "WRONG_TYPE"],
    ["a GIF", "GIF89a\x01\x00\x01\x00", "x.gif", "WRONG_TYPE"],
    ["a ZIP (docx) renamed .pdf", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), "letter.pdf", "WRONG_TYPE"],
    ["a Windows program renamed .jpg", Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), "photo.jpg", "WRONG_TYPE"],
    ["a PNG with a script after IEND", Buffer.concat([PNG, Buffer.from("<script>alert(1)</script>")]), "x.png", "DAMAGED"],
    ["a PNG with PHP after IEND", Buffer.concat([PNG, Buffer.from("<?php system($_GET['c']); ?>")]), "x.png", "DAMAGED"],
    ["a truncated PNG", PNG.subarray(0, PNG.length - 6), "x.png", "DAMAGED"],
    ["only a PNG signature", PNG.subarray(0, 8), "x.png", "DAMAGED"],
    ["a JPEG with HTML after its end", Buffer.concat([JPEG, Buffer.from("<html><body>hi</body></html>")]), "x.jpg", "DAMAGED"],
    ["a JPEG hiding a script inside", Buffer.concat([JPEG.subarray(0, 12), Buffer.from("<script>1</script>"), Buffer.from([0xff, 0xd9])]), "x.jpg", "DAMAGED"],
    ["a PDF with data after %%EOF", Buffer.concat([PDF, Buffer.from("<script>alert(1)</script>")]), "x.pdf", "DAMAGED"],
    ["a PDF header only", "%PDF-1.7\n", "x.pdf", "DAMAGED"],
    ["a file over 5 MB", Buffer.concat([PDF.subarray(0, 9), Buffer.alloc(5 * MB + 1)]), "big.pdf", "TOO_LARGE"],
    ["a file name of 300 characters", PNG, `${"ا".repeat(296)}.png`, "BAD_NAME"],
    ["a file name with a path", PNG, "../../etc/passwd.png", "BAD_NAME"],
    ["a file name with a control character", PNG, "scan\u0000.png", "BAD_NAME"],
    ["a file name with reserved characters", PNG, 'a<b>"c".png', "BAD_NAME"],
    ["a file name with a backslash", PNG, "C:\\Windows\\x.png", "BAD_NAME"],
    ["a file name with a new line", PNG, "scan\n.png", "BAD_NAME"],
    ["an empty file named .png", Buffer.alloc(0), ".png", "EMPTY"],
    ["a JPEG signature followed by text", Buffer.from([0xff, 0xd8, 0xff, 0x41, 0x42]), "x.jpg", "DAMAGED"],
    ["a PNG whose chunk length overruns the file", Buffer.concat([PNG.subarray(0, 8), Buffer.from([0x7f, 0xff, 0xff, 0xff]), Buffer.from("IHDR")]), "x.png", "DAMAGED"],
  ];

  it.each(hostile)("refuses %s and leaves nothing on disk", async (_label, bytes, name, problem) => {
    expect(await store(bytes, name)).toEqual({ ok: false, problem });
    expect(filesOnDisk()).toEqual([]);
  });

  it.each(HOSTILE_PDFS)("refuses a PDF with active content or markup: %s", async (_label, bytes) => {
    expect(await store(bytes, "document.pdf")).toEqual({ ok: false, problem: "ACTIVE_CONTENT" });
    expect(filesOnDisk()).toEqual([]);
  });

  it("has at least 25 hostile files in its corpus", () => {
    expect(hostile.length).toBeGreaterThanOrEqual(25);
    console.log(`hostile files: ${hostile.length} in the corpus, each refused with nothing left on disk`);
  });
});
