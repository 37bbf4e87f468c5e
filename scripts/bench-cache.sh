#!/usr/bin/env bash
# Benchmarks the response cache through NGINX (tools/bench-cache.mjs): hit rate and latency of a
# cached read against an uncached one, in one run. Starts its own "bench" stack (database, Redis,
# two API instances, NGINX; no web app) on the test ports, and stops it afterwards.
export STACK=bench DB_PORT="${TEST_DB_PORT:-27117}" REDIS_PORT="${TEST_REDIS_PORT:-6479}"
export API_PORT="${TEST_API_PORT:-4100}" WEB_PORT="${TEST_WEB_PORT:-3100}" HTTP_PORT="${TEST_HTTP_PORT:-8180}"
export REDIS_APPENDONLY=no LOG_LEVEL="${LOG_LEVEL:-warn}"
# One user sends every request: the general limit must not be what is measured.
export RATE_LIMIT_GENERAL_MAX=1000000
source "$(dirname "$0")/lib.sh"

cleanup() {
  stop_nginx
  stop_apps
  stop_redis
  stop_database
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

ensure_system_packages
ensure_node_modules
cleanup

start_database
start_redis
log "building the API"
(cd "$ROOT" && npm run --silent build --workspace backend)
export_api_env
(cd "$ROOT" && npx --no-install pm2 startOrReload ecosystem.config.js --only api --update-env >/dev/null)
start_nginx
wait_for_url "http://127.0.0.1:$HTTP_PORT/api/health" 60

log "benchmark"
node "$ROOT/tools/bench-cache.mjs" "http://127.0.0.1:$HTTP_PORT"
