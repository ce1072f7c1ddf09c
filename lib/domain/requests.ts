// The request vocabulary, for code that must not reach the database layer
// (presentational components). The values come from the Prisma schema.
export { RequestKind, RequestStatus } from "@/lib/generated/prisma/enums";
export type {
  RequestDomain as TRequestDomain,
  RequestEventType as TRequestEventType,
  RequestKind as TRequestKind,
  RequestStatus as TRequestStatus,
} from "@/lib/generated/prisma/enums";
