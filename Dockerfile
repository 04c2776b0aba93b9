# syntax=docker/dockerfile:1
# The CDCE bot as a container image (see docs/install.md). Two stages:
# - build: the compiler toolchain (better-sqlite3 compiles from source when no prebuilt
#   binary can be downloaded), every dependency, `npm run build` (generates the Prisma
#   clients and compiles src/ and commands/ to dist/, once), then the production dependencies
#   alone, compiled for the same system as the runtime stage;
# - runtime: node, the production node_modules and dist/, run as the unprivileged `node` user.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY prisma ./prisma
COPY src ./src
COPY commands ./commands
RUN npm run build
# Only what runs: drop the development tools (Prisma CLI, TypeScript, vitest...).
RUN npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
# pg_dump and pg_restore, for `npm run backup` / `npm run restore` against PostgreSQL
# (Debian bookworm ships client 15: keep the server on 15, as compose.yaml does).
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedded SQLite file, when DATABASE_URL is not PostgreSQL: on a volume, owned by the bot.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
ENV DATABASE_URL=file:/data/cdce.db \
    HTTP_PORT=8080
EXPOSE 8080
USER node
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same command as `npm run start:prod`: the built bot, no rebuild, no development tool.
CMD ["node", "--max-semi-space-size=1", "--v8-pool-size=1", "dist/src/main.js"]
