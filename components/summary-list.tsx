import Link from "next/link";

/** GOV.UK "check your answers": each answer with a link to change it. */
export function SummaryList({
  rows,
}: {
  rows: { label: string; value: React.ReactNode; changeHref: string; changeLabel: string }[];
}) {
  return (
    <dl className="divide-y divide-brand-100 border-y border-brand-100">
      {rows.map((row) => (
        <div key={row.label} className="grid gap-1 py-3 sm:grid-cols-[12rem_1fr_auto] sm:items-center sm:gap-4">
          <dt className="font-bold">{row.label}</dt>
          <dd>{row.value}</dd>
          <dd>
            <Link href={row.changeHref} prefetch={false} className="inline-flex min-h-11 items-center">
              تغییر<span className="sr-only"> {row.changeLabel}</span>
            </Link>
          </dd>
        </div>
      ))}
    </dl>
  );
}
