# syntax=docker/dockerfile:1
# Daftar API image. Build: docker build -t daftar . (docker-compose.yml does it for you.)
# It runs with NODE_ENV=production, which exits with 78 until every production variable is set
# (docker-compose.production.yml lists them); docker-compose.yml runs it as the demo instead.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 (the read models, and the embedded store) fetches a prebuilt binary; the toolchain is
# the fallback for platforms without one.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DAFTAR_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read models (and the SQLite event store, when used) live on the /data volume, owned by the app user.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/main.js"]
