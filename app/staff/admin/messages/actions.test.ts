import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError, type AppErrorCode } from "@/lib/errors";
import type { SessionUser } from "@/lib/server/auth/sessions";

// «ارسال دوباره»: the action checks the session and the role itself, refuses an id that is
// not one before the use case, and tells the administrator what happened in the page's words.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/server/auth/session-cookie", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/server/db/prisma", () => ({ getDb: async () => ({}) }));
const useCase = vi.hoisted(() => ({ retrySms: vi.fn(async (_options: unknown): Promise<void> => undefined) }));
vi.mock("@/lib/server/sms/retry-sms", () => useCase);

const { retrySmsAction } = await import("./actions");

const MESSAGE_ID = "00000000-0000-4000-8000-000000000000";
const admin: SessionUser = { kind: "staff", sessionId: "s", accountId: "a", personnelCode: "900001", displayName: "x", role: "ADMIN", branchId: null };
const form = (messageId: string) => {
  const data = new FormData();
  data.append("messageId", messageId);
  return data;
};
/** The digest Next gives the error that redirect() and notFound() throw. */
const digestOf = (run: () => Promise<unknown>) =>
  run().then(
    () => "returned",
    (error: unknown) => String((error as { digest?: string }).digest ?? error),
  );

describe("retrySmsAction", () => {
  beforeEach(() => {
    useCase.retrySms.mockReset();
    useCase.retrySms.mockResolvedValue(undefined);
  });

  it("sends the signed-out to the staff sign-in and other staff to not-found, without retrying", async () => {
    session.user = null;
    expect(await digestOf(() => retrySmsAction(form(MESSAGE_ID)))).toMatch(/^NEXT_REDIRECT;[^;]*;\/staff\/login;/);
    session.user = { ...admin, role: "BRANCH_HEAD", branchId: "b1" };
    expect(await digestOf(() => retrySmsAction(form(MESSAGE_ID)))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(useCase.retrySms).not.toHaveBeenCalled();
  });

  it("retries the message as the signed-in administrator and says so", async () => {
    session.user = admin;
    expect(await digestOf(() => retrySmsAction(form(MESSAGE_ID)))).toMatch(/^NEXT_REDIRECT;[^;]*;\/staff\/admin\/messages\?done=retried;/);
    expect(useCase.retrySms).toHaveBeenCalledWith(expect.objectContaining({ messageId: MESSAGE_ID, actor: admin }));
  });

  it("goes back to the list for an id that is not one, without asking the database", async () => {
    session.user = admin;
    expect(await digestOf(() => retrySmsAction(form("../../etc")))).toMatch(/^NEXT_REDIRECT;[^;]*;\/staff\/admin\/messages;/);
    expect(useCase.retrySms).not.toHaveBeenCalled();
  });

  it.each<[AppErrorCode, string]>([
    ["CONFLICT", "not-dead"],
    ["INVALID_INPUT", "code"],
    ["NOT_FOUND", "gone"],
  ])("tells the administrator when the use case refuses with %s", async (code, done) => {
    session.user = admin;
    useCase.retrySms.mockRejectedValue(new AppError(code));
    expect(await digestOf(() => retrySmsAction(form(MESSAGE_ID)))).toMatch(new RegExp(`^NEXT_REDIRECT;[^;]*;/staff/admin/messages\\?done=${done};`));
  });

  it("lets any other failure reach the error page", async () => {
    session.user = admin;
    useCase.retrySms.mockRejectedValue(new Error("database down"));
    expect(await digestOf(() => retrySmsAction(form(MESSAGE_ID)))).toBe("Error: database down");
  });
});
