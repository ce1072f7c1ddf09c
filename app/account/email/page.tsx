import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { StepForm } from "@/components/forms/step-form";
import { requireOwnAccount } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { getEmailSettings } from "@/lib/server/email/get-email-settings";
import { formatTehranDateTime } from "@/lib/utils/jalali";
import { removeEmailAction, resendEmailLinkAction, saveEmailAction, turnEmailNoticesOffAction, turnEmailNoticesOnAction } from "./actions";

export const metadata: Metadata = { title: "پست الکترونیک" };

const DONE: Record<string, string> = {
  sent: "پیوند تأیید به نشانی شما فرستاده شد. صندوق پست الکترونیک خود (و پوشه هرزنامه) را ببینید و پیوند را باز کنید.",
  unchanged: "این نشانی پیش‌تر تأیید شده است؛ تغییری لازم نبود.",
  removed: "نشانی پست الکترونیک حذف شد. از این پس اطلاع‌رسانی‌ها فقط با پیامک فرستاده می‌شود.",
  off: "اطلاع‌رسانی با ایمیل قطع شد. پیامک‌ها همچنان فرستاده می‌شوند.",
  on: "اطلاع‌رسانی با ایمیل فعال شد.",
};

export default async function AccountEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireOwnAccount();
  const settings = await getEmailSettings({ db: await getDb(), citizenId: user.accountId });
  const { done } = await searchParams;
  const notice = typeof done === "string" ? DONE[done] : undefined;
  return (
    <div className="max-w-2xl space-y-6">
      <BackLink href="/account">خدمات من</BackLink>
      <h1>پست الکترونیک</h1>
      <p>
        اگر نشانی پست الکترونیک خود را ثبت و تأیید کنید، هر اطلاع‌رسانی‌ای که با پیامک می‌فرستیم (ثبت و نتیجه درخواست‌ها،
        تغییر گذرواژه، یادآوری‌ها) با ایمیل هم برایتان فرستاده می‌شود. کد یک‌بارمصرف هرگز با ایمیل فرستاده نمی‌شود.
      </p>
      {notice ? (
        <p role="status" className="rounded border-2 border-success p-4 font-bold">
          {notice}
        </p>
      ) : null}

      <section aria-labelledby="address-heading" className="space-y-4">
        <h2 id="address-heading">نشانی شما</h2>
        {settings.email ? (
          <>
            <p>
              <span dir="ltr" className="font-bold break-all">
                {settings.email}
              </span>
            </p>
            {settings.verifiedAt ? (
              <p>وضعیت: تأیید شده در {formatTehranDateTime(settings.verifiedAt)}</p>
            ) : (
              <>
                <p>
                  وضعیت: در انتظار تأیید.{" "}
                  {settings.pendingLinkExpiresAt
                    ? `پیوند تأیید فرستاده شده تا ${formatTehranDateTime(settings.pendingLinkExpiresAt)} معتبر است.`
                    : "پیوند معتبری برای این نشانی نمانده است؛ پیوند تازه‌ای بخواهید."}{" "}
                  تا نشانی تأیید نشود، ایمیلی جز پیوند تأیید به آن فرستاده نمی‌شود.
                </p>
                <ActionButtonForm action={resendEmailLinkAction} label="ارسال دوباره پیوند تأیید" />
              </>
            )}
          </>
        ) : (
          <p>نشانی پست الکترونیکی ثبت نکرده‌اید.</p>
        )}
      </section>

      {settings.email && settings.verifiedAt ? (
        <section aria-labelledby="notices-heading" className="space-y-4">
          <h2 id="notices-heading">اطلاع‌رسانی با ایمیل</h2>
          {settings.notices ? (
            <>
              <p>اطلاع‌رسانی با ایمیل فعال است.</p>
              <ActionButtonForm action={turnEmailNoticesOffAction} label="قطع اطلاع‌رسانی با ایمیل" />
            </>
          ) : (
            <>
              <p>اطلاع‌رسانی با ایمیل قطع است؛ فقط پیامک فرستاده می‌شود.</p>
              <ActionButtonForm action={turnEmailNoticesOnAction} label="دریافت اطلاع‌رسانی با ایمیل" />
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="change-heading" className="space-y-4">
        <h2 id="change-heading">{settings.email ? "تغییر نشانی" : "افزودن نشانی"}</h2>
        <StepForm
          action={saveEmailAction}
          submitLabel="ذخیره و ارسال پیوند تأیید"
          fields={[
            {
              name: "email",
              label: "نشانی پست الکترونیک",
              hint: "پیوندی برای تأیید به این نشانی فرستاده می‌شود؛ تا آن را باز نکنید، نشانی تأیید نمی‌شود.",
              type: "email",
              inputMode: "email",
              autoComplete: "email",
              maxLength: 254,
              ltr: true,
            },
          ]}
        />
      </section>

      {settings.email ? (
        <section aria-labelledby="remove-heading" className="space-y-4">
          <h2 id="remove-heading">حذف نشانی</h2>
          <p>با حذف نشانی، دیگر ایمیلی از سامانه دریافت نمی‌کنید.</p>
          <ActionButtonForm action={removeEmailAction} label="حذف نشانی پست الکترونیک" />
        </section>
      ) : null}
    </div>
  );
}
