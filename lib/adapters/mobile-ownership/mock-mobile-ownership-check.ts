import "server-only";
import type { MobileOwnershipCheck, MobileOwnershipInput } from "./mobile-ownership-check";

export type MobileOwnershipEntry = { nationalId: string; mobile: string | null };

/**
 * Ownership from the fixture people. A SIM card has one registered owner, so
 * when several people list the same number (a parent's phone given on a
 * child's record) the first one listed owns it and the others do not.
 */
export class MockMobileOwnershipCheck implements MobileOwnershipCheck {
  private readonly ownerByMobile = new Map<string, string>();

  constructor(persons: readonly MobileOwnershipEntry[]) {
    for (const { mobile, nationalId } of persons) {
      if (mobile !== null && !this.ownerByMobile.has(mobile)) this.ownerByMobile.set(mobile, nationalId);
    }
  }

  async isOwner({ mobile, nationalId }: MobileOwnershipInput): Promise<boolean> {
    return this.ownerByMobile.get(mobile) === nationalId;
  }
}
