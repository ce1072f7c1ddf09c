import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { createFileStorage } from "./get-file-storage";
import { LocalFileStorage } from "./local-file-storage";

describe("createFileStorage", () => {
  it("uses the local disk under the configured folder", () => {
    const storage = createFileStorage(parseConfig({ STORAGE_DIR: path.join(os.tmpdir(), "portal-uploads") }));
    expect(storage).toBeInstanceOf(LocalFileStorage);
  });

  it.each(["public", "public/uploads", "./public/../public/docs"])("refuses STORAGE_DIR=%s", (dir) => {
    expect(() => createFileStorage(parseConfig({ STORAGE_DIR: dir }))).toThrow(ConfigError);
    expect(() => createFileStorage(parseConfig({ STORAGE_DIR: dir }))).toThrow(/STORAGE_DIR must be outside public/);
  });

  it("allows a sibling folder whose name merely starts with public", () => {
    expect(createFileStorage(parseConfig({ STORAGE_DIR: "public-uploads" }))).toBeInstanceOf(LocalFileStorage);
  });
});
