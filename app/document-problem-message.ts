import type { DocumentProblem } from "@/lib/server/requests/store-document";

/** What to tell a person about a refused file, naming which file (e.g. «صفحات شناسنامه»). */
export function documentProblemMessage(problem: DocumentProblem | "MISSING", fileLabel: string): string {
  const file = `فایل «${fileLabel}»`;
  switch (problem) {
    case "MISSING":
      return `${file} را انتخاب کنید؛ این مدرک الزامی است.`;
    case "EMPTY":
      return `${file} خالی است. فایل دیگری انتخاب کنید.`;
    case "TOO_LARGE":
      return `حجم ${file} بیش از ۵ مگابایت است. فایل کوچک‌تری انتخاب کنید.`;
    case "WRONG_TYPE":
      return `${file} باید PDF، JPEG یا PNG باشد.`;
    case "DAMAGED":
      return `${file} ناقص است یا چیزی غیر از تصویر یا سند در آن پنهان است. آن را دوباره ذخیره یا اسکن کنید.`;
    case "ACTIVE_CONTENT":
      return `${file} پذیرفته نشد: این PDF محتوای فعال دارد (مانند اسکریپت، فرمان اجرا، فایل پیوست‌شده یا فرم پویا) یا رمزگذاری شده است. سند را با «چاپ به PDF» دوباره بسازید یا اسکن کنید و بفرستید.`;
    case "QUOTA":
      return `${file} پذیرفته نشد: از حساب شما بیش از حد مجاز فایل فرستاده شده است (تعداد یا حجم فایل‌ها در یک ساعت گذشته، یا فایل‌هایی که هنوز در انتظار ثبت فرمشان هستند). فرم‌هایی را که فایلشان را فرستاده‌اید ثبت کنید، یا یک ساعت دیگر دوباره تلاش کنید.`;
    case "BAD_NAME":
      return `نام ${file} بیش از حد طولانی است یا نویسه‌های نامعتبر دارد. نام فایل را کوتاه و ساده کنید.`;
  }
}
