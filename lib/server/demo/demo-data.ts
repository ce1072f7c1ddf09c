// Branches and staff of the demo. Registry persons and their insurance records
// come from prisma/fixtures/civil-registry.json.

export const DEMO_BRANCHES = [
  { code: "1201", name: "شعبه ۱ تهران", province: "تهران", city: "تهران", address: "تهران، خیابان آزادی، پلاک ۱۲۰", phone: "02166000001" },
  { code: "1202", name: "شعبه ۲ تهران", province: "تهران", city: "تهران", address: "تهران، خیابان شریعتی، پلاک ۸۵", phone: "02122000002" },
  { code: "1301", name: "شعبه ۱ کرج", province: "البرز", city: "کرج", address: "کرج، بلوار جمهوری، پلاک ۴۰", phone: "02634000003" },
  { code: "2101", name: "شعبه ۱ اصفهان", province: "اصفهان", city: "اصفهان", address: "اصفهان، خیابان چهارباغ، پلاک ۲۱۰", phone: "03132000004" },
] as const;

/** Every demo account, staff or citizen, signs in with this password (listed in the README). */
export const DEMO_PASSWORD = "Tamin-Demo-1405";

/**
 * Registry persons who already have a portal account in the demo. Everyone else
 * in the fixture can try the registration wizard.
 */
export const DEMO_CITIZEN_NATIONAL_IDS = [
  "0012345679",
  "7198108121",
  "1028765967",
  "7404642231",
  "6978758371",
  // Mandates (docs/decisions/020-mandates.md): family C's son helps his father;
  // his sister asks her brother-in-law حمید شریفی for a mandate in the browser test.
  "7622463191",
  "9639508683",
  "3537851685",
] as const;

/**
 * A mandate the demo starts with: مصطفی مرادی may see his father's requests and
 * messages and file questions for him, for a year from the seeding. His sister
 * فائزه has none yet: the browser test has her ask حمید شریفی's consent.
 */
export const DEMO_MANDATES = [{ helperNationalId: "7622463191", principalNationalId: "7198108121", scopes: ["VIEW", "FILE_QUESTIONS"] }] as const;

/**
 * Demo staff. Every sign-in of staff asks for a code from an authenticator app
 * (docs/decisions/015): these seeded secrets are published in the README so a
 * reviewer can add them to any authenticator app, or print the current code
 * with `npm run demo:code -- 120101`. 130101 has none: his first sign-in shows
 * the enrolment (QR code, first code, recovery codes). Demo only: production
 * refuses the demo seed.
 */
export const DEMO_STAFF = [
  { personnelCode: "120101", firstName: "مریم", lastName: "احمدی", role: "OFFICER", branchCode: "1201", mobile: "09011200101", totpSecret: "5ABVWHWJ7NAXP2JFWLX7ZZSUDSF6YMZZ" },
  { personnelCode: "120102", firstName: "رضا", lastName: "کریمی", role: "OFFICER", branchCode: "1201", mobile: "09011200102", totpSecret: "GREL4A4DAZLMIFHOE56LAI3KQIUDSYEB" },
  { personnelCode: "120190", firstName: "زهرا", lastName: "موسوی", role: "BRANCH_HEAD", branchCode: "1201", mobile: "09011200190", totpSecret: "PJNMHN6ETVL3QMN5PJCGJOZRDXRSWJTK" },
  { personnelCode: "120201", firstName: "علی", lastName: "رضایی", role: "OFFICER", branchCode: "1202", mobile: "09011200201", totpSecret: "3VRXTQG3ZDKEORBZZ4BW33VA3GI2JXQF" },
  { personnelCode: "120290", firstName: "فاطمه", lastName: "حسینی", role: "BRANCH_HEAD", branchCode: "1202", mobile: "09011200290", totpSecret: "YTLZDSZSIOWUUUN3QG6CQ4L7TJ2LTQRA" },
  { personnelCode: "130101", firstName: "حسن", lastName: "نوری", role: "OFFICER", branchCode: "1301", mobile: "09011300101", totpSecret: null },
  { personnelCode: "210101", firstName: "نرگس", lastName: "صادقی", role: "OFFICER", branchCode: "2101", mobile: "09012100101", totpSecret: "37RPM74G7TWH7SZJHXJCQYGBDHZTIRQH" },
  { personnelCode: "900001", firstName: "مدیر", lastName: "سامانه", role: "ADMIN", branchCode: null, mobile: "09019000001", totpSecret: "Q3BLYXDRX2OVNQEP526EKT6GZKDI733T" },
] as const;

/**
 * Visit slots the demo opens at each branch (people per hourly slot) on every
 * bookable working day, as each branch's head would (docs/decisions/019); the
 * seed runs at each start, so the days ahead stay open as time passes.
 */
export const DEMO_VISIT_CAPACITY: Record<(typeof DEMO_BRANCHES)[number]["code"], number> = { "1201": 3, "1202": 2, "1301": 2, "2101": 2 };
