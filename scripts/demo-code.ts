// `npm run demo:code -- 120101`: the current sign-in code of a demo staff
// member, from the demo secrets the README publishes (lib/server/demo/demo-data.ts).
// The same code an authenticator app holding that secret shows. Demo only.
import { generate } from "otplib";
import { DEMO_STAFF } from "@/lib/server/demo/demo-data";

const personnelCode = process.argv[2] ?? "";
const staff = DEMO_STAFF.find((s) => s.personnelCode === personnelCode);
if (!staff?.totpSecret) {
  const known = DEMO_STAFF.filter((s) => s.totpSecret).map((s) => s.personnelCode).join(", ");
  console.error(`Usage: npm run demo:code -- <personnel code>; demo staff with a seeded authenticator: ${known}`);
  process.exit(1);
}
const code = await generate({ secret: staff.totpSecret });
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${code}  (${staff.firstName} ${staff.lastName}, ${personnelCode}; valid for ${secondsLeft} more seconds, then the next one)`);
