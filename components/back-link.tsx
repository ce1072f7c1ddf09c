import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The link back up, at the top of a page: an arrow pointing the way back in a
 * right-to-left page (hidden from screen readers, which read only where it
 * leads), as tall as a finger needs (44 px).
 */
export function BackLink({ href, prefetch, children }: { href: string; prefetch?: boolean; children: ReactNode }) {
  return (
    <Link href={href} prefetch={prefetch} className="inline-flex min-h-11 items-center">
      <span aria-hidden="true">→&nbsp;</span>
      {children}
    </Link>
  );
}
