// Fuzzing of isUuid against a shape oracle: any string, UUIDs of every version
// in any case, and near misses (extra characters, line breaks, wrong groups).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyString, fuzz, oracleUuidShape, fuzzFile, randomCase } from "@/tests/support/fuzz";
import { isUuid } from "./uuid";

fuzzFile("lib/utils/uuid.ts");

describe("isUuid", () => {
  it("agrees with the oracle on any string and near misses", () => {
    const uuid = fc.uuid().chain(randomCase);
    const nearMiss = fc.tuple(uuid, fc.nat(36), fc.constantFrom("", "0", "g", "-", "\n", " ", "\u0660")).map(([u, i, c]) => u.slice(0, i) + c + u.slice(i + 1));
    fuzz("isUuid", fc.oneof(anyString, nearMiss, uuid.map((u) => `${u}\n`), uuid.map((u) => u.replace(/-/g, ""))), (s) => {
      expect(isUuid(s)).toBe(oracleUuidShape(s));
    });
  });

  it("accepts every UUID, whatever its version and case", () => {
    fuzz("isUuid", fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] }).chain(randomCase), (u) => {
      expect(isUuid(u)).toBe(true);
    });
  });
});
