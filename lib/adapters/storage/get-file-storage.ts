import "server-only";
import path from "node:path";
import { ConfigError, getConfig, type AppConfig } from "@/lib/config";
import { counted, getMetrics } from "@/lib/server/observability/metrics";
import type { FileStorage } from "./file-storage";
import { LocalFileStorage } from "./local-file-storage";
import { S3FileStorage } from "./s3-file-storage";

let cached: FileStorage | undefined;

/** The configured storage, every call counted in the metrics by operation and outcome. */
export function getFileStorage(): FileStorage {
  cached ??= withStorageMetrics(createFileStorage(getConfig()));
  return cached;
}

export function createFileStorage(config: AppConfig): FileStorage {
  switch (config.STORAGE_PROVIDER) {
    case "local":
      assertNotPublic(config.storageDir);
      return new LocalFileStorage({ root: config.storageDir });
    case "s3":
      if (!config.S3_BUCKET) throw new ConfigError("S3_BUCKET", "is required when STORAGE_PROVIDER=s3");
      return new S3FileStorage({
        bucket: config.S3_BUCKET,
        prefix: config.S3_KEY_PREFIX,
        region: config.S3_REGION,
        endpoint: config.S3_ENDPOINT,
        forcePathStyle: config.S3_FORCE_PATH_STYLE === "true",
        credentials:
          config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
            ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
            : undefined,
        serverSideEncryption: config.S3_SSE,
        kmsKeyId: config.S3_SSE_KMS_KEY_ID,
        timeoutMs: config.S3_TIMEOUT_MS,
      });
  }
}

// Next serves everything under public/ to anyone, without a session check.
function assertNotPublic(storageDir: string) {
  const fromPublic = path.relative(path.resolve(/*turbopackIgnore: true*/ "public"), path.resolve(/*turbopackIgnore: true*/ storageDir));
  const outside = fromPublic === ".." || fromPublic.startsWith(`..${path.sep}`) || path.isAbsolute(fromPublic);
  if (!outside) {
    throw new ConfigError("STORAGE_DIR", "must be outside public/, where every file is downloadable without signing in");
  }
}

function withStorageMetrics(storage: FileStorage): FileStorage {
  const counter = getMetrics().storageOperations;
  return {
    put: (data, options) => counted(counter, "put", () => storage.put(data, options)),
    get: (key) => counted(counter, "get", () => storage.get(key)),
    delete: (key) => counted(counter, "delete", () => storage.delete(key)),
    exists: (key) => counted(counter, "exists", () => storage.exists(key)),
    check: () => counted(counter, "check", () => storage.check()),
    list: () => storage.list(),
    removeIncomplete: (options) => counted(counter, "removeIncomplete", () => storage.removeIncomplete(options)),
  };
}

