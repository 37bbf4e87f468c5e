#!/usr/bin/env bash
# One-shot (docker-compose service mongo-keyfile): the replica set's shared keyfile, made once.
set -euo pipefail
key=/keyfile/key
if [ ! -s "$key" ]; then
  head -c 756 /dev/urandom | base64 -w 0 >"$key"
fi
# mongod refuses a keyfile that others can read; it runs as uid 999 in the official image.
chown 999:999 "$key"
chmod 400 "$key"
