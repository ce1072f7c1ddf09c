// Test support: reading a message as an SMTP server received it (what nodemailer
// writes: folded headers, RFC 2047 words, a multipart/alternative body whose parts
// may be base64), as a mail app would show it. Enough for the portal's own emails.

/** Headers of a message or part (folded lines joined), names in lower case. */
export function headersOf(part: string): Record<string, string> {
  const head = part.slice(0, part.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  return Object.fromEntries(head.split("\r\n").map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
}

/** RFC 2047 encoded words, as a mail app decodes them (the space between two of them is not text). */
export const decodeWords = (value: string) =>
  value.replace(/(?<=\?=)\s+(?==\?)/g, "").replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
  );

/** The parts of a multipart message: their headers and decoded bodies. */
export function partsOf(raw: string, boundary: string) {
  return raw
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const trimmed = part.replace(/^\r\n/, "");
      const headers = headersOf(trimmed);
      const body = trimmed.slice(trimmed.indexOf("\r\n\r\n") + 4);
      const decoded = /base64/i.test(headers["content-transfer-encoding"] ?? "")
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : body;
      return { headers, body: decoded };
    });
}

/** The boundary of a multipart message, from its Content-Type header. */
export function boundaryOf(headers: Record<string, string>): string | undefined {
  return /multipart\/alternative;\s*boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
}

/** A message's subject and its plain-text part, decoded. */
export function readMessage(raw: string): { subject: string; text: string } {
  const headers = headersOf(raw);
  const boundary = boundaryOf(headers);
  const text = boundary ? (partsOf(raw, boundary).find((part) => /^text\/plain/i.test(part.headers["content-type"] ?? ""))?.body ?? "") : "";
  return { subject: decodeWords(headers["subject"] ?? ""), text };
}
