// `npm run test:cluster`: the production topology on this machine
// (tests/cluster): HAProxy in front of three production servers of one build,
// PostgreSQL through PgBouncer in transaction mode, documents in an
// S3-compatible server, and the server's own life cycle (refusing unsafe
// settings, health, graceful stop). Needs Debian's haproxy and pgbouncer and a
// PostgreSQL server (TEST_DATABASE_URL, default the local one; it creates and
// drops databases named cluster_*). Uses ports 3600-3699 and 6433. Builds once
// when the build is missing or stale; runs on the Node that runs this script.
import { runServerSuite } from "./server-suite.mjs";

runServerSuite({
  project: "cluster",
  title: `cluster test on Node ${process.versions.node}`,
  figuresTitle: "Cluster figures",
  needs: "the cluster test needs it",
  tools: ["haproxy", "pgbouncer"],
  // Debian puts both in /usr/sbin, outside an ordinary user's PATH.
  env: { PATH: `/usr/sbin:${process.env.PATH}` },
});
