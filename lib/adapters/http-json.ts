import "server-only";
import type { z } from "zod";

// Shared transport for the HTTP adapters. It returns failures as data instead of
// throwing, so each adapter decides which statuses mean something in its protocol
// (the registry's 404 is an answer, not an outage) and which AppError code to use.
// Request bodies hold national IDs and one-time codes: nothing here logs, and the
// failure descriptions never quote a request or response body.

export type HttpJsonFailure =
  | { kind: "timeout"; attempts: number }
  | { kind: "network"; attempts: number; cause: unknown }
  | { kind: "server-error"; status: number; attempts: number }
  | { kind: "unexpected-status"; status: number }
  | { kind: "invalid-json"; status: number }
  | { kind: "invalid-body"; status: number; issues: string[] };

export type HttpJsonResult<T> = { ok: true; status: number; data: T } | { ok: false; failure: HttpJsonFailure };

export type PostJsonOptions<TSchema extends z.ZodType> = {
  url: string;
  body: unknown;
  /** Validates the body of a 2xx response. */
  schema: TSchema;
  /** Per attempt, including reading the response body. */
  timeoutMs: number;
  /** Sent as `Authorization: Bearer <apiKey>` when present. */
  apiKey?: string;
  /** Further request headers (e.g. an idempotency key). */
  headers?: Record<string, string>;
};

const MAX_ATTEMPTS = 2;

/**
 * POSTs JSON and validates the JSON answer. Retries exactly once after a network
 * error, a timeout or a 5xx: those are usually transient, while a 4xx will not
 * change on a second try.
 */
export async function postJson<TSchema extends z.ZodType>(
  options: PostJsonOptions<TSchema>,
): Promise<HttpJsonResult<z.output<TSchema>>> {
  const headers: Record<string, string> = { ...options.headers, "content-type": "application/json", accept: "application/json" };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const requestBody = JSON.stringify(options.body);

  let failure: HttpJsonFailure | undefined;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const outcome = await attemptOnce(options, headers, requestBody, attempt);
    if (outcome.retryable === false) return outcome.result;
    failure = outcome.failure;
  }
  return { ok: false, failure: failure! };
}

type AttemptOutcome<T> =
  | { retryable: false; result: HttpJsonResult<T> }
  | { retryable: true; failure: HttpJsonFailure };

async function attemptOnce<TSchema extends z.ZodType>(
  options: PostJsonOptions<TSchema>,
  headers: Record<string, string>,
  requestBody: string,
  attempt: number,
): Promise<AttemptOutcome<z.output<TSchema>>> {
  const fail = (failure: HttpJsonFailure) => ({ retryable: false as const, result: { ok: false as const, failure } });
  // One signal covers the headers and the body: a server that sends headers and then stalls is still a timeout.
  const signal = AbortSignal.timeout(options.timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await fetch(options.url, {
      method: "POST",
      headers,
      body: requestBody,
      signal,
      // A redirect would resend national IDs and the API key to wherever it points.
      redirect: "manual",
    });
    status = response.status;
    if (status >= 500) {
      await discardBody(response);
      return { retryable: true, failure: { kind: "server-error", status, attempts: attempt } };
    }
    if (status < 200 || status >= 300) {
      await discardBody(response);
      return fail({ kind: "unexpected-status", status });
    }
    text = await response.text();
  } catch (error) {
    if (isTimeout(error, signal)) return { retryable: true, failure: { kind: "timeout", attempts: attempt } };
    return { retryable: true, failure: { kind: "network", attempts: attempt, cause: error } };
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail({ kind: "invalid-json", status });
  }
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    // Paths and codes only: zod messages can quote the received values, which may be personal data.
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.code}`);
    return fail({ kind: "invalid-body", status, issues });
  }
  return { retryable: false, result: { ok: true, status, data: parsed.data } };
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === "TimeoutError");
}

// Undici keeps the connection busy until an unread body is consumed or cancelled.
async function discardBody(response: Response) {
  await response.body?.cancel().catch(() => undefined);
}

/** A one-line, body-free description of a failure, for error messages and logs. */
export function describeHttpFailure(failure: HttpJsonFailure): string {
  switch (failure.kind) {
    case "timeout":
      return `timed out (${failure.attempts} attempts)`;
    case "network":
      return `network error (${failure.attempts} attempts): ${causeSummary(failure.cause)}`;
    case "server-error":
      return `server error HTTP ${failure.status} (${failure.attempts} attempts)`;
    case "unexpected-status":
      return `unexpected HTTP ${failure.status}`;
    case "invalid-json":
      return `response is not valid JSON (HTTP ${failure.status})`;
    case "invalid-body":
      return `response failed validation (HTTP ${failure.status}): ${failure.issues.join("; ")}`;
  }
}

function causeSummary(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // Undici wraps the useful part ("ECONNREFUSED 127.0.0.1:4000") in `cause`.
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return `${cause.message}${inner}`;
}

/** Appends a path to a configured base URL, which may or may not end with a slash. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
