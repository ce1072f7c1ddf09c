import { citizenSignIn, DEMO_PASSWORD, expect, test } from "./fixtures";

/** The hidden inputs of a page's forms (Next's server-action ids among them), as a no-JavaScript post sends them. */
function hiddenFields(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].flatMap((m) => {
      const name = /name="([^"]+)"/.exec(m[0])?.[1];
      const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
      return name ? [[name.replace(/&quot;/g, '"'), value.replace(/&quot;/g, '"')]] : [];
    }),
  );
}

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

test("behind the HTTPS proxy, the session cookie is Secure, with the __Secure- prefix", async ({ playwright, baseURL }) => {
  const https = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-proto": "https" } });
  const html = await (await https.get("/login")).text();
  const response = await https.post("/login", {
    headers: { origin: baseURL! },
    multipart: { ...hiddenFields(html), nationalId: "0012345679", password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  const cookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("tamin.session="))?.value ?? "";
  expect(cookie).toMatch(/^__Secure-tamin\.session=/);
  expect(cookie).toMatch(/;\s*Secure/i);
  expect(cookie).toMatch(/;\s*HttpOnly/i);
  expect(cookie).toMatch(/;\s*SameSite=lax/i);
  await https.dispose();
});
