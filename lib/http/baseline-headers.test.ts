import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setBaselineSecurityHeaders } from "./baseline-headers.mjs";

// A real server: each path answers as a kind of Next response does.
describe("setBaselineSecurityHeaders", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      setBaselineSecurityHeaders(res);
      // As Next writes a route handler's headers: only those not already on the response.
      if (req.url === "/own" && res.getHeader("content-security-policy") === undefined) {
        res.appendHeader("content-security-policy", "default-src 'none'; frame-ancestors 'self'");
      }
      if (req.url === "/own-in-head") {
        res.writeHead(200, { "content-security-policy": "frame-ancestors 'self'", "x-frame-options": "SAMEORIGIN" });
        res.end("framed");
        return;
      }
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("gives an answer that set no policy of its own the fallback: nothing may run, load or frame it", async () => {
    const response = await fetch(`${base}/plain`);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("leaves an answer's own policy alone, set before the head or in it (a document previewed in its own page)", async () => {
    const own = await fetch(`${base}/own`);
    expect(own.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'self'");
    const inHead = await fetch(`${base}/own-in-head`);
    expect(inHead.headers.get("content-security-policy")).toBe("frame-ancestors 'self'");
    expect(inHead.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});
