// A visitor of the portal through the load balancer, as a browser without
// JavaScript: cookies kept, forms read from the page and posted back. Every
// answer says which server gave it (HAProxy's X-Served-By), so the test can
// check that each step of a journey landed on another server than the last.
import { formWith, parseForms, textOf, type FormValue, type ParsedForm } from "@/tests/security/support/forms";

export type Answer = { status: number; location: string | null; html: string; servedBy: string; requestId: string | null };

export class Visitor {
  readonly cookies = new Map<string, string>();
  /** Which server answered each request, in order. */
  readonly journal: { method: string; path: string; servedBy: string }[] = [];

  constructor(readonly baseUrl: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    return { Origin: this.baseUrl, ...(cookie ? { Cookie: cookie } : {}), ...extra };
  }

  private async send(method: string, path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(new URL(path, this.baseUrl), { method, redirect: "manual", ...init, headers: this.headers(init.headers as Record<string, string>) });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = pair!.split("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
    const servedBy = response.headers.get("x-served-by") ?? "?";
    this.journal.push({ method, path, servedBy });
    return { status: response.status, location: response.headers.get("location"), html: await response.text(), servedBy, requestId: response.headers.get("x-request-id") };
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.send("GET", path, { headers });
  }

  async page(path: string): Promise<string> {
    const answer = await this.get(path);
    if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${textOf(answer.html).slice(0, 300)}`);
    return answer.html;
  }

  /** Posts `form` (its hidden inputs, then `fields`) as multipart, like a browser. */
  post(path: string, form: ParsedForm, fields: [string, FormValue][]): Promise<Answer> {
    const body = new FormData();
    const overridden = new Set(fields.map(([name]) => name));
    for (const [name, value] of form.hidden) if (!overridden.has(name)) body.append(name, value);
    for (const [name, value] of fields) {
      if (typeof value === "string") body.append(name, value);
      else body.append(name, new File([new Uint8Array(value.content)], value.name, { type: value.type }));
    }
    return this.send("POST", path, { body });
  }

  /** Reads the page, fills the form that has `fields[0]` and posts it. */
  async submit(path: string, fields: [string, FormValue][]): Promise<Answer> {
    return this.post(path, formWith(await this.page(path), fields[0]![0]), fields);
  }

  /** Reads the page and presses the button labelled `label` (a form of hidden inputs only). */
  async press(path: string, label: string): Promise<Answer> {
    const html = await this.page(path);
    const block = [...html.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]).find((form) => textOf(form).includes(label));
    if (!block) throw new Error(`no button «${label}» on ${path}`);
    return this.post(path, parseForms(block)[0]!, []);
  }

  /** A document sent ahead to POST /account/uploads, as the page's script does; its token. */
  async sendAhead(file: FormValue): Promise<string> {
    if (typeof file === "string") throw new TypeError("a file is needed");
    const body = new FormData();
    body.append("file", new File([new Uint8Array(file.content)], file.name, { type: file.type }));
    const answer = await this.send("POST", "/account/uploads", { body });
    if (answer.status !== 201) throw new Error(`upload refused: ${answer.status} ${answer.html.slice(0, 200)}`);
    return (JSON.parse(answer.html) as { token: string }).token;
  }
}

/** Expects a redirect (303 after a form) to a path matching `to`; returns the location. */
export function expectRedirect(answer: Answer, to: RegExp): string {
  if (answer.status !== 303 || !answer.location || !to.test(answer.location)) {
    const text = textOf(answer.html);
    const problem = text.indexOf("مشکلی وجود دارد");
    throw new Error(`expected a redirect to ${to}, got ${answer.status} ${answer.location ?? ""}: ${text.slice(Math.max(0, problem), Math.max(0, problem) + 500)}`);
  }
  return answer.location;
}
