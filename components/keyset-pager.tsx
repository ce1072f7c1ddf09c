import Link from "next/link";

/**
 * The links under a newest-first list read a page at a time by a keyset cursor
 * (`?after=`): back to the newest page, and on to older entries. Nothing when the
 * list fits on one page.
 */
export function KeysetPager({
  page,
  after,
  nextCursor,
  newest,
  older,
}: {
  /** The list's own address, without a query. */
  page: string;
  after: string | undefined;
  nextCursor: string | null;
  /** The links' words: «تازه‌ترین …» and «… قدیمی‌تر». */
  newest: string;
  older: string;
}) {
  if (!after && !nextCursor) return null;
  return (
    <nav aria-label="صفحه‌های فهرست" className="flex flex-wrap justify-between gap-4">
      {after ? (
        <Link href={page} className="inline-flex min-h-11 items-center">
          <span aria-hidden="true">→&nbsp;</span>
          {newest}
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link href={`${page}?after=${nextCursor}`} className="inline-flex min-h-11 items-center font-bold">
          {older}
          <span aria-hidden="true">&nbsp;←</span>
        </Link>
      ) : null}
    </nav>
  );
}
