"use client";

import { Badge } from "@/components/requests/badge";
import { DeadlinePhrase, type DeadlineWords } from "@/components/requests/deadline-phrase";
import type { TRequestStatus } from "@/lib/domain/requests";

/** A queue row in words, made on the server by `queueRowWords` (components/staff/queue-table.tsx). */
export type QueueRowWords = {
  id: string;
  trackingCode: string;
  kind: string;
  subject: string | null;
  duplicate: boolean;
  applicant: string;
  applicantLine: string;
  status: TRequestStatus;
  statusLabel: string;
  deadline: DeadlineWords | null;
  overdue: boolean;
  /** The officer's name, or null when nobody has it; `mine` when it is the reader. */
  assignee: string | null;
  mine: boolean;
};

/**
 * The queue's rows. A client component so that the server renders each row
 * once, to HTML, and the page's RSC payload carries only these words instead of
 * every element of every row a second time (docs/decisions/024).
 */
export function QueueRows({ rows }: { rows: QueueRowWords[] }) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id} className={row.overdue ? "overdue" : undefined}>
          <td>
            {/* A plain link, not next/link: one per row costs the phone hydration and prefetching (docs/decisions/009). */}
            <a href={`/staff/requests/${row.id}`} dir="ltr">
              {row.trackingCode}
            </a>
          </td>
          {/* Text, not wrapping elements, wherever a line can be plain: every element is paid for on every row (docs/decisions/010). */}
          <td>
            {row.kind}
            {row.subject ? <small>{row.subject}</small> : null}
            {row.duplicate ? <strong className="text-danger">پرونده تکراری</strong> : null}
          </td>
          <td>
            {row.applicant}
            <small>{row.applicantLine}</small>
          </td>
          <td>
            <Badge status={row.status} label={row.statusLabel} />
          </td>
          <td>
            <DeadlinePhrase words={row.deadline} />
          </td>
          <td>{row.mine ? <strong>خودم</strong> : (row.assignee ?? <span className="text-muted">بدون کارشناس</span>)}</td>
        </tr>
      ))}
    </tbody>
  );
}
