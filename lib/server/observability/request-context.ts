import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the portal's server (server/portal-server.mjs) knows about the request
 * being served, visible to all code running for it: the request id for log
 * lines, and who is visiting, which the session code fills in.
 */
export type RequestContext = { requestId: string; visitor: "anonymous" | "citizen" | "staff" };

const holder = globalThis as { __portalRequestContext?: AsyncLocalStorage<RequestContext> };

/** One store per process, shared by the server file and every bundle of the app. */
export function requestContextStorage(): AsyncLocalStorage<RequestContext> {
  holder.__portalRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return holder.__portalRequestContext;
}

export const currentRequestContext = (): RequestContext | undefined => holder.__portalRequestContext?.getStore();

/** Called once the session is known: the access log and metrics then say who visited. */
export function noteVisitor(visitor: RequestContext["visitor"]) {
  const context = currentRequestContext();
  if (context) context.visitor = visitor;
}
