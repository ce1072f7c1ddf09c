import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint refused the write (P2002), optionally on a given column. */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  // Inside interactive transactions the PGlite adapter's error can surface raw
  // (kind "postgres", SQLSTATE 23505) instead of as Prisma's P2002.
  const raw = (error as { name?: string; cause?: { kind?: string; code?: string; message?: string; detail?: string } } | null)
    ?.cause;
  if ((error as { name?: string } | null)?.name === "DriverAdapterError" && raw?.kind === "postgres" && raw.code === "23505") {
    return !field || `${raw.message ?? ""} ${raw.detail ?? ""}`.includes(field);
  }
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!field) return true;
  const target = (error.meta as { target?: unknown; driverAdapterError?: unknown } | undefined)?.target;
  const text = Array.isArray(target) ? target.join(",") : String(target ?? JSON.stringify(error.meta ?? {}));
  return text.includes(field);
}

/** An update or delete found no row matching its filter (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
