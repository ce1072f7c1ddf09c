// The organisation's outside systems as HTTP services, for the production
// servers of the cluster test: the civil registry and the mobile-ownership
// check answer from the demo fixture (through the same mock classes the demo
// uses), and the SMS gateway keeps every message so the test can read the
// one-time codes a person would get on their phone.
import http from "node:http";
import { MockCivilRegistry } from "@/lib/adapters/civil-registry/mock-civil-registry";
import { MockMobileOwnershipCheck } from "@/lib/adapters/mobile-ownership/mock-mobile-ownership-check";
import { loadRegistryFixture } from "@/lib/fixtures/civil-registry-fixture";

export type SentSms = { to: string; text: string; at: number };

export type ExternalSystems = {
  registryUrl: string;
  mobileUrl: string;
  smsUrl: string;
  apiKey: string;
  sms: SentSms[];
  /** The latest six-digit code sent to `mobile` after `since`. */
  latestCode(mobile: string, since?: number): string;
  close(): Promise<void>;
};

export async function startExternalSystems(port: number): Promise<ExternalSystems> {
  const persons = loadRegistryFixture();
  const registry = new MockCivilRegistry(persons);
  const mobiles = new MockMobileOwnershipCheck(persons);
  const apiKey = "cluster-test-api-key";
  const sms: SentSms[] = [];
  let messageId = 0;
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, string>;
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(json));
    };
    if (req.headers.authorization !== `Bearer ${apiKey}`) return reply(401, { error: "unauthorised" });
    if (req.url === "/registry/persons/lookup") {
      const found = await registry.lookupPerson({ nationalId: body.nationalId!, birthDate: body.birthDate! });
      return found.found ? reply(200, { person: found.person }) : reply(404, { error: "not found" });
    }
    if (req.url === "/mobile/mobile/ownership") return reply(200, { owner: await mobiles.isOwner({ mobile: body.mobile!, nationalId: body.nationalId! }) });
    if (req.url === "/sms/send") {
      sms.push({ to: body.to!, text: body.text!, at: Date.now() });
      return reply(200, { messageId: `m-${++messageId}` });
    }
    reply(404, { error: "no such service" });
  };
  const server = http.createServer((req, res) => {
    // A stub that cannot answer fails the request it was asked, and the test with it.
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: String(error) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    registryUrl: `${base}/registry`,
    mobileUrl: `${base}/mobile`,
    smsUrl: `${base}/sms/send`,
    apiKey,
    sms,
    latestCode(mobile, since = 0) {
      const toAscii = (s: string) => s.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)));
      const message = [...sms].reverse().find((m) => m.to === mobile && m.at >= since && /\d{6}/.test(toAscii(m.text)));
      if (!message) throw new Error(`no code was sent to ${mobile}`);
      return /(\d{6})/.exec(toAscii(message.text))![1]!;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
