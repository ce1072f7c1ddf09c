import { scopesPhrase, type MandateScope } from "@/lib/domain/mandates";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";

const PORTAL = "سامانه خدمات غیرحضوری تأمین اجتماعی";
const until = (endsAt: Date) => formatJalaliForDisplay(gregorianToJalali(endsAt));

/** To the principal: what the helper asks for, and the code that says yes. */
export const mandateConsentSms = (helper: { name: string; nationalId: string }, scopes: MandateScope[], endsAt: Date, code: string) =>
  // The helper's national ID in Persian digits: the code is the only run of ASCII digits.
  `${helper.name} (کد ملی ${toPersianDigits(helper.nationalId)}) می‌خواهد در ${PORTAL} تا ${until(endsAt)} به جای شما این کارها را انجام دهد: ${scopesPhrase(scopes)}.\n` +
  `اگر موافقید، این کد را به او بدهید: ${code}\nاگر شما چنین نخواسته‌اید، این کد را به هیچ‌کس ندهید.`;

export const mandateGrantedSms = (helperName: string, scopes: MandateScope[], endsAt: Date) =>
  `از این پس ${helperName} تا ${until(endsAt)} می‌تواند در ${PORTAL} به جای شما این کارها را انجام دهد: ${scopesPhrase(scopes)}. ` +
  `هر زمان بخواهید، در بخش «نمایندگی» آن را لغو کنید.`;

export const mandateRevokedSms = (helperName: string) => `نمایندگی ${helperName} برای انجام کارهای شما در ${PORTAL} لغو شد و دیگر به پرونده شما دسترسی ندارد.`;
