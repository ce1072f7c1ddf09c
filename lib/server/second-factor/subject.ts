/** Whose second factor: a staff member (required) or a citizen (optional). */
export type FactorSubject = { kind: "STAFF"; staffId: string } | { kind: "CITIZEN"; citizenId: string };

export const factorOwner = (subject: FactorSubject) =>
  subject.kind === "STAFF" ? { staffId: subject.staffId } : { citizenId: subject.citizenId };
