import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

const root = path.resolve(import.meta.dirname, "..", "..");

test("the production build serves no benchmark page", async ({ request }) => {
  // The browser tests run `npm start`, which serves the production build in .next.
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  expect(Object.keys(manifest).length).toBeGreaterThan(10);
  expect(Object.keys(manifest).filter((route) => route.startsWith("/bench"))).toEqual([]);
  const response = await request.get("/bench/baseline/00000000-0000-4000-8000-000000000000");
  expect(response.status()).toBe(404);
});

test("a phone can add the portal to its home screen: Persian name, right to left, the header's colour, real icons", async ({ page, request }) => {
  await page.goto("/");
  const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestUrl).toBe("/manifest.webmanifest");
  const manifest = (await (await request.get(manifestUrl!)).json()) as {
    name: string;
    short_name: string;
    lang: string;
    dir: string;
    start_url: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(manifest.name).toBe("سامانه خدمات غیرحضوری تأمین اجتماعی");
  expect(manifest.short_name).toMatch(/^[\u0600-\u06FF\u200c ]+$/);
  expect(manifest).toMatchObject({ lang: "fa", dir: "rtl", start_url: "/" });
  // The colour of the phone's title bar is the colour of the page's header, and the one the page declares.
  const headerColour = await page.locator("header").first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(hexToRgb(manifest.theme_color)).toBe(headerColour);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", manifest.theme_color);
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of [...manifest.icons, { src: "/apple-touch-icon.png", sizes: "180x180", type: "image/png" }]) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toBe(icon.type);
    const png = await response.body();
    // The PNG header holds the width and height (IHDR, bytes 16 to 23).
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
});

test("browsers that ask for /favicon.ico get the icon", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  const ico = await response.body();
  // An icon file: reserved 0, type 1, then the number of images.
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(2);
});

test("robots.txt keeps account, staff and demo pages out of search engines, and not the public ones", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  const disallowed = (await response.text())
    .split("\n")
    .filter((line) => line.startsWith("Disallow:"))
    .map((line) => line.slice("Disallow:".length).trim());
  const blocked = (pathname: string) => disallowed.some((prefix) => prefix !== "" && pathname.startsWith(prefix));
  for (const pathname of ["/account", "/account/requests", "/staff", "/staff/requests", "/staff/login", "/dev/outbox", "/forgot-password", "/register/mobile"]) {
    expect(blocked(pathname), pathname).toBe(true);
  }
  for (const pathname of ["/", "/register", "/login", "/track"]) {
    expect(blocked(pathname), pathname).toBe(false);
  }
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
