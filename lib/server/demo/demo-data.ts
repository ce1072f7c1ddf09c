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
export const DEMO_CITIZEN_NATIONAL_IDS = ["0012345679", "7198108121", "1028765967", "7404642231", "6978758371"] as const;

export const DEMO_STAFF = [
  { personnelCode: "120101", firstName: "مریم", lastName: "احمدی", role: "OFFICER", branchCode: "1201" },
  { personnelCode: "120102", firstName: "رضا", lastName: "کریمی", role: "OFFICER", branchCode: "1201" },
  { personnelCode: "120190", firstName: "زهرا", lastName: "موسوی", role: "BRANCH_HEAD", branchCode: "1201" },
  { personnelCode: "120201", firstName: "علی", lastName: "رضایی", role: "OFFICER", branchCode: "1202" },
  { personnelCode: "120290", firstName: "فاطمه", lastName: "حسینی", role: "BRANCH_HEAD", branchCode: "1202" },
  { personnelCode: "130101", firstName: "حسن", lastName: "نوری", role: "OFFICER", branchCode: "1301" },
  { personnelCode: "210101", firstName: "نرگس", lastName: "صادقی", role: "OFFICER", branchCode: "2101" },
  { personnelCode: "900001", firstName: "مدیر", lastName: "سامانه", role: "ADMIN", branchCode: null },
] as const;
