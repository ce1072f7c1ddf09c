// Test support: a small, valid civil-registry fixture file in a temporary
// folder, for the adapter factories that read the fixture from disk.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TRegistryFixturePerson } from "@/lib/fixtures/civil-registry-fixture";
import { makeNationalId } from "@/lib/utils/national-id";

export const fixtureParent = {
  nationalId: makeNationalId("001234567"),
  birthDate: "1350/02/15",
  mobile: "09121110000",
};
export const fixtureChild = {
  nationalId: makeNationalId("002345678"),
  birthDate: "1380/07/01",
  // The parent's phone, listed on the child's record too: the parent owns it.
  mobile: fixtureParent.mobile,
};

export function fixturePersons(): TRegistryFixturePerson[] {
  const base = {
    lastName: "کریمی",
    gender: "male" as const,
    isAlive: true,
    spouseNationalId: null,
    insurance: null,
    coveredAsDependentOf: null,
  };
  return [
    {
      ...base,
      ...fixtureParent,
      firstName: "رضا",
      fatherName: "احمد",
      fatherNationalId: null,
      motherNationalId: null,
      note: "parent, owns the shared number",
    },
    {
      ...base,
      ...fixtureChild,
      firstName: "امیر",
      fatherName: "رضا",
      fatherNationalId: fixtureParent.nationalId,
      motherNationalId: null,
      note: "child, lists the parent's number",
    },
  ];
}

/** Writes the fixture to a new temporary folder; `remove` deletes the folder. */
export async function writeFixtureFile(): Promise<{ filePath: string; remove(): Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "portal-fixture-"));
  const filePath = path.join(dir, "civil-registry.json");
  await fs.writeFile(filePath, JSON.stringify(fixturePersons(), null, 2));
  return { filePath, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}
