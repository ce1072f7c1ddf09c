/**
 * Domain code throws AppError with a stable code; only the edge (pages, actions,
 * route handlers) turns a code into a message for a person.
 */
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "INVALID_INPUT",
  "CONFLICT",
  "RATE_LIMITED",
  "REGISTRY_UNAVAILABLE",
  "MOBILE_CHECK_UNAVAILABLE",
  "SMS_UNAVAILABLE",
  "EMAIL_UNAVAILABLE",
  "STORAGE_ERROR",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
