import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidNationalId, makeNationalId, maskNationalId, nationalIdCheckDigit } from "./national-id";

// Worked by hand so that the implementation is not checked against itself:
//   001234567: 0·10+0·9+1·8+2·7+3·6+4·5+5·4+6·3+7·2 = 112, 112 % 11 = 2  → check 11-2 = 9
//   123456789: 10+18+24+28+30+30+28+24+18          = 210, 210 % 11 = 1  → check 1
//   987654321: 90+72+56+42+30+20+12+6+2             = 330, 330 % 11 = 0  → check 0
//   000000001: 1·2                                  = 2,   2 % 11 = 2    → check 9
//   123456788: 210 - 2                              = 208, 208 % 11 = 10 → check 1
const HAND_COMPUTED = ["0012345679", "1234567891", "9876543210", "0000000019", "1234567881"];

const nineDigits = fc.string({ unit: fc.constantFrom(..."0123456789".split("")), minLength: 9, maxLength: 9 });
const nineDigitsNotAllSame = nineDigits.filter((s) => !/^(\d)\1*$/.test(s));
const validId = nineDigitsNotAllSame.map(makeNationalId);

function remainder(id: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(id.charAt(i)) * (10 - i);
  return sum % 11;
}

describe("isValidNationalId", () => {
  it("accepts hand-computed valid codes, including leading zeros", () => {
    for (const id of HAND_COMPUTED) expect(isValidNationalId(id), id).toBe(true);
  });

  it("rejects a wrong check digit", () => {
    expect(isValidNationalId("0012345678")).toBe(false);
    expect(isValidNationalId("1234567890")).toBe(false);
    expect(isValidNationalId("9876543211")).toBe(false);
  });

  it("rejects all ten same-digit codes, although each passes the checksum", () => {
    for (let d = 0; d <= 9; d++) {
      const id = String(d).repeat(10);
      const check = Number(id.charAt(9));
      const r = remainder(id);
      expect((r < 2 && check === r) || (r >= 2 && check === 11 - r), `checksum of ${id}`).toBe(true);
      expect(isValidNationalId(id), id).toBe(false);
    }
  });

  it("rejects wrong length and anything but ASCII digits (input must be normalised first)", () => {
    for (const raw of ["", "001234567", "00123456790", "۰۰۱۲۳۴۵۶۷۹", "001-234567-9", " 0012345679", "0012345679\n", "00123x5679"]) {
      expect(isValidNationalId(raw), JSON.stringify(raw)).toBe(false);
    }
  });
});

describe("nationalIdCheckDigit and makeNationalId", () => {
  it("compute the hand-worked check digits", () => {
    for (const id of HAND_COMPUTED) {
      expect(nationalIdCheckDigit(id.slice(0, 9))).toBe(Number(id.charAt(9)));
      expect(makeNationalId(id.slice(0, 9))).toBe(id);
    }
  });

  it("throw on malformed input", () => {
    expect(() => nationalIdCheckDigit("12345678")).toThrow(RangeError);
    expect(() => nationalIdCheckDigit("۱۲۳۴۵۶۷۸۹")).toThrow(RangeError);
    expect(() => makeNationalId("1234567890")).toThrow(RangeError);
  });

  it("refuse nine equal digits", () => {
    for (let d = 0; d <= 9; d++) expect(() => makeNationalId(String(d).repeat(9))).toThrow(RangeError);
  });

  it("makeNationalId of any nine digits (not all the same) is valid", () => {
    fc.assert(
      fc.property(nineDigitsNotAllSame, (first9) => {
        const id = makeNationalId(first9);
        expect(id.startsWith(first9)).toBe(true);
        expect(isValidNationalId(id)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("exactly one check digit completes nine digits to a valid code", () => {
    fc.assert(
      fc.property(nineDigitsNotAllSame, (first9) => {
        const valid = [..."0123456789"].filter((c) => isValidNationalId(first9 + c));
        expect(valid).toEqual([String(nationalIdCheckDigit(first9))]);
      }),
      { numRuns: 2000 },
    );
  });
});

// The claim "changing any one digit of a valid code makes it invalid" is
// almost true, but not quite: remainders 1 and 10 both give check digit 1, so
// when the check digit is 1 a change that moves the remainder from 1 to 10 (or
// back) keeps the code valid. What does hold is tested below.
describe("single-digit changes", () => {
  function mutations(id: string): { position: number; mutated: string }[] {
    const out: { position: number; mutated: string }[] = [];
    for (let position = 0; position < 10; position++) {
      for (const c of "0123456789") {
        if (c !== id.charAt(position)) {
          out.push({ position, mutated: id.slice(0, position) + c + id.slice(position + 1) });
        }
      }
    }
    return out;
  }

  it("counterexample: 1234567891 and 1234567881 are both valid", () => {
    expect(isValidNationalId("1234567891")).toBe(true);
    expect(isValidNationalId("1234567881")).toBe(true);
  });

  it("a valid code whose check digit is not 1 becomes invalid under any single-digit change", () => {
    fc.assert(
      fc.property(
        validId.filter((id) => !id.endsWith("1")),
        (id) => {
          for (const { mutated } of mutations(id)) expect(isValidNationalId(mutated), mutated).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("any single-digit change that keeps a code valid is in the first nine digits and swaps remainder 1 for 10", () => {
    let survivors = 0;
    fc.assert(
      fc.property(validId, (id) => {
        for (const { position, mutated } of mutations(id)) {
          if (!isValidNationalId(mutated)) continue;
          survivors++;
          expect(position).toBeLessThan(9);
          expect(id.charAt(9)).toBe("1");
          expect(new Set([remainder(id), remainder(mutated)])).toEqual(new Set([1, 10]));
        }
      }),
      { numRuns: 3000 },
    );
    // Guards against the property passing vacuously.
    expect(survivors).toBeGreaterThan(0);
  });

  it("changing the check digit alone always invalidates the code", () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 1, max: 9 }), (id, delta) => {
        const changed = id.slice(0, 9) + String((Number(id.charAt(9)) + delta) % 10);
        expect(isValidNationalId(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("maskNationalId", () => {
  it("shows only the last four digits of a well-formed code", () => {
    expect(maskNationalId("0012345679")).toBe("******5679");
  });

  it("masks malformed values completely", () => {
    expect(maskNationalId("12345")).toBe("*****");
    expect(maskNationalId("")).toBe("");
    expect(maskNationalId("۰۰۱۲۳۴۵۶۷۹")).toBe("**********");
    expect(maskNationalId("9".repeat(40))).toBe("*".repeat(16));
  });
});
