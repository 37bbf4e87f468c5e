#!/usr/bin/env bash
# Benchmarks the habit statistics against the database (tools/bench-habit-stats.mjs): how the
# time of a habit's history, stats, the day plan and the dashboard grows with the range asked
# for and with the size of the collection. Starts its own "bench" database on the test port, or
# uses MONGODB_URI (a real MongoDB) when set, and stops what it started afterwards.
export STACK=bench DB_PORT="${TEST_DB_PORT:-27117}" REDIS_PORT="${TEST_REDIS_PORT:-6479}"
export LOG_LEVEL="${LOG_LEVEL:-warn}" LOG_TO_FILES=false
source "$(dirname "$0")/lib.sh"

cleanup() {
  stop_database
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

ensure_node_modules
cleanup

start_database
log "building the API"
(cd "$ROOT" && npm run --silent build --workspace backend)
export MONGODB_URI="${MONGODB_URI:-mongodb://127.0.0.1:$DB_PORT/habitgym_bench?directConnection=true}"

log "benchmark"
node "$ROOT/tools/bench-habit-stats.mjs"
