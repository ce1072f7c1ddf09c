import type { IncomingMessage, ServerResponse } from "node:http";
export const BASELINE_HEADERS: { key: string; value: string }[];
export function setBaselineSecurityHeaders(response: ServerResponse): void;
export function refuseMalformedUrl(request: IncomingMessage, response: ServerResponse): boolean;
