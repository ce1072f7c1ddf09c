import type { DeadlineWords } from "./deadline-text";

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
