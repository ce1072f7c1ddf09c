// Reading PostgreSQL's EXPLAIN (FORMAT JSON) output.

type PlanNode = { "Node Type"?: string; "Relation Name"?: string; Plans?: PlanNode[] };

/** Tables the plan reads with a sequential scan (each once). */
export function sequentialScans(explain: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: PlanNode | undefined) => {
    if (!node || typeof node !== "object") return;
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) found.add(node["Relation Name"]);
    for (const child of node.Plans ?? []) visit(child);
  };
  const roots = Array.isArray(explain) ? explain : [explain];
  for (const root of roots as { Plan?: PlanNode }[]) visit(root?.Plan);
  return [...found];
}
