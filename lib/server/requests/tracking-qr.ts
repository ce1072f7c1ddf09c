import "server-only";
import QRCode from "qrcode";

/**
 * The public status page with a tracking code filled in (never a national ID:
 * a receipt left on a desk must not give one away). The person types their
 * national ID there, as anyone checking a status does.
 */
export function trackingStatusUrl({ baseUrl, trackingCode }: { baseUrl: string; trackingCode: string }): string {
  const url = new URL("/track", baseUrl);
  url.searchParams.set("code", trackingCode);
  return url.toString();
}

/**
 * The receipt's QR code, as an SVG document drawn on the server so the receipt
 * prints with it even without JavaScript: a phone's camera opens the public
 * status page with the code filled in.
 */
export async function trackingQrSvg({ baseUrl, trackingCode }: { baseUrl: string; trackingCode: string }): Promise<string> {
  return QRCode.toString(trackingStatusUrl({ baseUrl, trackingCode }), { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
