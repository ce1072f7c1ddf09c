import "server-only";
import {
  ColumnTypeEnum,
  type ArgType,
  type ColumnType,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Hand-written reads of the busiest pages (decision 021), sent straight to the
 * driver adapter the Prisma client is connected with (decision 025).
 *
 * `db.$queryRaw` hands even a raw statement to Prisma's WebAssembly query
 * compiler and interpreter and serialises every value twice on the way back;
 * on the pages that read the session, the queue or a request that was about
 * 1.3 ms of CPU per statement (bench/README.md). `readRows` sends the same
 * `Prisma.sql` statement through the same adapter (so the same pool, the same
 * statement observer and metrics) and turns the result into the values
 * `$queryRaw` would have returned: `Date` for timestamps and dates, `bigint`
 * for int8, `Prisma.Decimal` for numeric, parsed JSON, `Uint8Array` for bytea.
 * The integration test holds the two paths equal on both engines.
 *
 * A transaction client (or any client not built by `prisma.ts`) falls back to
 * `$queryRaw`. Errors are the adapter's own (`DriverAdapterError`), not
 * Prisma's wrapped ones: use it for reads, never where a caller tells errors apart.
 * (A read may carry the audit row of what it shows in a data-modifying CTE, as the
 * staff request page's does: the same rule holds, no caller tells its errors apart.)
 */
export async function readRows<T>(db: object, query: Prisma.Sql): Promise<T[]> {
  const adapter = await adapterOf(db);
  if (!adapter) return (db as Pick<Prisma.TransactionClient, "$queryRaw">).$queryRaw<T[]>(query);
  return toObjects<T>(await adapter.queryRaw(toSqlQuery(query)));
}

/**
 * A statement that returns no rows, sent the same way as `readRows`: the
 * audit's INSERT, which every staff view of a file writes. Resolves to the
 * number of rows it touched, as `$executeRaw` does. The same rule on errors:
 * only where no caller tells them apart.
 */
export async function runStatement(db: object, query: Prisma.Sql): Promise<number> {
  const adapter = await adapterOf(db);
  if (!adapter) return (db as Pick<Prisma.TransactionClient, "$executeRaw">).$executeRaw(query);
  return adapter.executeRaw(toSqlQuery(query));
}

/** The adapter of a client built by `prisma.ts`, or undefined (a transaction's `tx`). */
async function adapterOf(db: object): Promise<SqlDriverAdapter | undefined> {
  const connection = connections.get(db);
  if (!connection) return undefined;
  if (!connection.adapter) {
    // The client connects lazily; connecting makes its factory hand over the adapter.
    await (db as { $connect(): Promise<void> }).$connect();
  }
  return connection.adapter;
}

const toSqlQuery = (query: Prisma.Sql) => ({ sql: query.text, args: query.values.map(toArg), argTypes: query.values.map(argType) });

type Connection = { adapter?: SqlDriverAdapter };
// One map per process, not per copy of this module: Next bundles the
// instrumentation hook apart from the app's routes, each with its own copy,
// while the client is one per process (prisma.ts keeps it on globalThis). The
// hook starts the job queue, so its copy usually builds the client; a map of
// the module's own left every page falling back to `$queryRaw` without a word,
// as it did until 2026-12-03 (decision 025, amendment).
const holder = globalThis as { __portalReadRowsConnections?: WeakMap<object, Connection> };
const connections = (holder.__portalReadRowsConnections ??= new WeakMap<object, Connection>());

/**
 * Wraps a client's adapter factory so that `readRows` can use the adapter the
 * client connects with; call `attach` with the client built on the factory.
 */
export function shareAdapter<F extends SqlDriverAdapterFactory>(factory: F): { factory: F; attach(client: object): void } {
  const connection: Connection = {};
  const shared = new Proxy(factory, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== "connect" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
      return async () => {
        const adapter = (await value.call(target)) as SqlDriverAdapter;
        connection.adapter = forgetOnDispose(adapter, connection);
        return connection.adapter;
      };
    },
  });
  return { factory: shared, attach: (client) => connections.set(client, connection) };
}

function forgetOnDispose(adapter: SqlDriverAdapter, connection: Connection): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property !== "dispose") return value.bind(target);
      return () => {
        if (connection.adapter === receiver) connection.adapter = undefined;
        return (value as () => Promise<void>).call(target);
      };
    },
  });
}

// Arguments as Prisma's raw queries send them: instants as ISO strings marked
// "datetime" (the pg adapter writes them in UTC for `timestamp` columns).
function toArg(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toArg);
  return value;
}

function argType(value: unknown): ArgType {
  const scalar = Array.isArray(value) ? value.find((item) => item !== null && item !== undefined) : value;
  return { scalarType: scalarType(scalar), arity: Array.isArray(value) ? "list" : "scalar" };
}

function scalarType(value: unknown): ArgType["scalarType"] {
  if (value instanceof Date) return "datetime";
  if (value instanceof Uint8Array) return "bytes";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    case "bigint":
      return "bigint";
    case "boolean":
      return "boolean";
    default:
      return "unknown";
  }
}

function toObjects<T>({ columnNames, columnTypes, rows }: SqlResultSet): T[] {
  const convert = columnTypes.map(converter);
  return rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) {
      const value: unknown = row[i];
      object[columnNames[i]!] = value === null || value === undefined ? null : convert[i]!(value);
    }
    return object as T;
  });
}

type Convert = (value: unknown) => unknown;
const same: Convert = (value) => value;
const toDate: Convert = (value) => (value instanceof Date ? value : new Date(isoInstant(String(value))));
const toBigInt: Convert = (value) => BigInt(value as string | number | bigint);
const toDecimal: Convert = (value) => new Prisma.Decimal(value as string | number);
const toJson: Convert = (value) => (typeof value === "string" ? JSON.parse(value) : value);
const toBytes: Convert = (value) => (value instanceof Uint8Array ? value : Uint8Array.from(value as number[]));
const toTime: Convert = (value) => new Date(`1970-01-01T${String(value)}Z`);
const each =
  (convert: Convert): Convert =>
  (value) =>
    (value as unknown[]).map((item) => (item === null ? null : convert(item)));

function converter(type: ColumnType): Convert {
  switch (type) {
    case ColumnTypeEnum.Date:
    case ColumnTypeEnum.DateTime:
      return toDate;
    case ColumnTypeEnum.Time:
      return toTime;
    case ColumnTypeEnum.Int64:
      return toBigInt;
    case ColumnTypeEnum.Numeric:
      return toDecimal;
    case ColumnTypeEnum.Json:
      return toJson;
    case ColumnTypeEnum.Bytes:
      return toBytes;
    case ColumnTypeEnum.DateArray:
    case ColumnTypeEnum.DateTimeArray:
      return each(toDate);
    case ColumnTypeEnum.TimeArray:
      return each(toTime);
    case ColumnTypeEnum.Int64Array:
      return each(toBigInt);
    case ColumnTypeEnum.NumericArray:
      return each(toDecimal);
    case ColumnTypeEnum.JsonArray:
      return each(toJson);
    case ColumnTypeEnum.BytesArray:
      return each(toBytes);
    default:
      return same;
  }
}

/**
 * The adapters give instants as text: "2026-01-02T03:04:05.678+00:00" (pg) or
 * "2026-01-02 03:04:05.678" with no zone (PGlite), and dates as "2026-01-02".
 * Like Prisma, a value with no zone is UTC.
 */
function isoInstant(text: string): string {
  if (/^\d{4,}-\d{2}-\d{2}$/.test(text)) return `${text}T00:00:00Z`;
  const iso = text.replace(" ", "T");
  return /(?:Z|[+-]\d{2}(?::?\d{2})?)$/.test(iso) ? iso : `${iso}Z`;
}
