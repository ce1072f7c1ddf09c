import "server-only";
import { Readable, Transform } from "node:stream";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
  type PutObjectCommandInput,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { AppError } from "@/lib/errors";
import type { FileStorage, PutOptions, StoredFileInfo } from "./file-storage";
import { isStorageKey, newStorageKey } from "./storage-keys";

export type S3StorageOptions = {
  bucket: string;
  /** Folder inside the bucket, "" or ending with "/" (e.g. "documents/"). */
  prefix: string;
  region: string;
  /** Unset: AWS itself. MinIO, Ceph RGW, s3rver: their http(s) address. */
  endpoint?: string;
  /** host/bucket/key addresses instead of bucket.host/key (MinIO and Ceph need it). */
  forcePathStyle: boolean;
  /** Unset: the SDK's usual sources (environment, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  serverSideEncryption: "none" | "AES256" | "aws:kms";
  kmsKeyId?: string;
  timeoutMs: number;
};

// Streams of unknown length go up in parts of this size; a document (5 MB at
// most) is a single request. Only a part is ever held in memory.
const PART_BYTES = 5 * 1024 * 1024;

/**
 * Documents in an S3-compatible object store, so that every server of the
 * portal sees every document. Objects are named `<prefix><key>` with the same
 * random keys as the local storage: nothing in a name or in the object's
 * metadata says whose document it is or what it was called (the request's row
 * keeps the file name). A put is one atomic PutObject (or a multipart upload,
 * invisible until completed), so a failure never leaves a partial object under
 * a real key. Served only through the portal's route handlers: the bucket
 * needs no public access at all.
 */
export class S3FileStorage implements FileStorage {
  readonly client: S3Client;
  private readonly options: S3StorageOptions;

  constructor(options: S3StorageOptions) {
    this.options = options;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // Checksums only where S3 requires them: MinIO, Ceph and older stores
      // refuse the trailing checksums the SDK otherwise adds to every upload.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 3,
      requestHandler: { requestTimeout: options.timeoutMs, connectionTimeout: Math.min(options.timeoutMs, 5_000) },
    });
  }

  async put(data: Buffer | Readable, options: PutOptions = {}): Promise<{ key: string; size: number }> {
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    if (!(maxBytes >= 0)) throw new RangeError("maxBytes must be zero or more");
    if (Buffer.isBuffer(data) && data.length > maxBytes) throw tooLarge();
    const key = newStorageKey();
    const target = { Bucket: this.options.bucket, Key: this.objectName(key), ...this.encryption() };
    try {
      if (Buffer.isBuffer(data)) {
        await this.client.send(new PutObjectCommand({ ...target, Body: data, ContentLength: data.length, ContentType: "application/octet-stream" }));
        return { key, size: data.length };
      }
      const counter = countingLimit(maxBytes);
      const body = data.pipe(counter);
      data.once("error", (error) => counter.destroy(error));
      const upload = new Upload({
        client: this.client,
        params: { ...target, Body: body, ContentType: "application/octet-stream" },
        partSize: PART_BYTES,
        queueSize: 1,
        // A failed multipart upload is aborted, so its parts do not linger.
        leavePartsOnError: false,
      });
      await upload.done();
      return { key, size: counter.bytes };
    } catch (error) {
      if (data instanceof Readable) data.destroy();
      if (error instanceof AppError) throw error;
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof AppError) throw cause;
      throw new AppError("STORAGE_ERROR", "could not store the file", { cause: error });
    }
  }

  async get(key: string): Promise<Readable> {
    this.assertKey(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectName(key) }));
      if (!(response.Body instanceof Readable)) throw new Error("the object has no readable body");
      return response.Body;
    } catch (error) {
      throw objectError(error);
    }
  }

  async delete(key: string): Promise<void> {
    this.assertKey(key);
    try {
      // S3 answers 204 for a key that is already gone.
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectName(key) }));
    } catch (error) {
      const failure = objectError(error);
      if (failure.code !== "NOT_FOUND") throw failure;
    }
  }

  async exists(key: string): Promise<boolean> {
    if (!isStorageKey(key)) return false;
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.objectName(key) }));
      return true;
    } catch (error) {
      const failure = objectError(error);
      if (failure.code === "NOT_FOUND") return false;
      throw failure;
    }
  }

  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
    } catch (error) {
      throw new AppError("STORAGE_ERROR", "the document bucket cannot be reached", { cause: error });
    }
  }

  async *list(): AsyncIterable<StoredFileInfo> {
    const pages = paginateListObjectsV2({ client: this.client, pageSize: 1000 }, { Bucket: this.options.bucket, Prefix: this.options.prefix });
    try {
      for await (const page of pages) {
        for (const object of page.Contents ?? []) {
          const key = object.Key?.slice(this.options.prefix.length) ?? "";
          // Anything else in the bucket (another prefix, someone's README) is not ours.
          if (!object.Key?.startsWith(this.options.prefix) || !isStorageKey(key) || !object.LastModified) continue;
          yield { key, modifiedAt: object.LastModified };
        }
      }
    } catch (error) {
      throw new AppError("STORAGE_ERROR", "could not list the stored files", { cause: error });
    }
  }

  /**
   * Multipart uploads that were started and never completed (a server died
   * while streaming a large file) hold their parts, invisible, until aborted.
   * Stores without the listing (s3rver) report none; on S3 itself a bucket
   * lifecycle rule (AbortIncompleteMultipartUpload) does the same job.
   */
  async removeIncomplete({ olderThan }: { olderThan: Date }): Promise<number> {
    let removed = 0;
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    try {
      for (;;) {
        const page = await this.client.send(
          new ListMultipartUploadsCommand({ Bucket: this.options.bucket, Prefix: this.options.prefix, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }),
        );
        for (const upload of page.Uploads ?? []) {
          if (!upload.Key || !upload.UploadId || !upload.Initiated || upload.Initiated >= olderThan) continue;
          if (!isStorageKey(upload.Key.slice(this.options.prefix.length))) continue;
          await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.options.bucket, Key: upload.Key, UploadId: upload.UploadId }));
          removed++;
        }
        if (!page.IsTruncated) return removed;
        keyMarker = page.NextKeyMarker;
        uploadIdMarker = page.NextUploadIdMarker;
      }
    } catch (error) {
      if ((error as { name?: string }).name === "NotImplemented") return removed;
      throw new AppError("STORAGE_ERROR", "could not clean up incomplete uploads", { cause: error });
    }
  }

  private objectName(key: string) {
    return `${this.options.prefix}${key}`;
  }

  private assertKey(key: string) {
    if (!isStorageKey(key)) throw new AppError("NOT_FOUND", "no such file");
  }

  private encryption(): Pick<PutObjectCommandInput, "ServerSideEncryption" | "SSEKMSKeyId"> {
    const { serverSideEncryption, kmsKeyId } = this.options;
    if (serverSideEncryption === "none") return {};
    return { ServerSideEncryption: serverSideEncryption, ...(serverSideEncryption === "aws:kms" && kmsKeyId ? { SSEKMSKeyId: kmsKeyId } : {}) };
  }
}

function tooLarge() {
  return new AppError("INVALID_INPUT", "too large");
}

/** Passes bytes through, counting them; fails (and stops the upload) past `maxBytes`. */
function countingLimit(maxBytes: number): Transform & { bytes: number } {
  const counter = new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      counter.bytes += bytes.length;
      if (counter.bytes > maxBytes) callback(tooLarge());
      else callback(null, bytes);
    },
  }) as Transform & { bytes: number };
  counter.bytes = 0;
  return counter;
}

function objectError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (name === "NoSuchKey" || name === "NotFound" || $metadata?.httpStatusCode === 404) return new AppError("NOT_FOUND", "no such file");
  return new AppError("STORAGE_ERROR", "file storage failed", { cause: error });
}
