import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isBaselineEnabled, readBaselineRow } from "@/bench/baseline/read-baseline-row";
import { isUuid } from "@/lib/utils/uuid";

export const metadata: Metadata = { title: "Benchmark baseline", robots: { index: false } };

// The benchmark's yardstick (bench/README.md): a dynamic page that reads one row
// by primary key with `pg`. A 404 unless the server started with BENCH_BASELINE=1.
export default async function BenchBaselinePage({ params }: { params: Promise<{ id: string }> }) {
  if (!isBaselineEnabled()) notFound();
  const { id } = await params;
  const row = isUuid(id) ? await readBaselineRow(id) : null;
  if (!row) notFound();
  return (
    <p>
      {row.code} {row.name}
    </p>
  );
}
