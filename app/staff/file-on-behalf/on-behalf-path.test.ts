import { describe, expect, it } from "vitest";
import { onBehalfPath, onBehalfPerson } from "./on-behalf-path";

describe("the address of «ثبت حضوری» for one person", () => {
  it("carries the birth date, and a walk-in's mobile, and reads them back", () => {
    const walkIn = { nationalId: "2153119839", birthDate: "1375/08/01", mobile: "09196406037" };
    expect(onBehalfPath(walkIn)).toBe("/staff/file-on-behalf/2153119839?born=13750801&mobile=09196406037");
    expect(onBehalfPerson("2153119839", { born: "13750801", mobile: "09196406037" })).toEqual(walkIn);
    expect(onBehalfPath({ ...walkIn, mobile: null })).toBe("/staff/file-on-behalf/2153119839?born=13750801");
    expect(onBehalfPerson("2153119839", { born: "13750801" })).toEqual({ ...walkIn, mobile: null });
  });

  it("is not a person without a birth date, or with anything it does not write", () => {
    expect(onBehalfPerson("2153119839", {})).toBeNull();
    expect(onBehalfPerson("2153119839", { born: "1375/08/01" })).toBeNull();
    expect(onBehalfPerson("2153119839", { born: ["13750801", "13750802"] })).toBeNull();
    expect(onBehalfPerson("2153119839", { born: "13750801", mobile: "0919" })).toBeNull();
    expect(onBehalfPerson("21531198", { born: "13750801" })).toBeNull();
  });
});
