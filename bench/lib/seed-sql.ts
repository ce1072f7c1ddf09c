// Bulk data generated inside PostgreSQL (INSERT ... SELECT generate_series):
// no rows cross the network, so a million rows take seconds, not minutes.
// Synthetic national IDs use prefixes no demo person has: insured people and
// account holders 1000000001.., dependents 2000000001.., enrolled dependents 3...

export type SeedCounts = { branches: number; insured: number; accounts: number; dependents: number; requests: number };

/** `--scale`: the quick scale (about 100 s of seeding); `--scale=national` is bench/lib/national.ts. */
export const QUICK_SCALE: SeedCounts = { branches: 96, insured: 1_000_000, accounts: 200_000, dependents: 2_000_000, requests: 1_000_000 };

/** The national ID of synthetic insured person i (1-based). */
export const insuredNationalId = (i: number) => `1${String(i).padStart(9, "0")}`;

/** Share of requests filed with branch 1201, whose officer 120101 is measured: the busiest queue in the country. */
const HEAVY_BRANCH_EVERY = 10;

export function scaleSeedStatements(c: SeedCounts): { label: string; sql: string }[] {
  const branchIds = `(SELECT array_agg(id ORDER BY code) AS ids, count(*)::int AS n FROM "Branch")`;
  const nid = (prefix: number, expr: string) => `'${prefix}' || lpad((${expr})::text, 9, '0')`;
  // Request i: applicant is account holder 1 + (i-1) % accounts, so each has requests/accounts of them.
  const applicant = `1 + (i - 1) % ${c.accounts}`;
  // Status by (i / 10) % 10, independent of the branch (i % 10): 30 % open, 70 % decided.
  const status = `(ARRAY['SUBMITTED','IN_REVIEW','RETURNED','APPROVED','REJECTED','ANSWERED','APPROVED','REJECTED','ANSWERED','CLOSED'])[1 + (i / 10) % 10]`;
  return [
    {
      label: `${c.branches} more branches`,
      sql: `INSERT INTO "Branch" (id, code, name, province, city, address, phone)
        SELECT gen_random_uuid(), 'S' || lpad(i::text, 4, '0'), 'شعبه ' || i, 'استان', 'شهر', 'نشانی شعبه ' || i, '02100000000'
        FROM generate_series(1, ${c.branches}) AS i`,
    },
    {
      label: `${c.insured.toLocaleString("en-US")} insured persons`,
      sql: `INSERT INTO "InsuranceRecord" (id, "nationalId", "insuranceNumber", kind, "branchId")
        SELECT gen_random_uuid(), ${nid(1, "i")}, 'S' || i, (CASE WHEN i % 2 = 0 THEN 'PENSIONER' ELSE 'INSURED' END)::"InsuranceKind", b.ids[1 + i % b.n]
        FROM generate_series(1, ${c.insured}) AS i, ${branchIds} AS b`,
    },
    {
      label: `${c.accounts.toLocaleString("en-US")} citizen accounts`,
      sql: `INSERT INTO "CitizenAccount" (id, "nationalId", mobile, "firstName", "lastName", "fatherName", "birthDate", gender, "passwordHash")
        SELECT gen_random_uuid(), ${nid(1, "i")}, '09' || lpad(i::text, 9, '0'), 'نام' || i, 'خانوادگی' || i, 'پدر', '1360/01/01',
               (CASE WHEN i % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END)::"Gender", 'not-a-real-hash'
        FROM generate_series(1, ${c.accounts}) AS i`,
    },
    {
      label: `${c.dependents.toLocaleString("en-US")} dependents (coverage)`,
      sql: `INSERT INTO "Coverage" (id, "insuredNationalId", "dependentNationalId", relationship, "startedAt")
        SELECT gen_random_uuid(), ${nid(1, `1 + (j - 1) % ${c.insured}`)}, ${nid(2, "j")},
               (ARRAY['WIFE','SON','DAUGHTER','MOTHER'])[1 + j % 4]::"Relationship", now() - make_interval(secs => j)
        FROM generate_series(1, ${c.dependents}) AS j`,
    },
    {
      label: `${c.requests.toLocaleString("en-US")} requests`,
      sql: `INSERT INTO "Request" (id, "trackingCode", kind, "applicantNationalId", "citizenId", "branchId", "createdAt", domain, subject, body, status, "dueAt", "updatedAt", "decidedAt")
        SELECT md5('bench-request-' || i)::uuid, '9' || lpad(i::text, 9, '0'),
               (CASE WHEN i % 5 < 2 THEN 'DEPENDENT_ENROLMENT' ELSE 'QUESTION' END)::"RequestKind",
               ${nid(1, applicant)}, a.id,
               CASE WHEN i % ${HEAVY_BRANCH_EVERY} = 0 THEN heavy.id ELSE b.ids[1 + i % b.n] END,
               now() - make_interval(days => i % 700, secs => i % 86400),
               (CASE WHEN i % 5 < 2 THEN NULL ELSE 'INSURANCE' END)::"RequestDomain",
               CASE WHEN i % 5 < 2 THEN 'نام‌نویسی فرزند' ELSE 'پرسش ' || i END,
               CASE WHEN i % 5 < 2 THEN NULL ELSE 'متن پرسش' END,
               ${status}::"RequestStatus",
               CASE WHEN ${status} IN ('SUBMITTED','IN_REVIEW') THEN now() + make_interval(days => (i % 20) - 5, secs => i % 86400) END,
               now(),
               CASE WHEN ${status} IN ('APPROVED','REJECTED','ANSWERED','CLOSED') THEN now() - make_interval(days => i % 700) + interval '2 days' END
        FROM generate_series(1, ${c.requests}) AS i
        CROSS JOIN ${branchIds} AS b
        CROSS JOIN (SELECT id FROM "Branch" WHERE code = '1201') AS heavy
        JOIN "CitizenAccount" a ON a."nationalId" = ${nid(1, applicant)}`,
    },
    {
      label: `${c.requests.toLocaleString("en-US")} request events`,
      sql: `INSERT INTO "RequestEvent" (id, "requestId", type, at, "actorKind")
        SELECT gen_random_uuid(), r.id, 'SUBMITTED', r."createdAt", 'CITIZEN'
        FROM "Request" r WHERE r."trackingCode" LIKE '9%' AND r.id = md5('bench-request-' || (substr(r."trackingCode", 2)::int))::uuid`,
    },
    {
      label: "dependent enrolments (the enrolment requests' details)",
      sql: `INSERT INTO "DependentEnrolment" ("requestId", "dependentNationalId", "firstName", "lastName", "fatherName", "birthDate", gender, relationship, declared, "eligibilityRule")
        SELECT r.id, '3' || substr(r."trackingCode", 2), 'آرش', 'نمونه', 'محمد', '1395/01/01', 'MALE', 'SON', '{}'::jsonb, 'SON_UNDER_18'
        FROM "Request" r WHERE r.kind = 'DEPENDENT_ENROLMENT' AND r."trackingCode" LIKE '9%' AND r.id = md5('bench-request-' || (substr(r."trackingCode", 2)::int))::uuid`,
    },
    { label: "ANALYZE", sql: "ANALYZE" },
  ];
}

/** The tracking code of the first of the dependent enrolments httpSeedStatements adds (the last statement, so its row tells the seed is complete). */
export const FIRST_SEEDED_ENROLMENT = "7000000001";
/** A document every seeded enrolment carries: the staff request page must show it. */
export const SEEDED_ENROLMENT_DOCUMENT = "گواهی اشتغال به تحصیل.pdf";

/** A few hundred rows on the demo data, so the pages measured over HTTP show full lists. */
export function httpSeedStatements(): { label: string; sql: string }[] {
  return [
    {
      label: "20 questions of the demo pensioner and 300 open requests in his branch",
      sql: `WITH citizen AS (SELECT c.id, c."nationalId", i."branchId" FROM "CitizenAccount" c JOIN "InsuranceRecord" i USING ("nationalId") WHERE c."nationalId" = '0012345679'),
        r AS (
          INSERT INTO "Request" (id, "trackingCode", kind, "applicantNationalId", "citizenId", "branchId", "createdAt", domain, subject, body, status, "dueAt", "updatedAt")
          SELECT gen_random_uuid(), '8' || lpad(i::text, 9, '0'), 'QUESTION', CASE WHEN i <= 20 THEN c."nationalId" ELSE '1' || lpad(i::text, 9, '0') END,
                 CASE WHEN i <= 20 THEN c.id END, c."branchId", now() - make_interval(hours => i), 'INSURANCE', 'پرسش شماره ' || i,
                 'متن پرسش', (ARRAY['SUBMITTED','IN_REVIEW','ANSWERED'])[1 + i % 3]::"RequestStatus",
                 CASE WHEN i % 3 < 2 THEN now() + make_interval(days => i % 10) END, now()
          FROM generate_series(1, 320) AS i, citizen c
          RETURNING id, "createdAt")
        INSERT INTO "RequestEvent" (id, "requestId", type, at, "actorKind") SELECT gen_random_uuid(), id, 'SUBMITTED', "createdAt", 'CITIZEN' FROM r`,
    },
    {
      // The staff request page is measured on the fullest of these (bench/lib/http-setup.ts, staffRequestPath).
      label: "12 dependent enrolments of another demo citizen in the same branch, each with its documents and a history of a return",
      sql: `WITH applicant AS (SELECT c.id, c."nationalId" FROM "CitizenAccount" c WHERE c."nationalId" = '7198108121'),
        officer AS (SELECT id FROM "StaffAccount" WHERE "personnelCode" = '120101'),
        branch AS (SELECT id FROM "Branch" WHERE code = '1201'),
        r AS (
          INSERT INTO "Request" (id, "trackingCode", kind, "applicantNationalId", "citizenId", "branchId", "createdAt", subject, status, "dueAt", "updatedAt", "assignedStaffId")
          SELECT md5('bench-enrolment-' || i)::uuid, '7' || lpad(i::text, 9, '0'), 'DEPENDENT_ENROLMENT', a."nationalId", a.id, b.id,
                 now() - make_interval(days => 6 + i), 'نام‌نویسی فرزند', 'IN_REVIEW', now() + make_interval(days => 3 + i), now(), o.id
          FROM generate_series(1, 12) AS i, applicant a, branch b, officer o
          RETURNING id, "createdAt", "assignedStaffId", "trackingCode"),
        e AS (
          INSERT INTO "DependentEnrolment" ("requestId", "dependentNationalId", "firstName", "lastName", "fatherName", "birthDate", gender, relationship, declared, "eligibilityRule")
          SELECT id, '5' || substr("trackingCode", 2), 'آرش', 'کریمی', 'حمید', '1384/05/10', 'MALE', 'SON', '{"studying": true}'::jsonb, 'SON_18_20_STUDYING' FROM r
          RETURNING "requestId"),
        d AS (
          INSERT INTO "RequestDocument" (id, "requestId", kind, "storageKey", "fileName", "mimeType", "sizeBytes", "uploadedBy", "uploadedAt")
          SELECT gen_random_uuid(), r.id, doc.kind, md5(r.id::text || doc.kind || doc.n), doc.name, 'application/pdf', 180000 + doc.n * 1000, 'CITIZEN', r."createdAt" + make_interval(days => doc.day)
          FROM r, (VALUES (1, 'BIRTH_CERTIFICATE', 'شناسنامه.pdf', 0), (2, 'STUDY_CERTIFICATE', '${SEEDED_ENROLMENT_DOCUMENT}', 0), (3, 'STUDY_CERTIFICATE', 'گواهی تحصیل جدید.pdf', 3))
               AS doc(n, kind, name, day)
          RETURNING id)
        INSERT INTO "RequestEvent" (id, "requestId", type, at, "actorKind", "actorStaffId", "reasonCode", note, "assigneeStaffId")
        SELECT gen_random_uuid(), r.id, ev.type::"RequestEventType", r."createdAt" + make_interval(days => ev.day), ev.actor::"ActorKind",
               CASE WHEN ev.actor = 'STAFF' THEN r."assignedStaffId" END, ev.reason, ev.note,
               CASE WHEN ev.type = 'ASSIGNED' THEN r."assignedStaffId" END
        FROM r, (VALUES ('SUBMITTED', 'CITIZEN', 0, NULL, NULL), ('ASSIGNED', 'STAFF', 1, NULL, NULL),
                        ('RETURNED', 'STAFF', 2, 'MORE_DOCUMENTS', 'مدارک خواسته‌شده: گواهی اشتغال به تحصیل.' || chr(10) || 'گواهی پیوست‌شده مهر آموزشگاه را ندارد.'),
                        ('RESUBMITTED', 'CITIZEN', 3, NULL, NULL)) AS ev(type, actor, day, reason, note)`,
    },
  ];
}
