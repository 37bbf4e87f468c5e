#!/usr/bin/env bash
# npm run bench: builds for production and starts a stack of its own (the "bench" stack: its own
# ports, data, logs and PM2 daemon, wiped at start), with the bench anchors switched on, a bare
# node:http hello behind the same NGINX and rate limits raised out of the way; then
# tools/bench/run.mjs seeds data, runs the scenarios and writes reports/bench-<timestamp>.{json,md}.
# Everything it started is stopped on exit, pass or fail. See docs/PERFORMANCE.md.
#
#   npm run bench                      full run (about 8 minutes)
#   npm run bench -- --quick           a smoke run: tiny data set, 1 s loads (about 2 minutes)
#   npm run bench -- --help            every option of tools/bench/run.mjs
#   BENCH_SKIP_BUILD=1 npm run bench   reuse the last build (while working on the bench itself)
export STACK=bench DB_PORT="${BENCH_DB_PORT:-27317}" REDIS_PORT="${BENCH_REDIS_PORT:-6579}"
export API_PORT="${BENCH_API_PORT:-4300}" WEB_PORT="${BENCH_WEB_PORT:-3300}"
export HTTP_PORT="${BENCH_HTTP_PORT:-8380}" BENCH_HELLO_PORT="${BENCH_HELLO_PORT:-$((API_PORT + 20))}"
export REDIS_APPENDONLY=no WITH_BROWSER=1
source "$(dirname "$0")/lib.sh"

for arg in "$@"; do
  if [ "$arg" = --help ] || [ "$arg" = -h ]; then
    exec node "$ROOT/tools/bench/run.mjs" --help
  fi
done

# The API as production runs it, plus the anchors; limits high enough that the load generator,
# one IP sending thousands of requests a second for a handful of users, is never throttled.
export NODE_ENV=production BENCH_ANCHORS=true
export RATE_LIMIT_GENERAL_MAX=1000000 RATE_LIMIT_LOGIN_IP_MAX=1000000
export RATE_LIMIT_LOGIN_ACCOUNT_MAX=1000000 RATE_LIMIT_REGISTER_MAX=1000000

cleanup() {
  stop_nginx
  stop_apps
  stop_redis
  stop_database
  [ "${BENCH_KEEP_DATA:-0}" = 1 ] || rm -rf "$DATA_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The bench NGINX is the stack's own config plus one location for the node:http hello, so the
# ceiling anchor takes the same path through NGINX as the API. lib.sh's render_nginx is wrapped.
eval "$(declare -f render_nginx | sed '1s/render_nginx/render_stack_nginx/')"
render_nginx() {
  render_stack_nginx
  local conf="$RUN_DIR/nginx/nginx.conf" servers="" i
  for ((i = 0; i < API_INSTANCES; i++)); do
    servers+="    server 127.0.0.1:$((BENCH_HELLO_PORT + i));"$'\n'
  done
  local upstream="  upstream bench_hello {"$'\n'"    least_conn;"$'\n'"$servers"
  upstream+="    keepalive 32;"$'\n'"    keepalive_timeout 60s;"$'\n'"  }"$'\n'
  local location
  location=$(cat <<'NGINX'
    location = /bench/node-hello {
      proxy_pass http://bench_hello;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Request-Id $request_id_out;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
NGINX
  )
  # The upstream goes before the first server block, the location right under its listen line.
  awk -v upstream="$upstream" -v location="$location" -v listen="listen 127.0.0.1:$HTTP_PORT;" '
    /^[[:space:]]*server[[:space:]]*\{/ && !u { printf "%s", upstream; u = 1 }
    { print }
    index($0, listen) && !l { print location; l = 1 }
    END { if (!u || !l) exit 3 }
  ' "$conf" >"$conf.bench" || die "could not add the bench location to $conf"
  mv "$conf.bench" "$conf"
}

ensure_system_packages
ensure_node_modules
ensure_ferretdb
cleanup
rm -rf "$DATA_DIR" "$RUN_DIR" "$LOG_ROOT"

if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -f "$ROOT/backend/dist/server.js" ] && [ -d "$ROOT/frontend/.next" ]; then
  log "reusing the last build (BENCH_SKIP_BUILD=1)"
else
  build_all
fi

log "starting the bench stack on 127.0.0.1:$HTTP_PORT"
start_database
start_redis
start_apps
(cd "$ROOT" && npx --no-install pm2 startOrReload tools/bench/ecosystem.config.js >/dev/null)
start_nginx
wait_for_url "http://127.0.0.1:$HTTP_PORT/api/health" 90
wait_for_url "http://127.0.0.1:$HTTP_PORT/bench/node-hello" 30
wait_for_url "http://127.0.0.1:$HTTP_PORT/login" 60

export BENCH_BASE_URL="http://127.0.0.1:$HTTP_PORT" BENCH_BROWSER_URL="http://localhost:$HTTP_PORT"
export BENCH_API_URL="http://127.0.0.1:$API_PORT"
export BENCH_RUN_DIR="$RUN_DIR" BENCH_ROOT="$ROOT" BENCH_API_INSTANCES="$API_INSTANCES"
(cd "$ROOT" && node tools/bench/run.mjs "$@")
