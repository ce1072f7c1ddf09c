export type MobileOwnershipInput = {
  /** 09XXXXXXXXX, ASCII digits, already normalised. */
  mobile: string;
  /** 10 ASCII digits, already normalised. */
  nationalId: string;
};

/**
 * The operators' registry of who a SIM card is registered to. A one-time code
 * sent to a number proves only that someone holds the phone; this check ties the
 * number to the person. Throws AppError("MOBILE_CHECK_UNAVAILABLE") when it
 * cannot be asked.
 */
export interface MobileOwnershipCheck {
  isOwner(input: MobileOwnershipInput): Promise<boolean>;
}
