import Link from "next/link";
import { toPersianDigits } from "@/lib/utils/digits";

/** The back link, "step n of 5" caption and the page's one heading. */
export function StepHeading({
  step,
  of = 5,
  title,
  backHref,
}: {
  step: number;
  of?: number;
  title: string;
  backHref?: string;
}) {
  return (
    <div className="space-y-3">
      {backHref ? (
        <Link href={backHref} prefetch={false} className="inline-flex min-h-11 items-center">
          <span aria-hidden="true">→&nbsp;</span>بازگشت
        </Link>
      ) : null}
      <p className="text-muted">
        ثبت‌نام، مرحله {toPersianDigits(step)} از {toPersianDigits(of)}
      </p>
      <h1>{title}</h1>
    </div>
  );
}
