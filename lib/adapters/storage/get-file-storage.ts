import "server-only";
import path from "node:path";
import { ConfigError, getConfig, type AppConfig } from "@/lib/config";
import type { FileStorage } from "./file-storage";
import { LocalFileStorage } from "./local-file-storage";

let cached: FileStorage | undefined;

export function getFileStorage(): FileStorage {
  cached ??= createFileStorage(getConfig());
  return cached;
}

export function createFileStorage(config: AppConfig): FileStorage {
  switch (config.STORAGE_PROVIDER) {
    case "local":
      assertNotPublic(config.storageDir);
      return new LocalFileStorage({ root: config.storageDir });
  }
}

// Next serves everything under public/ to anyone, without a session check.
function assertNotPublic(storageDir: string) {
  const fromPublic = path.relative(path.resolve("public"), path.resolve(storageDir));
  const outside = fromPublic === ".." || fromPublic.startsWith(`..${path.sep}`) || path.isAbsolute(fromPublic);
  if (!outside) {
    throw new ConfigError("STORAGE_DIR", "must be outside public/, where every file is downloadable without signing in");
  }
}

/** Tests change the configuration between cases. */
export function resetFileStorageForTests() {
  cached = undefined;
}
