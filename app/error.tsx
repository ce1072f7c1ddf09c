"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4" role="alert">
      <h1>خطایی پیش آمد</h1>
      <p>درخواست شما انجام نشد. اطلاعاتی که وارد کرده‌اید ذخیره نشده است؛ لطفاً چند لحظه بعد دوباره تلاش کنید.</p>
      <button
        type="button"
        onClick={reset}
        className="min-h-11 rounded bg-brand-700 px-5 font-bold text-white hover:bg-brand-800"
      >
        تلاش دوباره
      </button>
    </div>
  );
}
