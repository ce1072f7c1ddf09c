import { describe, expect, it } from "vitest";
import { sequentialScans } from "./plan";

describe("sequentialScans", () => {
  it("finds sequential scans anywhere in the plan tree", () => {
    const plan = [
      {
        Plan: {
          "Node Type": "Nested Loop",
          Plans: [
            { "Node Type": "Index Scan", "Relation Name": "Request" },
            { "Node Type": "Hash", Plans: [{ "Node Type": "Seq Scan", "Relation Name": "Branch" }] },
            { "Node Type": "Seq Scan", "Relation Name": "Branch" },
          ],
        },
      },
    ];
    expect(sequentialScans(plan)).toEqual(["Branch"]);
  });

  it("finds none in an index-only plan", () => {
    expect(sequentialScans([{ Plan: { "Node Type": "Index Only Scan", "Relation Name": "Coverage" } }])).toEqual([]);
  });
});
