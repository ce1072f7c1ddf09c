import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError, type AppErrorCode } from "@/lib/errors";
import type { SessionUser } from "@/lib/server/auth/sessions";

// «ارسال دوباره» on «پیامک‌های نرسیده» and «ایمیل‌های نرسیده»: each action checks the session and
// the role itself, refuses an id that is not one before the use case, and tells the
// administrator what happened in the page's words.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/server/auth/session-cookie", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/server/db/prisma", () => ({ getDb: async () => ({}) }));
const useCases = vi.hoisted(() => ({
  retrySms: vi.fn(async (_options: unknown): Promise<void> => undefined),
  retryEmail: vi.fn(async (_options: unknown): Promise<void> => undefined),
}));
vi.mock("@/lib/server/sms/retry-sms", () => ({ retrySms: useCases.retrySms }));
vi.mock("@/lib/server/email/retry-email", () => ({ retryEmail: useCases.retryEmail }));

const { retrySmsAction } = await import("./messages/actions");
const { retryEmailAction } = await import("./emails/actions");

const ID = "00000000-0000-4000-8000-000000000000";
const admin: SessionUser = { kind: "staff", sessionId: "s", accountId: "a", personnelCode: "900001", displayName: "x", role: "ADMIN", branchId: null };
/** The digest Next gives the error that redirect() and notFound() throw. */
const digestOf = (run: () => Promise<unknown>) =>
  run().then(
    () => "returned",
    (error: unknown) => String((error as { digest?: string }).digest ?? error),
  );

describe.each([
  { name: "retrySmsAction", action: retrySmsAction, useCase: useCases.retrySms, field: "messageId", idKey: "messageId", page: "/staff/admin/messages", refused: "code" },
  { name: "retryEmailAction", action: retryEmailAction, useCase: useCases.retryEmail, field: "emailId", idKey: "emailId", page: "/staff/admin/emails", refused: "link" },
])("$name", ({ action, useCase, field, idKey, page, refused }) => {
  const form = (id: string) => {
    const data = new FormData();
    data.append(field, id);
    return data;
  };
  const redirectTo = (path: string) => new RegExp(`^NEXT_REDIRECT;[^;]*;${path.replace(/[?]/g, "\\?")};`);

  beforeEach(() => {
    useCase.mockReset();
    useCase.mockResolvedValue(undefined);
  });

  it("sends the signed-out to the staff sign-in and other staff to not-found, without retrying", async () => {
    session.user = null;
    expect(await digestOf(() => action(form(ID)))).toMatch(redirectTo("/staff/login"));
    session.user = { ...admin, role: "BRANCH_HEAD", branchId: "b1" };
    expect(await digestOf(() => action(form(ID)))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(useCase).not.toHaveBeenCalled();
  });

  it("retries as the signed-in administrator and says so", async () => {
    session.user = admin;
    expect(await digestOf(() => action(form(ID)))).toMatch(redirectTo(`${page}?done=retried`));
    expect(useCase).toHaveBeenCalledWith(expect.objectContaining({ [idKey]: ID, actor: admin }));
  });

  it("goes back to the list for an id that is not one, without asking the database", async () => {
    session.user = admin;
    expect(await digestOf(() => action(form("../../etc")))).toMatch(redirectTo(page));
    expect(useCase).not.toHaveBeenCalled();
  });

  it.each<[AppErrorCode, string]>([
    ["CONFLICT", "not-dead"],
    ["INVALID_INPUT", refused],
    ["NOT_FOUND", "gone"],
  ])("tells the administrator when the use case refuses with %s", async (code, done) => {
    session.user = admin;
    useCase.mockRejectedValue(new AppError(code));
    expect(await digestOf(() => action(form(ID)))).toMatch(redirectTo(`${page}?done=${done}`));
  });

  it("lets any other failure reach the error page", async () => {
    session.user = admin;
    useCase.mockRejectedValue(new Error("database down"));
    expect(await digestOf(() => action(form(ID)))).toBe("Error: database down");
  });
});
