// Test support: an S3-compatible server (s3rver, from the npm registry) on
// 127.0.0.1 with files in a temporary folder, for the S3 storage's contract
// tests, the orphan clean-up and the cluster test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export const S3_TEST_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export type S3TestServer = { endpoint: string; bucket: string; directory: string; close(): Promise<void> };

export async function startS3TestServer({ port = 0, bucket = "portal-documents" }: { port?: number; bucket?: string } = {}): Promise<S3TestServer> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "portal-s3-"));
  const server = new S3rver({ port, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    directory,
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
