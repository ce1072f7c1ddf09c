import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DefinitionList } from "@/components/definition-list";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { DeadlineText, PausedDeadlineText } from "@/components/requests/deadline-text";
import { DOMAIN_LABEL, KIND_LABEL } from "@/components/requests/labels";
import { RequestHistory } from "@/components/requests/request-history";
import { StatusBadge } from "@/components/requests/status-badge";
import { AssignForm } from "@/components/staff/assign-form";
import { DecisionForms } from "@/components/staff/decision-forms";
import { DocumentViewer } from "@/components/staff/document-viewer";
import { documentLabel } from "@/lib/dependents/documents";
import { DECLARED_FACTS, DECLARED_FACT_QUESTIONS } from "@/lib/dependents/eligibility";
import { RELATIONSHIP_LABELS } from "@/lib/dependents/relationships";
import { isAppError } from "@/lib/errors";
import { MANDATE_STATE_LABELS, scopesPhrase } from "@/lib/domain/mandates";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { getRequestForReview } from "@/lib/server/review/get-request-for-review";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { assignAction, claimAction, decideAction } from "./actions";

export const metadata: Metadata = { title: "بررسی درخواست" };

const DONE: Record<string, string> = {
  claimed: "درخواست را برداشتید؛ اکنون فقط شما می‌توانید درباره آن تصمیم بگیرید.",
  assigned: "درخواست واگذار شد.",
  approved: "درخواست تأیید شد و به متقاضی پیامک شد.",
  rejected: "درخواست رد شد و به متقاضی پیامک شد.",
  returned: "درخواست برای تکمیل مدارک به متقاضی برگشت داده شد و به او پیامک شد.",
  answered: "پاسخ ثبت شد و به متقاضی پیامک شد.",
};

const jalali = (date: string | null) => (date ? toPersianDigits(date) : "—");
const yesNo = (value: boolean | undefined) => (value === undefined ? "پرسیده نشد" : value ? "بله" : "خیر");

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
      <Link href="/staff/requests" className="inline-flex min-h-11 items-center">
        <span aria-hidden="true">→&nbsp;</span>کارتابل درخواست‌ها
      </Link>
      {notice ? (
        <p role="status" className="border-s-4 border-success bg-brand-50 p-4 font-bold">
          {notice}
        </p>
      ) : null}
      <div className="space-y-2">
        <h1>{request.subject ?? KIND_LABEL[request.kind]}</h1>
        <StatusBadge status={request.status} reader="staff" />
      </div>
      <DefinitionList
        items={[
          { label: "کد رهگیری", value: <span dir="ltr">{formatTrackingCode(request.trackingCode)}</span> },
          { label: "نوع", value: `${KIND_LABEL[request.kind]}${request.domain ? ` (${DOMAIN_LABEL[request.domain]})` : ""}` },
          { label: "تاریخ ثبت", value: formatJalaliForDisplay(gregorianToJalali(request.createdAt)) },
          {
            label: "موعد پاسخ",
            value: request.paused ? (
              <PausedDeadlineText since={request.paused.since} workingDaysLeft={request.paused.workingDaysLeft} reader="staff" />
            ) : (
              <DeadlineText dueAt={request.dueAt} workingDaysLeft={request.workingDaysLeft} />
            ),
          },
          { label: "کارشناس", value: request.assignee ? (request.assignee.id === user.accountId ? "خودتان" : request.assignee.name) : "هنوز کسی برنداشته است" },
        ]}
      />

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

      <section aria-labelledby="people-heading" className="space-y-3">
        <h2 id="people-heading">{enrolment ? "متقاضی و فرد تحت تکفل" : "متقاضی"}</h2>
        <div className={`grid gap-4 ${enrolment?.duplicate ? "lg:grid-cols-3" : enrolment ? "md:grid-cols-2" : ""}`}>
          <div className="space-y-2 rounded border border-brand-100 p-4">
            <h3>متقاضی (بیمه‌شده)</h3>
            <DefinitionList
              items={[
                { label: "نام", value: request.applicant.firstName ? `${request.applicant.firstName} ${request.applicant.lastName}` : "—" },
                { label: "کد ملی", value: <span dir="ltr">{toPersianDigits(request.applicant.nationalId)}</span> },
                { label: "نام پدر", value: request.applicant.fatherName ?? "—" },
                { label: "تاریخ تولد", value: jalali(request.applicant.birthDate) },
                { label: "تلفن همراه", value: request.applicant.mobile ? <span dir="ltr">{toPersianDigits(request.applicant.mobile)}</span> : "—" },
                {
                  label: "شماره بیمه",
                  value: request.applicant.insurance ? (
                    <>
                      <span dir="ltr">{toPersianDigits(request.applicant.insurance.number)}</span>{" "}
                      ({request.applicant.insurance.kind === "PENSIONER" ? "مستمری‌بگیر" : "بیمه‌شده"})
                    </>
                  ) : (
                    "سابقه بیمه‌ای پیدا نشد"
                  ),
                },
              ]}
            />
          </div>
          {enrolment ? (
            <div className="space-y-2 rounded border border-brand-100 p-4">
              <h3>فرد تحت تکفل</h3>
              <p className="text-sm font-bold text-success">
                <span aria-hidden="true">✓ </span>تأییدشده از سازمان ثبت احوال هنگام ثبت درخواست
              </p>
              <DefinitionList
                items={[
                  { label: "نسبت", value: RELATIONSHIP_LABELS[enrolment.relationship] },
                  { label: "نام", value: `${enrolment.dependent.firstName} ${enrolment.dependent.lastName}` },
                  { label: "کد ملی", value: <span dir="ltr">{toPersianDigits(enrolment.dependent.nationalId)}</span> },
                  { label: "نام پدر", value: enrolment.dependent.fatherName },
                  { label: "تاریخ تولد", value: jalali(enrolment.dependent.birthDate) },
                  { label: "سن امروز", value: enrolment.dependent.age === null ? "—" : `${toPersianDigits(enrolment.dependent.age)} سال` },
                  { label: "جنسیت", value: enrolment.dependent.gender === "MALE" ? "مرد" : "زن" },
                ]}
              />
              {enrolment.filedByStaff ? <p className="text-sm">ثبت حضوری در شعبه توسط {enrolment.filedByStaff}</p> : null}
            </div>
          ) : null}
          {enrolment?.duplicate ? (
            <div className="space-y-2 rounded border-2 border-danger p-4">
              <h3 className="text-danger">پرونده دیگر همین فرد</h3>
              <p>این فرد {enrolment.duplicate.coveredSince ? "هم‌اکنون تحت پوشش" : "در درخواست"} بیمه‌شده دیگری است.</p>
              <DefinitionList
                items={[
                  { label: "بیمه‌شده", value: enrolment.duplicate.insuredName ?? "بدون حساب در سامانه" },
                  { label: "کد ملی", value: <span dir="ltr">{toPersianDigits(enrolment.duplicate.insuredNationalId)}</span> },
                  { label: "شماره بیمه", value: enrolment.duplicate.insuranceNumber ? <span dir="ltr">{toPersianDigits(enrolment.duplicate.insuranceNumber)}</span> : "—" },
                  { label: "شعبه", value: enrolment.duplicate.branchName ?? "—" },
                  {
                    label: "تحت پوشش از",
                    value: enrolment.duplicate.coveredSince ? formatJalaliForDisplay(gregorianToJalali(enrolment.duplicate.coveredSince)) : "تحت پوشش نیست",
                  },
                ]}
              />
              {enrolment.duplicate.otherRequests.length > 0 ? (
                <ul className="space-y-1 text-sm">
                  {enrolment.duplicate.otherRequests.map((other) => (
                    <li key={other.trackingCode}>
                      درخواست <span dir="ltr">{formatTrackingCode(other.trackingCode)}</span>: <StatusBadge status={other.status} reader="staff" />
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
      </section>

      {enrolment ? (
        <section aria-labelledby="eligibility-heading" className="space-y-3">
          <h2 id="eligibility-heading">شرایط پوشش و مدارک</h2>
          <p>
            <strong>قاعده:</strong> {enrolment.rule.description ?? enrolment.rule.id}
          </p>
          {enrolment.eligibleToday.eligible ? (
            <p className="font-bold text-success">
              <span aria-hidden="true">✓ </span>با سن امروز و اظهارات متقاضی، این قاعده هنوز برقرار است.
            </p>
          ) : (
            <div className="border-s-4 border-danger p-3">
              <p className="font-bold text-danger">با سن امروز، شرایط دیگر برقرار نیست:</p>
              <ul className="list-disc ps-6">
                {enrolment.eligibleToday.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          )}
          <table className="w-full max-w-2xl border-collapse">
            <caption className="text-start font-bold">اظهارات متقاضی</caption>
            <tbody>
              {DECLARED_FACTS.filter((fact) => enrolment.declared[fact] !== undefined).map((fact) => (
                <tr key={fact} className="border-b border-brand-100">
                  <th scope="row" className="p-2 text-start font-normal">
                    {DECLARED_FACT_QUESTIONS[fact]}
                  </th>
                  <td className="p-2 font-bold">{yesNo(enrolment.declared[fact])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="w-full max-w-2xl border-collapse">
            <caption className="text-start font-bold">فهرست مدارک</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2 text-start">مدرک</th>
                <th scope="col" className="p-2 text-start">وضعیت</th>
              </tr>
            </thead>
            <tbody>
              {enrolment.checklist.map((item) => (
                <tr key={item.kind} className="border-b border-brand-100">
                  <td className="p-2">
                    {item.label}
                    {item.required ? "" : " (اختیاری)"}
                  </td>
                  <td className={`p-2 font-bold ${item.provided ? "text-success" : "text-danger"}`}>{item.provided ? "پیوست شده" : "پیوست نشده"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

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
