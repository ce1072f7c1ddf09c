import { BackLink } from "@/components/back-link";
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
        <BackLink href={backHref} prefetch={false}>بازگشت</BackLink>
      ) : null}
      <p className="text-muted">
        ثبت‌نام، مرحله {toPersianDigits(step)} از {toPersianDigits(of)}
      </p>
      <h1>{title}</h1>
    </div>
  );
}
