/**
 * Frees what an abort reason's stack trace holds, for the whole process
 * (docs/decisions/022).
 *
 * React's server renderer aborts a controller at the end of every render with a
 * new `Error` as its reason ("This render completed successfully..."), and Node
 * makes a `DOMException` for an `abort()` without one. V8 keeps such an error's
 * stack as the live call frames until someone reads `error.stack`; nobody reads
 * these. One of the frames is the `setImmediate` callback the render ended in,
 * so the reason holds that Immediate; an Immediate that has run keeps its links
 * to the others that ran in the same turn, and each holds the request context
 * of the render that scheduled it. Under a steady load every finished render
 * thus held the next ones: the portal's heap grew by about 7 MB a second at
 * saturation (1 GB in four minutes) and its full garbage collections took up to
 * a second, which was the steady-load benchmark's one-second stalls.
 *
 * Reading `stack` once, as the controller aborts, turns the frames into a string
 * and lets them go. It changes nothing else: the reason, its message and its
 * stack text stay as they were.
 */
const installed = Symbol.for("portal.releaseAbortReasonStacks");

type Patched = typeof AbortController.prototype.abort & { [installed]?: typeof AbortController.prototype.abort };

/** Installs the release on `AbortController.prototype.abort` once; returns a function that undoes it. */
export function releaseAbortReasonStacks(): () => void {
  const current = AbortController.prototype.abort as Patched;
  if (current[installed]) return () => {};
  const abort: Patched = function abort(this: AbortController, reason?: unknown) {
    current.call(this, reason);
    formatStack(this.signal.reason);
  };
  abort[installed] = current;
  AbortController.prototype.abort = abort;
  return () => {
    if (AbortController.prototype.abort === abort) AbortController.prototype.abort = current;
  };
}

function formatStack(reason: unknown) {
  // `Error` and Node's `DOMException`; a string or other value has no frames to hold.
  if (reason instanceof Error) void reason.stack;
}
