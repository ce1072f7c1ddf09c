import { AppError, isAppError, type AppErrorCode } from "@/lib/errors";

/**
 * What a route handler answers for each domain error code: the HTTP status,
 * and the Persian sentence a person reads when the browser shows the answer
 * itself (a document link, the CSV export). Keyed by every code, so a new code
 * without an answer fails `tsc`. Server actions and pages word their own
 * refusals beside the form; this is for routes that answer in HTTP.
 */
export const APP_ERROR_RESPONSES: Record<AppErrorCode, { status: number; message: string }> = {
  // Someone else's record is "not found", never "forbidden" (docs/style.md).
  NOT_FOUND: { status: 404, message: "پیدا نشد. نشانی را بررسی کنید یا از صفحه‌های سامانه دوباره آن را باز کنید." },
  UNAUTHORIZED: { status: 401, message: "ابتدا وارد سامانه شوید." },
  FORBIDDEN: { status: 403, message: "اجازه این کار را ندارید." },
  INVALID_INPUT: { status: 400, message: "درخواست نامعتبر است. صفحه را دوباره باز کنید و دوباره تلاش کنید." },
  CONFLICT: { status: 409, message: "این مورد در این فاصله تغییر کرده است. صفحه را دوباره باز کنید." },
  RATE_LIMITED: { status: 429, message: "تعداد تلاش‌ها بیش از حد مجاز است. کمی بعد دوباره تلاش کنید." },
  REGISTRY_UNAVAILABLE: { status: 503, message: "ارتباط با سازمان ثبت احوال برقرار نشد. چند دقیقه دیگر دوباره تلاش کنید." },
  MOBILE_CHECK_UNAVAILABLE: { status: 503, message: "سامانه بررسی مالکیت شماره همراه در دسترس نیست. چند دقیقه دیگر دوباره تلاش کنید." },
  SMS_UNAVAILABLE: { status: 503, message: "ارسال پیامک ممکن نشد. چند دقیقه دیگر دوباره تلاش کنید." },
  EMAIL_UNAVAILABLE: { status: 503, message: "ارسال ایمیل ممکن نشد. چند دقیقه دیگر دوباره تلاش کنید." },
  STORAGE_ERROR: { status: 503, message: "مدارک در این لحظه در دسترس نیست. چند دقیقه دیگر دوباره تلاش کنید." },
};

/**
 * The answer of a route handler to a domain error: its status and Persian
 * message, as plain text, or as JSON (`{ error: code, message }`) for a route
 * that scripts call. Anything that is not an AppError is thrown again: a real
 * fault, which the server logs and answers with 500, never a stack trace.
 */
export function appErrorResponse(error: unknown, format: "text" | "json" = "text"): Response {
  if (!isAppError(error)) throw error;
  const { status, message } = APP_ERROR_RESPONSES[error.code];
  const headers = { "Cache-Control": "no-store", "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/plain; charset=utf-8" };
  return new Response(format === "json" ? JSON.stringify({ error: error.code, message }) : message, { status, headers });
}

/** The same answer for a refusal the route decides itself (no session: not found). */
export const appErrorCodeResponse = (code: AppErrorCode, format: "text" | "json" = "text"): Response => appErrorResponse(new AppError(code), format);
