import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskDigits, maskForLog, maskLogLine } from "./mask";

describe("log masking", () => {
  it("keeps only the last two digits of national IDs, mobiles and codes, in any digits", () => {
    expect(maskDigits("national id 0012345679 signed in")).toBe("national id ********79 signed in");
    expect(maskDigits("sms to 09121234567")).toBe("sms to *********67");
    expect(maskDigits("code ۴۸۲۹۱۷ sent")).toBe("code ****۱۷ sent");
    expect(maskDigits("code ٤٨٢٩١٧")).toBe("code ****١٧");
    expect(maskDigits("GET /account/requests/page 2 of 12345")).toBe("GET /account/requests/page 2 of 12345");
    expect(maskDigits("card 6037991234567890")).toBe("card **************90");
    expect(maskDigits("Applied 20261126154840_init")).toBe("Applied 20261126154840_init");
  });

  it("drops secrets by the name of their field, at any depth", () => {
    expect(maskForLog({ user: { password: "Tamin-Demo-1405", newPassword: "x", code: "123456", smsCode: "1", otp: "2" } })).toEqual({
      user: { password: "[redacted]", newPassword: "[redacted]", code: "[redacted]", smsCode: "[redacted]", otp: "[redacted]" },
    });
    expect(maskForLog({ headers: { cookie: "tamin.session=abc", authorization: "Bearer t" } })).toEqual({
      headers: { cookie: "[redacted]", authorization: "[redacted]" },
    });
  });

  it("masks digits in error messages and stacks", () => {
    const masked = maskForLog({ err: { message: "no account 0012345679", stack: "Error: no account 0012345679\n    at x" } }) as { err: { message: string; stack: string } };
    expect(masked.err.message).toBe("no account ********79");
    expect(masked.err.stack).not.toContain("0012345679");
  });

  it("keeps an Error's message and stack, masked", () => {
    const masked = maskForLog(new Error("no account 0012345679", { cause: new Error("inner 09121234567") })) as Record<string, unknown>;
    expect(masked).toMatchObject({ type: "Error", message: "no account ********79", cause: { message: "inner *********67" } });
    expect(String(masked.stack)).toMatch(/^Error: no account \*{8}79\n/);
  });

  it("leaves the logger's own fields readable", () => {
    const line = maskLogLine({ level: 30, time: 1767225600000, reqId: "7f1e4d0c-1234-4567-8901-123456789012", status: 200, durationMs: 1234567, msg: "GET /track 0012345679" });
    expect(line).toMatchObject({ time: 1767225600000, reqId: "7f1e4d0c-1234-4567-8901-123456789012", durationMs: 1234567, msg: "GET /track ********79" });
  });

  it("never lets a personal number through, whatever surrounds it", () => {
    const notDigit = fc.string().map((s) => s.replace(/[0-9۰-۹٠-٩]/g, "x"));
    fc.assert(
      fc.property(notDigit, fc.stringMatching(/^[0-9]{6,12}$/), notDigit, (before, digits, after) => {
        const masked = JSON.stringify(maskForLog({ msg: `${before}${digits}${after}`, detail: [{ value: digits }] }));
        expect(masked).not.toContain(digits);
        expect(masked).not.toMatch(/[0-9]{6,12}/);
      }),
    );
  });
});
