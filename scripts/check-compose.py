#!/usr/bin/env python3
"""Checks docker-compose.yml beyond its schema, without a Docker engine.

Reads the resolved file from `docker-compose config` on stdin (scripts/test.sh pipes it in) and
checks what the schema cannot: health checks behind every `service_healthy`, one-shot jobs behind
every `service_completed_successfully`, the replica set's members against its init job, Redis
persistence, published ports, and multi-stage non-root Dockerfiles. Exits 1 naming each problem.
"""
import pathlib
import re
import sys

import yaml  # python3-yaml, a dependency of Debian's docker-compose

ROOT = pathlib.Path(__file__).resolve().parent.parent
config = yaml.safe_load(sys.stdin)
services = config["services"]
problems = []

for name, service in services.items():
    for target, rule in (service.get("depends_on") or {}).items():
        condition = rule.get("condition") if isinstance(rule, dict) else "service_started"
        if condition == "service_healthy" and "healthcheck" not in services[target]:
            problems.append(f"{name} waits for {target} to be healthy, but it has no healthcheck")
        if condition == "service_completed_successfully" and services[target].get("restart") != "no":
            problems.append(f"{name} waits for {target} to complete, but {target} restarts")
    is_job = service.get("restart") == "no"
    if not is_job and "healthcheck" not in service:
        problems.append(f"{name} runs for good but has no healthcheck")
    if not is_job and service.get("restart") != "unless-stopped":
        problems.append(f"{name} does not restart after a crash")
    if service.get("ports") and name != "nginx":
        problems.append(f"{name} publishes ports; only nginx should")

members = sorted(name for name in services if re.fullmatch(r"mongo\d", name))
if len(members) != 3:
    problems.append(f"expected three MongoDB members, found {members}")
for name in members:
    command = " ".join(services[name]["command"])
    if "--replSet rs0" not in command or "--keyFile" not in command:
        problems.append(f"{name} is not started as a keyfile-authenticated member of rs0")
init_script = (ROOT / "deploy/compose/mongo-init.js").read_text()
initiated = sorted(re.findall(r"host: '(mongo\d):27017'", init_script))
if initiated != members:
    problems.append(f"mongo-init initiates {initiated}, but the members are {members}")

redis = services["redis"]
if "--appendonly yes" not in " ".join(redis["command"]):
    problems.append("redis runs without its append-only file")


def mount_target(volume):
    # docker-compose 1.29 prints "source:target:mode"; newer ones print a mapping.
    return volume.get("target") if isinstance(volume, dict) else volume.split(":")[1]


if "/data" not in [mount_target(volume) for volume in redis.get("volumes", [])]:
    problems.append("redis keeps /data in the container, not in a volume")

if not config.get("networks", {}).get("backend", {}).get("internal"):
    problems.append("the backend network (database, Redis) is not internal")

for name, service in services.items():
    build = service.get("build")
    if not build:
        continue
    dockerfile = pathlib.Path(build["context"]) / build.get("dockerfile", "Dockerfile")
    text = dockerfile.read_text()
    stages = re.findall(r"^FROM\s", text, re.MULTILINE)
    last_stage = text[text.rfind("\nFROM ") :]
    users = re.findall(r"^USER\s+(\S+)", last_stage, re.MULTILINE)
    if len(stages) < 2:
        problems.append(f"{dockerfile} is not a multi-stage build")
    if not users or users[-1] in ("root", "0"):
        problems.append(f"{dockerfile} runs as root")

for problem in problems:
    print(f"docker-compose.yml: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
