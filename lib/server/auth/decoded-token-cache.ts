/**
 * Remembers what a session cookie decrypted to, until the token's own expiry.
 * Decrypting (HKDF, then AES-GCM) on every page view cost more than the session
 * query; a token always decrypts to the same payload, so the result can be kept.
 * The session row is still read on every request, so sign-out and revocation
 * take effect at once. Bounded: the oldest entry goes first.
 */
export function createDecodedTokenCache(max: number) {
  const entries = new Map<string, { sid: string; exp: number }>();
  return {
    get(token: string, nowSeconds: number): string | null {
      const hit = entries.get(token);
      if (!hit) return null;
      if (hit.exp > nowSeconds) return hit.sid;
      entries.delete(token);
      return null;
    },
    set(token: string, value: { sid: string; exp: number }) {
      entries.delete(token);
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(token, value);
    },
    get size() {
      return entries.size;
    },
  };
}
