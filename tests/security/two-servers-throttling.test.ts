// Brute-force limits are kept in the database, so they hold when the portal
// runs as several instances: here two production servers share one
// PostgreSQL database and the attempts are spread over both.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeNationalId } from "@/lib/utils/national-id";
import { trackingCheckDigit } from "@/lib/utils/tracking-code";
import { DEMO_PASSWORD, signInCitizen, submit, textOf, type Client, type PostResult } from "./support/forms";
import { createDatabase, makeWorkDir, reportFigure, startPortal, type Portal } from "./support/portal";

const INVALID = "کد ملی یا گذرواژه درست نیست.";
const ACCOUNT_LOCKED = "ورود با این حساب تا";
const NETWORK_LOCKED = "تعداد تلاش‌های ورود از این شبکه بیش از حد مجاز است";
const TRACKING_LOCKED = "جست‌وجوهای کد رهگیری از شبکه شما بیش از حد مجاز بوده است";
const RESET_LOCKED = "درخواست‌های بازیابی گذرواژه بیش از حد مجاز بوده است";

describe("brute-force limits across two servers sharing one database", () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let workDir: string;
  let servers: Portal[] = [];
  const figures = { attempts: 0 };

  beforeAll(async () => {
    database = await createDatabase("two_servers");
    workDir = makeWorkDir("two-servers");
    const options = (port: number) => ({
      port,
      databaseUrl: database.url,
      storageDir: path.join(workDir, "uploads"),
      workDir,
      // Behind a proxy that sets X-Forwarded-For: lets one test machine act as many networks.
      env: { TRUST_PROXY: "true" },
    });
    // The first runs the migrations and seeds; the second finds them done.
    servers = [await startPortal(options(3511))];
    servers.push(await startPortal(options(3512)));
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    reportFigure(`two servers: ${figures.attempts} throttled attempts spread over 2 instances on one PostgreSQL database`);
  });

  /** The n-th request goes to server n mod 2, from `ip`. */
  const via = (n: number, ip: string): Client => {
    figures.attempts++;
    return { baseUrl: servers[n % 2]!.baseUrl, forwardedFor: ip };
  };
  const says = (result: PostResult, message: string) => textOf(result.html).includes(message);

  it("locks an account after five failures spread over both servers, on both, even for the right password", async () => {
    const nationalId = "7198108121";
    for (let n = 0; n < 5; n++) {
      const result = await signInCitizen(via(n, `10.1.0.${n + 1}`), nationalId, `wrong-${n}`);
      expect(says(result, INVALID), `attempt ${n + 1}`).toBe(true);
    }
    for (let n = 0; n < 2; n++) {
      const result = await signInCitizen(via(n, `10.1.1.${n + 1}`), nationalId, DEMO_PASSWORD);
      expect(result.status, "no redirect into the account").toBe(200);
      expect(result.setCookie).toBeNull();
      expect(says(result, ACCOUNT_LOCKED), `server ${n + 1}`).toBe(true);
    }
  });

  it("checks at most five passwords of a burst of 20 parallel attempts on both servers", async () => {
    const nationalId = "6978758371";
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) => signInCitizen(via(n, `10.2.0.${n + 1}`), nationalId, n === 19 ? DEMO_PASSWORD : `wrong-${n}`)),
    );
    const checked = results.filter((result) => says(result, INVALID) || result.status === 303).length;
    const locked = results.filter((result) => says(result, ACCOUNT_LOCKED)).length;
    expect(checked + locked).toBe(20);
    expect(checked).toBeLessThanOrEqual(5);
    reportFigure(`parallel sign-in burst: 20 attempts on 2 servers, ${checked} passwords checked, ${locked} refused unchecked`);
    const after = await signInCitizen(via(1, "10.2.1.1"), nationalId, DEMO_PASSWORD);
    expect(says(after, ACCOUNT_LOCKED)).toBe(true);
  });

  it("locks a network after thirty failures over many accounts and both servers; other networks still sign in", async () => {
    const ip = "10.3.0.1";
    for (let n = 0; n < 30; n++) {
      // Made-up national IDs with valid check digits: unknown accounts count too.
      const someone = makeNationalId(String(100_000_000 + n * 7919).padStart(9, "0"));
      const result = await signInCitizen(via(n, ip), someone, "Guess-1234");
      expect(says(result, INVALID), `attempt ${n + 1}`).toBe(true);
    }
    for (let n = 0; n < 2; n++) {
      const result = await signInCitizen(via(n, ip), "0012345679", DEMO_PASSWORD);
      expect(result.setCookie).toBeNull();
      expect(says(result, NETWORK_LOCKED), `server ${n + 1}`).toBe(true);
    }
    const elsewhere = await signInCitizen(via(0, "10.3.0.2"), "0012345679", DEMO_PASSWORD);
    expect(elsewhere.status).toBe(303);
  });

  it("locks the public tracking lookup of a network after twenty tries over both servers", async () => {
    const ip = "10.4.0.1";
    // Well-formed codes (their check digit is right), as an enumeration would try.
    const codeNumber = (n: number) => {
      const body = String(100_000_000 + n * 104_729);
      return `${body}${trackingCheckDigit(body)}`;
    };
    const lookup = (n: number, from: string, nationalId = "0012345679") =>
      submit(via(n, from), "/track", [
        ["trackingCode", codeNumber(n)],
        ["nationalId", nationalId],
      ]);
    for (let n = 0; n < 20; n++) {
      const result = await lookup(n, ip);
      expect(says(result, "درخواستی با این کد رهگیری"), `try ${n + 1} is looked up`).toBe(true);
    }
    for (let n = 20; n < 22; n++) expect(says(await lookup(n, ip), TRACKING_LOCKED), `server ${(n % 2) + 1}`).toBe(true);
    // Another network asking about another person is not locked; twenty misses
    // for one national ID lock guesses about that person from any network too.
    expect(says(await lookup(22, "10.4.0.2", "7404642231"), TRACKING_LOCKED)).toBe(false);
    expect(says(await lookup(23, "10.4.0.3"), TRACKING_LOCKED)).toBe(true);
  });

  it("stops guessing a one-time code after five wrong codes over both servers, and password-reset requests after five", async () => {
    const nationalId = "1028765967";
    const mobile = "09193268957";
    const request = (n: number) =>
      submit(via(n, `10.5.0.${n + 1}`), "/forgot-password", [
        ["nationalId", nationalId],
        ["mobile", mobile],
      ]);
    const first = await request(0);
    expect(first.status).toBe(303);
    // The reset ticket is a cookie; the same browser goes on, its requests landing on either server.
    const ticket = first.setCookie!.split(";")[0]!;
    // The code is sent after the answer (so its time says nothing): wait for it.
    let sms: { body: string } | undefined;
    for (let tries = 0; !sms && tries < 50; tries++) {
      [sms] = await database.query<{ body: string }>(`SELECT body FROM "SmsMessage" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [mobile]);
      if (!sms) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const code = /(\d{6})/.exec(sms!.body)![1]!;
    const wrong = code === "000000" ? "111111" : "000000";
    for (let n = 0; n < 5; n++) {
      const result = await submit({ ...via(n, "10.5.1.1"), cookie: ticket }, "/forgot-password/verify", [["code", wrong]]);
      // One answer for every failure (it must not tell a registered pair from others); the fifth uses up the code.
      expect(says(result, "کد پذیرفته نشد"), `wrong code ${n + 1}`).toBe(true);
    }
    const right = await submit({ ...via(1, "10.5.1.1"), cookie: ticket }, "/forgot-password/verify", [["code", code]]);
    expect(right.status, "the right code after five wrong ones is refused").toBe(200);
    expect(says(right, "کد پذیرفته نشد")).toBe(true);

    for (let n = 1; n < 5; n++) expect((await request(n)).status, `reset request ${n + 1}`).toBe(303);
    for (let n = 5; n < 7; n++) expect(says(await request(n), RESET_LOCKED), `server ${(n % 2) + 1}`).toBe(true);
  });
});
