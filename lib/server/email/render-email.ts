import type { EmailKind } from "@/lib/generated/prisma/enums";

export type RenderedEmail = { subject: string; text: string; html: string };

const ORGANISATION = "سازمان تأمین اجتماعی";

/** The subject of each kind of email: says what it is about before it is opened. */
export const EMAIL_SUBJECTS: Record<EmailKind, string> = {
  EMAIL_VERIFICATION: "تأیید پست الکترونیک",
  REQUEST_RECEIVED: "درخواست شما ثبت شد",
  REQUEST_UPDATE: "خبر تازه درباره درخواست شما",
  REGISTRATION_RESULT: "نتیجه ثبت‌نام",
  PASSWORD_CHANGED: "گذرواژه شما تغییر کرد",
  DEADLINE_REMINDER: "یادآوری موعد",
  MANDATE: "نمایندگی در سامانه",
  BRANCH_VISIT: "نوبت مراجعه به شعبه",
};

const FOOTER_TEXT =
  "این پیام را سامانه خدمات الکترونیکی سازمان تأمین اجتماعی فرستاده است؛ به آن پاسخ ندهید. " +
  "برای قطع اطلاع‌رسانی با ایمیل، در سامانه به «خدمات من» و سپس «پست الکترونیک» بروید.";

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function htmlDocument(subject: string, bodyHtml: string): string {
  return [
    "<!doctype html>",
    '<html lang="fa" dir="rtl">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f6f8;">',
    '<div dir="rtl" style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;font-family:Tahoma,Vazirmatn,Arial,sans-serif;font-size:16px;line-height:1.9;color:#1f2933;text-align:right;">',
    `<p style="margin:0 0 16px;font-weight:bold;color:#0b4f8a;">${ORGANISATION}</p>`,
    `<h1 style="margin:0 0 16px;font-size:20px;">${escapeHtml(subject)}</h1>`,
    bodyHtml,
    `<p style="margin:24px 0 0;font-size:13px;color:#52606d;">${escapeHtml(FOOTER_TEXT)}</p>`,
    "</div></body></html>",
  ].join("\n");
}

// A tracking code as the messages write it (Persian digits, 4-3-3): kept left to right
// in the right-to-left text, as components/message-text.tsx does on the pages.
const TRACKING_CODE = /[۰-۹]{4}-[۰-۹]{3}-[۰-۹]{3}/g;

/** Paragraphs of the text, escaped, its line breaks kept, each tracking code isolated left to right. */
function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((part) => {
      const html = escapeHtml(part).replace(TRACKING_CODE, (code) => `<bdi dir="ltr" style="unicode-bidi:isolate;direction:ltr;">${code}</bdi>`);
      return `<p style="margin:0 0 12px;">${html.replace(/\n/g, "<br>")}</p>`;
    })
    .join("\n");
}

/** The plain text with each tracking code between Unicode isolates (LRI … PDI), so mail apps show it left to right. */
const isolateCodes = (text: string) => text.replace(TRACKING_CODE, (code) => `\u2066${code}\u2069`);

/**
 * The email copy of a notice: the same text as its SMS, in a plain-text part
 * and a Persian right-to-left HTML part, everything in it escaped.
 */
export function renderNoticeEmail({ kind, body }: { kind: Exclude<EmailKind, "EMAIL_VERIFICATION">; body: string }): RenderedEmail {
  const subject = `${EMAIL_SUBJECTS[kind]} | ${ORGANISATION}`;
  return {
    subject,
    text: `${isolateCodes(body)}\n\n--\n${FOOTER_TEXT}\n`,
    html: htmlDocument(EMAIL_SUBJECTS[kind], paragraphs(body)),
  };
}

/** The email with the one-time link confirming an address. */
export function renderVerificationEmail({ name, link, validHours }: { name: string; link: string; validHours: number }): RenderedEmail {
  const title = EMAIL_SUBJECTS.EMAIL_VERIFICATION;
  const intro = `${name} گرامی، این نشانی پست الکترونیک در سامانه خدمات الکترونیکی تأمین اجتماعی برای حساب شما ثبت شده است. برای تأیید آن و دریافت اطلاع‌رسانی‌ها با ایمیل، پیوند زیر را باز کنید.`;
  const validity = `این پیوند یک بار و تا ${validHours.toLocaleString("fa-IR")} ساعت دیگر کار می‌کند.`;
  const ignore = "اگر این نشانی را شما ثبت نکرده‌اید، این پیام را نادیده بگیرید؛ بی تأیید شما هیچ پیامی به آن فرستاده نمی‌شود.";
  return {
    subject: `${title} | ${ORGANISATION}`,
    text: `${intro}\n\n${link}\n\n${validity}\n${ignore}\n\n--\n${FOOTER_TEXT}\n`,
    html: htmlDocument(
      title,
      [
        paragraphs(intro),
        `<p style="margin:0 0 12px;"><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 20px;background:#0b4f8a;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;">تأیید پست الکترونیک</a></p>`,
        `<p style="margin:0 0 12px;font-size:13px;">اگر دکمه کار نکرد، این نشانی را در مرورگر باز کنید:<br><span dir="ltr" style="word-break:break-all;">${escapeHtml(link)}</span></p>`,
        paragraphs(`${validity}\n${ignore}`),
      ].join("\n"),
    ),
  };
}
