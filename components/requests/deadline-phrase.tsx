/** A running deadline in words, made by `describeDeadline` (deadline-text.tsx). */
export type DeadlineWords = { date: string; note: string; tone: "open" | "today" | "overdue" };

/** A stopped deadline in words, made by `describePause` (deadline-text.tsx). */
export type PausedWords = { since: string; after: string };

/**
 * A deadline's words (`describeDeadline`) as one phrase for a row of a long
 * list: plain text, with no element of its own unless the deadline is today or
 * past, which are emphasised. Every element of a row is paid for on every row
 * (docs/decisions/010). It takes the words, not the dates, so that the lists'
 * client rows can use it without the calendar code (docs/decisions/024).
 */
export function DeadlinePhrase({ words }: { words: DeadlineWords | null }) {
  if (!words) return "—";
  const phrase = `${words.date} ${words.note}`;
  if (words.tone === "open") return phrase;
  return <strong className={words.tone === "overdue" ? "text-danger" : undefined}>{phrase}</strong>;
}

/**
 * A deadline's words set out for a request's own page: the date, and the note
 * set apart (muted while the deadline is ahead, emphasised when it is today or
 * past). `DeadlineText` finds the words; client components take them as they are.
 */
export function DeadlineSpan({ words }: { words: DeadlineWords | null }) {
  if (!words) return <span className="text-muted">—</span>;
  if (words.tone === "open") {
    return (
      <span>
        {`${words.date} `}
        <span className="text-muted">{words.note}</span>
      </span>
    );
  }
  return (
    <span>
      {`${words.date} `}
      <strong className={words.tone === "overdue" ? "text-danger" : undefined}>{words.note}</strong>
    </span>
  );
}

/** A stopped deadline (`describePause`): «متوقف شده», since when, and what will be left. */
export function PausedSpan({ words }: { words: PausedWords }) {
  return (
    <span>
      <strong>متوقف شده</strong>
      {words.since}
      <span className="text-muted">{words.after}</span>
    </span>
  );
}
