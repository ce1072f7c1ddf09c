// Whether a PDF carries anything that acts rather than shows: scripts, actions
// that launch programs, submit forms or open other files, embedded files, rich
// media, XFA forms, or markup a browser could run if it ever read the file as
// HTML. A scan in the manner of pdfid: dictionary keys are names, so every
// name is read with its #xx escapes decoded, in the file and inside compressed
// object streams (where PDF 1.5+ keeps dictionaries); what cannot be read
// (an encrypted file, an object stream in a filter other than Flate) is
// refused rather than trusted. Scanned documents and printed-to-PDF files
// have none of these.
import { inflateSync } from "node:zlib";

export type PdfVerdict = { ok: true } | { ok: false; reason: "ACTIVE_CONTENT" | "MARKUP" | "ENCRYPTED" | "UNREADABLE" };

// Keys and action types that make a PDF do something (PDF 32000 §12.6, §12.7.8, §7.11.4, §13).
const ACTIVE_NAMES = new Set([
  "JavaScript",
  "JS",
  "AA",
  "Launch",
  "SubmitForm",
  "ImportData",
  "ResetForm",
  "GoToR",
  "GoToE",
  "EmbeddedFile",
  "EmbeddedFiles",
  "RichMedia",
  "RichMediaExecute",
  "XFA",
  "Sound",
  "Movie",
  "Rendition",
]);

const MARKUP = /<(script|html|svg|iframe|object|embed|body|meta|\?php)\b|javascript:/i;
// A name token: a solidus and regular characters (PDF 32000 §7.3.5).
const NAME = /\/([^\s/[\]()<>{}%]*)/g;
const STREAM_START = /\bstream(?:\r\n|\n|\r)/g;

export function inspectPdf(bytes: Uint8Array): PdfVerdict {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const { outside, objectStreams } = splitStreams(text);
  if (objectStreams === null) return { ok: false, reason: "UNREADABLE" };
  if (MARKUP.test(outside)) return { ok: false, reason: "MARKUP" };
  const dictionaries = [outside, ...objectStreams];
  const names = new Set(dictionaries.flatMap((part) => [...part.matchAll(NAME)].map((match) => decodeName(match[1]!))));
  if (names.has("Encrypt")) return { ok: false, reason: "ENCRYPTED" };
  for (const name of names) if (ACTIVE_NAMES.has(name)) return { ok: false, reason: "ACTIVE_CONTENT" };
  return { ok: true };
}

/**
 * The file without its stream payloads, and the decompressed payloads of its
 * object streams; null when an object stream cannot be read.
 */
function splitStreams(text: string): { outside: string; objectStreams: string[] | null } {
  let outside = "";
  const objectStreams: string[] = [];
  let position = 0;
  STREAM_START.lastIndex = 0;
  for (let match = STREAM_START.exec(text); match; match = STREAM_START.exec(text)) {
    const payloadStart = match.index + match[0].length;
    const payloadEnd = text.indexOf("endstream", payloadStart);
    if (payloadEnd < 0) return { outside, objectStreams: null };
    const before = text.slice(position, match.index);
    outside += before;
    // The stream's dictionary is the last one opened before the keyword.
    const dictionary = decodeNames(before.slice(before.lastIndexOf("obj")));
    if (/\/Type\s*\/ObjStm\b/.test(dictionary)) {
      const payload = readObjectStream(dictionary, text.slice(payloadStart, payloadEnd));
      if (payload === null) return { outside, objectStreams: null };
      objectStreams.push(payload);
    }
    position = payloadEnd;
    STREAM_START.lastIndex = payloadEnd;
  }
  outside += text.slice(position);
  return { outside, objectStreams };
}

function readObjectStream(dictionary: string, payload: string): string | null {
  const filters = [...(/\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]()<>{}%]+)/.exec(dictionary)?.[1] ?? "").matchAll(NAME)].map((match) => match[1]);
  if (filters.length === 0) return payload;
  if (filters.length !== 1 || filters[0] !== "FlateDecode") return null;
  try {
    return inflateSync(Buffer.from(payload.replace(/[\r\n]+$/, ""), "latin1")).toString("latin1");
  } catch {
    return null;
  }
}

const decodeName = (name: string) => name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const decodeNames = (text: string) => text.replace(NAME, (_, name: string) => `/${decodeName(name)}`);
