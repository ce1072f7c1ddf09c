import "server-only";
import { headers } from "next/headers";
import { getConfig } from "@/lib/config";

/**
 * The portal's public address, for links that leave the page (the receipt's QR
 * code): NEXTAUTH_URL, which a deployment sets to the address people use; without
 * it (the demo), the Host this request came to. Forwarded headers are not read:
 * only a configured address is trusted to name the portal.
 */
export async function publicBaseUrl(): Promise<string> {
  const configured = getConfig().NEXTAUTH_URL;
  if (configured) return configured;
  const host = (await headers()).get("host") ?? "localhost";
  return `http://${host}`;
}
