// Generates prisma/fixtures/civil-registry.json, the demo civil registry.
//
//   npx tsx scripts/generate-fixture.ts
//
// Families are written as readable specs below; everything mechanical (check
// digits, symmetric marriages, children's surnames and fathers' names, unique
// numbers) is derived here so that the file cannot drift out of consistency.
// Generated numbers come from a hash of each person's key, not from a running
// random sequence, so adding or reordering people does not renumber anyone
// the README or tests already mention. Ages are meant relative to 1405/09/05
// (2026-11-26); birth dates sit well inside their age bands so the demo keeps
// working for months after that.

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateRegistryFixture, type TRegistryFixturePerson } from "../lib/fixtures/civil-registry-fixture";
import { makeNationalId } from "../lib/utils/national-id";

type BranchCode = "1201" | "1202" | "1301" | "2101";

type PersonSpec = {
  key: string;
  firstName: string;
  /** Only when the father is not in the file; otherwise taken from the father. */
  lastName?: string;
  /** Only when the father is not in the file; otherwise the father's first name. */
  fatherName?: string;
  birthDate: string;
  gender: "male" | "female";
  deceased?: true;
  /** "generate" derives a unique number; { sameAs } copies an earlier person's number. */
  mobile: "generate" | null | string | { sameAs: string };
  father?: string;
  mother?: string;
  /** Either side may name the spouse; the other side is filled in. */
  spouse?: string;
  insurance?: { kind: "insured" | "pensioner"; branchCode: BranchCode };
  coveredBy?: string;
  /** Fixed first nine digits of the national ID, for people the README tells users to type. */
  first9?: string;
  note: string;
};

export const FIXTURE_TODAY = "1405/09/05";

export const FIXTURE_OUTPUT_PATH = "prisma/fixtures/civil-registry.json";

// The first rows are the people the README lists; keep them first.
const PEOPLE: PersonSpec[] = [
  // ── main demo persons ────────────────────────────────────────────────
  {
    key: "a.head",
    first9: "001234567",
    firstName: "محمد",
    birthDate: "1354/06/20",
    gender: "male",
    mobile: "09121234567",
    father: "a.father",
    mother: "a.mother",
    spouse: "a.wife",
    insurance: { kind: "pensioner", branchCode: "1201" },
    note: "Main demo pensioner, head of family A (branch 1201); wife already covered, children and parents not yet",
  },
  {
    key: "a.son19",
    firstName: "امیرحسین",
    birthDate: "1386/02/15",
    gender: "male",
    mobile: "generate",
    father: "a.head",
    mother: "a.wife",
    note: "Family A: son aged 19 (18-20 band)",
  },
  {
    key: "a.father",
    firstName: "حسین",
    lastName: "رضایی",
    fatherName: "قربانعلی",
    birthDate: "1328/03/14",
    gender: "male",
    mobile: "generate",
    spouse: "a.mother",
    note: "Family A: father of the pensioner, aged 77 (father over 60)",
  },
  {
    key: "e.head",
    firstName: "علی",
    lastName: "کریمی",
    fatherName: "کاظم",
    birthDate: "1371/04/12",
    gender: "male",
    mobile: "generate",
    spouse: "e.wife",
    insurance: { kind: "insured", branchCode: "2101" },
    note: "Insured worker, head of family E (branch 2101) with a young family; name has ی/ک, so a search typed with Arabic ي/ك must find him",
  },
  {
    key: "f.mother",
    firstName: "زینب",
    lastName: "رحیمی",
    fatherName: "یدالله",
    birthDate: "1368/02/14",
    gender: "female",
    mobile: "generate",
    spouse: "f.father",
    insurance: { kind: "insured", branchCode: "1202" },
    note: "Insured mother in family F: her daughter is already covered under her insured husband, so enrolling the daughter is a duplicate",
  },
  {
    key: "g.wife",
    firstName: "منیژه",
    lastName: "سلطانی",
    fatherName: "اسماعیل",
    birthDate: "1358/03/15",
    gender: "female",
    mobile: "generate",
    spouse: "g.husband",
    insurance: { kind: "insured", branchCode: "1301" },
    note: "Insured woman (family G) whose husband is over 60",
  },
  {
    key: "h.uninsured",
    firstName: "داوود",
    lastName: "ابراهیمی",
    fatherName: "رحیم",
    birthDate: "1369/07/07",
    gender: "male",
    mobile: "generate",
    note: "In the civil registry with a mobile but no insurance record and no coverage",
  },
  {
    key: "y.mobileOwner",
    firstName: "شهلا",
    lastName: "کرمانی",
    fatherName: "محمود",
    birthDate: "1345/02/02",
    gender: "female",
    mobile: "generate",
    note: "Real owner of the mobile number her son also lists (first row with the number, so the owner)",
  },
  {
    key: "x.foreignMobile",
    firstName: "هادی",
    lastName: "تهرانی",
    fatherName: "منصور",
    birthDate: "1372/12/12",
    gender: "male",
    mobile: { sameAs: "y.mobileOwner" },
    mother: "y.mobileOwner",
    insurance: { kind: "insured", branchCode: "1202" },
    note: "Insured; his mobile entry is his mother's number (owned by the row above), so the mobile-ownership check must fail",
  },
  {
    key: "d.head",
    firstName: "ناصر",
    birthDate: "1352/08/28",
    gender: "male",
    mobile: "generate",
    father: "d.father",
    mother: "d.mother",
    spouse: "d.wife",
    insurance: { kind: "pensioner", branchCode: "2101" },
    note: "Pensioner, head of family D (branch 2101); his father is deceased, his mother is alive; surname has a ZWNJ",
  },
  {
    key: "d.father",
    firstName: "عباس",
    lastName: "حسین‌زاده",
    fatherName: "رمضان",
    birthDate: "1320/04/17",
    gender: "male",
    deceased: true,
    mobile: null,
    note: "Deceased father of pensioner D; cannot be added as a dependent",
  },
  {
    key: "b.head",
    firstName: "غلامرضا",
    birthDate: "1350/12/10",
    gender: "male",
    mobile: "generate",
    father: "b.father",
    mother: "b.mother",
    spouse: "b.wife",
    insurance: { kind: "pensioner", branchCode: "1202" },
    note: "Pensioner, head of family B (branch 1202); no dependents covered yet",
  },
  {
    key: "c.head",
    firstName: "ابراهیم",
    birthDate: "1348/02/02",
    gender: "male",
    mobile: "generate",
    father: "c.father",
    mother: "c.mother",
    spouse: "c.wife",
    insurance: { kind: "pensioner", branchCode: "1301" },
    note: "Pensioner, head of family C (branch 1301); wife already covered; his son is 18",
  },

  // ── family F: two insured parents ───────────────────────────────────
  {
    key: "f.father",
    firstName: "حسن",
    lastName: "جعفری",
    fatherName: "قاسم",
    birthDate: "1366/09/01",
    gender: "male",
    mobile: "generate",
    insurance: { kind: "insured", branchCode: "1201" },
    note: "Family F: insured father; his daughter is already covered under him",
  },
  {
    key: "f.daughterCovered",
    firstName: "ریحانه",
    birthDate: "1394/06/10",
    gender: "female",
    mobile: null,
    father: "f.father",
    mother: "f.mother",
    coveredBy: "f.father",
    note: "Family F: daughter aged 11, already covered under her father (duplicate if her mother enrols her)",
  },
  {
    key: "f.son",
    firstName: "محمد",
    birthDate: "1398/01/20",
    gender: "male",
    mobile: null,
    father: "f.father",
    mother: "f.mother",
    note: "Family F: son aged 7, not covered yet; either parent may enrol him",
  },

  // ── family E: insured worker with a young family ────────────────────
  {
    key: "e.wife",
    firstName: "ملیکا",
    lastName: "یوسفی",
    fatherName: "داریوش",
    birthDate: "1374/11/05",
    gender: "female",
    mobile: "generate",
    note: "Family E: wife of the insured worker, not covered yet",
  },
  {
    key: "e.son",
    firstName: "امیرعلی",
    birthDate: "1400/03/03",
    gender: "male",
    mobile: null,
    father: "e.head",
    mother: "e.wife",
    note: "Family E: son aged 5",
  },
  {
    key: "e.daughter",
    firstName: "هستی",
    birthDate: "1403/12/30",
    gender: "female",
    mobile: null,
    father: "e.head",
    mother: "e.wife",
    note: "Family E: daughter aged 1, born on the leap day 1403/12/30",
  },

  // ── family G / G2: husbands of insured women ────────────────────────
  {
    key: "g.husband",
    firstName: "بهروز",
    lastName: "نجفی",
    fatherName: "فرج‌الله",
    birthDate: "1342/10/10",
    gender: "male",
    mobile: "generate",
    note: "Family G: husband aged 62 of an insured woman (over 60)",
  },
  {
    key: "g2.wife",
    firstName: "سارا",
    lastName: "مهدوی",
    fatherName: "عبدالله",
    birthDate: "1365/05/05",
    gender: "female",
    mobile: "generate",
    spouse: "g2.husband",
    insurance: { kind: "insured", branchCode: "2101" },
    note: "Insured woman (family G2) whose husband is under 60",
  },
  {
    key: "g2.husband",
    firstName: "نیما",
    lastName: "فرهادی",
    fatherName: "کامران",
    birthDate: "1358/01/28",
    gender: "male",
    mobile: "generate",
    note: "Family G2: husband aged 47 of an insured woman (under 60)",
  },

  // ── family A ────────────────────────────────────────────────────────
  {
    key: "a.mother",
    firstName: "سکینه",
    lastName: "محمدی",
    fatherName: "غلامحسین",
    birthDate: "1333/11/02",
    gender: "female",
    mobile: null,
    note: "Family A: mother of the pensioner, aged 72 (mother over 55); no mobile",
  },
  {
    key: "a.wife",
    firstName: "فاطمه",
    lastName: "احمدی",
    fatherName: "علی",
    birthDate: "1357/02/11",
    gender: "female",
    mobile: "generate",
    coveredBy: "a.head",
    note: "Family A: wife of the pensioner, already covered as his dependent",
  },
  {
    key: "a.daughterMarried",
    firstName: "زهرا",
    birthDate: "1378/04/18",
    gender: "female",
    mobile: "generate",
    father: "a.head",
    mother: "a.wife",
    spouse: "a.sonInLaw",
    note: "Family A: married daughter aged 27",
  },
  {
    key: "a.sonInLaw",
    firstName: "سعید",
    lastName: "کاظمی",
    fatherName: "رضا",
    birthDate: "1375/08/01",
    gender: "male",
    mobile: "generate",
    insurance: { kind: "insured", branchCode: "1201" },
    note: "Family A: husband of the married daughter; insured himself",
  },
  {
    key: "a.sonOver20",
    firstName: "علی",
    birthDate: "1381/01/25",
    gender: "male",
    mobile: "generate",
    father: "a.head",
    mother: "a.wife",
    note: "Family A: son aged 24 (over 20)",
  },
  {
    key: "a.daughterSingle",
    firstName: "مریم",
    birthDate: "1383/10/03",
    gender: "female",
    mobile: "generate",
    father: "a.head",
    mother: "a.wife",
    note: "Family A: unmarried adult daughter aged 21",
  },
  {
    key: "a.sonMinor",
    firstName: "پارسا",
    birthDate: "1391/07/09",
    gender: "male",
    mobile: null,
    father: "a.head",
    mother: "a.wife",
    note: "Family A: son aged 14 (under 18)",
  },

  // ── family B ────────────────────────────────────────────────────────
  {
    key: "b.father",
    firstName: "اکبر",
    lastName: "حسینی",
    fatherName: "حیدر",
    birthDate: "1325/04/01",
    gender: "male",
    mobile: "generate",
    spouse: "b.mother",
    note: "Family B: father of the pensioner, aged 80",
  },
  {
    key: "b.mother",
    firstName: "طاهره",
    lastName: "نوری",
    fatherName: "نصرالله",
    birthDate: "1330/09/20",
    gender: "female",
    mobile: null,
    note: "Family B: mother of the pensioner, aged 74",
  },
  {
    key: "b.wife",
    firstName: "اعظم",
    lastName: "صادقی",
    fatherName: "جواد",
    birthDate: "1353/05/05",
    gender: "female",
    mobile: "generate",
    note: "Family B: wife of the pensioner, not covered yet",
  },
  {
    key: "b.daughterMarried",
    firstName: "نرگس",
    birthDate: "1376/03/12",
    gender: "female",
    mobile: "generate",
    father: "b.head",
    mother: "b.wife",
    spouse: "b.sonInLaw",
    note: "Family B: married daughter aged 29",
  },
  {
    key: "b.sonInLaw",
    firstName: "مهدی",
    lastName: "قاسمی",
    fatherName: "حسن",
    birthDate: "1372/10/20",
    gender: "male",
    mobile: "generate",
    note: "Family B: husband of the married daughter; not insured",
  },
  {
    key: "b.sonOver20",
    firstName: "مجید",
    birthDate: "1379/08/08",
    gender: "male",
    mobile: "generate",
    father: "b.head",
    mother: "b.wife",
    note: "Family B: son aged 26 (over 20)",
  },
  {
    key: "b.daughterSingle",
    firstName: "لیلا",
    birthDate: "1381/12/01",
    gender: "female",
    mobile: "generate",
    father: "b.head",
    mother: "b.wife",
    note: "Family B: unmarried adult daughter aged 23",
  },
  {
    key: "b.son19",
    firstName: "سجاد",
    birthDate: "1385/11/20",
    gender: "male",
    mobile: "generate",
    father: "b.head",
    mother: "b.wife",
    note: "Family B: son aged 19 (18-20 band)",
  },
  {
    key: "b.sonMinor",
    firstName: "یاسین",
    birthDate: "1393/04/04",
    gender: "male",
    mobile: null,
    father: "b.head",
    mother: "b.wife",
    note: "Family B: son aged 12 (under 18)",
  },

  // ── family C ────────────────────────────────────────────────────────
  {
    key: "c.father",
    firstName: "یوسف",
    lastName: "مرادی",
    fatherName: "رجبعلی",
    birthDate: "1322/06/15",
    gender: "male",
    mobile: null,
    spouse: "c.mother",
    note: "Family C: father of the pensioner, aged 83; no mobile",
  },
  {
    key: "c.mother",
    firstName: "رقیه",
    lastName: "زارعی",
    fatherName: "حسینقلی",
    birthDate: "1327/01/10",
    gender: "female",
    mobile: "generate",
    note: "Family C: mother of the pensioner, aged 78",
  },
  {
    key: "c.wife",
    firstName: "صدیقه",
    lastName: "باقری",
    fatherName: "مرتضی",
    birthDate: "1352/07/07",
    gender: "female",
    mobile: "generate",
    coveredBy: "c.head",
    note: "Family C: wife of the pensioner, already covered as his dependent",
  },
  {
    key: "c.daughterMarried",
    firstName: "معصومه",
    birthDate: "1374/05/25",
    gender: "female",
    mobile: "generate",
    father: "c.head",
    mother: "c.wife",
    spouse: "c.sonInLaw",
    note: "Family C: married daughter aged 31",
  },
  {
    key: "c.sonInLaw",
    firstName: "حمید",
    lastName: "شریفی",
    fatherName: "ناصر",
    birthDate: "1370/03/03",
    gender: "male",
    mobile: "generate",
    insurance: { kind: "insured", branchCode: "1301" },
    note: "Family C: husband of the married daughter; insured himself",
  },
  {
    key: "c.sonOver20",
    firstName: "مصطفی",
    birthDate: "1377/09/30",
    gender: "male",
    mobile: "generate",
    father: "c.head",
    mother: "c.wife",
    note: "Family C: son aged 27 (over 20)",
  },
  {
    key: "c.daughterSingle",
    firstName: "فائزه",
    birthDate: "1380/06/14",
    gender: "female",
    mobile: "generate",
    father: "c.head",
    mother: "c.wife",
    note: "Family C: unmarried adult daughter aged 25",
  },
  {
    key: "c.son18",
    firstName: "محمدرضا",
    birthDate: "1387/03/21",
    gender: "male",
    mobile: "generate",
    father: "c.head",
    mother: "c.wife",
    note: "Family C: son aged 18 (18-20 band)",
  },
  {
    key: "c.sonMinor",
    firstName: "کیان",
    birthDate: "1395/10/12",
    gender: "male",
    mobile: null,
    father: "c.head",
    mother: "c.wife",
    note: "Family C: son aged 9 (under 18)",
  },

  // ── family D ────────────────────────────────────────────────────────
  {
    key: "d.mother",
    firstName: "خدیجه",
    lastName: "اکبری",
    fatherName: "علی‌اکبر",
    birthDate: "1326/05/16",
    gender: "female",
    mobile: null,
    note: "Family D: widowed mother of the pensioner, aged 79 (mother over 55)",
  },
  {
    key: "d.wife",
    firstName: "پروین",
    lastName: "طاهری",
    fatherName: "غلامعلی",
    birthDate: "1355/03/30",
    gender: "female",
    mobile: "generate",
    note: "Family D: wife of the pensioner, not covered yet",
  },
  {
    key: "d.daughterMarried",
    firstName: "سمیه",
    birthDate: "1377/01/19",
    gender: "female",
    mobile: "generate",
    father: "d.head",
    mother: "d.wife",
    spouse: "d.sonInLaw",
    note: "Family D: married daughter aged 28",
  },
  {
    key: "d.sonInLaw",
    firstName: "جواد",
    lastName: "عباسی",
    fatherName: "محسن",
    birthDate: "1373/06/06",
    gender: "male",
    mobile: "generate",
    note: "Family D: husband of the married daughter; not insured",
  },
  {
    key: "d.sonOver20",
    firstName: "بهنام",
    birthDate: "1380/02/22",
    gender: "male",
    mobile: "generate",
    father: "d.head",
    mother: "d.wife",
    note: "Family D: son aged 25 (over 20)",
  },
  {
    key: "d.daughterSingle",
    firstName: "الهام",
    birthDate: "1382/07/01",
    gender: "female",
    mobile: "generate",
    father: "d.head",
    mother: "d.wife",
    note: "Family D: unmarried adult daughter aged 23",
  },
  {
    key: "d.son19",
    firstName: "میلاد",
    birthDate: "1386/05/12",
    gender: "male",
    mobile: "generate",
    father: "d.head",
    mother: "d.wife",
    note: "Family D: son aged 19 (18-20 band)",
  },
  {
    key: "d.sonMinor",
    firstName: "آرین",
    birthDate: "1389/12/25",
    gender: "male",
    mobile: null,
    father: "d.head",
    mother: "d.wife",
    note: "Family D: son aged 15 (under 18)",
  },

  // ── unattached extras ───────────────────────────────────────────────
  {
    key: "extra.1",
    firstName: "نازنین",
    lastName: "موسوی",
    fatherName: "مجتبی",
    birthDate: "1379/02/09",
    gender: "female",
    mobile: "generate",
    note: "Extra: unattached adult, no insurance",
  },
  {
    key: "extra.2",
    firstName: "کاظم",
    lastName: "یزدانی",
    fatherName: "یعقوب",
    birthDate: "1340/08/14",
    gender: "male",
    mobile: "generate",
    insurance: { kind: "pensioner", branchCode: "1201" },
    note: "Extra: pensioner with no relatives in the file",
  },
  {
    key: "extra.3",
    firstName: "عاطفه",
    lastName: "نوروزی",
    fatherName: "بهرام",
    birthDate: "1385/03/03",
    gender: "female",
    mobile: null,
    note: "Extra: adult with no mobile on record",
  },
  {
    key: "extra.4",
    firstName: "مرتضی",
    lastName: "صالحی",
    fatherName: "حبیب",
    birthDate: "1361/12/29",
    gender: "male",
    mobile: "generate",
    insurance: { kind: "insured", branchCode: "1202" },
    note: "Extra: insured with no relatives in the file",
  },
  {
    key: "extra.5",
    firstName: "کوثر",
    lastName: "امینی",
    fatherName: "سعید",
    birthDate: "1399/07/07",
    gender: "female",
    mobile: null,
    note: "Extra: child aged 6 whose parents are not in the file",
  },
  {
    key: "extra.6",
    firstName: "اصغر",
    lastName: "فتحی",
    fatherName: "نعمت‌الله",
    birthDate: "1315/10/10",
    gender: "male",
    deceased: true,
    mobile: "generate",
    note: "Extra: deceased, no relatives in the file; his mobile line is still in his name, so a registration in his name reaches the registry check and is refused as deceased",
  },
  {
    key: "extra.7",
    firstName: "یگانه",
    lastName: "رستمی",
    fatherName: "فریدون",
    birthDate: "1390/05/18",
    gender: "female",
    mobile: null,
    note: "Extra: minor aged 15 with no relatives in the file",
  },
  {
    key: "extra.8",
    firstName: "امید",
    lastName: "شاکری",
    fatherName: "ایرج",
    birthDate: "1367/04/04",
    gender: "male",
    mobile: "generate",
    note: "Extra: unattached adult with a mobile, no insurance",
  },
];

const MOBILE_PREFIXES = ["0912", "0919", "0935", "0936", "0901", "0937", "0910", "0921"] as const;

function hashDigits(salt: string, key: string, attempt: number, length: number): string {
  const hex = createHash("sha256").update(`${salt}:${key}:${attempt}`).digest("hex");
  return (BigInt(`0x${hex}`) % 10n ** BigInt(length)).toString().padStart(length, "0");
}

/** Draws hash-derived values until one is acceptable and unused. */
function uniqueValue(salt: string, key: string, used: Set<string>, make: (digits: string) => string | null): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = make(hashDigits(salt, key, attempt, 12));
    if (value !== null && !used.has(value)) {
      used.add(value);
      return value;
    }
  }
  throw new Error(`cannot derive a unique ${salt} for ${key}`);
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`generate-fixture: ${message}`);
}

export function buildRegistryFixture(): TRegistryFixturePerson[] {
  const specByKey = new Map<string, PersonSpec>();
  const indexByKey = new Map<string, number>();
  PEOPLE.forEach((spec, i) => {
    check(!specByKey.has(spec.key), `duplicate key ${spec.key}`);
    specByKey.set(spec.key, spec);
    indexByKey.set(spec.key, i);
  });
  const spec = (key: string): PersonSpec => {
    const found = specByKey.get(key);
    check(found !== undefined, `unknown key ${key}`);
    return found;
  };

  const spouseOf = new Map<string, string>();
  for (const p of PEOPLE) {
    if (!p.spouse) continue;
    const other = spec(p.spouse);
    check(other.spouse === undefined || other.spouse === p.key, `${p.key} and ${other.key} disagree about marriage`);
    check(other.gender !== p.gender, `${p.key} and ${other.key} have the same gender`);
    check(!spouseOf.has(p.key) && !spouseOf.has(other.key), `${p.key} or ${other.key} married twice`);
    spouseOf.set(p.key, other.key);
    spouseOf.set(other.key, p.key);
  }

  // Fixed IDs are reserved first so a hashed one can never take them.
  const usedIds = new Set<string>();
  const idByKey = new Map<string, string>();
  for (const p of PEOPLE) {
    if (p.first9) {
      const id = makeNationalId(p.first9);
      check(!usedIds.has(id), `fixed national ID of ${p.key} is taken`);
      usedIds.add(id);
      idByKey.set(p.key, id);
    }
  }
  for (const p of PEOPLE) {
    if (!p.first9) {
      idByKey.set(
        p.key,
        uniqueValue("nationalId", p.key, usedIds, (d) => {
          const first9 = d.slice(0, 9);
          return /^(\d)\1*$/.test(first9) ? null : makeNationalId(first9);
        }),
      );
    }
  }
  const id = (key: string): string => {
    const found = idByKey.get(key);
    check(found !== undefined, `no ID for ${key}`);
    return found;
  };

  const usedMobiles = new Set<string>(
    PEOPLE.flatMap((p) => (typeof p.mobile === "string" && p.mobile !== "generate" ? [p.mobile] : [])),
  );
  const mobileByKey = new Map<string, string | null>();
  for (const p of PEOPLE) {
    if (p.mobile === null || typeof p.mobile === "object") continue;
    mobileByKey.set(
      p.key,
      p.mobile !== "generate"
        ? p.mobile
        : uniqueValue("mobile", p.key, usedMobiles, (d) => {
            const prefix = MOBILE_PREFIXES[Number(d.slice(0, 2)) % MOBILE_PREFIXES.length];
            return `${prefix}${d.slice(2, 9)}`;
          }),
    );
  }

  const usedInsuranceNumbers = new Set<string>();

  return PEOPLE.map((p, index): TRegistryFixturePerson => {
    const father = p.father ? spec(p.father) : undefined;
    const mother = p.mother ? spec(p.mother) : undefined;
    if (father) {
      check(father.gender === "male", `father of ${p.key} is not male`);
      check(p.lastName === undefined && p.fatherName === undefined, `${p.key} takes names from the father in the file`);
    } else {
      check(p.lastName !== undefined && p.fatherName !== undefined, `${p.key} needs lastName and fatherName`);
    }
    if (mother) check(mother.gender === "female", `mother of ${p.key} is not female`);
    const lastName = father ? resolveLastName(father, spec) : p.lastName;
    check(lastName !== undefined, `no last name for ${p.key}`);

    let mobile: string | null;
    if (p.mobile === null) mobile = null;
    else if (typeof p.mobile === "object") {
      const owner = p.mobile.sameAs;
      // The ownership check treats the first row listing a number as its owner.
      check((indexByKey.get(owner) ?? Infinity) < index, `${p.key} shares a mobile with a later row`);
      mobile = mobileByKey.get(owner) ?? null;
      check(mobile !== null, `${owner} has no mobile to share`);
    } else mobile = mobileByKey.get(p.key) ?? null;

    if (p.coveredBy) {
      const holder = spec(p.coveredBy);
      check(holder.insurance !== undefined, `${p.key} is covered by ${holder.key}, who is not insured`);
      const related =
        spouseOf.get(p.key) === holder.key ||
        p.father === holder.key ||
        p.mother === holder.key ||
        holder.father === p.key ||
        holder.mother === p.key;
      check(related, `${p.key} is covered by ${holder.key}, who is not family`);
    }

    const spouseKey = spouseOf.get(p.key);
    return {
      nationalId: id(p.key),
      firstName: p.firstName,
      lastName,
      fatherName: father ? father.firstName : (p.fatherName ?? ""),
      birthDate: p.birthDate,
      gender: p.gender,
      isAlive: p.deceased !== true,
      mobile,
      fatherNationalId: p.father ? id(p.father) : null,
      motherNationalId: p.mother ? id(p.mother) : null,
      spouseNationalId: spouseKey ? id(spouseKey) : null,
      insurance: p.insurance
        ? {
            insuranceNumber: uniqueValue("insuranceNumber", p.key, usedInsuranceNumbers, (d) =>
              d.startsWith("0") ? null : d.slice(0, 10),
            ),
            kind: p.insurance.kind,
            branchCode: p.insurance.branchCode,
          }
        : null,
      coveredAsDependentOf: p.coveredBy ? id(p.coveredBy) : null,
      note: p.note,
    };
  });
}

function resolveLastName(person: PersonSpec, spec: (key: string) => PersonSpec): string | undefined {
  return person.father ? resolveLastName(spec(person.father), spec) : person.lastName;
}

export function serializeRegistryFixture(rows: TRegistryFixturePerson[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function main(): void {
  const rows = validateRegistryFixture(buildRegistryFixture(), "generated fixture");
  const repoRoot = fileURLToPath(new URL("..", import.meta.url));
  const outputPath = path.join(repoRoot, FIXTURE_OUTPUT_PATH);
  fs.writeFileSync(outputPath, serializeRegistryFixture(rows));
  process.stdout.write(`Wrote ${rows.length} persons to ${path.relative(process.cwd(), outputPath) || outputPath}\n`);
}

// Imported by the fixture test (to check the committed file is up to date): only write when run directly.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
