import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CATALOG, HOSTILE_PDFS, objectStream, PAGE, pdf, stream, withStreams } from "@/tests/support/hostile-pdfs";
import { inspectPdf } from "./pdf-active-content";


describe("inspectPdf", () => {
  it.each(HOSTILE_PDFS)("refuses %s", (_label, bytes, reason) => {
    expect(inspectPdf(bytes)).toEqual({ ok: false, reason });
  });

  it.each([
    ["a one-page document with a compressed content stream", withStreams(`${CATALOG}\n${PAGE}`, stream(4, "/Filter/FlateDecode", deflateSync(Buffer.from("BT /F1 12 Tf 72 712 Td (Scanned) Tj ET"))))],
    // Compressed image data can hold any bytes, markup-looking ones too: streams are not read as text.
    ["a scanned page whose image data happens to contain '<script'", withStreams(`${CATALOG}\n${PAGE}`, stream(4, "/Type/XObject/Subtype/Image/Filter/DCTDecode", Buffer.from("\xff\xd8\xff<script>\x00\x01\xff\xd9", "latin1")))],
    ["an object stream of ordinary objects", withStreams(CATALOG, objectStream("<</Type/Font/Subtype/Type1/BaseFont/AAAAAA+Vazirmatn>>"))],
    ["an ordinary link and a go-to action", pdf(CATALOG, "3 0 obj<</Type/Annot/Subtype/Link/A<</S/URI/URI(https://www.tamin.ir/)>>>>endobj", "4 0 obj<</OpenAction[3 0 R/Fit]>>endobj")],
    ["a plain form (AcroForm without XFA)", pdf("1 0 obj<</Type/Catalog/AcroForm<</Fields[]>>>>endobj")],
  ])("accepts %s", (_label, bytes) => {
    expect(inspectPdf(bytes)).toEqual({ ok: true });
  });
});
