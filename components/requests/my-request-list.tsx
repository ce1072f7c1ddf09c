"use client";

import type { TRequestStatus } from "@/lib/domain/requests";
import { Badge } from "./badge";
import { DeadlinePhrase, type DeadlineWords } from "./deadline-phrase";

/** A request of «درخواست‌های من» in words, made on the server (app/account/requests/page.tsx). */
export type MyRequestWords = {
  id: string;
  title: string;
  status: TRequestStatus;
  statusLabel: string;
  /** Its kind and the date it was filed, as one line. */
  facts: string;
  /** Null when the request has no deadline; `words` null when its deadline is stopped. */
  deadline: { words: DeadlineWords | null } | null;
  trackingCode: string;
};

/**
 * The citizen's requests as cards. A client component so that the server
 * renders each card once, to HTML, and the page's RSC payload carries only
 * these words instead of every element a second time (docs/decisions/024).
 */
export function MyRequestList({ rows }: { rows: MyRequestWords[] }) {
  return (
    <ul className="card-list" aria-label="فهرست درخواست‌ها">
      {rows.map((row) => (
        <li key={row.id}>
          {/* A plain link, not next/link: one per row costs the phone hydration and prefetching (docs/decisions/009). */}
          <a href={`/account/requests/${row.id}`}>{row.title}</a>
          <Badge status={row.status} label={row.statusLabel} />
          {/* The facts as one line of text: every element here is paid for on every row (docs/decisions/010). */}
          <p>
            {row.facts}
            {row.deadline ? " · موعد پاسخ: " : null}
            {row.deadline ? <DeadlinePhrase words={row.deadline.words} /> : null}
            {" · کد رهگیری: "}
            <span dir="ltr">{row.trackingCode}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
