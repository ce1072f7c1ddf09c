# syntax=docker/dockerfile:1
# The portal's production image: the standalone build on Node 24 LTS, as a
# non-root user, nothing but what the server needs. Build it once and run it as
# many servers (compose.yaml, docs/deploy.md). Docker cannot run on the machines
# this project is built on; `npm run test:cluster` proves the same topology
# with Debian's HAProxy and PgBouncer.

FROM node:24-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
# The key the build and every server share (server actions' encrypted arguments).
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
RUN --mount=type=secret,id=actions_key,required=false \
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:-$(cat /run/secrets/actions_key 2>/dev/null || true)}" \
    npm run build

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORTAL_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    BIND_ADDRESS=0.0.0.0
RUN groupadd --system --gid 10001 portal && useradd --system --uid 10001 --gid portal --no-create-home portal
COPY --from=build --chown=root:root /src/.next/standalone ./
USER portal
EXPOSE 3000
# The load balancer checks /api/health/ready; this one tells Docker the process answers.
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "portal-server.mjs"]
