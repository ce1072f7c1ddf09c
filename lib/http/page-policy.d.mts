import type { IncomingMessage, ServerResponse } from "node:http";
export function contentSecurityPolicy(options: { nonce: string; https: boolean }): string;
export const DEVELOPMENT_CONTENT_SECURITY_POLICY: string;
export function makeNonce(): string;
export function setPagePolicy(request: IncomingMessage, response: ServerResponse, pathname: string): void;
