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

/**
 * Whether the whole file is a well-formed document of its type with nothing
 * hidden after it (the classic polyglot: a valid image followed by a script).
 * PNG: its chunks must end exactly with IEND. JPEG: it must end with the
 * end-of-image marker. PDF: its last `%%EOF` must be at the end (the active
 * content check is inspectPdf, pdf-active-content.ts). Images must not contain
 * markup at all.
 */
export function isWellFormedDocument(bytes: Uint8Array, type: DocumentType): boolean {
  switch (type.mime) {
    case "image/png":
      return isCompletePng(bytes) && !containsMarkup(bytes);
    case "image/jpeg":
      return endsWith(bytes, [0xff, 0xd9]) && !containsMarkup(bytes);
    case "application/pdf":
      return /%%EOF\s*$/.test(latin1(bytes.subarray(Math.max(0, bytes.length - 1024))));
  }
}

function isCompletePng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = latin1(bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > bytes.length) return false;
    if (type === "IEND") return end === bytes.length;
    offset = end;
  }
  return false;
}

function endsWith(bytes: Uint8Array, tail: number[]): boolean {
  return bytes.length >= tail.length && tail.every((byte, i) => bytes[bytes.length - tail.length + i] === byte);
}

const MARKUP = /<(script|html|svg|iframe|object|embed|body|\?php)\b/i;

function containsMarkup(bytes: Uint8Array): boolean {
  return MARKUP.test(latin1(bytes));
}

function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}
