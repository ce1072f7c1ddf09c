// The name of a new migration's folder: prisma/migrations/<UTC yyyyMMddHHmmss>_<slug> (scripts/new-migration.ts).

/** Prisma's folder-name style: lower case, words joined by underscores. */
export function migrationSlug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** A date as a UTC timestamp, yyyyMMddHHmmss. */
const stampOf = (date: Date) => date.toISOString().replace(/[-:T]/g, "").slice(0, 14);

/** A UTC timestamp (yyyyMMddHHmmss) for the new folder, later than every existing one even if the clock is behind. */
export function nextTimestamp(now: Date, existing: string[]): string {
  const stamp = stampOf(now);
  const latest = existing.map((folder) => folder.slice(0, 14)).filter((prefix) => /^\d{14}$/.test(prefix)).sort().at(-1);
  if (!latest || stamp > latest) return stamp;
  return stampOf(new Date(Date.UTC(+latest.slice(0, 4), +latest.slice(4, 6) - 1, +latest.slice(6, 8), +latest.slice(8, 10), +latest.slice(10, 12), +latest.slice(12, 14) + 1)));
}
