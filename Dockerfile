# syntax=docker/dockerfile:1
#
# Stint: one image for both processes.
#   API (default):  node dist/apps/api/main.js     serves HTTP on $PORT (3000) and the built dashboard
#   worker:         node dist/apps/worker/main.js  BullMQ processors and schedulers, no HTTP
#
#   docker build -t stint .
#   docker run -e DATABASE_URL=... -e REDIS_URL=... -e JWT_SECRET=... -p 3000:3000 stint
#   docker run -e ... stint node dist/apps/worker/main.js
#
# See docker-compose.yml for a full local stack (PostgreSQL, Redis, Mailpit, API, worker).

ARG NODE_IMAGE=node:22-bookworm-slim

# ---------------------------------------------------------------------------
# base: shared settings for the build-side stages
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
WORKDIR /app
# No Nx daemon or Nx Cloud inside a one-shot build; plain (non-TUI) output.
# SCARF_ANALYTICS: opt out of the install-time telemetry of a transitive dependency.
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    SCARF_ANALYTICS=false \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# ---------------------------------------------------------------------------
# deps: the full (dev) dependency tree, needed to build
# ---------------------------------------------------------------------------
FROM base AS deps
# Only the manifests, so this layer is reused until dependencies change.
# .npmrc carries engine-strict=true, so npm checks the Node version here too.
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci

# ---------------------------------------------------------------------------
# build: API and worker (webpack bundles) and the dashboard (Angular)
# ---------------------------------------------------------------------------
FROM deps AS build
# Sources; .dockerignore keeps node_modules, dist, .nx, var, ... out.
COPY . .
RUN npx nx run-many -t build -p api worker dashboard \
 && test -f dist/apps/api/main.js \
 && test -f dist/apps/worker/main.js \
 && test -f dist/apps/dashboard/browser/index.html

# ---------------------------------------------------------------------------
# prod-deps: runtime node_modules only
# ---------------------------------------------------------------------------
# The webpack bundles keep node_modules as externals, so the runtime needs the
# production dependencies of the root manifest. A separate stage (not a prune
# of the build tree) keeps dev tooling out of the final image.
# --ignore-scripts: nothing at run time needs an install script (native addons
# such as msgpackr-extract ship prebuilt platform packages or fall back to JS),
# and it keeps telemetry/postinstall hooks out of the image.
FROM base AS prod-deps
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts

# ---------------------------------------------------------------------------
# runtime
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DASHBOARD_DIR=/app/dist/apps/dashboard/browser
WORKDIR /app

# Application files stay owned by root (read-only for the app user); only
# var/ is writable: it is where mail goes as .eml files when SMTP_URL is unset.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/dist/apps/worker ./dist/apps/worker
COPY --from=build /app/dist/apps/dashboard/browser ./dist/apps/dashboard/browser
RUN mkdir -p /app/var && chown node:node /app/var

# The official Node image's unprivileged user.
USER node

EXPOSE 3000

# Probes the API's own health endpoint (200 only when PostgreSQL and Redis
# answer). Uses Node's built-in fetch: the slim image has no curl or wget.
# start-period leaves room for creating/migrating the database on first start.
# The worker serves no HTTP: docker-compose.yml disables this check for it.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

CMD ["node", "dist/apps/api/main.js"]
