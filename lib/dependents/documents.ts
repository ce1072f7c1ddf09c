// The documents an applicant may be asked for when enrolling a dependent: their
// kinds and what the applicant is told about each. Which documents a rule needs
// is part of the rules table in eligibility.ts; document-checklist.ts puts the
// two together.

export const DOCUMENT_KINDS = [
  "MARRIAGE_CERTIFICATE",
  "BIRTH_CERTIFICATE",
  "NATIONAL_CARD",
  "STUDY_CERTIFICATE",
  "DISABILITY_VERDICT",
  "SINGLE_STATUS",
  "NO_EMPLOYMENT",
  "SUPPORT_DECLARATION",
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENTS: Readonly<Record<DocumentKind, { label: string; hint: string }>> = {
  MARRIAGE_CERTIFICATE: {
    label: "سند ازدواج",
    hint: "صفحه‌های مشخصات زن و شوهر و ثبت ازدواج در سند ازدواج (عقدنامه).",
  },
  BIRTH_CERTIFICATE: {
    label: "صفحات شناسنامه",
    hint: "تصویر همه صفحه‌های نوشته‌دار شناسنامه فرد تحت تکفل.",
  },
  NATIONAL_CARD: {
    label: "کارت ملی فرد تحت تکفل",
    hint: "تصویر روی و پشت کارت ملی.",
  },
  STUDY_CERTIFICATE: {
    label: "گواهی اشتغال به تحصیل",
    hint: "گواهی مدرسه یا دانشگاه برای سال تحصیلی جاری، با مهر و تاریخ.",
  },
  DISABILITY_VERDICT: {
    label: "رأی کمیسیون پزشکی (ازکارافتادگی)",
    hint: "رأی کمیسیون پزشکی که ازکارافتادگی فرد تحت تکفل را تأیید کرده است.",
  },
  SINGLE_STATUS: {
    label: "گواهی تجرد / صفحه ازدواج شناسنامه",
    hint: "صفحه ازدواج و طلاق شناسنامه، یا گواهی تجرد از اداره ثبت احوال.",
  },
  NO_EMPLOYMENT: {
    label: "گواهی عدم اشتغال / عدم بیمه",
    hint: "گواهی اینکه فرد تحت تکفل شاغل نیست و در هیچ صندوق بیمه‌ای بیمه‌پرداز نیست.",
  },
  SUPPORT_DECLARATION: {
    label: "تعهدنامه تکفل",
    hint: "تعهدنامه امضاشده شما که مخارج زندگی او را تأمین می‌کنید.",
  },
};

/** What a stored document is, in words: its checklist item's label, or «پیوست» for a question's attachment or extra document. */
export function documentLabel(kind: string): string {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind) ? DOCUMENTS[kind as DocumentKind].label : "پیوست";
}
