import "server-only";
import QRCode from "qrcode";

/** The otpauth:// address as an SVG QR code, drawn on the server (works without JavaScript). */
export async function authenticatorQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
