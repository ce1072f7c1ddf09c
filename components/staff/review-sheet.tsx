"use client";

import type { ReactNode } from "react";
import { DefinitionList } from "@/components/definition-list";
import { Badge } from "@/components/requests/badge";
import { DeadlineSpan, PausedSpan, type DeadlineWords, type PausedWords } from "@/components/requests/deadline-phrase";
import type { TRequestStatus } from "@/lib/domain/requests";

// The staff request page's facts, people and eligibility, laid out from words
// made on the server by app/staff/requests/[id]/review-words.ts. Client components, so
// that the server renders them once, to HTML, and the page's RSC payload carries
// only the words (docs/decisions/024). This module imports no labels, calendar
// or date code.

/** One line of a definition list: plain text, or a number read left to right (then `after`), or a deadline. */
export type FactWords =
  | { label: string; text: string; ltr?: boolean; after?: string }
  | { label: string; deadline: DeadlineWords | null }
  | { label: string; paused: PausedWords };

function factValue(fact: FactWords): ReactNode {
  if ("paused" in fact) return <PausedSpan words={fact.paused} />;
  if ("deadline" in fact) return <DeadlineSpan words={fact.deadline} />;
  if (!fact.ltr) return fact.text;
  return (
    <>
      <span dir="ltr">{fact.text}</span>
      {fact.after}
    </>
  );
}

/** A definition list of facts in words. */
export function ReviewFacts({ facts }: { facts: FactWords[] }) {
  return <DefinitionList items={facts.map((fact) => ({ label: fact.label, value: factValue(fact) }))} />;
}

export type PeopleWords = {
  applicant: FactWords[];
  dependent: null | { facts: FactWords[]; filedByStaff: string | null };
  duplicate: null | {
    coveredNow: boolean;
    facts: FactWords[];
    otherRequests: { trackingCode: string; status: TRequestStatus; statusLabel: string }[];
  };
};

/** «متقاضی» and, for an enrolment, «فرد تحت تکفل» and the same person's other file if there is one. */
export function ReviewPeople({ words }: { words: PeopleWords }) {
  const { dependent, duplicate } = words;
  return (
    <section aria-labelledby="people-heading" className="space-y-3">
      <h2 id="people-heading">{dependent ? "متقاضی و فرد تحت تکفل" : "متقاضی"}</h2>
      <div className={`grid gap-4 ${duplicate ? "lg:grid-cols-3" : dependent ? "md:grid-cols-2" : ""}`}>
        <div className="space-y-2 rounded border border-brand-100 p-4">
          <h3>متقاضی (بیمه‌شده)</h3>
          <ReviewFacts facts={words.applicant} />
        </div>
        {dependent ? (
          <div className="space-y-2 rounded border border-brand-100 p-4">
            <h3>فرد تحت تکفل</h3>
            <p className="text-sm font-bold text-success">
              <span aria-hidden="true">✓ </span>تأییدشده از سازمان ثبت احوال هنگام ثبت درخواست
            </p>
            <ReviewFacts facts={dependent.facts} />
            {dependent.filedByStaff ? <p className="text-sm">ثبت حضوری در شعبه توسط {dependent.filedByStaff}</p> : null}
          </div>
        ) : null}
        {duplicate ? (
          <div className="space-y-2 rounded border-2 border-danger p-4">
            <h3 className="text-danger">پرونده دیگر همین فرد</h3>
            <p>این فرد {duplicate.coveredNow ? "هم‌اکنون تحت پوشش" : "در درخواست"} بیمه‌شده دیگری است.</p>
            <ReviewFacts facts={duplicate.facts} />
            {duplicate.otherRequests.length > 0 ? (
              <ul className="space-y-1 text-sm">
                {duplicate.otherRequests.map((other) => (
                  <li key={other.trackingCode}>
                    درخواست <span dir="ltr">{other.trackingCode}</span>: <Badge status={other.status} label={other.statusLabel} />
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

export type EligibilityWords = {
  rule: string;
  /** Why the rule no longer holds with today's age; null while it holds. */
  reasons: string[] | null;
  declared: { question: string; answer: string }[];
  checklist: { kind: string; label: string; provided: boolean }[];
};

/** «شرایط پوشش و مدارک»: the rule, whether it still holds today, what the applicant declared, and the documents' checklist. */
export function ReviewEligibility({ words }: { words: EligibilityWords }) {
  return (
    <section aria-labelledby="eligibility-heading" className="space-y-3">
      <h2 id="eligibility-heading">شرایط پوشش و مدارک</h2>
      <p>
        <strong>قاعده:</strong> {words.rule}
      </p>
      {words.reasons === null ? (
        <p className="font-bold text-success">
          <span aria-hidden="true">✓ </span>با سن امروز و اظهارات متقاضی، این قاعده هنوز برقرار است.
        </p>
      ) : (
        <div className="border-s-4 border-danger p-3">
          <p className="font-bold text-danger">با سن امروز، شرایط دیگر برقرار نیست:</p>
          <ul className="list-disc ps-6">
            {words.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="w-full max-w-2xl border-collapse">
        <caption className="text-start font-bold">اظهارات متقاضی</caption>
        <tbody>
          {words.declared.map((fact) => (
            <tr key={fact.question} className="border-b border-brand-100">
              <th scope="row" className="p-2 text-start font-normal">
                {fact.question}
              </th>
              <td className="p-2 font-bold">{fact.answer}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="w-full max-w-2xl border-collapse">
        <caption className="text-start font-bold">فهرست مدارک</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="p-2 text-start">
              مدرک
            </th>
            <th scope="col" className="p-2 text-start">
              وضعیت
            </th>
          </tr>
        </thead>
        <tbody>
          {words.checklist.map((item) => (
            <tr key={item.kind} className="border-b border-brand-100">
              <td className="p-2">{item.label}</td>
              <td className={`p-2 font-bold ${item.provided ? "text-success" : "text-danger"}`}>{item.provided ? "پیوست شده" : "پیوست نشده"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
