// Node's flags for every production server of the portal (docs/decisions/024):
// `npm run serve` and the Dockerfile spell them out, and `npm start`, the
// benchmark and the cluster and security suites start the server with these.
// tests/repository/server-node-flags.test.ts keeps the spelled-out copies the same.

/**
 * V8 collects garbage on the server's own thread instead of on helper threads:
 * with one core per server process (docs/capacity.md), helper threads take that
 * core from the requests while they mark. Not allowed in NODE_OPTIONS.
 */
export const SERVER_NODE_FLAGS = ["--single-threaded-gc"];
