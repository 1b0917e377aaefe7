#!/usr/bin/env bash
# Serve a force from one machine: one Chroma server and N Pressline instances sharing it and one PostgreSQL database.
#
#   PRESSLINE_AUDIT_URL=postgresql+psycopg://pressline:PASSWORD@127.0.0.1/pressline deploy/run-force.sh 2
#
# Instances listen on 127.0.0.1 from port 8501 up (PRESSLINE_BASE_PORT), Chroma on 8000 (PRESSLINE_CHROMA_PORT), its
# data in data/chroma-server; logs go to data/logs/. Put the force's authenticating proxy in front with sticky
# sessions (deploy/nginx-pressline.conf is an example). Ctrl-C or SIGTERM stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
instances=${1:-2}
: "${PRESSLINE_AUDIT_URL:?set PRESSLINE_AUDIT_URL to the PostgreSQL database of the force, e.g. postgresql+psycopg://pressline:PASSWORD@127.0.0.1/pressline (README: Deploying for a force)}"
chroma_port=${PRESSLINE_CHROMA_PORT:-8000}
base_port=${PRESSLINE_BASE_PORT:-8501}
export PRESSLINE_CHROMA_URL="http://127.0.0.1:${chroma_port}"
export ANONYMIZED_TELEMETRY=False HF_HUB_OFFLINE=1

make install
mkdir -p data/logs
pids=()
stop() { trap - EXIT INT TERM; kill "${pids[@]}" 2>/dev/null || true; wait || true; }
trap stop EXIT INT TERM

.venv/bin/chroma run --path data/chroma-server --host 127.0.0.1 --port "$chroma_port" >data/logs/chroma.log 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  .venv/bin/python -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
    "$PRESSLINE_CHROMA_URL/api/v2/heartbeat" 2>/dev/null && break
  sleep 0.5
done

# One ingest before the instances start (exit 3: some files could not be read, each named above; the rest is served).
.venv/bin/python -m ingest --if-stale || [ $? -eq 3 ]

for i in $(seq 0 $((instances - 1))); do
  port=$((base_port + i))
  .venv/bin/python -m ui.serve --server.port "$port" --server.address 127.0.0.1 --server.headless true \
    --browser.gatherUsageStats false >"data/logs/pressline-$port.log" 2>&1 &
  pids+=($!)
  echo "Pressline instance $((i + 1)) of $instances: http://127.0.0.1:$port (log data/logs/pressline-$port.log)"
done
echo "Chroma server: $PRESSLINE_CHROMA_URL; stop everything with Ctrl-C"
wait -n "${pids[@]}"
echo "a process stopped (see data/logs/); stopping the rest" >&2
exit 1
