import type { Metadata } from "next";
import { TrackForm } from "@/components/requests/track-form";
import { lookupRequestStatusAction } from "./actions";

export const metadata: Metadata = { title: "پیگیری درخواست با کد رهگیری" };

// Public on purpose: no sign-in. The action limits attempts per network.
export default function TrackPage() {
  return (
    <div className="max-w-2xl space-y-6">
      <h1>پیگیری درخواست با کد رهگیری</h1>
      <p>
        کد رهگیری درخواست و کد ملی متقاضی را بنویسید تا وضعیت درخواست و موعد پاسخ آن را ببینید. برای این کار لازم نیست وارد
        سامانه شوید. رقم‌ها را می‌توانید فارسی یا انگلیسی، با فاصله یا خط تیره بنویسید.
      </p>
      <TrackForm action={lookupRequestStatusAction} />
    </div>
  );
}
