import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { DefinitionList } from "@/components/definition-list";
import { documentLabel } from "@/lib/dependents/documents";
import { DeadlineText, PausedDeadlineText } from "@/components/requests/deadline-text";
import { DOMAIN_LABEL, KIND_LABEL, REASON_LABEL } from "@/components/requests/labels";
import { ResubmitForm } from "@/components/requests/resubmit-form";
import { RequestHistory } from "@/components/requests/request-history";
import { StatusBadge } from "@/components/requests/status-badge";
import { REQUEST_KINDS, type KindSpec } from "@/lib/domain/request-kinds";
import { isAppError } from "@/lib/errors";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { recordMandateUse } from "@/lib/server/mandates/record-mandate-use";
import { getDb } from "@/lib/server/db/prisma";
import { getMyRequest } from "@/lib/server/requests/get-my-request";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, formatTehranDateTime, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { resubmitAction } from "./actions";

export const metadata: Metadata = { title: "جزئیات درخواست" };

export default async function MyRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ filed?: string; resubmitted?: string }>;
}) {
  const { owner, helper } = await requireCitizenFile("VIEW");
  const { id } = await params;
  const request = await getMyRequest({ db: await getDb(), citizenId: owner.accountId, requestId: id }).catch((error: unknown) => {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  });
  await recordMandateUse(await getDb(), helper, "VIEW_REQUEST", id);
  const { filed, resubmitted } = await searchParams;
  const returned = request.status === "RETURNED" ? request.events.findLast((e) => e.type === "RETURNED") : undefined;
  const answers = request.events.filter((e) => e.type === "ANSWERED" && e.note);
  const rejection = request.status === "REJECTED" ? request.events.findLast((e) => e.type === "REJECTED") : undefined;
  const approval = request.status === "APPROVED" ? request.events.findLast((e) => e.type === "APPROVED") : undefined;
  const approvedNotice: KindSpec["approvedNotice"] = REQUEST_KINDS[request.kind].approvedNotice;
  return (
    <div className="max-w-3xl space-y-8">
      <BackLink href="/account/requests">درخواست‌های من</BackLink>
      {filed ? (
        <div className="space-y-2 bg-success p-6 text-white" role="status">
          <p className="text-2xl font-bold">درخواست شما ثبت شد</p>
          <p className="text-lg">
            کد رهگیری: <strong dir="ltr">{formatTrackingCode(request.trackingCode)}</strong>
          </p>
          <p>کد رهگیری و موعد پاسخ برایتان پیامک شد. پاسخ کارشناس در همین صفحه نمایش داده می‌شود.</p>
        </div>
      ) : null}
      {resubmitted ? (
        <p role="status" className="border-s-4 border-success bg-brand-50 p-4 font-bold">
          مدارک شما دریافت شد و بررسی درخواست ادامه می‌یابد.
        </p>
      ) : null}
      <div className="space-y-2">
        <h1>{request.subject ?? KIND_LABEL[request.kind]}</h1>
        <StatusBadge status={request.status} />
      </div>
      {returned ? (
        <section aria-labelledby="todo" className="space-y-2 border-s-4 border-danger bg-brand-50 p-4">
          <h2 id="todo">کاری که باید انجام دهید</h2>
          <p>{returned.note ?? "کارشناس مدارک بیشتری خواسته است."}</p>
          <p className="text-muted">تا زمانی که مدارک را نفرستید، زمان پاسخ‌گویی متوقف است.</p>
          <ResubmitForm action={resubmitAction.bind(null, request.id)} />
        </section>
      ) : null}
      {rejection ? (
        <section aria-labelledby="rejected" className="space-y-2 border-s-4 border-ink bg-brand-50 p-4">
          <h2 id="rejected">دلیل رد درخواست</h2>
          {rejection.reasonCode && REASON_LABEL[rejection.reasonCode] ? <p className="font-bold">{REASON_LABEL[rejection.reasonCode]}</p> : null}
          {rejection.note ? <p className="whitespace-pre-line">{rejection.note}</p> : null}
          <p className="text-muted">اگر با این تصمیم موافق نیستید، می‌توانید با مدارک تازه درخواست دیگری ثبت کنید یا به شعبه مراجعه کنید.</p>
        </section>
      ) : null}
      {approval ? (
        <section aria-labelledby="approved" className="space-y-2 border-s-4 border-success bg-brand-50 p-4">
          <h2 id="approved">درخواست شما تأیید شد</h2>
          {approvedNotice ? (
            <p>
              {approvedNotice.before}
              <Link href={approvedNotice.link.href}>{approvedNotice.link.text}</Link>
              {approvedNotice.after}
            </p>
          ) : null}
          {approval.note ? <p className="whitespace-pre-line">{approval.note}</p> : null}
        </section>
      ) : null}
      <DefinitionList
        items={[
          { label: "کد رهگیری", value: <span dir="ltr">{formatTrackingCode(request.trackingCode)}</span> },
          { label: "نوع", value: `${KIND_LABEL[request.kind]}${request.domain ? ` (${DOMAIN_LABEL[request.domain]})` : ""}` },
          { label: "تاریخ ثبت", value: formatJalaliForDisplay(gregorianToJalali(request.createdAt)) },
          ...(request.filedAtBranch
            ? [
                {
                  label: "ثبت حضوری",
                  value: `در ${request.filedAtBranch.branchName ?? "شعبه"} توسط ${request.filedAtBranch.staffName}، ${formatTehranDateTime(request.filedAtBranch.at)}`,
                },
              ]
            : []),
          {
            label: "موعد پاسخ",
            value: request.paused ? (
              <PausedDeadlineText since={request.paused.since} workingDaysLeft={request.paused.workingDaysLeft} reader="applicant" />
            ) : (
              <DeadlineText dueAt={request.dueAt} workingDaysLeft={request.workingDaysLeft} />
            ),
          },
          { label: "شعبه", value: request.branchName ?? "—" },
        ]}
      />
      <p>
        <Link href={`/account/requests/${request.id}/receipt`}>رسید قابل چاپ</Link>
      </p>
      {request.body ? (
        <section aria-labelledby="text" className="space-y-2">
          <h2 id="text">متن درخواست</h2>
          <p className="whitespace-pre-line rounded border border-brand-100 p-4">{request.body}</p>
        </section>
      ) : null}
      {answers.length > 0 ? (
        <section aria-labelledby="answers" className="space-y-3">
          <h2 id="answers">پاسخ کارشناس</h2>
          {answers.map((answer) => (
            <div key={answer.id} className="rounded border-2 border-success p-4">
              <p className="whitespace-pre-line">{answer.note}</p>
              <p className="mt-2 text-sm text-muted">{formatTehranDateTime(answer.at)}</p>
            </div>
          ))}
        </section>
      ) : null}
      {request.documents.length > 0 ? (
        <section aria-labelledby="docs" className="space-y-2">
          <h2 id="docs">مدارک</h2>
          <ul className="space-y-1">
            {request.documents.map((doc) => (
              <li key={doc.id}>
                <a href={`/account/requests/${request.id}/documents/${doc.id}`}>{documentLabel(doc.kind)}</a>{" "}
                <span className="text-sm text-muted">
                  (فایل <bdi>{doc.fileName}</bdi>، {toPersianDigits(Math.max(1, Math.round(doc.sizeBytes / 1024)))} کیلوبایت)
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RequestHistory
        entries={request.events.map(({ id, type, at, reasonCode, previousDueAt, newDueAt, helperName }) => ({
          id,
          type,
          at,
          reasonCode,
          previousDueAt,
          newDueAt,
          by: helperName ? `انجام‌شده توسط ${helperName}، به نمایندگی` : undefined,
        }))}
      />
    </div>
  );
}
