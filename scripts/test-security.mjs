// `npm run test:security`: the slow security suites (tests/security), against
// production servers of the portal on PostgreSQL:
//   - the client's address and host under each TRUST_PROXY setting,
//   - brute-force limits holding across two instances that share one database,
//   - 100 parallel duplicate submissions making one record,
//   - SIGKILL in the middle of uploads and decisions, then a restart,
//   - SIGKILL while a text message is at the gateway: delivered once after the restart,
//   - 2 GB request bodies cut off early.
// Builds the portal once when the build is missing or stale, then prints the
// figures the suites report.
import { runServerSuite } from "./server-suite.mjs";

runServerSuite({ project: "security", title: "security suites", figuresTitle: "Security figures", needs: "the security suites need it" });
