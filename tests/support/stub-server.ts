// Test support: a real HTTP server on 127.0.0.1 standing in for an external
// system, so the HTTP adapters are tested through fetch, sockets and timeouts
// rather than a mocked fetch.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type StubRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when it was empty or not JSON. */
  json: unknown;
};

export type StubReply =
  | { status: number; json?: unknown; raw?: string }
  /** Never answer: lets the client's timeout fire. */
  | "hang"
  /** Send 200 headers and the start of a body, then stall. */
  | "stall-body";

/** Decides the reply; `attempt` counts requests from 1. */
export type StubHandler = (request: StubRequest, attempt: number) => StubReply | Promise<StubReply>;

export type StubServer = {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Every request received so far, in order. */
  requests: StubRequest[];
  close(): Promise<void>;
};

/** `port` 0 (the default) takes any free port; a fixed one when another process must be told the address in advance. */
export async function startStubServer(handler: StubHandler, { port: listenPort = 0 }: { port?: number } = {}): Promise<StubServer> {
  const requests: StubRequest[] = [];
  async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const request: StubRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, json };
    requests.push(request);
    const reply = await handler(request, requests.length);
    if (reply === "hang") return;
    if (reply === "stall-body") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"value":');
      return;
    }
    const body = reply.raw ?? (reply.json === undefined ? "" : JSON.stringify(reply.json));
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(body);
  }
  // A handler that throws is a broken test: re-emitted as the server's error (no
  // listener once it listens), it fails the run as an unhandled error.
  const server = http.createServer((req, res) => {
    answer(req, res).catch((error: unknown) => server.emit("error", error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listenPort, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests would otherwise keep close() waiting forever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A URL on which nothing listens, for connection-refused cases. */
export async function unusedUrl(): Promise<string> {
  const stub = await startStubServer(() => ({ status: 204 }));
  await stub.close();
  return stub.url;
}

/** A stub's `POST /control/down` and `POST /control/up`, by which browser tests play an outage: `isUp()` tells which was asked last. */
export function outageSwitch() {
  let up = true;
  return {
    isUp: () => up,
    /** The reply to a control request, or undefined for any other request. */
    handle(request: StubRequest): StubReply | undefined {
      if (request.method !== "POST" || (request.path !== "/control/down" && request.path !== "/control/up")) return undefined;
      up = request.path === "/control/up";
      return { status: 204 };
    },
  };
}
