#!/usr/bin/env bash
# Records docs/cli-session.md: seed 000 through the cairn command line against a fresh quick-start
# registry, with the failures a user meets shown as they happen — a FAILED publish (exit 2 with
# its code), a tampered pull (exit 3), a rollback of one variant, a model deleted with a reason.
# Every command is printed as typed, then its output (stdout and stderr) and its exit code.
#
#   ./mvnw -pl cli -am package -DskipTests && docs/record-cli-session.sh
#
# It starts its own registry (./run-registry, data in a temporary folder, a free port) and logs in
# through a temporary XDG_CONFIG_HOME, so neither your cairn-data nor your CLI contexts change.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cairn="$root/cli/target/cairn"
out="$root/docs/cli-session.md"
work=$(mktemp -d)
registry_pid=""
cleanup() {
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null && wait "$registry_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config" NO_COLOR=1 COLUMNS=120

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
CAIRN_DATA_DIR="$work/data" CAIRN_PORT=$port CAIRN_HOST=127.0.0.1 "$root/run-registry" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
server=http://127.0.0.1:$port

# Shows the command with $work written as /tmp/demo, runs it, and records output and exit code.
run() {
  local shown
  shown=$(printf '%q ' "$@")
  shown=${shown% }
  shown=${shown//$work/\/tmp\/demo}
  shown=${shown//$cairn/cairn}
  printf '$ %s\n' "$shown" >>"$out"
  "$@" <"${stdin:-/dev/null}" >"$work/out" 2>&1
  local code=$?
  sed "s#$work#/tmp/demo#g" "$work/out" >>"$out"
  printf '[exit %d]\n\n' "$code" >>"$out"
}
note() { printf '# %s\n' "$*" >>"$out"; }

"$root/run-sidecar" seed-images "$work/images" >/dev/null 2>&1 ||
  { echo "record-cli-session: cannot write the seed images" >&2; exit 1; }

cat >"$out" <<'HEAD'
# A cairn session, failures included

Recorded by `docs/record-cli-session.sh` against a fresh `./run-registry` (seed 000's ink model,
then an ONNX model). Each command is shown as typed, then what it printed (standard output and
error together) and its exit code; exit codes are those of `cairn --help` (2 refused or FAILED,
3 integrity, 4 not found, 5 a `--wait` target not reached, 6 registry unreachable).

```text
HEAD

note "log in and create the project and the seed's three-mode model"
stdin="$work/data/admin-token" run "$cairn" login "$server" --token-stdin --name demo -p sku001
run "$cairn" project create sku001
run "$cairn" model create sku001-ink-a --variant MID --variant LOW --variant HIGH --label sku=SKU001 --label ink=A

note "a standard from one image is refused: FAILED, its code on stderr, exit 2"
run "$cairn" std register sku001-ink-a --mode LOW "$work/images/std-LOW-0.png"

note "the three standards from their STD images"
for mode in LOW MID HIGH; do
  run "$cairn" std register sku001-ink-a --mode "$mode" "$work"/images/std-"$mode"-*.png
done
run "$cairn" model status sku001-ink-a
run "$cairn" version list sku001-ink-a

low=$("$cairn" version list sku001-ink-a --variant LOW --state READY -o name | head -1)
mid=$("$cairn" version list sku001-ink-a --variant MID --state READY -o name | head -1)
high=$("$cairn" version list sku001-ink-a --variant HIGH --state READY -o name | head -1)
note "activate all three modes"
run "$cairn" activate sku001-ink-a --pointer LOW="$low" --pointer MID="$mid" --pointer HIGH="$high" --reason "first standards of SKU001 ink A"

note "a re-registered HIGH standard, activated, then HIGH alone rolled back"
run "$cairn" std register sku001-ink-a --mode HIGH "$work"/images/std-HIGH2-*.png
high2=$("$cairn" version list sku001-ink-a --variant HIGH --state READY -o name | sort -V | tail -1)
run "$cairn" activate sku001-ink-a --pointer LOW="$low" --pointer MID="$mid" --pointer HIGH="$high2" --reason "re-registered HIGH"
run "$cairn" alias rollback sku001-ink-a production --variant HIGH --reason "HIGH too strict on line 3"
run "$cairn" alias history sku001-ink-a production

note "an ONNX model whose file is not a model: the publish ends FAILED, exit 2 with the code"
printf 'not an onnx model\n' >"$work/broken.onnx"
run "$cairn" model create detector
run "$cairn" version push detector "$work/broken.onnx" --format onnx

note "a file pushed, then its stored bytes changed on disk (same size): the pull says so, exit 3"
head -c 300000 /dev/urandom >"$work/weights.bin"
run "$cairn" model create scorer
run "$cairn" version push scorer "$work/weights.bin"
stored=""
for f in $(find "$work/data/blobs" -type f -size 300000c); do cmp -s "$f" "$work/weights.bin" && stored=$f; done
printf 'X' | dd of="$stored" bs=1 seek=1000 conv=notrunc status=none
run "$cairn" version pull scorer v1 "$work/pulled"
run ls "$work/pulled"

note "deleting a model an alias still uses is refused, naming the alias; with a reason and --force it is recorded"
run "$cairn" model delete sku001-ink-a --reason "SKU001 discontinued"
run "$cairn" model delete sku001-ink-a --reason "SKU001 discontinued" --force
run "$cairn" model list --state DELETED -o wide
run "$cairn" audit log --model sku001-ink-a

printf '```\n' >>"$out"
echo "wrote $out"
