import { describe, expect, it } from "vitest";
import { APP_ERROR_CODES, AppError } from "@/lib/errors";
import { APP_ERROR_RESPONSES, appErrorCodeResponse, appErrorResponse } from "./app-error-response";

describe("domain errors at the edge of route handlers", () => {
  it.each(APP_ERROR_CODES)("%s answers with an HTTP error status and a Persian sentence", async (code) => {
    const { status, message } = APP_ERROR_RESPONSES[code];
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(message).toMatch(/^[\u0600-\u06FF\u200C\s.،؛«»()]+$/);
    const response = appErrorResponse(new AppError(code, "internal detail for the log"));
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    // The person reads the Persian sentence, never the internal message.
    expect(await response.text()).toBe(message);
  });

  it("keeps the statuses routes relied on: someone else's record is not found; outages are 503, not 500", () => {
    expect(APP_ERROR_RESPONSES.NOT_FOUND.status).toBe(404);
    expect(APP_ERROR_RESPONSES.FORBIDDEN.status).toBe(403);
    expect(APP_ERROR_RESPONSES.CONFLICT.status).toBe(409);
    expect(APP_ERROR_RESPONSES.RATE_LIMITED.status).toBe(429);
    expect(APP_ERROR_RESPONSES.STORAGE_ERROR.status).toBe(503);
  });

  it("answers scripts in JSON with the code", async () => {
    const response = appErrorCodeResponse("NOT_FOUND", "json");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "NOT_FOUND", message: APP_ERROR_RESPONSES.NOT_FOUND.message });
  });

  it("throws anything that is not a domain error again, for the server to log as a fault", () => {
    const fault = new TypeError("bug");
    expect(() => appErrorResponse(fault)).toThrow(fault);
  });
});
