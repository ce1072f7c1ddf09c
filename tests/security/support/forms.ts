// Drives the portal's forms over HTTP the way a browser without JavaScript
// does: fetch the page, take the form's hidden inputs (the server action's
// reference and state), post them back with the fields as multipart.
import http from "node:http";
import { generate } from "otplib";
import { DEMO_STAFF } from "@/lib/server/demo/demo-data";
export const DEMO_PASSWORD = "Tamin-Demo-1405";

export type ParsedForm = { hidden: [string, string][]; names: Set<string>; files: string[] };

const ENTITIES: Record<string, string> = { "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" };
const decode = (text: string) => text.replace(/&(?:quot|#x27|#39|lt|gt|amp);/g, (entity) => ENTITIES[entity]!);

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]!) : null;
}

export function parseForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  for (const [, body] of html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)) {
    const hidden: [string, string][] = [];
    const names = new Set<string>();
    const files: string[] = [];
    for (const [tag] of body!.matchAll(/<(?:input|textarea|select|button)\b[^>]*>/g)) {
      const name = attribute(tag, "name");
      if (!name) continue;
      names.add(name);
      if (attribute(tag, "type") === "hidden") hidden.push([name, attribute(tag, "value") ?? ""]);
      if (attribute(tag, "type") === "file") files.push(name);
    }
    forms.push({ hidden, names, files });
  }
  return forms;
}

/** The form of the page that has a field called `field`. */
export function formWith(html: string, field: string): ParsedForm {
  const form = parseForms(html).find((candidate) => candidate.names.has(field));
  if (!form) throw new Error(`no form with a field "${field}" on the page:\n${html.slice(0, 500)}`);
  return form;
}

export type Client = {
  baseUrl: string;
  cookie?: string;
  forwardedFor?: string;
  /** Connect from this loopback address (127.0.0.2, ...): another real network as the server sees it. */
  localAddress?: string;
  /** More headers on every request (e.g. X-Forwarded-Host). */
  headers?: Record<string, string>;
};

function headersOf(client: Client, extra: Record<string, string> = {}): Record<string, string> {
  return {
    Origin: client.baseUrl,
    ...(client.cookie ? { Cookie: client.cookie } : {}),
    ...(client.forwardedFor ? { "X-Forwarded-For": client.forwardedFor } : {}),
    ...client.headers,
    ...extra,
  };
}

/** fetch, or node:http when the client connects from its own loopback address. */
async function send(client: Client, path: string, init: { method?: string; body?: FormData; headers: Record<string, string> }): Promise<Response> {
  const url = new URL(path, client.baseUrl);
  if (!client.localAddress) return fetch(url, { ...init, redirect: "manual" });
  const headers: Record<string, string> = { Host: url.host, ...init.headers };
  let body: Buffer | undefined;
  if (init.body) {
    const encoded = new Response(init.body);
    headers["Content-Type"] = encoded.headers.get("content-type")!;
    body = Buffer.from(await encoded.arrayBuffer());
    headers["Content-Length"] = String(body.length);
  }
  // An IPv4 source address needs an IPv4 destination.
  if (url.hostname === "localhost") url.hostname = "127.0.0.1";
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? "GET", headers, localAddress: client.localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, one);
        }
        resolve(new Response([204, 304].includes(response.statusCode!) ? null : Buffer.concat(chunks), { status: response.statusCode, headers: responseHeaders }));
      });
    });
    request.on("error", reject);
    request.end(body);
  });
}

export async function getPage(client: Client, path: string): Promise<string> {
  const response = await send(client, path, { headers: headersOf(client) });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return response.text();
}

export type FormValue = string | { name: string; type: string; content: Buffer };
export type PostResult = { status: number; location: string | null; html: string; setCookie: string | null };

/** Posts `form` (its hidden inputs, then `fields`) to `path` as a browser without JavaScript would. */
export async function postForm(client: Client, path: string, form: ParsedForm, fields: [string, FormValue][]): Promise<PostResult> {
  const body = new FormData();
  const overridden = new Set(fields.map(([name]) => name));
  for (const [name, value] of form.hidden) if (!overridden.has(name)) body.append(name, value);
  for (const [name, value] of fields) {
    if (typeof value === "string") body.append(name, value);
    else body.append(name, new File([new Uint8Array(value.content)], value.name, { type: value.type }));
  }
  const response = await send(client, path, { method: "POST", body, headers: headersOf(client) });
  return { status: response.status, location: response.headers.get("location"), html: await response.text(), setCookie: response.headers.get("set-cookie") };
}

/** A document sent ahead to POST /account/uploads, as the page's script does; its token. */
export async function stageUpload(client: Client, file: Exclude<FormValue, string>): Promise<{ status: number; token?: string; problem?: string }> {
  const body = new FormData();
  body.append("file", new File([new Uint8Array(file.content)], file.name, { type: file.type }));
  const response = await send(client, "/account/uploads", { method: "POST", body, headers: headersOf(client) });
  const json = (await response.json()) as { token?: string; problem?: string };
  return { status: response.status, token: json.token, problem: json.problem };
}

/** Fills and posts the form of `path` that has `fields[0]`. */
export async function submit(client: Client, path: string, fields: [string, FormValue][]): Promise<PostResult> {
  const html = await getPage(client, path);
  return postForm(client, path, formWith(html, fields[0]![0]), fields);
}

export async function signInCitizen(client: Client, nationalId: string, password = DEMO_PASSWORD): Promise<PostResult> {
  return submit(client, "/login", [
    ["nationalId", nationalId],
    ["password", password],
  ]);
}

/**
 * Staff sign-in: the password, then the code of the staff member's
 * authenticator (the demo's seeded secret, as the app would show it). A code
 * is accepted once: when it was just used, the next one is awaited. With a
 * wrong password, the password step's answer.
 */
export async function signInStaff(client: Client, personnelCode: string, password = DEMO_PASSWORD): Promise<PostResult> {
  const first = await submit(client, "/staff/login", [
    ["personnelCode", personnelCode],
    ["password", password],
  ]);
  if (first.status !== 303 || !first.location?.includes("/staff/login/code")) return first;
  const challenged = { ...client, cookie: [client.cookie, first.setCookie?.split(";")[0]].filter(Boolean).join("; ") };
  const secret = DEMO_STAFF.find((staff) => staff.personnelCode === personnelCode)?.totpSecret;
  if (!secret) throw new Error(`demo staff ${personnelCode} has no seeded authenticator`);
  for (let attempt = 0; ; attempt++) {
    const result = await submit(challenged, "/staff/login/code", [["code", await generate({ secret })]]);
    if (result.status === 303 || attempt === 2 || !textOf(result.html).includes("این کد یک بار به کار رفته است")) return result;
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 300));
  }
}

/** A client carrying the session of a successful sign-in. */
export function sessionOf(result: PostResult, client: Client): Client {
  const cookie = /(?:__Secure-)?tamin\.session=[^;,\s]+/.exec(result.setCookie ?? "")?.[0];
  if (result.status !== 303 || !cookie) throw new Error(`sign-in failed: ${result.status} ${textOf(result.html).slice(0, 300)}`);
  return { ...client, cookie };
}

/** The visible text of a page, roughly (for messages shown to the person). */
export function textOf(html: string): string {
  return decode(html.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ");
}

export const SAMPLE_PDF = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "latin1");
export const pdfFile = (name: string): FormValue => ({ name, type: "application/pdf", content: SAMPLE_PDF });
