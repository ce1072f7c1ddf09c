"use client";

import { useState, useSyncExternalStore } from "react";
import {
  evaluatePassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordPersonalInfo,
  type PasswordRuleId,
} from "@/lib/utils/password-rules";
import { toPersianDigits } from "@/lib/utils/digits";

const noSubscription = () => () => {};

type RuleState = "pending" | "met" | "unmet";
type RuleView = { id: PasswordRuleId; label: string; ok: boolean; state: RuleState };

const COMMON_PASSWORD_NOTE =
  "گذرواژه‌های بسیار رایج پذیرفته نمی‌شوند. چند واژه که فقط خودتان می‌دانید، گذرواژه خوب و به‌یادماندنی‌ای می‌سازد.";

/** The rules in one sentence: what a visitor without JavaScript reads instead of the live list. */
const PASSWORD_RULES_TEXT =
  `گذرواژه باید دست‌کم ${toPersianDigits(PASSWORD_MIN_LENGTH)} و حداکثر ${toPersianDigits(PASSWORD_MAX_LENGTH)} نویسه باشد ` +
  "و نباید نام، نام خانوادگی، نام پدر، کد ملی یا شماره همراه شما را در خود داشته باشد. " +
  COMMON_PASSWORD_NOTE;

const SYMBOL: Record<RuleState, string> = { pending: "•", met: "✓", unmet: "✗" };
const STATUS_TEXT: Record<RuleState, string> = { pending: "", met: "رعایت شده", unmet: "رعایت نشده" };

function ruleViews(password: string, personal: PasswordPersonalInfo): RuleView[] {
  // An empty field has not broken any rule yet: show the rules without a verdict.
  return evaluatePassword(password, personal).map(({ id, label, ok }) => ({
    id,
    label,
    ok,
    state: password === "" ? "pending" : ok ? "met" : "unmet",
  }));
}

/**
 * One short sentence for each rule whose verdict flipped, e.g. «دست‌کم ۱۰ نویسه: رعایت شده».
 * Verdicts are compared as if an empty field were a password like any other, so
 * the first keystroke says nothing (the rules were read with the field) while a
 * pasted password that breaks a rule is announced at once. Clearing the field says nothing.
 */
function describeChanges(before: readonly RuleView[], after: readonly RuleView[]): string {
  return after
    .filter((rule) => rule.state !== "pending" && before.find((b) => b.id === rule.id)?.ok !== rule.ok)
    .map((rule) => `${rule.label}: ${STATUS_TEXT[rule.state]}`)
    .join("؛ ");
}

/**
 * The password rules, ticked off as the person types. Without JavaScript it is
 * a plain sentence with the same id, so `aria-describedby` works either way.
 *
 * The visible list is not a live region: reading the whole list on each
 * keystroke would drown out the typing. A separate, visually hidden polite
 * region says only which rule changed, and only when its verdict flips.
 */
export function PasswordRulesChecklist({
  id,
  password,
  personal,
}: {
  /** Referenced by the password input's aria-describedby. */
  id: string;
  password: string;
  personal: PasswordPersonalInfo;
}) {
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const rules = ruleViews(password, personal);

  // Adjusting state while rendering (not in an effect) keeps the announcement
  // in step with the list without an extra render pass.
  const [previousRules, setPreviousRules] = useState(rules);
  const [announcement, setAnnouncement] = useState("");
  const rulesKey = (views: readonly RuleView[]) => views.map((rule) => `${rule.state}:${rule.ok}`).join();
  if (rulesKey(rules) !== rulesKey(previousRules)) {
    setPreviousRules(rules);
    setAnnouncement(describeChanges(previousRules, rules));
  }

  if (!enhanced) {
    return (
      <p id={id} className="text-muted">
        {PASSWORD_RULES_TEXT}
      </p>
    );
  }

  return (
    <>
      <div id={id} className="text-muted">
        <p>گذرواژه باید این شرط‌ها را داشته باشد:</p>
        {/* role="list": Safari drops list semantics from lists styled without bullets. */}
        <ul role="list" className="my-1 space-y-1">
          {rules.map((rule) => (
            <li key={rule.id} className="flex items-baseline gap-2">
              <span
                aria-hidden="true"
                className={`inline-block w-5 shrink-0 text-center font-bold ${rule.state === "met" ? "text-success" : "text-ink"}`}
              >
                {SYMBOL[rule.state]}
              </span>
              <span className={rule.state === "met" ? "text-ink" : undefined}>
                {rule.label}
                {rule.state === "pending" ? null : <span className="sr-only"> ({STATUS_TEXT[rule.state]})</span>}
              </span>
            </li>
          ))}
        </ul>
        <p>{COMMON_PASSWORD_NOTE}</p>
      </div>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </>
  );
}
