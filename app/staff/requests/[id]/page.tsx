import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { KIND_LABEL } from "@/components/requests/labels";
import { RequestHistory } from "@/components/requests/request-history";
import { StatusBadge } from "@/components/requests/status-badge";
import { AssignForm } from "@/components/staff/assign-form";
import { DecisionForms } from "@/components/staff/decision-forms";
import { DocumentViewer } from "@/components/staff/document-viewer";
import { ReviewEligibility, ReviewFacts, ReviewPeople } from "@/components/staff/review-sheet";
import { documentLabel } from "@/lib/dependents/documents";
import { isAppError } from "@/lib/errors";
import { MANDATE_STATE_LABELS, scopesPhrase } from "@/lib/domain/mandates";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { getRequestForReview } from "@/lib/server/review/get-request-for-review";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { assignAction, claimAction, decideAction } from "./actions";
import { eligibilityWords, reviewPeopleWords, reviewSummaryWords } from "./review-words";

export const metadata: Metadata = { title: "بررسی درخواست" };

const DONE: Record<string, string> = {
  claimed: "درخواست را برداشتید؛ اکنون فقط شما می‌توانید درباره آن تصمیم بگیرید.",
  assigned: "درخواست واگذار شد.",
  approved: "درخواست تأیید شد و به متقاضی پیامک شد.",
  rejected: "درخواست رد شد و به متقاضی پیامک شد.",
  returned: "درخواست برای تکمیل مدارک به متقاضی برگشت داده شد و به او پیامک شد.",
  answered: "پاسخ ثبت شد و به متقاضی پیامک شد.",
};

export default async function ReviewRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; filed?: string }>;
}) {
  const user = await requireStaff();
  const { id } = await params;
  const request = await getRequestForReview({ db: await getDb(), staff: user, requestId: id }).catch((error: unknown) => {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  });
  const { done, filed } = await searchParams;
  const notice = filed ? "درخواست از طرف بیمه‌شده ثبت شد و کد رهگیری برای او پیامک شد." : done ? DONE[done] : undefined;
  const enrolment = request.enrolment;
  const heldByOther = request.assignee && request.assignee.id !== user.accountId;

  return (
    <div className="space-y-8">
      <BackLink href="/staff/requests">کارتابل درخواست‌ها</BackLink>
      {notice ? (
        <p role="status" className="border-s-4 border-success bg-brand-50 p-4 font-bold">
          {notice}
        </p>
      ) : null}
      <div className="space-y-2">
        <h1>{request.subject ?? KIND_LABEL[request.kind]}</h1>
        <StatusBadge status={request.status} reader="staff" />
      </div>
      <ReviewFacts facts={reviewSummaryWords(request, user.accountId)} />

      {request.can.claim || request.can.reassign || heldByOther ? (
        <section aria-labelledby="owner-heading" className="space-y-3 rounded border-2 border-brand-100 bg-brand-50 p-4">
          <h2 id="owner-heading">کارشناس مسئول</h2>
          {heldByOther ? <p>این درخواست در دست {request.assignee!.name} است و فقط او می‌تواند درباره آن تصمیم بگیرد.</p> : null}
          {request.can.claim ? (
            <>
              <p>برای تصمیم‌گیری، ابتدا درخواست را بردارید. تا وقتی در دست شماست، کارشناس دیگری نمی‌تواند درباره آن تصمیم بگیرد.</p>
              <ActionButtonForm action={claimAction.bind(null, request.id)} label="برداشتن درخواست" />
            </>
          ) : null}
          {request.can.reassign ? (
            <AssignForm
              action={assignAction.bind(null, request.id)}
              version={request.version}
              currentId={request.assignee?.id ?? null}
              colleagues={request.colleagues.map((c) => ({ id: c.id, name: c.name, isHead: c.role === "BRANCH_HEAD" }))}
            />
          ) : null}
        </section>
      ) : null}

      <ReviewPeople words={reviewPeopleWords(request)} />

      {enrolment ? <ReviewEligibility words={eligibilityWords(enrolment)} /> : null}

      {request.body ? (
        <section aria-labelledby="text-heading" className="space-y-2">
          <h2 id="text-heading">متن درخواست</h2>
          <p className="whitespace-pre-line rounded border border-brand-100 p-4">{request.body}</p>
        </section>
      ) : null}

      <section aria-labelledby="docs-heading" className="space-y-3">
        <h2 id="docs-heading">مدارک</h2>
        {request.documents.length === 0 ? (
          <p className="text-muted">مدرکی پیوست نشده است.</p>
        ) : (
          // One document a row: read top to bottom, each PDF as wide as the page allows, and Tab goes from one to the next in reading order.
          <div className="grid gap-4">
            {request.documents.map((doc) => (
              <DocumentViewer
                key={doc.id}
                href={`/staff/requests/${request.id}/documents/${doc.id}`}
                fileName={doc.fileName}
                label={`${documentLabel(doc.kind)}${doc.uploadedBy === "CITIZEN" && request.events.some((e) => e.type === "RESUBMITTED" && e.at <= doc.uploadedAt) ? " (ارسال تکمیلی)" : ""}`}
                mimeType={doc.mimeType}
                sizeBytes={doc.sizeBytes}
              />
            ))}
          </div>
        )}
      </section>

      {request.can.decide ? (
        <section aria-labelledby="decide-heading" className="space-y-3">
          <h2 id="decide-heading">تصمیم</h2>
          <DecisionForms
            decisions={request.can.decisions}
            action={decideAction.bind(null, request.id)}
            version={request.version}
            pagePath={`/staff/requests/${request.id}`}
            documentChoices={(enrolment?.checklist ?? []).map((item) => ({ kind: item.kind, label: item.label }))}
          />
        </section>
      ) : null}

      {request.mandates.length > 0 ? (
        <section aria-labelledby="mandates-heading" className="space-y-3">
          <h2 id="mandates-heading">نمایندگی</h2>
          <ul className="space-y-2">
            {request.mandates.map((mandate) => (
              <li key={mandate.id} className="rounded border border-brand-100 p-4">
                {mandate.helperName} (کد ملی <span dir="ltr">{toPersianDigits(mandate.helperNationalId)}</span>) به نمایندگی از متقاضی کار
                کرده است: {scopesPhrase(mandate.scopes)}، تا {formatJalaliForDisplay(gregorianToJalali(mandate.endsAt))}؛ وضعیت نمایندگی:{" "}
                {MANDATE_STATE_LABELS[mandate.state]}.
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <RequestHistory
        reader="staff"
        entries={request.events.map((event) => ({
          id: event.id,
          type: event.type,
          at: event.at,
          reasonCode: event.reasonCode,
          note: event.note,
          previousDueAt: event.previousDueAt,
          newDueAt: event.newDueAt,
          title: event.type === "ASSIGNED" ? `واگذار شد به ${event.assigneeName ?? "—"}` : undefined,
          by:
            event.actorKind === "STAFF"
              ? (event.actorName ?? "کارشناس")
              : event.helperName
                ? `${event.helperName}، نماینده متقاضی`
                : event.actorKind === "CITIZEN"
                  ? "متقاضی"
                  : "سامانه",
        }))}
      />
    </div>
  );
}
