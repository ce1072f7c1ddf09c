import "server-only";
import { headers } from "next/headers";

/** Cookies get the Secure flag (and the __Secure- prefix where used) when the portal is served over HTTPS. */
export async function shouldUseSecureCookies(): Promise<boolean> {
  const h = await headers();
  return h.get("x-forwarded-proto") === "https" || (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}
