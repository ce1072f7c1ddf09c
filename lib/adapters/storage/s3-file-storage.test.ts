import { Readable } from "node:stream";
import { ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeFileStorageContract, errorCode, listedKeys, readAll } from "@/tests/support/file-storage-contract";
import { S3_TEST_CREDENTIALS, startS3TestServer, type S3TestServer } from "@/tests/support/s3-test-server";
import { S3FileStorage, type S3StorageOptions } from "./s3-file-storage";

let server: S3TestServer;
let prefixes = 0;
beforeAll(async () => {
  server = await startS3TestServer();
});
afterAll(async () => {
  await server.close();
});

/** A storage on the test server, in a prefix of its own so tests never see each other's objects. */
function storageOn(options: Partial<S3StorageOptions> = {}) {
  return new S3FileStorage({
    bucket: server.bucket,
    prefix: `test-${++prefixes}/`,
    region: "us-east-1",
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials: S3_TEST_CREDENTIALS,
    serverSideEncryption: "none",
    timeoutMs: 5_000,
    ...options,
  });
}

describeFileStorageContract("S3-compatible object store (s3rver)", async () => ({ storage: storageOn(), cleanup: async () => {} }));

describe("S3FileStorage", () => {
  it("names objects <prefix><key> and lists only its own prefix and key format", async () => {
    const storage = storageOn();
    const { key } = await storage.put(Buffer.from("%PDF-1.4"));
    const prefix = `test-${prefixes}/`;
    await storage.client.send(new PutObjectCommand({ Bucket: server.bucket, Key: `${prefix}README`, Body: "not a document" }));
    await storage.client.send(new PutObjectCommand({ Bucket: server.bucket, Key: "elsewhere/0123456789abcdef0123456789abcdef", Body: "x" }));
    const objects = await storage.client.send(new ListObjectsV2Command({ Bucket: server.bucket, Prefix: prefix }));
    expect(objects.Contents?.map((o) => o.Key).sort()).toEqual([`${prefix}${key}`, `${prefix}README`].sort());
    expect(await listedKeys(storage)).toEqual([key]);
  });

  it("streams a document out without reading it whole first", async () => {
    const storage = storageOn();
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    const { key } = await storage.put(big);
    const stream = await storage.get(key);
    expect(stream).toBeInstanceOf(Readable);
    expect((await readAll(stream)).equals(big)).toBe(true);
  });

  it("asks for server-side encryption on every put when configured", async () => {
    const storage = storageOn({ serverSideEncryption: "aws:kms", kmsKeyId: "portal-documents-key" });
    const sent: Record<string, string>[] = [];
    storage.client.middlewareStack.add(
      (next) => async (args) => {
        sent.push({ ...(args.request as { headers: Record<string, string> }).headers });
        return next(args);
      },
      { step: "finalizeRequest" },
    );
    // Only the headers sent matter here; whether the stub server accepts the uploads does not.
    await storage.put(Buffer.from("a")).catch(() => undefined);
    await storage.put(Readable.from([Buffer.from("b")])).catch(() => undefined);
    expect(sent).toHaveLength(2);
    for (const headers of sent) {
      expect(headers["x-amz-server-side-encryption"]).toBe("aws:kms");
      expect(headers["x-amz-server-side-encryption-aws-kms-key-id"]).toBe("portal-documents-key");
    }
  });

  it("reports a missing bucket or an unreachable server as STORAGE_ERROR", async () => {
    await expect(storageOn({ bucket: "no-such-bucket" }).check()).rejects.toMatchObject({ code: "STORAGE_ERROR" });
    const down = storageOn({ endpoint: "http://127.0.0.1:9", timeoutMs: 1_000 });
    expect(await errorCode(down.put(Buffer.from("x")))).toBe("STORAGE_ERROR");
    expect(await errorCode(down.get("0123456789abcdef0123456789abcdef"))).toBe("STORAGE_ERROR");
    await expect(down.check()).rejects.toMatchObject({ code: "STORAGE_ERROR" });
  });
});
