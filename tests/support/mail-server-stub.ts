// Test support for playwright.outages.config.ts: a mail server (SMTP, smtp-server)
// on 127.0.0.1:MAIL_SERVER_PORT that the portal reaches through its real SMTP adapter
// (EMAIL_PROVIDER=smtp), and a control port after it that a browser test uses to
// switch the server down and up and to read what it took, as an outage of the
// organisation's mail relay would look to the portal.
//   SMTP  MAIL FROM        421 while down (a temporary failure: the portal tries again later)
//   POST /control/down     refuse every message from now on
//   POST /control/up       take messages again
//   GET  /control/received every message taken: [{ to, subject, text }], text the plain part decoded
//   GET  /                 readiness for Playwright's webServer
import { SMTPServer } from "smtp-server";
import { readMessage } from "./mime";
import { outageSwitch, startStubServer } from "./stub-server";

const port = Number(process.env.MAIL_SERVER_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error("MAIL_SERVER_PORT must be a port number");

const server = outageSwitch();
const received: { to: string; subject: string; text: string }[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  // A relay inside the organisation's network, reached over plain SMTP in this test.
  disabledCommands: ["STARTTLS"],
  onMailFrom(_address, _session, callback) {
    if (server.isUp()) callback();
    else callback(Object.assign(new Error("4.3.2 mail server down for maintenance"), { responseCode: 421 }));
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const message = readMessage(Buffer.concat(chunks).toString("utf8"));
      for (const recipient of session.envelope.rcptTo) received.push({ to: recipient.address, ...message });
      callback(null);
    });
  },
});
await new Promise<void>((resolve, reject) => {
  smtp.once("error", reject);
  smtp.listen(port, "127.0.0.1", () => resolve());
});

await startStubServer(
  (request) => {
    const control = server.handle(request);
    if (control) return control;
    if (request.method === "GET" && request.path === "/control/received") return { status: 200, json: received };
    if (request.method === "GET" && request.path === "/") return { status: 200, json: { up: server.isUp() } };
    return { status: 404 };
  },
  { port: port + 1 },
);
console.log(`Mail server stub: SMTP on 127.0.0.1:${port}, control on http://127.0.0.1:${port + 1}`);
