import { SubmitButton } from "@/components/forms/submit-button";
import { formatJalaliForDisplay, formatTehranDateTime, formatTehranTime, gregorianToJalali } from "@/lib/utils/jalali";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { VISIT_DOCUMENTS } from "@/lib/domain/branch-visits";
import { WEEKDAY_NAMES_FA, weekdayOf } from "@/lib/utils/working-days";

type Branch = { id: string; name: string; city: string; address: string; phone: string };
type Day = { day: string; slots: { id: string; startsAt: Date; free: number }[]; full: boolean };
type Visit = { id: string; trackingCode: string; status: "BOOKED" | "CANCELLED" | "ARRIVED" | "NO_SHOW"; startsAt: Date; branch: Branch | Omit<Branch, "city"> };
type FormAction = (formData: FormData) => Promise<void>;

/** Days shown at once: enough to choose from without a page of radio buttons. */
const DAYS_SHOWN = 8;

const STATUS_LABEL: Record<Visit["status"], string> = {
  BOOKED: "رزرو شده",
  CANCELLED: "لغو شده",
  ARRIVED: "مراجعه کرد",
  NO_SHOW: "مراجعه نکرد",
};

/**
 * What each outcome of a booking, move or cancel tells the person (`?notice=` or `?error=`);
 * for a helper with the principal's file open (`forPerson`: the principal's name), said of the principal.
 */
function visitMessages(forPerson: string | undefined): Record<string, { text: string; ok: boolean }> {
  const whose = forPerson ? `نوبت ${forPerson}` : "نوبت شما";
  const toWhom = forPerson ? "به تلفن همراه او" : "برای شما";
  return {
    booked: { text: `${whose} ثبت شد. پیامکی با زمان، نشانی شعبه و مدارک لازم ${toWhom} فرستاده شد.`, ok: true },
    moved: { text: `${whose} جابه‌جا شد. پیامکی با زمان تازه ${toWhom} فرستاده شد.`, ok: true },
    cancelled: { text: `${whose} لغو شد.`, ok: true },
    SLOT_FULL: { text: "نوبتی که انتخاب کردید همین حالا پر شد. نزدیک‌ترین نوبت‌های آزاد در زیر آمده است؛ یکی دیگر را انتخاب کنید.", ok: false },
    SLOT_UNAVAILABLE: { text: "این نوبت دیگر قابل رزرو نیست (روز تعطیل شد یا گذشت). یکی از نوبت‌های آزاد زیر را انتخاب کنید.", ok: false },
    ALREADY_BOOKED: {
      text: `${forPerson ? `${forPerson} یک نوبت رزروشده دارد` : "شما یک نوبت رزروشده دارید"}. برای زمان دیگر، همان نوبت را جابه‌جا کنید.`,
      ok: false,
    },
    NOT_FOUND: { text: "این نوبت پیدا نشد یا دیگر قابل تغییر نیست.", ok: false },
    NO_SLOT: { text: "یکی از نوبت‌های آزاد را انتخاب کنید.", ok: false },
  };
}

const dayLabel = (day: string) => `${WEEKDAY_NAMES_FA[weekdayOf(day)]} ${formatJalaliForDisplay(gregorianToJalali(new Date(`${day}T12:00:00Z`)))}`;

function Message({ code, forPerson }: { code: string | undefined; forPerson: string | undefined }) {
  const message = code ? visitMessages(forPerson)[code] : undefined;
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`border-s-4 p-4 font-bold ${message.ok ? "border-success bg-brand-50" : "border-danger text-danger"}`}>
      {message.text}
    </p>
  );
}

function BranchPicker({ pagePath, home, others, selected, whose }: { pagePath: string; home: Branch | null; others: Branch[]; selected: string; whose: string }) {
  const cities = [...new Set(others.map((b) => b.city))];
  return (
    <form method="get" action={pagePath} className="flex flex-wrap items-end gap-3">
      <div className="min-w-0 max-w-full space-y-1">
        <label htmlFor="visit-branch" className="block font-bold">
          شعبه
        </label>
        <select id="visit-branch" name="branch" defaultValue={selected} className="block min-h-12 w-full max-w-full rounded border-2 border-brand-700 bg-white px-3">
          {home ? <option value={home.id}>{`${home.name} (شعبه بیمه ${whose})`}</option> : null}
          {cities.map((city) => (
            <optgroup key={city} label={city}>
              {others
                .filter((b) => b.city === city)
                .map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-12 rounded border-2 border-brand-700 px-4 font-bold text-brand-700 hover:bg-brand-50">
        نمایش نوبت‌های این شعبه
      </button>
    </form>
  );
}

function SlotForm({
  days,
  action,
  visitId,
  branchId,
  submitLabel,
}: {
  days: Day[];
  action: FormAction;
  visitId?: string;
  branchId: string;
  submitLabel: string;
}) {
  const shown = days.slice(0, DAYS_SHOWN);
  if (!shown.some((d) => !d.full)) {
    return <p className="font-bold">این شعبه در سی روز آینده نوبت آزادی ندارد. شعبه دیگری را انتخاب کنید.</p>;
  }
  return (
    <form action={action} className="space-y-4">
      {visitId ? <input type="hidden" name="visitId" value={visitId} /> : null}
      <input type="hidden" name="branch" value={branchId} />
      {shown.map((day) => (
        <fieldset key={day.day} className="space-y-2 border-t border-brand-100 pt-3">
          <legend className="font-bold">{dayLabel(day.day)}</legend>
          {day.full ? (
            <p className="text-muted">ظرفیت این روز پر شده است.</p>
          ) : (
            <div className="flex flex-wrap gap-3">
              {day.slots.map((slot) => (
                <label key={slot.id} className="flex min-h-11 items-center gap-2 rounded border border-brand-100 px-3">
                  <input type="radio" name="slotId" value={slot.id} className="size-5" />
                  <span>
                    ساعت {formatTehranTime(slot.startsAt)} <span className="text-muted">({toPersianDigits(slot.free)} نوبت خالی)</span>
                  </span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
      ))}
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}

/**
 * Booking a branch visit, or the booked one with its move and cancel: for a
 * signed-in citizen and for a person refused at registration alike. Plain
 * forms: the branch is chosen with GET, the slot posted to a server action.
 */
export function VisitBooking({
  pagePath,
  message,
  branches,
  selectedBranchId,
  days,
  current,
  past,
  bookAction,
  moveAction,
  cancelAction,
  forPerson,
}: {
  pagePath: string;
  message: string | undefined;
  branches: { home: Branch | null; others: Branch[] };
  selectedBranchId: string;
  days: Day[];
  current: Visit | null;
  past: Visit[];
  bookAction: FormAction;
  moveAction: FormAction;
  cancelAction: FormAction;
  /** The principal's name when a helper has their file open (docs/decisions/020); the page then speaks of them, not of "you". */
  forPerson?: string;
}) {
  const whose = forPerson ? "او" : "شما";
  return (
    <div className="space-y-8">
      <Message code={message} forPerson={forPerson} />
      {current ? (
        <section aria-labelledby="current-visit" className="space-y-3 rounded border-2 border-brand-700 p-5">
          <h2 id="current-visit">{forPerson ? `نوبت رزروشده ${forPerson}` : "نوبت رزروشده شما"}</h2>
          <dl className="space-y-2">
            <div>
              <dt className="inline font-bold">کد رهگیری نوبت: </dt>
              <dd className="inline" dir="ltr">
                {formatTrackingCode(current.trackingCode)}
              </dd>
            </div>
            <div>
              <dt className="inline font-bold">زمان: </dt>
              <dd className="inline">{formatTehranDateTime(current.startsAt)}</dd>
            </div>
            <div>
              <dt className="inline font-bold">شعبه: </dt>
              <dd className="inline">
                {current.branch.name}، {current.branch.address}، تلفن <span dir="ltr">{toPersianDigits(current.branch.phone)}</span>
              </dd>
            </div>
            <div>
              <dt className="inline font-bold">مدارک همراه: </dt>
              <dd className="inline">{VISIT_DOCUMENTS}</dd>
            </div>
          </dl>
          <form action={cancelAction}>
            <input type="hidden" name="visitId" value={current.id} />
            <button type="submit" className="min-h-12 rounded border-2 border-danger px-4 font-bold text-danger hover:bg-red-50">
              لغو نوبت
            </button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="choose-visit" className="space-y-4">
        <h2 id="choose-visit">{current ? "جابه‌جایی نوبت" : "انتخاب شعبه و زمان"}</h2>
        <p>
          نوبت‌ها فقط در روزهای کاری است. شعبه بیمه {whose} نخست آمده است؛ شعبه‌های دیگر را به ترتیب شهر می‌بینید. پس از انتخاب شعبه، روز و ساعت را
          انتخاب کنید.
        </p>
        <BranchPicker pagePath={pagePath} home={branches.home} others={branches.others} selected={selectedBranchId} whose={whose} />
        <SlotForm
          days={days}
          action={current ? moveAction : bookAction}
          visitId={current?.id}
          branchId={selectedBranchId}
          submitLabel={current ? "جابه‌جایی نوبت به این زمان" : "رزرو نوبت"}
        />
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="past-visits" className="space-y-3">
          <h2 id="past-visits">نوبت‌های پیشین</h2>
          <ul className="space-y-2">
            {past.map((v) => (
              <li key={v.id}>
                {formatTehranDateTime(v.startsAt)}، {v.branch.name}: {STATUS_LABEL[v.status]} (کد رهگیری <span dir="ltr">{formatTrackingCode(v.trackingCode)}</span>)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
