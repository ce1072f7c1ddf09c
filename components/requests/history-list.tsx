"use client";

/** One event of a request's history in words, made by `historyWords` (request-history.tsx). */
export type HistoryItemWords = {
  id: string;
  title: string;
  /** When, in Tehran, and for staff who did it: «۱۰ آذر ۱۴۰۵، ساعت ۱۰:۰۰ · متقاضی». */
  when: string;
  reason: string | null;
  /** For a due date moved by a change of the calendar: «از … به …». */
  moved: string | null;
  note: string | null;
};

/**
 * «سابقه درخواست»: a request's events, oldest first. A client component fed
 * with its words, so that the server renders the list once, to HTML, and the
 * page's RSC payload carries only the words (docs/decisions/024).
 */
export function HistoryList({ items }: { items: HistoryItemWords[] }) {
  return (
    <section aria-labelledby="history" className="space-y-3">
      <h2 id="history">سابقه درخواست</h2>
      <ol className="history">
        {items.map((item) => (
          <li key={item.id}>
            <p>{item.title}</p>
            <p>{item.when}</p>
            {item.reason ? <p>{item.reason}</p> : null}
            {item.moved ? <p>{item.moved}</p> : null}
            {item.note ? <p className="whitespace-pre-line">{item.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
