#!/usr/bin/env bash
# Runs on the production host, piped over SSH by .github/workflows/deploy.yml (or by hand:
# `bash scripts/deploy/remote-deploy.sh /srv/habitgym <commit>`). Checks out the commit CI tested,
# installs, builds, reloads both apps with PM2 and waits until every API instance is ready.
# A failure stops the script before `pm2 reload`, so the running version keeps serving.
set -euo pipefail

APP_DIR=$1
SHA=$2
cd "$APP_DIR"

echo "==> checking out $SHA"
git fetch --quiet origin
git checkout --quiet --detach "$SHA"

echo "==> installing and building"
# Before the production environment is loaded: with NODE_ENV=production npm would leave out the
# dev dependencies that the build (TypeScript) and the process manager (pm2) come from.
npm ci --include=dev --no-audit --no-fund --loglevel=error
npm run build

# The production environment (written by the deploy job from GitHub secrets; mode 600).
set -a
# shellcheck disable=SC1091
source "$APP_DIR/.env.production"
set +a
export LOG_DIR="${LOG_DIR:-/var/log/habitgym}"
mkdir -p "$LOG_DIR"

echo "==> reloading"
# The API reloads one instance at a time (wait_ready, graceful SIGINT): no request is dropped.
# startOrReload also starts the apps on the first deploy.
npx --no-install pm2 startOrReload ecosystem.config.js --update-env
npx --no-install pm2 save

api_port="${API_PORT:-4000}"
for ((i = 0; i < ${API_INSTANCES:-2}; i++)); do
  port=$((api_port + i))
  for attempt in $(seq 60); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health/ready" && break
    [ "$attempt" = 60 ] && { echo "API instance on port $port is not ready" >&2; exit 1; }
    sleep 1
  done
done
echo "==> deployed $SHA"
npx --no-install pm2 status
