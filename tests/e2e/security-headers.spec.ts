import { citizenSignIn, DEMO_PASSWORD, expect, hiddenFields, staffSignIn, test } from "./fixtures";

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

test("every page has a fresh script nonce, no inline scripts without it, and the protective headers", async ({ page, request }) => {
  const first = await request.get("/");
  const second = await request.get("/");
  const csp = first.headers()["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(nonceOf(csp)).not.toBe(nonceOf(second.headers()["content-security-policy"] ?? ""));

  // Every script Next wrote into the page carries this response's nonce.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonceOf(csp)}"`);

  const headers = first.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d{8}/);
  expect(headers["x-powered-by"]).toBeUndefined();

  // The page still works under the policy: hydrated, a client component responds.
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a page answering a form posted before JavaScript started has a fresh nonce too, on every script", async ({ request, baseURL }) => {
  const html = await (await request.get("/login")).text();
  // An account that does not exist: the sign-in page comes back with its message.
  const answer = await request.post("/login", {
    headers: { origin: baseURL! },
    multipart: { ...hiddenFields(html), nationalId: "1234567891", password: "not-a-password-1" },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(200);
  const body = await answer.text();
  expect(body).toContain("کد ملی یا گذرواژه درست نیست.");
  const csp = answer.headers()["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonceOf(csp)}"`);
});

test.describe("an injected script", () => {
  // The browser reports the blocked script on the console; that report is the point.
  // (One pattern: a second array element would be read as fixture options.)
  test.use({ allowedErrorUrls: [/localhost|^$/] });

  test("does not run", async ({ page }) => {
    // As if stored XSS had put markup into the page: the server's response, with its
    // real headers, plus an inline script and an inline handler without the nonce.
    await page.route("**/", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        '<script>window.__injected = true</script><img src="/none.png" onerror="window.__handler = true"></body>',
      );
      await route.fulfill({ response, body: html });
    });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const ran = await page.evaluate(() => {
      const w = window as unknown as { __injected?: boolean; __handler?: boolean };
      return { script: w.__injected === true, handler: w.__handler === true };
    });
    expect(ran).toEqual({ script: false, handler: false });
    expect(violations.length).toBeGreaterThan(0);
  });
});

test("pages with personal data are never cached, and the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
  await citizenSignIn(page, "0012345679");

  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("tamin.session"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });

  for (const path of ["/account", "/account/requests", "/account/dependents", "/account/messages", "/account/file-views"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toContain("no-store");
  }
});

test.describe("a form posted from another site", () => {
  // Next logs the refused action on the server, and the browser the failed request.
  test.use({ allowedErrorUrls: [/localhost/] });

  test("is refused by the server action and files nothing", async ({ page }) => {
    await citizenSignIn(page, "0012345679");

    // The question form's own fields, as a no-JavaScript post would send them.
    const html = await (await page.request.get("/account/requests/new")).text();
    const hidden = hiddenFields(html);
    expect(Object.keys(hidden).some((name) => name.startsWith("$ACTION_"))).toBe(true);
    const subject = `درخواست جعلی ${Date.now() % 100000}`;
    const fields = { ...hidden, domain: "INSURANCE", subject, body: "این درخواست از سایت دیگری فرستاده شده است و نباید ثبت شود." };

    const forged = await page.request.post("/account/requests/new", { headers: { origin: "https://evil.example" }, multipart: fields, maxRedirects: 0 });
    expect(forged.status()).toBeGreaterThanOrEqual(400);
    const mine = await (await page.request.get("/account/requests")).text();
    expect(mine).not.toContain(subject);
  });
});

// With no trusted proxy configured (TRUST_PROXY unset here), a client's own
// X-Forwarded-* headers change nothing: tests/security/client-address.test.ts
// checks the cookie behind a trusted HTTPS proxy.
test("a client's own X-Forwarded-Proto does not make the session cookie Secure (no proxy is trusted)", async ({ playwright, baseURL }) => {
  const forged = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" } });
  const html = await (await forged.get("/login")).text();
  const response = await forged.post("/login", {
    headers: { origin: baseURL! },
    multipart: { ...hiddenFields(html), nationalId: "0012345679", password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  const cookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("tamin.session="))?.value ?? "";
  expect(cookie).toMatch(/^tamin\.session=/);
  expect(cookie).not.toMatch(/;\s*Secure/i);
  expect(cookie).toMatch(/;\s*HttpOnly/i);
  expect(cookie).toMatch(/;\s*SameSite=lax/i);
  await forged.dispose();
});

test("a path that is not UTF-8, or holds a NUL, is refused with 400 and the protective headers", async ({ request }) => {
  for (const path of ["/staff/requests/%ff%fe", "/account/requests/%c0%af", "/track%00"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("default-src 'none'");
    expect(headers["strict-transport-security"], path).toMatch(/max-age=\d{8}/);
    expect(await response.text()).toContain("نشانی نامعتبر است");
  }
});

test("a NUL in a question, or in the staff export's search, is refused with a message instead of a server error", async ({ page, browser, baseURL }) => {
  await citizenSignIn(page, "0012345679");
  const html = await (await page.request.get("/account/requests/new")).text();
  const fields = { ...hiddenFields(html), domain: "INSURANCE", subject: "موضوع\u0000 پرسش", body: "متن این پرسش نویسه تهی\u0000 دارد و نباید به پایگاه داده برسد." };
  const posted = await page.request.post("/account/requests/new", { headers: { origin: baseURL! }, multipart: fields, maxRedirects: 0 });
  expect(posted.status()).toBe(200);
  expect(await posted.text()).toContain("این متن نویسه‌ای نامعتبر دارد");

  const staff = await browser.newPage();
  await staffSignIn(staff, "120102");
  for (const q of ["%00", "%ff%fe", "12345%0067890"]) {
    const exported = await staff.request.get(`/staff/requests/export?q=${q}`);
    expect(exported.status(), q).toBe(400);
    expect(await exported.text()).toContain("کد رهگیری یا کد ملی");
  }
  await staff.close();
});
