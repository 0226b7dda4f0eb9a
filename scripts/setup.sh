#!/usr/bin/env bash
# Installs what a fresh machine lacks: a venv with the pinned Python deps, redis-server, the Kafka jars.
set -euo pipefail
venv=${1:-.venv}
cd "$(dirname "$0")/.."

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "setup: Python 3.11+ is required"; exit 1; }
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo -n"; fi
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  echo "setup: installing python3-venv (Debian package)"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
fi
if ! command -v redis-server >/dev/null 2>&1 && [ ! -x /usr/bin/redis-server ]; then
  echo "setup: installing redis-server (Debian package)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
  # Debian starts a system redis on 6379; Frontwatch runs its own on a port of its own and leaves that alone.
fi
command -v java >/dev/null || { echo "setup: Java 17+ is required (apt-get install openjdk-17-jre-headless)"; exit 1; }
command -v mvn >/dev/null || { echo "setup: Maven is required to fetch the Kafka jars (apt-get install maven)"; exit 1; }

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q -e '.[dev]'

# Fetch the broker jars now, so the first `stack up` does not wait on Maven Central.
"$venv/bin/python" -c 'from shared.devstack import kafka_libs; from shared.settings import FrontwatchSettings; print("kafka jars:", kafka_libs(FrontwatchSettings()))'

# Build the gazetteer once now and keep it in the cache (~/.cache/frontwatch), so workers start warm (~0.6 s).
"$venv/bin/python" -c 'from shared.gazetteer import load_gazetteer; print("gazetteer entries:", load_gazetteer().size)'
