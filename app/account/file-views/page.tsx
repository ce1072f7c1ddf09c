import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/back-link";
import { KeysetPager } from "@/components/keyset-pager";
import type { MandateUseKind } from "@/lib/generated/prisma/enums";
import { listMandateUses } from "@/lib/server/mandates/list-mandate-uses";
import { requireOwnAccount } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { listFileViews, type FileView } from "@/lib/server/review/list-file-views";
import { formatTehranDateTime } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";

export const metadata: Metadata = { title: "چه کسانی پرونده من را دیده‌اند" };

const ACTION_LABEL: Record<FileView["action"], string> = {
  VIEW_REQUEST: "پرونده درخواست را دید",
  VIEW_DOCUMENT: "مدرک را دید",
  CLAIM: "بررسی درخواست را بر عهده گرفت",
  ASSIGN: "درخواست را به کارشناس دیگری واگذار کرد",
  APPROVE: "درخواست را تأیید کرد",
  REJECT: "درخواست را رد کرد",
  RETURN: "درخواست را برای تکمیل مدارک برگشت داد",
  ANSWER: "به پرسش پاسخ داد",
  FILE_ON_BEHALF: "درخواست را به‌صورت حضوری از طرف شما ثبت کرد",
  RETRY_SMS: "پیامکی را که به شما نرسیده بود دوباره فرستاد",
  RETRY_EMAIL: "ایمیلی را که به شما نرسیده بود دوباره فرستاد",
  RECORD_MANDATE: "نمایندگی را در شعبه ثبت کرد",
  MARK_VISIT: "حضور یا غیبت شما را در نوبت مراجعه به شعبه ثبت کرد",
  // Actions on staff accounts: never about a citizen's file, listed for completeness.
  ENROL_SECOND_FACTOR: "ورود دومرحله‌ای خود را فعال کرد",
  RESET_SECOND_FACTOR: "ورود دومرحله‌ای یک کارمند را بازنشانی کرد",
  USE_RECOVERY_CODE: "با کد بازیابی وارد شد",
  UNLOCK_STAFF: "قفل حساب یک کارمند را باز کرد",
  EXPORT_QUEUE: "فهرست درخواست‌ها را دریافت کرد",
  SET_VISIT_CAPACITY: "ظرفیت نوبت‌های مراجعه شعبه را تعیین کرد",
};

const ROLE_LABEL = { OFFICER: "کارشناس", BRANCH_HEAD: "رئیس", ADMIN: "مدیر سامانه" } as const;

const PAGE = "/account/file-views";

const MANDATE_USE_LABEL: Record<MandateUseKind, string> = {
  VIEW_REQUESTS: "فهرست درخواست‌ها را دید",
  VIEW_REQUEST: "درخواست را دید",
  VIEW_DEPENDENTS: "فهرست افراد تحت تکفل را دید",
  VIEW_MESSAGES: "پیام‌ها را دید",
  FILE_QUESTION: "پرسش ثبت کرد",
  ENROL_DEPENDENT: "درخواست نام‌نویسی فرد تحت تکفل ثبت کرد",
  RESUBMIT: "مدارک درخواست را فرستاد",
  VIEW_VISITS: "نوبت مراجعه به شعبه را دید",
  BOOK_VISIT: "نوبت مراجعه به شعبه رزرو کرد",
  MOVE_VISIT: "نوبت مراجعه به شعبه را جابه‌جا کرد",
  CANCEL_VISIT: "نوبت مراجعه به شعبه را لغو کرد",
};

export default async function FileViewsPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const user = await requireOwnAccount();
  const { after: rawAfter } = await searchParams;
  const after = typeof rawAfter === "string" ? rawAfter : undefined;
  const db = await getDb();
  const { views, nextCursor } = await listFileViews({ db, citizenId: user.accountId, after });
  const uses = after ? [] : await listMandateUses({ db, principalId: user.accountId });
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/account">خدمات من</BackLink>
      <h1>چه کسانی پرونده من را دیده‌اند</h1>
      <p>
        هر بار که یکی از کارکنان سازمان پرونده یا مدارک شما را باز می‌کند یا درباره درخواستتان تصمیم می‌گیرد، نام او و زمان آن ثبت می‌شود و این
        سابقه قابل تغییر یا پاک کردن نیست. اگر موردی به نظرتان نادرست است، با شعبه یا سامانه ۱۴۲۰ تماس بگیرید.
      </p>
      {uses.length > 0 ? (
        <section aria-labelledby="helpers-heading" className="space-y-3">
          <h2 id="helpers-heading">کارهایی که نمایندگان شما انجام داده‌اند</h2>
          <p>
            تازه‌ترین کارهای نمایندگان شما با پرونده‌تان. برای لغو نمایندگی به بخش <Link href="/account/mandates">نمایندگی</Link> بروید.
          </p>
          <ol className="space-y-3" aria-label="کارهای نمایندگان">
            {uses.map((use) => (
              <li key={use.id} className="rounded border border-brand-100 p-4">
                <p className="font-bold">{use.helperName} (نماینده شما)</p>
                <p>
                  {MANDATE_USE_LABEL[use.kind]}
                  {use.trackingCode ? (
                    <>
                      {" "}
                      (درخواست <span dir="ltr">{formatTrackingCode(use.trackingCode)}</span>)
                    </>
                  ) : null}
                </p>
                <p className="text-sm text-muted">{formatTehranDateTime(use.at)}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {uses.length > 0 ? <h2>کارکنان سازمان</h2> : null}
      {views.length === 0 ? (
        <p className="rounded border border-brand-100 p-4">تاکنون هیچ‌یک از کارکنان پرونده شما را ندیده است.</p>
      ) : (
        <ol className="space-y-3" aria-label="سابقه مشاهده پرونده">
          {views.map((view) => (
            <li key={view.id} className="rounded border border-brand-100 p-4">
              <p className="font-bold">
                {view.staffName} ({ROLE_LABEL[view.staffRole]}
                {view.branchName ? ` ${view.branchName}` : ""})
              </p>
              <p>
                {ACTION_LABEL[view.action]}
                {view.documentName ? `: ${view.documentName}` : ""}
                {view.trackingCode ? (
                  <>
                    {" "}
                    (درخواست <span dir="ltr">{formatTrackingCode(view.trackingCode)}</span>)
                  </>
                ) : null}
              </p>
              <p className="text-sm text-muted">{formatTehranDateTime(view.at)}</p>
            </li>
          ))}
        </ol>
      )}
      <KeysetPager page={PAGE} after={after} nextCursor={nextCursor} newest="تازه‌ترین موارد" older="موارد قدیمی‌تر" />
    </div>
  );
}
