import pino, { type Logger } from "pino";
import { maskLogLine } from "./mask";
import { currentRequestContext } from "./request-context";

const holder = globalThis as { __portalLogger?: Logger };

/**
 * The process's JSON logger (pino): one line per event on stdout, with the
 * request id of the request being served, every line masked (mask.ts).
 */
export function getLogger(): Logger {
  holder.__portalLogger ??= pino({
    level: process.env.LOG_LEVEL || "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: "msg",
    mixin() {
      const context = currentRequestContext();
      return context ? { reqId: context.requestId } : {};
    },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => maskLogLine(object),
    },
    hooks: {
      // The message itself (and printf-style arguments) are masked too.
      logMethod(args, method) {
        const masked = args.map((arg) => (typeof arg === "string" ? maskLogLine({ msg: arg }).msg : arg));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
  });
  return holder.__portalLogger;
}
