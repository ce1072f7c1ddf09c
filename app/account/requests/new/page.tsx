import crypto from "node:crypto";
import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { QuestionForm } from "@/components/requests/question-form";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { fileQuestionAction } from "./actions";

export const metadata: Metadata = { title: "ثبت پرسش یا درخواست" };

export default async function NewQuestionPage() {
  await requireCitizenFile("FILE_QUESTIONS");
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/account/requests">درخواست‌های من</BackLink>
      <h1>ثبت پرسش یا درخواست</h1>
      <p>پرسش، درخواست یا شکایت خود را در حوزه بیمه‌ای یا درمانی بنویسید. پس از ثبت، کد رهگیری و موعد پاسخ را می‌بینید و پیامک می‌شود.</p>
      <QuestionForm action={fileQuestionAction} submissionId={crypto.randomUUID()} />
    </div>
  );
}
