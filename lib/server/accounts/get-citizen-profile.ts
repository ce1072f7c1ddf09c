import "server-only";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";

export type CitizenProfile = {
  firstName: string;
  lastName: string;
  nationalId: string;
  mobile: string;
  email: string | null;
  emailVerifiedAt: Date | null;
  insurance: { insuranceNumber: string; kind: "INSURED" | "PENSIONER"; branchName: string } | null;
};

export async function getCitizenProfile({ db, accountId }: { db: Db; accountId: string }): Promise<CitizenProfile> {
  const account = await db.citizenAccount.findUnique({
    where: { id: accountId },
    select: { firstName: true, lastName: true, nationalId: true, mobile: true, email: true, emailVerifiedAt: true },
  });
  if (!account) throw new AppError("NOT_FOUND");
  const insurance = await db.insuranceRecord.findUnique({
    where: { nationalId: account.nationalId },
    select: { insuranceNumber: true, kind: true, branch: { select: { name: true } } },
  });
  return {
    ...account,
    insurance: insurance
      ? { insuranceNumber: insurance.insuranceNumber, kind: insurance.kind, branchName: insurance.branch.name }
      : null,
  };
}
