import type { Metadata } from "next";
import { StepForm } from "@/components/forms/step-form";
import { requestResetAction } from "./actions";

export const metadata: Metadata = { title: "بازیابی گذرواژه" };

export default function ForgotPasswordPage() {
  return (
    <div className="max-w-2xl space-y-6">
      <h1>بازیابی گذرواژه</h1>
      <p>
        کد ملی و شماره همراهی را که هنگام ثبت‌نام وارد کردید بنویسید. اگر این دو با حساب کاربری شما یکسان باشد، یک کد
        تأیید به همان شماره پیامک می‌شود.
      </p>
      <StepForm
        action={requestResetAction}
        submitLabel="ارسال کد تأیید"
        fields={[
          { name: "nationalId", label: "کد ملی", inputMode: "numeric", autoComplete: "username", maxLength: 14, ltr: true },
          {
            name: "mobile",
            label: "شماره همراه",
            hint: "یازده رقم با صفر اول",
            inputMode: "tel",
            type: "tel",
            autoComplete: "tel-national",
            maxLength: 16,
            ltr: true,
          },
        ]}
      />
    </div>
  );
}
