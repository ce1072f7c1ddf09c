// Templates staff choose from when they reject an enrolment. Each cites the
// rule it applies (Article 58 of the Social Security Law defines who is covered
// as a dependent; lib/dependents/eligibility.ts is its table), so the applicant
// is told which condition was not met; the officer adds free text beside it.

export const REJECTION_REASONS = {
  DOCUMENTS_INVALID: {
    label: "مدارک ارسالی معتبر یا خوانا نیست",
    rule: "مدارک باید اصل، خوانا و به نام همان فرد باشد.",
  },
  NOT_STUDYING: {
    label: "اشتغال به تحصیل پسر ۱۸ تا ۲۰ ساله ثابت نشد",
    rule: "ماده ۵۸ قانون تأمین اجتماعی: پسر ۱۸ تا ۲۰ ساله تنها در صورت اشتغال به تحصیل تحت پوشش است.",
  },
  NOT_DISABLED: {
    label: "ازکارافتادگی با رأی کمیسیون پزشکی تأیید نشد",
    rule: "ماده ۵۸ قانون تأمین اجتماعی: پوشش فرزند، همسر یا والد ازکارافتاده به رأی کمیسیون پزشکی بستگی دارد.",
  },
  DAUGHTER_MARRIED_OR_EMPLOYED: {
    label: "دختر دارای همسر یا شغل است",
    rule: "ماده ۵۸ قانون تأمین اجتماعی: دختر تا زمانی که ازدواج نکرده و شاغل نیست تحت پوشش است.",
  },
  NOT_SUPPORTED: {
    label: "تحت تکفل بودن پدر یا مادر ثابت نشد",
    rule: "ماده ۵۸ قانون تأمین اجتماعی: پدر و مادر در صورتی تحت پوشش‌اند که مخارج آنان را بیمه‌شده تأمین کند.",
  },
  AGE_NOT_MET: {
    label: "سن فرد با شرط قانونی مطابقت ندارد",
    rule: "ماده ۵۸ قانون تأمین اجتماعی: شرط سنی همسر (مرد)، فرزند پسر و پدر و مادر.",
  },
  COVERED_ELSEWHERE: {
    label: "فرد از طریق بیمه‌شده دیگری تحت پوشش است",
    rule: "هر فرد تنها از طریق یک بیمه‌شده تحت پوشش قرار می‌گیرد.",
  },
  OTHER: {
    label: "دلیل دیگر (در توضیح بنویسید)",
    rule: "",
  },
} as const satisfies Record<string, { label: string; rule: string }>;

export type RejectionReason = keyof typeof REJECTION_REASONS;

export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as RejectionReason[];

/** The reason code of a "return for more documents". */
export const MORE_DOCUMENTS = "MORE_DOCUMENTS";
