import "server-only";

export type ObservedQuery = { sql: string; args: unknown[] };
/** Called before a statement runs; a function it returns is called when the statement is done. */
export type QueryObserver = (query: ObservedQuery) => void | ((outcome: "ok" | "error") => void);

const WRAP_RESULT = new Set(["connect", "connectToShadowDb", "startTransaction"]);

/**
 * Wraps a Prisma driver adapter (or its factory) so that every SQL statement the
 * client sends is reported to `onQuery` before it runs. Used by the query-count
 * test and the benchmark (statement counts, EXPLAIN of what a page really runs),
 * and by the server for the query-duration metric.
 */
export function observeAdapter<T extends object>(target: T, onQuery: QueryObserver): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw") {
        return (query: ObservedQuery, ...rest: unknown[]) => {
          const done = onQuery({ sql: query.sql, args: query.args });
          const result: unknown = value.call(object, query, ...rest);
          if (typeof done !== "function" || !(result instanceof Promise)) return result;
          return result.then(
            (rows: unknown) => (done("ok"), rows),
            (error: unknown) => {
              done("error");
              throw error;
            },
          );
        };
      }
      if (typeof property === "string" && WRAP_RESULT.has(property)) {
        return async (...args: unknown[]) => {
          const result: unknown = await value.apply(object, args);
          return result && typeof result === "object" ? observeAdapter(result, onQuery) : result;
        };
      }
      return value.bind(object);
    },
  });
}
