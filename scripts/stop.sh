#!/usr/bin/env bash
# npm stop: stop every process of the stack (data stays in data/<stack>/).
source "$(dirname "$0")/lib.sh"

stop_nginx
stop_apps
stop_redis
stop_database
log "stopped the $STACK stack"
