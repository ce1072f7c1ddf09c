/**
 * Whether a state-changing request came from a page of this site. Browsers
 * send Origin on every cross-origin request and on same-origin POSTs; a
 * missing Origin on a POST to a route handler is therefore refused too (a
 * server-side client can set anything, but cannot carry a victim's cookies).
 * Sec-Fetch-Site, when the browser sends it, must agree.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
