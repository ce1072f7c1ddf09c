import { Fragment } from "react";

// A tracking code as the messages write it: Persian digits in groups of 4-3-3.
const TRACKING_CODE = /[۰-۹]{4}-[۰-۹]{3}-[۰-۹]{3}/g;

/**
 * The text of a message, with each tracking code kept left to right. In a
 * right-to-left paragraph, Persian digits after Persian letters are Arabic numbers
 * to the bidi algorithm, and hyphens do not join them: «۸۲۷۷-۷۲۰-۸۷۷» would show its
 * groups in reverse order. The receipt does the same with its own `dir="ltr"`.
 */
export function MessageText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TRACKING_CODE)) {
    parts.push(text.slice(last, match.index));
    parts.push(
      <bdi key={match.index} dir="ltr">
        {match[0]}
      </bdi>,
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}
