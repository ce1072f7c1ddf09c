import { z } from "zod";
import { parseJalaliDate } from "@/lib/utils/jalali";

const nationalId = z.string().regex(/^\d{10}$/, "must be 10 ASCII digits");

// The registry's answer is checked field by field because the rest of the
// portal trusts it: names go on certificates, the parents' IDs decide who may
// enrol whom as a dependent.
export const ZRegistryPerson = z.object({
  nationalId,
  firstName: z.string().trim().min(1),
  lastName: z.string().trim().min(1),
  fatherName: z.string().trim().min(1),
  /** Jalali, ASCII digits. */
  birthDate: z
    .string()
    .regex(/^\d{4}\/\d{2}\/\d{2}$/, "must be a Jalali date YYYY/MM/DD")
    .refine((date) => parseJalaliDate(date) !== null, "must be a real Jalali date"),
  gender: z.enum(["male", "female"]),
  isAlive: z.boolean(),
  fatherNationalId: nationalId.nullable(),
  motherNationalId: nationalId.nullable(),
  spouseNationalId: nationalId.nullable(),
});

export type RegistryPerson = z.output<typeof ZRegistryPerson>;

export type RegistryLookup = { found: true; person: RegistryPerson } | { found: false };

export type RegistryLookupInput = {
  /** 10 ASCII digits, already normalised. */
  nationalId: string;
  /** Jalali YYYY/MM/DD, ASCII digits. */
  birthDate: string;
};

/**
 * The national civil registry. It answers only when the national ID and the
 * birth date both match, so a wrong birth date reads as "not found" rather than
 * revealing that the ID exists. Throws AppError("REGISTRY_UNAVAILABLE") when the
 * registry cannot be asked.
 */
export interface CivilRegistry {
  lookupPerson(input: RegistryLookupInput): Promise<RegistryLookup>;
}
