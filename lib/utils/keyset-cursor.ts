// Keyset-pagination cursors: the last row's sort keys, as base64url JSON, so a
// page link carries them and the next page starts right after that row.
import { isUuid } from "./uuid";

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

/** Where a newest-first list ordered by (createdAt, id) stopped: the last row shown. */
export type NewestFirstCursor = { createdAt: Date; id: string };

/** The row the previous page of a newest-first list stopped at, or null (start from the newest) for anything else. */
export function decodeNewestFirstCursor(raw: string | undefined): NewestFirstCursor | null {
  const keys = decodeCursor<{ c: string; i: string }>(raw, (v) => isIsoInstant(v.c) && typeof v.i === "string" && isUuid(v.i));
  return keys ? { createdAt: new Date(keys.c), id: keys.i } : null;
}

/** The rows after `cursor` in (createdAt, id) descending order, as a Prisma filter. */
export const olderThan = ({ createdAt, id }: NewestFirstCursor) => ({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });

/** A page of `pageSize` rows out of the `pageSize + 1` read, and the next page's cursor when there is more. */
export function newestFirstPage<T extends { createdAt: Date; id: string }>(rows: T[], pageSize: number): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > pageSize && last ? encodeCursor({ c: last.createdAt.toISOString(), i: last.id }) : null };
}
