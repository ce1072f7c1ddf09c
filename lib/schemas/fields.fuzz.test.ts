// Fuzzing of the shared field schemas: whatever arrives, nothing throws and
// nothing invalid is accepted (checked against independent oracles), and every
// valid value, typed in any digit script with separators, is accepted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anyString,
  anyValue,
  codePoints,
  fuzz,
  oracleJalaliDate,
  oracleNationalId,
  oracleStoredJalali,
  oracleTodayJalali,
  PERSIAN_DIGITS,
  fuzzFile,
  randomCase,
  trickyString,
  typedDigits,
  validNationalId,
} from "@/tests/support/fuzz";
import {
  normalizeMobile,
  zBirthDate,
  zMobile,
  zNationalId,
  zOneTimeCode,
  zOptionalEmail,
  zPasswordForSignIn,
  zPersonName,
  zPersonnelCode,
} from "./fields";

fuzzFile("lib/schemas/fields.ts");

const digitString = (minLength: number, maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength, maxLength }).map((ds) => ds.join(""));
/** A digit string and the same digits as someone might type them. */
const typedDigitString = (minLength: number, maxLength: number) =>
  digitString(minLength, maxLength).chain((ascii) => typedDigits(ascii).map((typed) => ({ ascii, typed })));

describe("zNationalId", () => {
  it("never throws and accepts only valid codes, as ten ASCII digits", () => {
    fuzz("zNationalId", anyValue, (input) => {
      const result = zNationalId.safeParse(input);
      if (result.success) expect(oracleNationalId(result.data)).toBe(true);
    });
  });

  it("accepts typed digits exactly when the oracle says they form a valid code", () => {
    fuzz("zNationalId", fc.oneof(typedDigitString(8, 12), validNationalId.chain((ascii) => typedDigits(ascii).map((typed) => ({ ascii, typed })))), ({ ascii, typed }) => {
      const result = zNationalId.safeParse(typed);
      expect(result.success).toBe(oracleNationalId(ascii));
      if (result.success) expect(result.data).toBe(ascii);
    });
  });
});

describe("zMobile and normalizeMobile", () => {
  it("normalizeMobile never throws and leaves no non-ASCII digits or separators", () => {
    fuzz("normalizeMobile", anyString, (input) => {
      expect(normalizeMobile(input)).not.toMatch(/[۰-۹٠-٩\s\-\u2010-\u2015\u2212\u200B-\u200F\u202A-\u202E\u2066-\u2069]/u);
    });
  });

  it("zMobile never throws and yields only 09 followed by nine ASCII digits", () => {
    fuzz("zMobile", anyValue, (input) => {
      const result = zMobile.safeParse(input);
      if (result.success) expect(result.data).toMatch(/^09[0-9]{9}$/);
    });
  });

  it("accepts every international and local form of a mobile number, in any digits", () => {
    const prefix = fc.constantFrom("", "0", "98", "+98", "0098", "+0098");
    fuzz(
      "zMobile",
      fc.tuple(prefix, digitString(9, 9)).chain(([p, rest]) =>
        typedDigits(p.replace("+", "") + "9" + rest).map((typed) => ({ typed: (p.startsWith("+") ? "+" : "") + typed, expected: `09${rest}` })),
      ),
      ({ typed, expected }) => {
        expect(zMobile.parse(typed)).toBe(expected);
        expect(normalizeMobile(typed)).toBe(expected);
      },
    );
  });

  it("accepts typed digit strings exactly when they are one of the documented forms", () => {
    // The documented rule: 0098 912…, 98 912…, 912… and 0912… all become 0912….
    const expected = (d: string) =>
      /^00989[0-9]{9}$/.test(d) ? `0${d.slice(4)}` : /^989[0-9]{9}$/.test(d) ? `0${d.slice(2)}` : /^9[0-9]{9}$/.test(d) ? `0${d}` : /^09[0-9]{9}$/.test(d) ? d : null;
    fuzz("zMobile", typedDigitString(8, 15), ({ ascii, typed }) => {
      const result = zMobile.safeParse(typed);
      expect(result.success ? result.data : null).toBe(expected(ascii));
    });
  });
});

describe("zPersonnelCode", () => {
  it("never throws and yields six to ten ASCII digits", () => {
    fuzz("zPersonnelCode", anyValue, (input) => {
      const result = zPersonnelCode.safeParse(input);
      if (result.success) expect(result.data).toMatch(/^[0-9]{6,10}$/);
    });
  });

  it("accepts typed digits exactly when there are six to ten of them", () => {
    fuzz("zPersonnelCode", typedDigitString(0, 13), ({ ascii, typed }) => {
      const result = zPersonnelCode.safeParse(typed);
      expect(result.success).toBe(ascii.length >= 6 && ascii.length <= 10);
      if (result.success) expect(result.data).toBe(ascii);
    });
  });
});

describe("zPasswordForSignIn", () => {
  const nfcLength = (s: string) => codePoints(s.normalize("NFC"));

  it("never throws and yields a non-empty password of at most 128 characters", () => {
    fuzz("zPasswordForSignIn", anyValue, (input) => {
      const result = zPasswordForSignIn.safeParse(input);
      if (result.success) {
        expect(typeof input).toBe("string");
        expect(nfcLength(result.data)).toBeGreaterThanOrEqual(1);
        expect(nfcLength(result.data)).toBeLessThanOrEqual(128);
        // What is verified is the NFC form of what was typed (lib/server/auth/password.ts).
        expect(result.data.normalize("NFC")).toBe((input as string).normalize("NFC"));
      }
    });
  });

  it("accepts every password of 1 to 128 characters (NFC, as counted at registration), composed or decomposed", () => {
    const unit = fc.oneof(fc.constantFrom(..."aé€ن😀", "e\u0301", "\u0627\u0653", "\u1100\u1161"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }));
    fuzz(
      "zPasswordForSignIn",
      fc.tuple(fc.integer({ min: 1, max: 128 }), fc.constantFrom("NFC", "NFD", "as typed") as fc.Arbitrary<"NFC" | "NFD" | "as typed">).chain(([length, form]) =>
        fc.array(unit, { minLength: length, maxLength: length }).map((units) => {
          const typed = Array.from(units.join("").normalize("NFC")).slice(0, 128).join("");
          return form === "as typed" ? typed : typed.normalize(form);
        }),
      ),
      (password) => {
        expect(zPasswordForSignIn.safeParse(password).success).toBe(true);
      },
    );
  });
});

describe("zPersonName", () => {
  const zName = zPersonName("نام");
  const ALLOWED = /^[\u0621-\u063A\u0641-\u064A\u0654\u067E\u0686\u0698\u06A9\u06AF\u06C0\u06CC\u0622\u200C ]+$/u;
  const LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئء";

  it("never throws and yields a normalised name of 2 to 40 characters with at least two letters", () => {
    const persianish = fc.string({ unit: fc.constantFrom(...LETTERS, "\u064A", "\u0649", "\u0643", "\u0640", " ", "\u00A0", "\u200C", "\u200D", "۱", "a"), maxLength: 45 });
    fuzz("zPersonName", fc.oneof(anyValue, persianish), (input) => {
      const result = zName.safeParse(input);
      if (!result.success) return;
      const name = result.data;
      expect(name).toMatch(ALLOWED);
      expect(name).not.toMatch(/[\u064A\u0649\u0643\u0640]/u); // folded to Persian letters
      expect(name).toBe(name.trim());
      expect(name).not.toMatch(/ {2}/);
      expect(name).toBe(name.normalize("NFC"));
      expect(codePoints(name)).toBeLessThanOrEqual(40);
      // «دست‌کم دو حرف»: spaces, ZWNJ and the hamza mark are not letters.
      expect(codePoints(name.replace(/[ \u200C\u0654]/g, ""))).toBeGreaterThanOrEqual(2);
      expect(name).not.toMatch(/^\u200C|\u200C$/u);
    });
  });

  it("accepts every Persian name, typed with Arabic letters, tatweel and untidy spacing, and stores the clean form", () => {
    const word = fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 2, maxLength: 8 });
    // Parts of one word may be joined by ZWNJ (حسین‌زاده).
    const compound = fc.array(word, { minLength: 1, maxLength: 2 }).map((parts) => parts.join("\u200C"));
    const name = fc.array(compound, { minLength: 1, maxLength: 2 }).map((words) => words.join(" "));
    const untidy = (clean: string) =>
      fc
        .tuple(
          fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: clean.length, maxLength: clean.length }),
          fc.constantFrom("", " ", "\u00A0", "\t", "  "),
          fc.constantFrom("", " ", "\u00A0\u00A0"),
          fc.constantFrom(" ", "  ", "\u00A0", " \t"),
        )
        .map(([noise, before, after, space]) =>
          before +
          Array.from(clean, (c, i) => {
            const [arabic, tatweel] = noise[i]!;
            const letter = arabic && c === "ی" ? "\u064A" : arabic && c === "ک" ? "\u0643" : c === " " ? space : c;
            return letter + (tatweel && c !== " " && c !== "\u200C" ? "\u0640" : "");
          }).join("") +
          after,
        );
    fuzz("zPersonName", name.chain((clean) => untidy(clean).map((typed) => ({ clean, typed }))), ({ clean, typed }) => {
      expect(zName.parse(typed)).toBe(clean);
    });
  });
});

describe("zBirthDate", () => {
  const today = oracleTodayJalali();
  const notFuture = (y: number, m: number, d: number) => y < today.jy || (y === today.jy && (m < today.jm || (m === today.jm && d <= today.jd)));

  it("never throws and yields a real past Jalali date, at most 130 years ago, as YYYY/MM/DD", () => {
    fuzz("zBirthDate", fc.oneof(anyValue, trickyString(14)), (input) => {
      const result = zBirthDate.safeParse(input);
      if (!result.success) return;
      expect(oracleStoredJalali(result.data)).toBe(true);
      const [y, m, d] = result.data.split("/").map(Number) as [number, number, number];
      expect(notFuture(y, m, d)).toBe(true);
      expect(today.jy - y).toBeLessThanOrEqual(130);
    });
  });

  const typedDate = (y: string, m: string, d: string) =>
    fc
      .tuple(fc.constantFrom("/", "-"), fc.boolean(), fc.constantFrom("", " ", "\u200F", "\u200E", "\u200C"), fc.constantFrom("", " ", "\u200F"))
      .chain(([sep, pad, before, after]) => {
        const p = (s: string) => (pad ? s.padStart(2, "0") : String(Number(s)));
        return typedDigits(y, { separators: [] }).chain((ty) =>
          typedDigits(p(m), { separators: [] }).chain((tm) => typedDigits(p(d), { separators: [] }).map((td) => `${before}${ty}${sep}${tm}${sep}${td}${after}`)),
        );
      });

  it("accepts every real date of the last 129 years, in any digits, padded or not, with either separator", () => {
    const date = fc
      .tuple(fc.integer({ min: today.jy - 129, max: today.jy - 1 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .filter(([y, m, d]) => oracleJalaliDate(y, m, d));
    fuzz(
      "zBirthDate",
      date.chain(([y, m, d]) => typedDate(String(y), String(m), String(d)).map((typed) => ({ typed, stored: `${y}/${String(m).padStart(2, "0")}/${String(d).padStart(2, "0")}` }))),
      ({ typed, stored }) => {
        expect(zBirthDate.parse(typed)).toBe(stored);
      },
    );
  });

  it("accepts a typed four-digit-year date exactly when it is real, not in the future and at most 130 years ago", () => {
    const year = fc.oneof(fc.integer({ min: today.jy - 140, max: today.jy + 2 }), fc.integer({ min: 0, max: 9999 }));
    fuzz(
      "zBirthDate",
      fc.tuple(year, fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 })).chain(([y, m, d]) =>
        typedDate(String(y).padStart(4, "0"), String(m), String(d)).map((typed) => ({ y, m, d, typed })),
      ),
      ({ y, m, d, typed }) => {
        const expected = oracleJalaliDate(y, m, d) && notFuture(y, m, d) && today.jy - y <= 130;
        expect(zBirthDate.safeParse(typed).success).toBe(expected);
      },
    );
  });
});

describe("zOptionalEmail", () => {
  it("never throws and yields either nothing or a trimmed, lower-case address", () => {
    fuzz("zOptionalEmail", fc.oneof(anyValue, fc.emailAddress(), fc.emailAddress().chain(randomCase)), (input) => {
      const result = zOptionalEmail.safeParse(input);
      if (!result.success || result.data === "") return;
      const email = result.data;
      expect(email).toBe(email.toLowerCase());
      expect(email).toMatch(/^[\x21-\x7e]+$/); // printable ASCII, no spaces
      expect(email.split("@")).toHaveLength(2);
      const [local, domain] = email.split("@") as [string, string];
      expect(local.length).toBeGreaterThan(0);
      expect(domain).toMatch(/^([a-z0-9-]+\.)+[a-z]{2,}$/);
    });
  });

  it("accepts every ordinary address in any case and spacing, stored in lower case", () => {
    const label = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 1, maxLength: 10 });
    const address = fc
      .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 1, maxLength: 3 }), fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), minLength: 2, maxLength: 6 }))
      .map(([local, domain, tld]) => `${local.join(".")}@${domain.join(".")}.${tld}`);
    fuzz(
      "zOptionalEmail",
      address.chain((clean) => fc.tuple(randomCase(clean), fc.constantFrom("", " ", "\t", "\n "), fc.constantFrom("", " ", "\u00A0")).map(([typed, a, b]) => ({ clean, typed: a + typed + b }))),
      ({ clean, typed }) => {
        expect(zOptionalEmail.parse(typed)).toBe(clean);
      },
    );
  });

  it("reads blank input as no address", () => {
    fuzz("zOptionalEmail", fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "\u00A0", "\u2009", "\uFEFF") }), (blank) => {
      expect(zOptionalEmail.parse(blank)).toBe("");
    });
  });
});

describe("zOneTimeCode", () => {
  it("never throws and yields six ASCII digits", () => {
    fuzz("zOneTimeCode", anyValue, (input) => {
      const result = zOneTimeCode.safeParse(input);
      if (result.success) expect(result.data).toMatch(/^[0-9]{6}$/);
    });
  });

  it("accepts typed digits exactly when there are six of them", () => {
    fuzz("zOneTimeCode", fc.oneof(typedDigitString(0, 9), digitString(6, 6).map((ascii) => ({ ascii, typed: Array.from(ascii, (d) => PERSIAN_DIGITS[Number(d)]).join(" ") }))), ({ ascii, typed }) => {
      const result = zOneTimeCode.safeParse(typed);
      expect(result.success).toBe(ascii.length === 6);
      if (result.success) expect(result.data).toBe(ascii);
    });
  });
});
