// What a production server (PORTAL_ENV=production, the default of every built
// server) refuses to start without. Each rule names one setting and says why in
// one line; the server prints every broken rule, not only the first, so an
// operator fixes them in one go. Add a rule here for any new demo default that
// must never reach production.
import type { TEnv } from "./env-schema";

export type ProductionRule = {
  setting: keyof TEnv;
  /** The problem, completing "<SETTING> ...", or null when the setting is fine. */
  check: (env: TEnv) => string | null;
};

const mustBeSet =
  (setting: keyof TEnv, why: string): ProductionRule["check"] =>
  (env) =>
    env[setting] ? null : `must be set in production: ${why}`;

export const PRODUCTION_RULES: ProductionRule[] = [
  {
    setting: "DATABASE_URL",
    check: mustBeSet("DATABASE_URL", "the embedded database is for the demo on one machine"),
  },
  {
    setting: "NEXTAUTH_SECRET",
    check: mustBeSet("NEXTAUTH_SECRET", "every server must share one session key, or servers reject each other's cookies"),
  },
  {
    setting: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
    check: mustBeSet(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "every server (and the build) must share one server-actions key (openssl rand -base64 32)",
    ),
  },
  {
    setting: "NEXTAUTH_URL",
    check: mustBeSet("NEXTAUTH_URL", "the public address of the portal, e.g. https://es.example.ir"),
  },
  {
    setting: "SMS_PROVIDER",
    check: (env) => (env.SMS_PROVIDER === "outbox" ? "must be http in production: the outbox sends nothing and shows every one-time code at /dev/outbox" : null),
  },
  {
    setting: "EMAIL_PROVIDER",
    check: (env) => (env.EMAIL_PROVIDER === "outbox" ? "must be smtp in production: the outbox sends nothing and shows every confirmation link at /dev/outbox" : null),
  },
  {
    setting: "CIVIL_REGISTRY_PROVIDER",
    check: (env) => (env.CIVIL_REGISTRY_PROVIDER === "mock" ? "must be http in production: the mock registry holds only the demo persons" : null),
  },
  {
    setting: "MOBILE_OWNERSHIP_PROVIDER",
    check: (env) => (env.MOBILE_OWNERSHIP_PROVIDER === "mock" ? "must be http in production: the mock check answers from the demo fixture" : null),
  },
  {
    setting: "STORAGE_PROVIDER",
    check: (env) =>
      env.STORAGE_PROVIDER === "s3" ? null : "must be s3 in production: a document stored on one server's disk is missing on the others",
  },
  {
    setting: "TRUST_PROXY",
    check: (env) =>
      env.TRUST_PROXY === undefined
        ? "must be set explicitly in production: false when clients connect to the portal directly, or the proxies in front (their number, or their addresses)"
        : null,
  },
  {
    setting: "SEED_DEMO",
    check: (env) => (env.SEED_DEMO === "true" ? "cannot be true in production: the demo accounts share a published password" : null),
  },
  {
    setting: "BENCH_BASELINE",
    check: (env) => (env.BENCH_BASELINE ? "must not be set in production: it serves the benchmark's bare page" : null),
  },
];

/** Every broken rule as "<SETTING> <problem>", in the order above. */
export function productionProblems(env: TEnv): string[] {
  return PRODUCTION_RULES.flatMap((rule) => {
    const problem = rule.check(env);
    return problem ? [`${rule.setting} ${problem}`] : [];
  });
}
