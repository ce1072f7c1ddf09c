import { describe, expect, it } from "vitest";
import { createDecodedTokenCache } from "./decoded-token-cache";

describe("decoded session-token cache", () => {
  it("answers until the token expires, then forgets it", () => {
    const cache = createDecodedTokenCache(10);
    cache.set("token-a", { sid: "session-a", exp: 1_000 });
    expect(cache.get("token-a", 999)).toBe("session-a");
    expect(cache.get("token-a", 1_000)).toBeNull();
    expect(cache.size).toBe(0);
    expect(cache.get("token-b", 0)).toBeNull();
  });

  it("holds at most `max` tokens, dropping the oldest", () => {
    const cache = createDecodedTokenCache(2);
    cache.set("t1", { sid: "s1", exp: 100 });
    cache.set("t2", { sid: "s2", exp: 100 });
    cache.set("t3", { sid: "s3", exp: 100 });
    expect(cache.size).toBe(2);
    expect(cache.get("t1", 0)).toBeNull();
    expect(cache.get("t2", 0)).toBe("s2");
    expect(cache.get("t3", 0)).toBe("s3");
  });
});
