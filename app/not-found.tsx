import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1>صفحه پیدا نشد</h1>
      <p>نشانی این صفحه درست نیست یا صفحه دیگر وجود ندارد.</p>
      <p>
        <Link href="/">بازگشت به صفحه اصلی</Link>
      </p>
    </div>
  );
}
