import { describe, expect, it } from "vitest";
import { isSessionActive, SESSION_POLICY } from "./session-policy";

const start = new Date("2026-11-26T08:00:00Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe("isSessionActive", () => {
  const citizen = { kind: "CITIZEN" as const, lastSeenAt: start, expiresAt: minutes(12 * 60), revokedAt: null };
  const staff = { ...citizen, kind: "STAFF" as const, expiresAt: minutes(10 * 60) };

  it("keeps a session that was used recently", () => {
    expect(isSessionActive(citizen, minutes(29))).toBe(true);
    expect(isSessionActive(staff, minutes(14))).toBe(true);
  });

  it("ends a session after the idle timeout, shorter for staff", () => {
    expect(isSessionActive(citizen, minutes(30))).toBe(false);
    expect(isSessionActive(staff, minutes(15))).toBe(false);
    expect(SESSION_POLICY.STAFF.idleMs).toBe(15 * 60_000);
  });

  it("ends a session at its absolute expiry even when active", () => {
    expect(isSessionActive({ ...citizen, lastSeenAt: minutes(12 * 60 - 1) }, minutes(12 * 60))).toBe(false);
  });

  it("ends a revoked session at once", () => {
    expect(isSessionActive({ ...citizen, revokedAt: minutes(1) }, minutes(2))).toBe(false);
  });
});
