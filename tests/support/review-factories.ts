// Requests built straight in the database for tests of the staff workspace, so
// each test gets its own without going through the civil registry.
import crypto from "node:crypto";
import type { Db } from "@/lib/server/db/prisma";
import { createRequest } from "@/lib/server/requests/create-request";

export async function staffActor(db: Db, personnelCode: string) {
  const staff = await db.staffAccount.findUniqueOrThrow({ where: { personnelCode }, select: { id: true, role: true, branchId: true } });
  return { accountId: staff.id, role: staff.role, branchId: staff.branchId };
}

/** A dependent-enrolment request (a son, rule SON_UNDER_18) of the citizen, in the citizen's branch. */
export async function createEnrolmentRequest(
  db: Db,
  { citizenNationalId, dependentNationalId = String(crypto.randomInt(1_000_000_000, 9_999_999_999)), duplicateOf = null, now = new Date() }: {
    citizenNationalId: string;
    dependentNationalId?: string;
    duplicateOf?: string | null;
    now?: Date;
  },
) {
  const citizen = await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: citizenNationalId }, select: { id: true } });
  const insurance = await db.insuranceRecord.findUniqueOrThrow({ where: { nationalId: citizenNationalId }, select: { branchId: true } });
  return db.$transaction(async (tx) => {
    const request = await createRequest(tx, {
      kind: "DEPENDENT_ENROLMENT",
      applicantNationalId: citizenNationalId,
      citizenId: citizen.id,
      branchId: insurance.branchId,
      events: [{ type: "SUBMITTED", actorKind: "CITIZEN" }],
      dueAt: new Date(now.getTime() + 5 * 86_400_000),
      content: { subject: "نام‌نویسی پسر: آزمون" },
      now,
    });
    await tx.dependentEnrolment.create({
      data: {
        requestId: request.id,
        dependentNationalId,
        firstName: "آرش",
        lastName: "آزمون",
        fatherName: "محمد",
        birthDate: "1395/01/01",
        gender: "MALE",
        relationship: "SON",
        declared: {},
        eligibilityRule: "SON_UNDER_18",
        duplicateOfNationalId: duplicateOf,
      },
    });
    return request;
  });
}

/** A question of the citizen, in the citizen's branch. */
export async function createQuestionRequest(db: Db, { citizenNationalId, now = new Date(), dueAt }: { citizenNationalId: string; now?: Date; dueAt?: Date | null }) {
  const citizen = await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: citizenNationalId }, select: { id: true } });
  const insurance = await db.insuranceRecord.findUniqueOrThrow({ where: { nationalId: citizenNationalId }, select: { branchId: true } });
  return db.$transaction((tx) =>
    createRequest(tx, {
      kind: "QUESTION",
      applicantNationalId: citizenNationalId,
      citizenId: citizen.id,
      branchId: insurance.branchId,
      events: [{ type: "SUBMITTED", actorKind: "CITIZEN" }],
      dueAt: dueAt === undefined ? new Date(now.getTime() + 3 * 86_400_000) : dueAt,
      content: { domain: "INSURANCE", subject: "سابقه بیمه", body: "سابقه سال ۱۳۸۰ من ثبت نشده است." },
      now,
    }),
  );
}
