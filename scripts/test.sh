#!/usr/bin/env bash
# npm test: static checks, API integration tests against the real embedded database and Redis,
# then browser tests through NGINX against the whole stack. Starts what it needs on ports of its
# own (the "test" stack) and stops all of it afterwards, pass or fail. Ends with the table of the
# hostile-input and fault suites (scripts/hardening-report.mjs), which fails the run on any 5xx
# to hostile input or any lost or duplicated write.
#
# `scripts/test.sh --hardening` (npm run test:hardening) runs those suites alone: the hostile-input
# suites, then the fault runs against NGINX and the API cluster (no web app, no browser).
HARDENING_ONLY=0
[ "${1:-}" = "--hardening" ] && HARDENING_ONLY=1
export STACK=test DB_PORT="${TEST_DB_PORT:-27117}" REDIS_PORT="${TEST_REDIS_PORT:-6479}"
export API_PORT="${TEST_API_PORT:-4100}" WEB_PORT="${TEST_WEB_PORT:-3100}" HTTP_PORT="${TEST_HTTP_PORT:-8180}"
export REDIS_APPENDONLY=no WITH_BROWSER=1 WITH_DEPLOY_CHECKS=1
source "$(dirname "$0")/lib.sh"

cleanup() {
  stop_nginx
  stop_apps
  stop_redis
  stop_database
  # Test data is throwaway: each run starts from an empty database.
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

ensure_system_packages
ensure_node_modules
cleanup
rm -rf "$ROOT/reports/hardening"

if [ "$HARDENING_ONLY" = 0 ]; then
  log "static checks: format, lint, types"
  (cd "$ROOT" && npx --no-install prettier --check --log-level warn .)
  (cd "$ROOT" && npx --no-install eslint . --max-warnings 0)
  (cd "$ROOT" && npm run --silent typecheck)
  log "static checks: workflows (actionlint) and docker-compose.yml"
  check_deploy_files
fi

log "frontend unit tests"
(cd "$ROOT/frontend" && npx --no-install jest --ci)

start_database
start_redis
export TEST_DB_PORT="$DB_PORT" TEST_REDIS_PORT="$REDIS_PORT" TEST_REDIS_PIDFILE="$RUN_DIR/redis.pid"

# The hostile-input suites and the tests of what they rely on (passwords, idempotency).
HARDENING_TESTS=(src/hardening src/auth/password src/lib/idempotency)
if [ "$HARDENING_ONLY" = 1 ]; then
  log "hostile-input suites"
  (cd "$ROOT/backend" && npx --no-install jest --ci "${HARDENING_TESTS[@]}")
else
  log "API integration tests"
  (cd "$ROOT/backend" && npx --no-install jest --ci)
  log "API fault tests (one at a time: they stop services)"
  (cd "$ROOT/backend" && JEST_SUITE=fault npx --no-install jest --ci --runInBand)
fi

log "whole-stack tests through NGINX and the PM2 cluster"
if [ "$HARDENING_ONLY" = 1 ]; then build_api; else build_all; fi
# Rate limits for the stack (the API instances and the stack tests read the same values). Every
# stack and browser test comes from 127.0.0.1 and registers its own users, so registrations and
# the general limit are generous; the failed-login limits stay small, as the stack tests count
# them exactly (per account below per address, or the address limit would answer first).
export RATE_LIMIT_REGISTER_MAX=1000 RATE_LIMIT_GENERAL_MAX=10000
export RATE_LIMIT_LOGIN_IP_MAX=6 RATE_LIMIT_LOGIN_ACCOUNT_MAX=4
if [ "$HARDENING_ONLY" = 1 ]; then start_apps api; else start_apps; fi
start_nginx
wait_for_url "http://127.0.0.1:$HTTP_PORT/api/health" 90
# What the stack tests need to reach, stop and restart the pieces of this stack.
export STACK_BASE_URL="http://127.0.0.1:$HTTP_PORT" STACK_API_PORT="$API_PORT"
export STACK_API_INSTANCES="$API_INSTANCES" STACK_RUN_DIR="$RUN_DIR" STACK_ROOT="$ROOT"
export STACK_LOG_DIR="$LOG_ROOT" STACK_DATA_DIR="$DATA_DIR" STACK_DB_PORT="$DB_PORT" STACK_WEB_PORT="$WEB_PORT"
if [ "$HARDENING_ONLY" = 1 ]; then
  (cd "$ROOT/backend" && JEST_SUITE=stack npx --no-install jest --ci --runInBand src/hardening)
else
  (cd "$ROOT/backend" && JEST_SUITE=stack npx --no-install jest --ci --runInBand --passWithNoTests)

  log "browser tests in headless Chromium"
  (cd "$ROOT/frontend" && E2E_BASE_URL="http://localhost:$HTTP_PORT" npx --no-install jest --ci --runInBand -c jest.e2e.config.js)
fi

log "hostile input and faults"
node "$ROOT/scripts/hardening-report.mjs"

log "all tests passed"
