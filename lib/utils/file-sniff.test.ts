import { describe, expect, it } from "vitest";
import { sniffDocumentType } from "./file-sniff";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("sniffDocumentType", () => {
  it("recognises PDF, JPEG and PNG by their first bytes", () => {
    expect(sniffDocumentType(new TextEncoder().encode("%PDF-1.7\n"))?.mime).toBe("application/pdf");
    expect(sniffDocumentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))?.mime).toBe("image/jpeg");
    expect(sniffDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))?.mime).toBe("image/png");
  });
  it("refuses everything else, whatever the file is called", () => {
    expect(sniffDocumentType(new TextEncoder().encode("<html><script>"))).toBeNull();
    expect(sniffDocumentType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(sniffDocumentType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // zip / docx
    expect(sniffDocumentType(bytes(0x89, 0x50, 0x4e))).toBeNull(); // truncated PNG
    expect(sniffDocumentType(bytes())).toBeNull();
  });
});
