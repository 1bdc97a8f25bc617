#!/usr/bin/env bash
# Seed 000 with the cairn command line alone: from an empty registry to an inspection verdict.
# Registers the LOW, MID and HIGH standards of one SKU's ink, shows the model go INCOMPLETE ->
# INACTIVE, activates the three modes and waits until the sidecar serves them, inspects a sample,
# activates a re-registered HIGH standard, and rolls it back.
#
#   ./run-registry &                                   # once, in another terminal
#   examples/seed-000-cli.sh < cairn-data/admin-token
#
# The admin token comes on stdin (never an argument). What is not given, the script provides:
#   CAIRN_SERVER  the registry (default http://localhost:8080, the quick start's)
#   SIDECAR_URL   a sidecar following model sku001-ink-a of project $PROJECT; without it the script
#                 starts one with ./run-sidecar on port $SIDECAR_PORT (default 9000), holding the
#                 admin token, and stops it at the end
#   IMAGES        std-LOW-*.png, std-MID-*.png, std-HIGH-*.png, std-HIGH2-*.png and sample.png;
#                 without it the script writes them with ./run-sidecar seed-images
#   SIDECAR_CACHE the cache (and jar copies) of ./run-sidecar (default ./cairn-sidecar)
#   CAIRN         the cairn command (default cli/target/cairn)
# It logs in through a configuration of its own (a temporary XDG_CONFIG_HOME), so the current
# context of your cairn command line stays as it was.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cairn=${CAIRN:-$root/cli/target/cairn}
project=${PROJECT:-sku001}
model=sku001-ink-a
CAIRN_SERVER=${CAIRN_SERVER:-http://localhost:8080}
sidecar_cache=${SIDECAR_CACHE:-$root/cairn-sidecar}

work=$(mktemp -d)
sidecar_pid=""
cleanup() {
  if [ -n "$sidecar_pid" ]; then
    kill "$sidecar_pid" 2>/dev/null || true
    wait "$sidecar_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config"

token=$(cat)
[ -n "$token" ] || { echo "seed-000: the admin token goes on stdin (< cairn-data/admin-token)" >&2; exit 1; }
(umask 077 && printf '%s\n' "$token" >"$work/token")

if [ -z "${IMAGES:-}" ]; then
  IMAGES="$work/images"
  CAIRN_CACHE_DIR="$sidecar_cache" "$root/run-sidecar" seed-images "$IMAGES"
fi
step() { printf '\n== %s\n' "$*"; }

step "log in and create the project"
$cairn login "$CAIRN_SERVER" --token-stdin --name seed000 -p "$project" <"$work/token"
$cairn whoami
$cairn project create "$project"

step "one model, three inspection modes (MID by default)"
$cairn model create "$model" --variant MID --variant LOW --variant HIGH --label sku=SKU001 --label ink=A
$cairn model status "$model"

if [ -z "${SIDECAR_URL:-}" ]; then
  step "start a sidecar for $project/$model (./run-sidecar, log in $work/sidecar.log)"
  port=${SIDECAR_PORT:-9000}
  SIDECAR_URL=http://127.0.0.1:$port
  CAIRN_REGISTRY_URL=$CAIRN_SERVER CAIRN_REGISTRY_TOKEN_FILE="$work/token" CAIRN_PROJECT=$project \
    CAIRN_MODEL=$model CAIRN_SIDECAR_HOST=127.0.0.1 CAIRN_SIDECAR_PORT=$port \
    CAIRN_CACHE_DIR="$sidecar_cache" CAIRN_INSTANCE_ID=seed-000 \
    "$root/run-sidecar" >"$work/sidecar.log" 2>&1 &
  sidecar_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "$SIDECAR_URL/v2/health/live" >/dev/null 2>&1 && break
    kill -0 "$sidecar_pid" 2>/dev/null || { cat "$work/sidecar.log" >&2; exit 1; }
    sleep 1
  done
  curl -fs "$SIDECAR_URL/v2/health/live" >/dev/null ||
    { cat "$work/sidecar.log" >&2; echo "seed-000: the sidecar did not start (log above)" >&2; exit 1; }
  echo "sidecar at $SIDECAR_URL"
fi

step "register each mode's standard from its STD images"
for mode in LOW MID HIGH; do
  $cairn std register "$model" --mode "$mode" "$IMAGES"/std-"$mode"-*.png
  $cairn model status "$model"
done
low=$($cairn version list "$model" --variant LOW -o name)
mid=$($cairn version list "$model" --variant MID -o name)
high=$($cairn version list "$model" --variant HIGH -o name)

step "activate all three and wait until the sidecar serves them"
$cairn activate "$model" --pointer LOW="$low" --pointer MID="$mid" --pointer HIGH="$high" \
  --reason "first standards of SKU001 ink A" --wait --timeout 60
$cairn model status "$model"

step "inspect a sample"
$cairn inspect --sidecar "$SIDECAR_URL" "$IMAGES/sample.png" --mode HIGH

step "a new HIGH standard, activated, then rolled back"
$cairn std register "$model" --mode HIGH "$IMAGES"/std-HIGH2-*.png
high2=$($cairn version list "$model" --variant HIGH -o name | sort -V | tail -1)
$cairn activate "$model" --pointer LOW="$low" --pointer MID="$mid" --pointer HIGH="$high2" \
  --reason "re-registered HIGH" --wait --timeout 60
$cairn alias rollback "$model" production --variant HIGH --reason "HIGH too strict on line 3" \
  --wait --timeout 60
$cairn alias history "$model" production
$cairn inspect --sidecar "$SIDECAR_URL" "$IMAGES/sample.png" --mode HIGH -o json
