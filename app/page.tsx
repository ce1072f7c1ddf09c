import Link from "next/link";

const services: { title: string; body: string; link?: { href: string; label: string } }[] = [
  {
    title: "ثبت‌نام در سامانه",
    body: "با کد ملی، شماره همراهی که به نام خودتان است و تاریخ تولد، حساب کاربری بسازید. اطلاعات شما با سازمان ثبت احوال کشور تطبیق داده می‌شود.",
  },
  {
    title: "نام‌نویسی افراد تحت تکفل",
    body: "همسر، فرزندان، پدر و مادر خود را با بارگذاری مدارک لازم تحت پوشش بیمه درمان قرار دهید.",
  },
  {
    title: "پیگیری و پرسش",
    body: "پرسش یا درخواست خود را در حوزه بیمه‌ای یا درمان ثبت کنید و پاسخ را در موعد قانونی دریافت کنید.",
  },
  {
    title: "پیگیری درخواست‌ها",
    body: "وضعیت هر درخواست، موعد پاسخ و پیام‌های شعبه را با کد رهگیری ببینید.",
    link: { href: "/track", label: "پیگیری درخواست با کد رهگیری" },
  },
  {
    title: "نوبت مراجعه به شعبه",
    body: "برای کاری که حضوری است، روز و ساعت مراجعه را رزرو کنید و نوبت خود را با کد رهگیری ببینید، جابه‌جا یا لغو کنید.",
    link: { href: "/visit", label: "پیگیری نوبت مراجعه" },
  },
];

export default function HomePage() {
  return (
    <div className="space-y-10">
      <section aria-labelledby="intro-heading" className="space-y-4">
        <h1 id="intro-heading">خدمات غیرحضوری تأمین اجتماعی</h1>
        <p className="max-w-3xl text-lg">
          بیمه‌شدگان و مستمری‌بگیران می‌توانند بدون مراجعه به شعبه، از خانه ثبت‌نام کنند، افراد خانواده خود را تحت پوشش
          قرار دهند و درخواست‌های خود را پیگیری کنند.
        </p>
        <div className="flex flex-wrap gap-4">
          <Link
            href="/register"
            className="inline-flex min-h-12 items-center rounded bg-brand-700 px-6 text-lg font-bold text-white no-underline hover:bg-brand-800 hover:text-white"
          >
            ثبت‌نام
          </Link>
          <Link
            href="/login"
            className="inline-flex min-h-12 items-center rounded border-2 border-brand-700 px-6 text-lg font-bold no-underline"
          >
            ورود به سامانه
          </Link>
        </div>
      </section>

      <section aria-labelledby="services-heading" className="space-y-4">
        <h2 id="services-heading">خدمات سامانه</h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {services.map((service) => (
            <li key={service.title} className="rounded border border-brand-100 bg-brand-50 p-5">
              <h3 className="mb-2 text-lg font-bold">{service.title}</h3>
              <p className="text-muted">{service.body}</p>
              {service.link ? (
                <p className="mt-2">
                  <Link href={service.link.href} className="inline-flex min-h-11 items-center font-bold">
                    {service.link.label}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="needs-heading" className="space-y-3">
        <h2 id="needs-heading">برای ثبت‌نام به چه چیزهایی نیاز دارید</h2>
        <ul className="list-disc space-y-1 ps-6">
          <li>کد ملی ده رقمی</li>
          <li>شماره تلفن همراهی که به نام خود شما ثبت شده است</li>
          <li>تاریخ تولد مطابق شناسنامه</li>
        </ul>
      </section>
    </div>
  );
}
