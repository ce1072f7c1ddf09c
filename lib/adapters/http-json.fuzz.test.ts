// Fuzzing of the HTTP adapters' response schemas (ZLookupResponse,
// ZOwnershipResponse, ZSendResponse are private, so they are fuzzed through the
// adapters with fetch stubbed): whatever a provider answers with a 200, the
// adapter returns a checked value or throws its own AppError, nothing else.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { anyString, fuzzAsync, fuzzFile, trickyString, validNationalId } from "@/tests/support/fuzz";
import { HttpCivilRegistry } from "./civil-registry/http-civil-registry";
import { HttpMobileOwnershipCheck } from "./mobile-ownership/http-mobile-ownership-check";
import { HttpSmsSender } from "./sms/http-sms-sender";

fuzzFile("lib/adapters (HTTP response schemas)");

let answer = "";
beforeAll(() => {
  vi.stubGlobal("fetch", async () => new Response(answer, { status: 200, headers: { "content-type": "application/json" } }));
});
afterAll(() => vi.unstubAllGlobals());

/** A response body: any JSON, text that is not JSON, or a body shaped like `shape`. */
const body = (shape: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 2 },
    { arbitrary: fc.oneof(anyString, trickyString(30)), weight: 1 },
    { arbitrary: shape.map((v) => JSON.stringify(v)), weight: 3 },
  );
const jsonLike = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(null, "", "0", 0, true, "true", [], {}));

async function outcome(promise: Promise<unknown>): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

describe("HttpMobileOwnershipCheck response ({ owner: boolean })", () => {
  const check = new HttpMobileOwnershipCheck({ baseUrl: "http://mobile.test", timeoutMs: 5_000 });

  it("returns the owner flag exactly when the answer carries a boolean one, else MOBILE_CHECK_UNAVAILABLE", async () => {
    await fuzzAsync("ZOwnershipResponse", body(fc.record({ owner: fc.oneof(fc.boolean(), jsonLike) }, { requiredKeys: [] })), async (text) => {
      answer = text;
      const json = parse(text);
      const expected = isPlainObject(json) && typeof json.owner === "boolean" ? json.owner : undefined;
      const result = await outcome(check.isOwner({ mobile: "09121234567", nationalId: "0012345679" }));
      if (expected === undefined) {
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error instanceof AppError && result.error.code).toBe("MOBILE_CHECK_UNAVAILABLE");
      } else expect(result).toEqual({ ok: true, value: expected });
    });
  });
});

describe("HttpSmsSender response ({ messageId })", () => {
  const sender = new HttpSmsSender({ url: "http://sms.test/send", sender: "1000", timeoutMs: 5_000 });

  it("returns a non-empty string or number id as text, else throws SMS_UNAVAILABLE", async () => {
    const messageId = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), jsonLike);
    await fuzzAsync("ZSendResponse", body(fc.record({ messageId }, { requiredKeys: [] })), async (text) => {
      answer = text;
      const json = parse(text);
      const id = isPlainObject(json) ? json.messageId : undefined;
      const valid = (typeof id === "string" && id.length > 0) || typeof id === "number";
      const result = await outcome(sender.send({ to: "09121234567", body: "کد: 123456", idempotencyKey: "k-1" }));
      if (valid) {
        expect(result).toEqual({ ok: true, value: { providerMessageId: String(id) } });
      } else {
        expect(!result.ok && result.error instanceof AppError && result.error.code).toBe("SMS_UNAVAILABLE");
      }
    });
  });
});

describe("HttpCivilRegistry response ({ person })", () => {
  const registry = new HttpCivilRegistry({ baseUrl: "http://registry.test", timeoutMs: 5_000 });
  const asked = { nationalId: "0012345679", birthDate: "1365/11/30" };
  const TEN = /^[0-9]{10}$/;
  const okName = (v: unknown) => typeof v === "string" && v.trim().length > 0;
  const okId = (v: unknown) => v === null || (typeof v === "string" && TEN.test(v));
  const person = fc.record(
    {
      nationalId: fc.oneof(fc.constant(asked.nationalId), validNationalId, jsonLike),
      firstName: fc.oneof(fc.constantFrom("مریم", " مریم ", "", " "), jsonLike),
      lastName: fc.constantFrom("احمدی", "\tاحمدی"),
      fatherName: fc.oneof(fc.constant("محمد"), jsonLike),
      birthDate: fc.oneof(fc.constant(asked.birthDate), fc.constantFrom("1365/11/31", "۱۳۶۵/۱۱/۳۰", "1365-11-30"), jsonLike),
      gender: fc.oneof(fc.constantFrom("male", "female"), jsonLike),
      isAlive: fc.oneof(fc.boolean(), jsonLike),
      fatherNationalId: fc.oneof(fc.constant(null), validNationalId, jsonLike),
      motherNationalId: fc.oneof(fc.constant(null), validNationalId),
      spouseNationalId: fc.oneof(fc.constant(null), validNationalId, fc.constant("123")),
    },
    { requiredKeys: ["lastName", "motherNationalId"] },
  );

  it("returns the person only when every field is well-formed and it is the person asked for, else REGISTRY_UNAVAILABLE", async () => {
    await fuzzAsync("ZLookupResponse", body(fc.record({ person: fc.oneof({ arbitrary: person, weight: 4 }, { arbitrary: jsonLike, weight: 1 }) })), async (text) => {
      answer = text;
      const json = parse(text);
      const p = isPlainObject(json) && isPlainObject(json.person) ? json.person : undefined;
      const valid =
        p !== undefined &&
        typeof p.nationalId === "string" && TEN.test(p.nationalId) &&
        okName(p.firstName) && okName(p.lastName) && okName(p.fatherName) &&
        typeof p.birthDate === "string" && /^[0-9]{4}\/[0-9]{2}\/[0-9]{2}$/.test(p.birthDate) &&
        (p.gender === "male" || p.gender === "female") &&
        typeof p.isAlive === "boolean" &&
        okId(p.fatherNationalId) && okId(p.motherNationalId) && okId(p.spouseNationalId);
      const theOneAsked = valid && p.nationalId === asked.nationalId && p.birthDate === asked.birthDate;
      const result = await outcome(registry.lookupPerson(asked));
      if (theOneAsked) {
        expect(result.ok).toBe(true);
        expect(result.ok && result.value).toMatchObject({ found: true, person: { nationalId: asked.nationalId, firstName: (p.firstName as string).trim() } });
      } else {
        expect(!result.ok && result.error instanceof AppError && result.error.code).toBe("REGISTRY_UNAVAILABLE");
      }
    });
  });
});
