import "server-only";
import QRCode from "qrcode";

/**
 * The QR code of a tracking code as an SVG document, drawn on the server so the
 * receipt prints with it even without JavaScript. It holds only the ten ASCII
 * digits (numeric mode keeps the symbol small and any reader shows the code).
 */
export async function trackingQrSvg(trackingCode: string): Promise<string> {
  return QRCode.toString(trackingCode, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
