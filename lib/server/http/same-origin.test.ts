import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>) => new Request("http://localhost:3000/account/uploads", { method: "POST", headers });

describe("isSameOrigin", () => {
  it("accepts a post from a page of the same host", () => {
    expect(isSameOrigin(post({ origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(post({ origin: "https://tamin.example", host: "internal:3000", "x-forwarded-host": "tamin.example" }))).toBe(true);
  });

  it("refuses another site, a missing or malformed Origin, and a browser that says cross-site", () => {
    expect(isSameOrigin(post({ origin: "https://evil.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(post({ host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "null", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "http://localhost:3000.evil.example", host: "localhost:3000" }))).toBe(false);
  });
});
