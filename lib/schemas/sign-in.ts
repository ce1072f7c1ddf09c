import { z } from "zod";
import { zNationalId, zPasswordForSignIn, zPersonnelCode } from "./fields";

export const ZCitizenSignIn = z.object({ nationalId: zNationalId, password: zPasswordForSignIn });
export type TCitizenSignIn = z.infer<typeof ZCitizenSignIn>;

export const ZStaffSignIn = z.object({ personnelCode: zPersonnelCode, password: zPasswordForSignIn });
export type TStaffSignIn = z.infer<typeof ZStaffSignIn>;
