import { describe, expect, it } from "vitest";
import { RequestDomain, RequestKind } from "@/lib/generated/prisma/enums";
import { DEADLINE_CAP_WORKING_DAYS } from "@/lib/utils/working-days";
import { ALL_REQUEST_KINDS, DECISION_EVENT, decisionsFor, REQUEST_KINDS, requestKindLabel, responseWorkingDays, STAFF_REQUEST_KINDS } from "./request-kinds";

const PERSIAN = /^[\u0600-\u06FF\u200C\s()]+$/;

// The registry is a Record<RequestKind, KindSpec>, so tsc already refuses a
// kind that is missing; these check that what each entry says is usable.
describe("the request-kind registry", () => {
  it("describes every kind of the database schema, and nothing else", () => {
    expect(new Set(ALL_REQUEST_KINDS)).toEqual(new Set(Object.values(RequestKind)));
  });

  it.each(Object.values(RequestKind))("%s has a legal response time in working days, for every domain", (kind) => {
    for (const domain of [null, ...Object.values(RequestDomain)]) {
      const days = responseWorkingDays(kind, domain);
      expect(Number.isInteger(days), `${kind}/${domain}`).toBe(true);
      expect(days, `${kind}/${domain}`).toBeGreaterThan(0);
      expect(days, `${kind}/${domain}`).toBeLessThanOrEqual(DEADLINE_CAP_WORKING_DAYS);
    }
  });

  it.each(Object.values(RequestKind))("%s has a Persian label of its own", (kind) => {
    expect(requestKindLabel(kind)).toMatch(PERSIAN);
    const others = ALL_REQUEST_KINDS.filter((k) => k !== kind).map(requestKindLabel);
    expect(others).not.toContain(requestKindLabel(kind));
  });

  it.each(Object.values(RequestKind))("%s lists the decisions of whoever decides it, and tells the applicant of each", (kind) => {
    const spec = REQUEST_KINDS[kind];
    const decisions = decisionsFor(kind);
    if (spec.decidedBy === "STAFF") {
      expect(decisions.length).toBeGreaterThan(0);
      // A decision that ends the request: approve, reject or answer.
      expect(decisions.some((d) => d !== "RETURN")).toBe(true);
      // An SMS when it is filed, and after every decision staff may take.
      const notices: readonly string[] = spec.notices;
      expect(notices).toContain("SUBMITTED");
      for (const decision of decisions) expect(notices).toContain(DECISION_EVENT[decision]);
      // Returning for documents needs resubmitting to be noticed too.
      if (decisions.includes("RETURN")) expect(notices).toContain("RESUBMITTED");
    } else {
      // The system decides it as it is filed: staff have nothing to decide.
      expect(decisions).toEqual([]);
    }
    expect(new Set(decisions).size).toBe(decisions.length);
  });

  it("puts exactly the kinds staff decide in the staff lists (queue filter, dashboard, export)", () => {
    expect(STAFF_REQUEST_KINDS).toEqual(["DEPENDENT_ENROLMENT", "QUESTION"]);
    expect(STAFF_REQUEST_KINDS).toEqual(ALL_REQUEST_KINDS.filter((kind) => decisionsFor(kind).length > 0));
  });

  it("keeps the article's response times: insurance 3 working days, medical 7, enrolments 3", () => {
    expect(responseWorkingDays("QUESTION", "INSURANCE")).toBe(3);
    expect(responseWorkingDays("QUESTION", "MEDICAL")).toBe(7);
    expect(responseWorkingDays("QUESTION", null)).toBe(3);
    expect(responseWorkingDays("DEPENDENT_ENROLMENT", null)).toBe(3);
    expect(responseWorkingDays("DEPENDENT_ENROLMENT", "MEDICAL")).toBe(3);
  });

  it("links an approval notice to a page of the portal", () => {
    for (const kind of ALL_REQUEST_KINDS) {
      const notice = REQUEST_KINDS[kind].approvedNotice as { link: { href: string; text: string }; before: string } | null;
      if (!notice) continue;
      expect(notice.link.href).toMatch(/^\/account\//);
      expect(notice.link.text).toMatch(PERSIAN);
    }
  });
});
