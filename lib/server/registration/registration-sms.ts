// Texts of the registration's SMS messages (Persian; codes in ASCII digits so
// phones can offer to fill them in).
import { formatTrackingCode } from "@/lib/utils/tracking-code";

export const registrationCodeSms = (code: string) =>
  `کد تأیید ثبت‌نام در سامانه خدمات غیرحضوری تأمین اجتماعی: ${code}\nاین کد تا ۲ دقیقه معتبر است. آن را به هیچ‌کس ندهید.`;

export const registrationApprovedSms = (trackingCode: string) =>
  `ثبت‌نام شما در سامانه خدمات غیرحضوری تأمین اجتماعی انجام شد. کد رهگیری: ${formatTrackingCode(trackingCode)}\nاکنون می‌توانید با کد ملی و گذرواژه خود وارد سامانه شوید.`;

export const registrationRejectedSms = (trackingCode: string) =>
  `درخواست ثبت‌نام شما در سامانه خدمات غیرحضوری تأمین اجتماعی (کد رهگیری ${formatTrackingCode(trackingCode)}) انجام نشد. لطفاً با مدارک هویتی به شعبه تأمین اجتماعی مراجعه کنید.`;
