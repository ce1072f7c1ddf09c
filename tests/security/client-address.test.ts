// Whose address counts (issue 17, findings 1, 6 and 12): production servers with
// each TRUST_PROXY setting, and clients connecting from different loopback
// addresses (127.0.0.2, 127.0.0.3, ...), which the server sees as different
// networks on their sockets. A client's own X-Forwarded-For or
// X-Forwarded-Host must change nothing unless it comes through a trusted proxy.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeNationalId } from "@/lib/utils/national-id";
import { DEMO_PASSWORD, signInCitizen, submit, textOf, type Client, type PostResult } from "./support/forms";
import { createDatabase, makeWorkDir, reportFigure, startPortal, type Portal } from "./support/portal";

const INVALID = "کد ملی یا گذرواژه درست نیست.";
const NETWORK_LOCKED = "تعداد تلاش‌های ورود از این شبکه بیش از حد مجاز است";
const says = (result: PostResult, message: string) => textOf(result.html).includes(message);

// Valid national IDs without an account, a new one for every attempt, so that
// only the per-network limit (30 failures in 15 minutes) can lock anything.
let strangers = 0;
const stranger = () => makeNationalId(String(555_000_000 + strangers++));

describe("the client's address and host, as each TRUST_PROXY setting resolves them", () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let workDir: string;
  let direct: Portal;
  let behindOneProxy: Portal;
  let behindListedProxy: Portal;
  const figures = { spoofedAttempts: 0 };

  beforeAll(async () => {
    database = await createDatabase("client_address");
    workDir = makeWorkDir("client-address");
    const options = (port: number, trustProxy: string | null) => ({
      port,
      databaseUrl: database.url,
      storageDir: path.join(workDir, "uploads"),
      workDir,
      env: trustProxy === null ? ({} as Record<string, string>) : { TRUST_PROXY: trustProxy },
    });
    // The first runs the migrations and seeds; the others find them done.
    direct = await startPortal(options(3550, null));
    [behindOneProxy, behindListedProxy] = await Promise.all([startPortal(options(3551, "1")), startPortal(options(3552, "127.0.0.1"))]);
  });

  afterAll(async () => {
    await Promise.all([direct, behindOneProxy, behindListedProxy].filter(Boolean).map((server) => server.stop()));
    await database?.drop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    reportFigure(`client address: ${figures.spoofedAttempts} sign-ins with a forged X-Forwarded-For counted against the sender's own socket address`);
  });

  it("without a proxy, counts failures against the socket's address whatever X-Forwarded-For says, and never against the forged one", async () => {
    const attacker = (n: number): Client => ({ baseUrl: direct.baseUrl, localAddress: "127.0.0.2", forwardedFor: `127.0.0.3, 198.51.100.${n}` });
    // Thirty failures, each claiming another network and naming the victim's.
    for (let n = 0; n < 30; n++) {
      figures.spoofedAttempts++;
      const result = await signInCitizen(attacker(n), stranger(), `wrong-${n}`);
      expect(says(result, INVALID), `attempt ${n + 1}`).toBe(true);
    }
    // The attacker's own network is locked, whatever it claims next.
    const next = await signInCitizen(attacker(99), stranger(), "wrong-again");
    expect(says(next, NETWORK_LOCKED)).toBe(true);
    // The victim whose address was forged (a branch office's NAT, say) signs in.
    const victim = await signInCitizen({ baseUrl: direct.baseUrl, localAddress: "127.0.0.3" }, "7404642231", DEMO_PASSWORD);
    expect(victim.status).toBe(303);
  });

  it("without a proxy, ignores X-Forwarded-Host in the origin checks of server actions and of the upload route", async () => {
    const forged: Client = { baseUrl: direct.baseUrl, localAddress: "127.0.0.4", headers: { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" } };
    // Next's server-action check compares Origin with X-Forwarded-Host when present.
    const signIn = await signInCitizen(forged, "7404642231", DEMO_PASSWORD);
    expect(signIn.status, "a cross-site sign-in must not be accepted").not.toBe(303);
    expect(signIn.setCookie).toBeNull();
    // The upload route refuses a cross-site Origin before anything else.
    const upload = await fetch(`${direct.baseUrl}/account/uploads`, {
      method: "POST",
      headers: { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example", "Content-Type": "multipart/form-data; boundary=x", "Content-Length": "4" },
      body: "--x\n",
    });
    expect(upload.status).toBe(403);
  });

  it("behind one proxy that appends to X-Forwarded-For (TRUST_PROXY=1), counts the address the proxy appended, not what the client wrote before it", async () => {
    const viaProxy = (client: string, forged: string): Client => ({ baseUrl: behindOneProxy.baseUrl, forwardedFor: `${forged}, ${client}` });
    for (let n = 0; n < 30; n++) {
      figures.spoofedAttempts++;
      const result = await signInCitizen(viaProxy("198.51.100.200", `203.0.113.${n}`), stranger(), `wrong-${n}`);
      expect(says(result, INVALID), `attempt ${n + 1}`).toBe(true);
    }
    expect(says(await signInCitizen(viaProxy("198.51.100.200", "203.0.113.250"), stranger(), "x"), NETWORK_LOCKED)).toBe(true);
    // Another client of the same proxy, even one claiming the locked address first, is not locked.
    expect((await signInCitizen(viaProxy("198.51.100.201", "198.51.100.200"), "7404642231", DEMO_PASSWORD)).status).toBe(303);
  });

  it("behind one proxy, honours the X-Forwarded-Host the proxy sets for the public host name", async () => {
    const publicHost = "portal.example";
    const client: Client = {
      baseUrl: behindOneProxy.baseUrl,
      forwardedFor: "198.51.100.210",
      headers: { Origin: `https://${publicHost}`, "X-Forwarded-Host": publicHost, "X-Forwarded-Proto": "https" },
    };
    const result = await submit(client, "/login", [
      ["nationalId", "7404642231"],
      ["password", DEMO_PASSWORD],
    ]);
    expect(result.status).toBe(303);
    // And the protocol it forwards: the session cookie is Secure, with the __Secure- prefix.
    expect(result.setCookie).toMatch(/^__Secure-tamin\.session=/);
    expect(result.setCookie).toMatch(/;\s*Secure/i);
  });

  it("behind a proxy that forwards HTTPS, a page's script policy upgrades insecure requests; a client's own X-Forwarded-Proto does not", async () => {
    const policyOf = async (baseUrl: string, headers: Record<string, string>) => (await fetch(`${baseUrl}/login`, { headers })).headers.get("content-security-policy") ?? "";
    const viaProxy = await policyOf(behindOneProxy.baseUrl, { "X-Forwarded-For": "198.51.100.212", "X-Forwarded-Proto": "https" });
    expect(viaProxy).toMatch(/'nonce-[^']+'/);
    expect(viaProxy).toContain("upgrade-insecure-requests");
    const forged = await policyOf(direct.baseUrl, { "X-Forwarded-Proto": "https" });
    expect(forged).toMatch(/'nonce-[^']+'/);
    expect(forged).not.toContain("upgrade-insecure-requests");
  });

  it("with the proxies' addresses listed (TRUST_PROXY=127.0.0.1), believes X-Forwarded-For only from a listed address", async () => {
    // From 127.0.0.5, not a listed proxy: its header is ignored and its socket address counts.
    for (let n = 0; n < 30; n++) {
      figures.spoofedAttempts++;
      const result = await signInCitizen({ baseUrl: behindListedProxy.baseUrl, localAddress: "127.0.0.5", forwardedFor: `203.0.114.${n}` }, stranger(), `wrong-${n}`);
      expect(says(result, INVALID), `attempt ${n + 1}`).toBe(true);
    }
    expect(says(await signInCitizen({ baseUrl: behindListedProxy.baseUrl, localAddress: "127.0.0.5", forwardedFor: "203.0.114.251" }, stranger(), "x"), NETWORK_LOCKED)).toBe(true);
    // Through the listed proxy (127.0.0.1), the client it names is another network and signs in.
    expect((await signInCitizen({ baseUrl: behindListedProxy.baseUrl, localAddress: "127.0.0.1", forwardedFor: "203.0.114.252" }, "7404642231", DEMO_PASSWORD)).status).toBe(303);
  });
});
