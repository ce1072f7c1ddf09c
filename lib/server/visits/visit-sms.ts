import "server-only";
import { VISIT_DOCUMENTS } from "@/lib/domain/branch-visits";
import { formatJalaliForDisplay, formatTehranDateTime, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";

export type VisitSmsFacts = { trackingCode: string; startsAt: Date; branchName: string; address: string };

const when = (startsAt: Date) => formatTehranDateTime(startsAt);

export const visitBookedSms = (v: VisitSmsFacts) =>
  `نوبت مراجعه شما به ${v.branchName} ثبت شد. زمان: ${when(v.startsAt)}. نشانی: ${v.address}. مدارک همراه: ${VISIT_DOCUMENTS}. کد رهگیری نوبت: ${formatTrackingCode(v.trackingCode)} (برای جابه‌جایی یا لغو: «پیگیری نوبت مراجعه» در سامانه).`;

export const visitMovedSms = (v: VisitSmsFacts) =>
  `نوبت مراجعه شما با کد رهگیری ${formatTrackingCode(v.trackingCode)} جابه‌جا شد. زمان تازه: ${when(v.startsAt)}، ${v.branchName}. نشانی: ${v.address}. مدارک همراه: ${VISIT_DOCUMENTS}.`;

export const visitCancelledSms = (v: VisitSmsFacts) =>
  `نوبت مراجعه شما به ${v.branchName} در ${when(v.startsAt)} با کد رهگیری ${formatTrackingCode(v.trackingCode)} لغو شد.`;

export const visitReminderSms = (v: VisitSmsFacts) =>
  `یادآوری: فردا ${formatJalaliForDisplay(gregorianToJalali(v.startsAt))} نوبت مراجعه شما به ${v.branchName} است (${when(v.startsAt)}). نشانی: ${v.address}. مدارک همراه: ${VISIT_DOCUMENTS}. کد رهگیری: ${formatTrackingCode(v.trackingCode)}`;

export const visitCodeSms = (code: string) =>
  `کد ورود به نوبت مراجعه شما در سامانه خدمات غیرحضوری تأمین اجتماعی: ${code}\nاین کد تا ۲ دقیقه معتبر است. آن را به هیچ‌کس ندهید.`;
