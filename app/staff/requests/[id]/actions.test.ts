import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/server/auth/sessions";

// The actions check the session themselves before any use case runs; the use
// cases decide who may act on which request (lib/server/review/*.integration.test.ts)
// and the actions turn their refusals into messages without losing what was typed.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/server/auth/session-cookie", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/server/db/prisma", () => ({ getDb: async () => ({}) }));
const mocks = vi.hoisted(() => ({ claimRequest: vi.fn(), assignRequest: vi.fn(), decideRequest: vi.fn() }));
vi.mock("@/lib/server/review/claim-request", () => ({ claimRequest: mocks.claimRequest, assignRequest: mocks.assignRequest }));
vi.mock("@/lib/server/review/decide-request", () => ({ decideRequest: mocks.decideRequest }));

const { assignAction, claimAction, decideAction } = await import("./actions");

const REQUEST = "7cf0ae0e-bafe-43b5-ba8d-a63db7ab9cb4";
const VERSION = "2026-11-30T10:00:00.000Z";
const officer: SessionUser = { kind: "staff", sessionId: "s", accountId: "o1", personnelCode: "120101", displayName: "x", role: "OFFICER", branchId: "b1" };
const citizen: SessionUser = { kind: "citizen", sessionId: "s", accountId: "a", nationalId: "0012345679", displayName: "x" };
const empty = { values: {}, fieldErrors: {} };
const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};
const digestOf = (run: () => Promise<unknown>) =>
  run().then(
    (value) => value,
    (error: unknown) => String((error as { digest?: string }).digest ?? error),
  );

const ACTIONS = {
  claimAction: () => claimAction(REQUEST, empty, form([])),
  assignAction: () => assignAction(REQUEST, empty, form([["assignee", "o2"], ["version", VERSION]])),
  decideAction: () => decideAction(REQUEST, empty, form([["decision", "APPROVE"], ["version", VERSION]])),
};

describe("staff request actions", () => {
  beforeEach(() => {
    for (const fn of Object.values(mocks)) fn.mockReset();
  });

  for (const [name, run] of Object.entries(ACTIONS)) {
    it(`${name}: signed out goes to the staff sign-in, a citizen gets not-found, and no use case runs`, async () => {
      session.user = null;
      expect(await digestOf(run)).toMatch(/^NEXT_REDIRECT;.*;\/staff\/login;/);
      session.user = citizen;
      expect(await digestOf(run)).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
      for (const fn of Object.values(mocks)) expect(fn).not.toHaveBeenCalled();
    });

    it(`${name}: a request the use case does not show this person is not found`, async () => {
      session.user = officer;
      for (const fn of Object.values(mocks)) fn.mockRejectedValue(new AppError("NOT_FOUND"));
      expect(await digestOf(run)).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    });
  }

  it("says who holds the request, or that it changed, and keeps the answer as typed", async () => {
    session.user = officer;
    const answer = form([["decision", "ANSWER"], ["version", VERSION], ["answer", "سابقه شما اصلاح شد و دیده می‌شود."]]);
    mocks.decideRequest.mockRejectedValueOnce(new AppError("FORBIDDEN"));
    const held = (await decideAction(REQUEST, empty, answer)) as { formError?: string; values: Record<string, string> };
    expect(held.formError).toContain("در دست کارشناس دیگری است");
    expect(held.values.answer).toBe("سابقه شما اصلاح شد و دیده می‌شود.");
    mocks.decideRequest.mockRejectedValueOnce(new AppError("CONFLICT"));
    const changed = (await decideAction(REQUEST, empty, answer)) as { formError?: string };
    expect(changed.formError).toContain("تغییر کرده است");
  });

  it("checks the form before deciding: a reason for a rejection, text for an answer, a version for all", async () => {
    session.user = officer;
    const noReason = await decideAction(REQUEST, empty, form([["decision", "REJECT"], ["version", VERSION]]));
    expect(noReason.fieldErrors).toEqual({ "reject-reason": "دلیل رد درخواست را انتخاب کنید." });
    const other = await decideAction(REQUEST, empty, form([["decision", "REJECT"], ["version", VERSION], ["reason", "OTHER"]]));
    expect(other.fieldErrors["reject-note"]).toContain("دلیل دیگر");
    const short = await decideAction(REQUEST, empty, form([["decision", "ANSWER"], ["version", VERSION], ["answer", "باشه"]]));
    expect(short.fieldErrors["answer-answer"]).toContain("دست‌کم ۱۰");
    expect(short.values.answer).toBe("باشه");
    const stale = await decideAction(REQUEST, empty, form([["decision", "APPROVE"]]));
    expect(stale.formError).toContain("تغییر کرده است");
    expect(mocks.decideRequest).not.toHaveBeenCalled();

    expect(await digestOf(() => decideAction(REQUEST, empty, form([["decision", "RETURN"], ["version", VERSION], ["documents", "BIRTH_CERTIFICATE"]])))).toMatch(
      /^NEXT_REDIRECT;.*;\/staff\/requests\/7cf0ae0e-bafe-43b5-ba8d-a63db7ab9cb4\?done=returned;/,
    );
    expect(mocks.decideRequest).toHaveBeenCalledWith(
      expect.objectContaining({ staff: officer, requestId: REQUEST, expectedVersion: new Date(VERSION), decision: { type: "RETURN", documents: ["BIRTH_CERTIFICATE"], note: undefined } }),
    );
  });
});
