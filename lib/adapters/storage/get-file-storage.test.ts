import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { createFileStorage } from "./get-file-storage";
import { LocalFileStorage } from "./local-file-storage";
import { S3FileStorage } from "./s3-file-storage";

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

  it("uses S3-compatible object storage with STORAGE_PROVIDER=s3", async () => {
    const storage = createFileStorage(
      parseConfig({ STORAGE_PROVIDER: "s3", S3_BUCKET: "portal-documents", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" }),
    );
    expect(storage).toBeInstanceOf(S3FileStorage);
    const client = (storage as S3FileStorage).client;
    expect(await client.config.forcePathStyle).toBe(true);
    expect((await client.config.endpoint!()).hostname).toBe("127.0.0.1");
  });
});
