// Lists compute Tehran dates for every row, and Intl's formatToParts is slow.
// Since 1979 Tehran's offset, and so its date, has changed only at local
// midnight, a whole or half hour UTC: within one UTC half-hour both are fixed.

const HALF_HOUR_MS = 1_800_000;
const FROM_MS = Date.UTC(1980, 0, 1);
const MAX_ENTRIES = 50_000;

/**
 * `compute`, asked once per UTC half-hour from 1980 on (earlier instants are
 * computed every time). Only for values fixed while Tehran's offset is.
 */
export function rememberPerTehranHalfHour<T>(compute: (instant: Date) => T): (instant: Date) => T {
  const remembered = new Map<number, T>();
  return (instant) => {
    const ms = instant.getTime();
    if (ms < FROM_MS) return compute(instant);
    const bucket = Math.floor(ms / HALF_HOUR_MS);
    if (remembered.has(bucket)) return remembered.get(bucket)!;
    const value = compute(instant);
    if (remembered.size >= MAX_ENTRIES) remembered.clear();
    remembered.set(bucket, value);
    return value;
  };
}
