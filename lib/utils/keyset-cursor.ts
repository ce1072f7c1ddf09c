// Keyset-pagination cursors: the last row's sort keys, as base64url JSON, so a
// page link carries them and the next page starts right after that row.

export function encodeCursor(keys: Record<string, string | null>): string {
  return Buffer.from(JSON.stringify(keys)).toString("base64url");
}

/** The keys of `raw`, or null for anything that is not a cursor `isValid` accepts (a hand-edited address). */
export function decodeCursor<T extends Record<string, unknown>>(raw: string | undefined, isValid: (value: Record<string, unknown>) => boolean): T | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    return isValid(value as Record<string, unknown>) ? (value as T) : null;
  } catch {
    return null;
  }
}

export const isIsoInstant = (value: unknown): value is string => typeof value === "string" && !Number.isNaN(Date.parse(value));
