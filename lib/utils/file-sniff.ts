// Which kind of document a file really is, from its first bytes (never from its
// name or the browser's claim). Only the three kinds the portal accepts.

export type DocumentType = { mime: "application/pdf" | "image/jpeg" | "image/png"; extension: "pdf" | "jpg" | "png" };

const SIGNATURES: { bytes: number[]; type: DocumentType }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { mime: "application/pdf", extension: "pdf" } }, // %PDF-
  { bytes: [0xff, 0xd8, 0xff], type: { mime: "image/jpeg", extension: "jpg" } },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { mime: "image/png", extension: "png" } },
];

export const SNIFF_BYTES = 8;

export function sniffDocumentType(head: Uint8Array): DocumentType | null {
  for (const { bytes, type } of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte)) return type;
  }
  return null;
}
