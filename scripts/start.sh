#!/usr/bin/env bash
# npm start: install what is missing, build, and run the whole stack on one public port.
source "$(dirname "$0")/lib.sh"

ensure_system_packages
ensure_node_modules
start_database
start_redis
build_all
start_apps
start_nginx
wait_for_url "http://127.0.0.1:$HTTP_PORT/api/health" 90

log "the app is up: http://localhost:$HTTP_PORT  (npm stop to stop it)"
