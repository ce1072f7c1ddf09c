import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { trackingQrSvg, trackingStatusUrl } from "./tracking-qr";

describe("the receipt's QR code", () => {
  it("links to the public status page with the code filled in, and nothing else", () => {
    expect(trackingStatusUrl({ baseUrl: "https://es.tamin.ir", trackingCode: "1234567890" })).toBe("https://es.tamin.ir/track?code=1234567890");
    expect(trackingStatusUrl({ baseUrl: "http://localhost:3000/", trackingCode: "1234567890" })).toBe("http://localhost:3000/track?code=1234567890");
  });

  it("draws that link, not the bare code", async () => {
    const svg = await trackingQrSvg({ baseUrl: "https://es.tamin.ir", trackingCode: "1234567890" });
    expect(svg).toBe(await QRCode.toString("https://es.tamin.ir/track?code=1234567890", { type: "svg", errorCorrectionLevel: "M", margin: 1 }));
    expect(svg).not.toBe(await QRCode.toString("1234567890", { type: "svg", errorCorrectionLevel: "M", margin: 1 }));
  });
});
