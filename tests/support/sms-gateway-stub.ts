// Test support for playwright.outages.config.ts: a text-message gateway on
// 127.0.0.1:SMS_GATEWAY_PORT that the portal reaches through its real HTTP
// adapter (SMS_PROVIDER=http), and that a browser test switches down and up,
// as an outage of the operator's gateway would look to the portal.
//   POST /send            the gateway: 503 while down; else 200 { messageId }
//   POST /control/down    the gateway answers 503 from now on
//   POST /control/up      the gateway takes messages again
//   GET  /control/accepted  every message taken: [{ key, to, count }]
//   GET  /                readiness for Playwright's webServer
import { outageSwitch, startStubServer } from "./stub-server";

const port = Number(process.env.SMS_GATEWAY_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error("SMS_GATEWAY_PORT must be a port number");

const gateway = outageSwitch();
/** By idempotency key: a real gateway sends the text of a key it took once. */
const accepted = new Map<string, { to: string; count: number }>();

await startStubServer(
  (request) => {
    if (request.method === "POST" && request.path === "/send") {
      if (!gateway.isUp()) return { status: 503, json: { error: "gateway down" } };
      const key = String(request.headers["idempotency-key"] ?? "");
      const to = String((request.json as { to?: unknown } | undefined)?.to ?? "");
      const seen = accepted.get(key);
      accepted.set(key, { to, count: (seen?.count ?? 0) + 1 });
      return { status: 200, json: { messageId: `stub-${key.slice(0, 8)}` } };
    }
    const control = gateway.handle(request);
    if (control) return control;
    if (request.method === "GET" && request.path === "/control/accepted") {
      return { status: 200, json: [...accepted].map(([key, { to, count }]) => ({ key, to, count })) };
    }
    if (request.method === "GET" && request.path === "/") return { status: 200, json: { up: gateway.isUp() } };
    return { status: 404 };
  },
  { port },
);
console.log(`SMS gateway stub listening on http://127.0.0.1:${port}`);
