import { describe, expect, it } from "vitest";
import { ZQuestion } from "./question";
import { ZDecisionForm } from "./review";
import { isSafeText, UNSAFE_TEXT_MESSAGE } from "./safe-text";

const BAD = ["\u0000", "\ufffd", "\ud800", "\udc00", "\u0007", "\u007f"];
const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe("text that PostgreSQL cannot store or that was not UTF-8", () => {
  it("is told apart from ordinary Persian text with line breaks, tabs and emoji", () => {
    expect(isSafeText("سلام\nدنیا\tخوب 👨‍👩‍👧 ۱۲۳")).toBe(true);
    for (const bad of BAD) expect(isSafeText(`متن${bad}متن`)).toBe(false);
  });

  it.each(BAD.map((bad) => [JSON.stringify(bad), bad]))("is refused with a message in a question's subject and body (%s)", (_label, bad) => {
    const question = { domain: "INSURANCE", submissionId: crypto.randomUUID(), subject: "موضوع پرسش من", body: "متن پرسش به اندازه کافی بلند است." };
    expect(messagesOf(ZQuestion.safeParse({ ...question, subject: `موضوع${bad} پرسش` }))).toContain(UNSAFE_TEXT_MESSAGE);
    expect(messagesOf(ZQuestion.safeParse({ ...question, body: `متن پرسش${bad} به اندازه کافی بلند است.` }))).toContain(UNSAFE_TEXT_MESSAGE);
    expect(ZQuestion.safeParse(question).success).toBe(true);
  });

  it("is refused in staff answers and notes", () => {
    const version = new Date().toISOString();
    expect(messagesOf(ZDecisionForm.safeParse({ decision: "ANSWER", version, answer: "پاسخ کارشناس\u0000 به پرسش" }))).toContain(UNSAFE_TEXT_MESSAGE);
    expect(messagesOf(ZDecisionForm.safeParse({ decision: "APPROVE", version, note: "یادداشت\ufffd" }))).toContain(UNSAFE_TEXT_MESSAGE);
  });
});
