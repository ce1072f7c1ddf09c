// Drives the portal's forms over HTTP the way a browser without JavaScript
// does: fetch the page, take the form's hidden inputs (the server action's
// reference and state), post them back with the fields as multipart.
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

export type Client = { baseUrl: string; cookie?: string; forwardedFor?: string };

function headersOf(client: Client, extra: Record<string, string> = {}): Record<string, string> {
  return {
    Origin: client.baseUrl,
    ...(client.cookie ? { Cookie: client.cookie } : {}),
    ...(client.forwardedFor ? { "X-Forwarded-For": client.forwardedFor } : {}),
    ...extra,
  };
}

export async function getPage(client: Client, path: string): Promise<string> {
  const response = await fetch(new URL(path, client.baseUrl), { headers: headersOf(client), redirect: "manual" });
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
  const response = await fetch(new URL(path, client.baseUrl), { method: "POST", body, headers: headersOf(client), redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), html: await response.text(), setCookie: response.headers.get("set-cookie") };
}

/** A document sent ahead to POST /account/uploads, as the page's script does; its token. */
export async function stageUpload(client: Client, file: Exclude<FormValue, string>): Promise<{ status: number; token?: string }> {
  const body = new FormData();
  body.append("file", new File([new Uint8Array(file.content)], file.name, { type: file.type }));
  const response = await fetch(new URL("/account/uploads", client.baseUrl), { method: "POST", body, headers: headersOf(client) });
  const json = (await response.json()) as { token?: string };
  return { status: response.status, token: json.token };
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

export async function signInStaff(client: Client, personnelCode: string, password = DEMO_PASSWORD): Promise<PostResult> {
  return submit(client, "/staff/login", [
    ["personnelCode", personnelCode],
    ["password", password],
  ]);
}

/** A client carrying the session of a successful sign-in. */
export function sessionOf(result: PostResult, client: Client): Client {
  const cookie = result.setCookie?.split(";")[0];
  if (result.status !== 303 || !cookie) throw new Error(`sign-in failed: ${result.status} ${textOf(result.html).slice(0, 300)}`);
  return { ...client, cookie };
}

/** The visible text of a page, roughly (for messages shown to the person). */
export function textOf(html: string): string {
  return decode(html.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ");
}

export const SAMPLE_PDF = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "latin1");
export const pdfFile = (name: string): FormValue => ({ name, type: "application/pdf", content: SAMPLE_PDF });
