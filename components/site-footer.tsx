export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-brand-100 bg-brand-50 print:hidden">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">
        <p>
          پاسخ به درخواست‌ها و پرسش‌ها: حوزه بیمه‌ای حداکثر سه روز، حوزه درمان حداکثر هفت روز و در هر حال حداکثر ده روز
          کاری (ماده ۱۳ قانون انتشار و دسترسی آزاد به اطلاعات).
        </p>
      </div>
    </footer>
  );
}
