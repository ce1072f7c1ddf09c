import { describe, expect, it } from "vitest";
import { pageTarget } from "./http-setup";

const names = { cookies: { citizen: "session=c", staff: "session=s" }, baseline: "/bench/baseline/b1", staffRequest: "/staff/requests/r1" };

describe("pageTarget (the pages named to bench:profile and bench:compare)", () => {
  it("sends the named account's cookie with a path", () => {
    expect(pageTarget("/account/requests@citizen", names)).toEqual({ pathname: "/account/requests", who: "citizen", headers: { cookie: "session=c" } });
    expect(pageTarget("/", names)).toEqual({ pathname: "/", who: undefined, headers: {} });
  });

  it("knows the baseline and the benchmark's staff request page by name", () => {
    expect(pageTarget("baseline", names).pathname).toBe("/bench/baseline/b1");
    expect(pageTarget("staff-request@staff", names)).toEqual({ pathname: "/staff/requests/r1", who: "staff", headers: { cookie: "session=s" } });
  });

  it("files the question form for question-post, where the caller built its body", () => {
    const questionPost = () => ({ body: "b", contentType: "multipart/form-data; boundary=x" });
    expect(pageTarget("question-post@submitter", { ...names, cookies: { submitter: "session=q" }, questionPost })).toEqual({
      pathname: "/account/requests/new",
      who: "submitter",
      headers: { cookie: "session=q" },
      post: questionPost,
      expectStatus: 303,
    });
    expect(() => pageTarget("question-post@citizen", names)).toThrow("bench:profile only");
    expect(() => pageTarget("question-post", names)).toThrow("question-post@submitter");
  });

  it("refuses an account it has not signed in", () => {
    expect(() => pageTarget("/staff@officer", names)).toThrow("unknown user officer");
  });
});
