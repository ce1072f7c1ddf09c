"use client";

import Form from "next/form";
import Link from "next/link";
import { FieldError } from "@/components/forms/field-error";

export type QueueFilterChoice = { value: string; label: string };

/** What the queue's filter form shows, in words made on the server (app/staff/requests/page.tsx). */
export type QueueFilterWords = {
  /** The search box as the officer typed it, kept even when it is wrong. */
  q: string;
  /** Why the search cannot be run (in Persian), or null. */
  searchProblem: string | null;
  kind: string;
  status: string;
  sort: string;
  overdue: boolean;
  mine: boolean;
  unassigned: boolean;
  /** Whether any filter is on: then a link clears them. */
  filtered: boolean;
  kinds: QueueFilterChoice[];
  statuses: QueueFilterChoice[];
};

const selectClass = "block min-h-12 w-full rounded border-2 border-ink bg-white px-3";

const ONLY = [
  ["overdue", "گذشته از موعد"],
  ["mine", "درخواست‌های من"],
  ["unassigned", "بدون کارشناس"],
] as const;

/**
 * The queue's search and filter form. A client component fed with its words,
 * like the rows below it: the server renders it once to HTML and the page's RSC
 * payload carries these few values instead of every element of the form
 * (docs/decisions/024). It submits with GET, so it works before JavaScript runs.
 */
export function QueueFilters({ words }: { words: QueueFilterWords }) {
  const badSearch = words.searchProblem !== null;
  return (
    <Form
      action="/staff/requests"
      prefetch={false}
      className="grid gap-4 rounded border border-brand-100 bg-brand-50 p-4 sm:grid-cols-2 lg:grid-cols-3"
      role="search"
      aria-label="جست‌وجو و پالایش"
    >
      <div className="space-y-1 sm:col-span-2 lg:col-span-3">
        <label htmlFor="q" className="block font-bold">
          جست‌وجو با کد رهگیری یا کد ملی
        </label>
        <p id="q-hint" className="text-sm text-muted">
          ده رقم، با رقم‌های فارسی یا انگلیسی. کد ملی متقاضی یا فرد تحت تکفل را می‌توانید وارد کنید.
        </p>
        <FieldError field="q" error={words.searchProblem} />
        <input
          id="q"
          name="q"
          type="search"
          inputMode="numeric"
          defaultValue={words.q}
          dir="ltr"
          aria-describedby={badSearch ? "q-hint q-error" : "q-hint"}
          aria-invalid={badSearch || undefined}
          className={`block min-h-12 w-full max-w-md rounded border-2 bg-white px-3 text-start ${badSearch ? "border-danger" : "border-ink"}`}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="kind" className="block font-bold">
          نوع درخواست
        </label>
        <select id="kind" name="kind" defaultValue={words.kind} className={selectClass}>
          <option value="">همه</option>
          {words.kinds.map((kind) => (
            <option key={kind.value} value={kind.value}>
              {kind.label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="status" className="block font-bold">
          وضعیت
        </label>
        <select id="status" name="status" defaultValue={words.status} className={selectClass}>
          <option value="">همه درخواست‌های باز</option>
          {words.statuses.map((status) => (
            <option key={status.value} value={status.value}>
              {status.label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="sort" className="block font-bold">
          مرتب‌سازی
        </label>
        <select id="sort" name="sort" defaultValue={words.sort} className={selectClass}>
          <option value="due">نزدیک‌ترین موعد</option>
          <option value="newest">جدیدترین</option>
        </select>
      </div>
      <fieldset className="space-y-2 sm:col-span-2 lg:col-span-3">
        <legend className="font-bold">فقط نمایش</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {ONLY.map(([name, label]) => (
            <label key={name} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name={name} value="1" defaultChecked={words[name]} className="size-6" />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-3">
        <button type="submit" className="min-h-12 rounded bg-brand-700 px-6 font-bold text-white hover:bg-brand-800">
          نمایش
        </button>
        {words.filtered ? (
          <Link href="/staff/requests" className="inline-flex min-h-12 items-center px-2">
            پاک کردن پالایه‌ها
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
