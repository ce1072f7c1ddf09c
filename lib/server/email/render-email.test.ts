import { describe, expect, it } from "vitest";
import { escapeHtml, renderNoticeEmail, renderVerificationEmail } from "./render-email";

describe("renderNoticeEmail", () => {
  const body = "درخواست شما با کد رهگیری ۱۲۳۴-۵۶۷-۸۹۰ ثبت شد.\nپاسخ تا ۱۴۰۵/۰۹/۲۰ داده می‌شود.";

  it("is a Persian right-to-left HTML document with the subject of its kind", () => {
    const email = renderNoticeEmail({ kind: "REQUEST_RECEIVED", body });
    expect(email.subject).toBe("درخواست شما ثبت شد | سازمان تأمین اجتماعی");
    expect(email.html).toMatch(/^<!doctype html>\n<html lang="fa" dir="rtl">/);
    expect(email.html).toContain('<meta charset="utf-8">');
    expect(email.html).toContain('<div dir="rtl" style="');
    expect(email.html).toContain("text-align:right");
    expect(email.html).toContain("<h1 style=\"margin:0 0 16px;font-size:20px;\">درخواست شما ثبت شد</h1>");
  });

  it("keeps the text's lines, and the tracking code left to right in both parts", () => {
    const email = renderNoticeEmail({ kind: "REQUEST_RECEIVED", body });
    expect(email.html).toContain('با کد رهگیری <bdi dir="ltr" style="unicode-bidi:isolate;direction:ltr;">۱۲۳۴-۵۶۷-۸۹۰</bdi> ثبت شد.<br>پاسخ تا');
    expect(email.text).toContain("با کد رهگیری \u2066۱۲۳۴-۵۶۷-۸۹۰\u2069 ثبت شد.\nپاسخ تا ۱۴۰۵/۰۹/۲۰ داده می‌شود.");
  });

  it("has a plain-text part with the notice and how to turn email notices off, and no markup", () => {
    const email = renderNoticeEmail({ kind: "PASSWORD_CHANGED", body: "گذرواژه حساب شما تغییر کرد." });
    expect(email.text.startsWith("گذرواژه حساب شما تغییر کرد.\n\n--\n")).toBe(true);
    expect(email.text).toContain("«پست الکترونیک»");
    expect(email.text).not.toMatch(/<[a-z/]/i);
  });

  it("escapes everything the text brings into the HTML part", () => {
    const email = renderNoticeEmail({ kind: "REQUEST_UPDATE", body: `پاسخ کارشناس: <script>alert("x")</script> & <a href='javascript:1'>` });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<a href='javascript");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;a href=&#39;javascript:1&#39;&gt;");
    // The plain-text part is not HTML: it keeps the text as written.
    expect(email.text).toContain(`<script>alert("x")</script>`);
  });
});

describe("renderVerificationEmail", () => {
  it("carries the link as a button and as text, says how long it works, and escapes the name and link", () => {
    const link = "https://es.example.ir/email/verify?token=abc_DEF-123&x=\"1\"";
    const email = renderVerificationEmail({ name: "مریم <b>رضایی</b>", link, validHours: 24 });
    expect(email.subject).toBe("تأیید پست الکترونیک | سازمان تأمین اجتماعی");
    expect(email.text).toContain(`\n\n${link}\n\n`);
    expect(email.text).toContain("تا ۲۴ ساعت دیگر");
    expect(email.html).toContain(`<a href="https://es.example.ir/email/verify?token=abc_DEF-123&amp;x=&quot;1&quot;"`);
    expect(email.html).toContain("مریم &lt;b&gt;رضایی&lt;/b&gt; گرامی");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toMatch(/<html lang="fa" dir="rtl">/);
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and attributes", () => {
    expect(escapeHtml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&#39;");
  });
});
