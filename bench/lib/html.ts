// Reading what the benchmark needs out of rendered pages.

const ENTITIES: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">" };
const decodeEntities = (text: string) => text.replace(/&(?:quot|amp|#x27|#39|lt|gt);/g, (e) => ENTITIES[e]!);

const attribute = (tag: string, name: string): string | undefined => {
  const match = tag.match(new RegExp(`\\s${name.replace(/[$]/g, "\\$")}="([^"]*)"`));
  return match ? decodeEntities(match[1]!) : undefined;
};

/**
 * The hidden inputs of the first form (having an input named `containing`, when
 * given: pages also carry the header's sign-out form) that posts to a server action without
 * JavaScript (React renders `$ACTION_REF_n`, `$ACTION_n:k` and `$ACTION_KEY`,
 * or `$ACTION_ID_<id>`), plus its other hidden inputs (e.g. submissionId).
 * Posting them as multipart/form-data to the page runs the action as a browser
 * without JavaScript would.
 */
export function actionFormFields(html: string, containing?: string): [string, string][] {
  const forms = html.match(/<form\b[\s\S]*?<\/form>/g) ?? [];
  for (const form of forms) {
    if (containing && !(form.match(/<(?:input|textarea|select)\b[^>]*>/g) ?? []).some((tag) => attribute(tag, "name") === containing)) continue;
    const hidden = (form.match(/<input\b[^>]*>/g) ?? [])
      .filter((tag) => attribute(tag, "type") === "hidden")
      .map((tag) => [attribute(tag, "name") ?? "", attribute(tag, "value") ?? ""] as [string, string])
      .filter(([name]) => name !== "");
    if (hidden.some(([name]) => name.startsWith("$ACTION_"))) return hidden;
  }
  return [];
}

/** JavaScript files a page makes the browser fetch: `<script src>` and `<link rel="preload" as="script">`, once each. */
export function scriptUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = attribute(tag, "src");
    if (src && attribute(tag, "noModule") === undefined) urls.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = attribute(tag, "href");
    if (href && attribute(tag, "as") === "script" && /(^|\s)(preload|modulepreload)(\s|$)/.test(attribute(tag, "rel") ?? "")) urls.add(href);
  }
  return [...urls];
}

/** A multipart/form-data body of text fields. */
export function multipartBody(fields: readonly [string, string][], boundary: string): string {
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return `${parts.join("")}--${boundary}--\r\n`;
}
