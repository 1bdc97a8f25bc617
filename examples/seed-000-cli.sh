#!/usr/bin/env bash
# Seed 000 with the cairn command line alone: from an empty registry to an inspection verdict.
# Registers the LOW, MID and HIGH standards of one SKU's ink, shows the model go INCOMPLETE ->
# INACTIVE, activates the three modes and waits until the sidecar serves them, inspects a sample,
# activates a re-registered HIGH standard, and rolls it back.
#
#   CAIRN_SERVER=http://localhost:8080 SIDECAR_URL=http://localhost:8081 IMAGES=./images \
#     examples/seed-000-cli.sh < cairn-data/admin-token
#
# The admin token comes on stdin (never an argument). IMAGES holds std-LOW-*.png, std-MID-*.png,
# std-HIGH-*.png, std-HIGH2-*.png and sample.png; a sidecar at SIDECAR_URL follows model
# sku001-ink-a of project $PROJECT (CAIRN_MODEL=sku001-ink-a, CAIRN_PROJECT=$PROJECT).
set -euo pipefail

cairn=${CAIRN:-cli/target/cairn}
project=${PROJECT:-sku001}
model=sku001-ink-a
: "${CAIRN_SERVER:?the registry URL}" "${SIDECAR_URL:?the sidecar URL}" "${IMAGES:?the images}"

step() { printf '\n== %s\n' "$*"; }

step "log in and create the project"
$cairn login "$CAIRN_SERVER" --token-stdin --name seed000 -p "$project"
$cairn whoami
$cairn project create "$project"

step "one model, three inspection modes (MID by default)"
$cairn model create "$model" --variant MID --variant LOW --variant HIGH --label sku=SKU001 --label ink=A
$cairn model status "$model"

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
