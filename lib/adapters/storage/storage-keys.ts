import crypto from "node:crypto";

// 128 random bits: unguessable, and nothing about the person, the request or
// the file's name. Both storages issue and accept only this format.
const KEY_PATTERN = /^[0-9a-f]{32}$/;

export const newStorageKey = () => crypto.randomBytes(16).toString("hex");
export const isStorageKey = (key: string) => KEY_PATTERN.test(key);
