#!/usr/bin/env bash
# Seed 004's "Scenario B: Model Versions", redone against Cairn's paths with curl: versions under
# a model, the same version by its id, every version of the project across models, find by name,
# and the 400s for filters Cairn does not know.
#
#   CAIRN_URL=http://localhost:8080 CAIRN_TOKEN=$(cat cairn-data/admin-token) examples/scenario-b.sh
#
# Optional: CAIRN_PROJECT (default scenario-b), CAIRN_OTHER_TOKEN (a token of another project,
# to show that ids do not cross projects). Every step checks its HTTP status.
set -euo pipefail

base="${CAIRN_URL:-http://localhost:8080}/api/v1"
token="${CAIRN_TOKEN:?set CAIRN_TOKEN to an admin token}"
project="${CAIRN_PROJECT:-scenario-b}"
body=$(mktemp)
weights=$(mktemp)
trap 'rm -f "$body" "$weights"' EXIT

# shellcheck source=lib/http.sh
source "$(dirname "$0")/lib/http.sh"

echo "== project and two models"
curl -s -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$project\",\"description\":\"seed 004 scenario B\"}" "$base/projects"
call POST "/projects/$project/models" 201 '{"name":"llm","task":"text-generation"}'
call POST "/projects/$project/models" 201 '{"name":"cnn"}'

echo "== create a version (declare its file, upload it, complete)"
printf 'pytorch weights of llm v1.0\n' >"$weights"
sha=$(sha256sum "$weights" | cut -d' ' -f1)
size=$(wc -c <"$weights" | tr -d ' ')
call POST "/projects/$project/models/llm/versions" 201 \
  "{\"version\":\"v1.0\",\"format\":\"pytorch\",\"labels\":{\"stage\":\"prod\"},\"files\":[{\"path\":\"model.pt\",\"sha256\":\"$sha\",\"size_bytes\":$size}]}"
version_id=$(field id)
echo "   id $version_id"
status=$(curl -s -o "$body" -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" \
  --data-binary "@$weights" "$base/projects/$project/models/llm/versions/v1.0/files/model.pt")
printf '%-7s %-60s -> %s\n' PUT "/projects/$project/models/llm/versions/v1.0/files/model.pt" "$status"
[ "$status" = 201 ] || [ "$status" = 200 ] || { echo "upload failed: $(cat "$body")" >&2; exit 1; }
call POST "/projects/$project/models/llm/versions/v1.0/complete" 200
expect_body '"state":"READY"'
call POST "/projects/$project/models/cnn/versions" 201 '{"version":"v1.0","format":"onnx"}'

echo "== list versions (nested under the model)"
call GET "/projects/$project/models/llm/versions?limit=10" 200
expect_body '"version":"v1.0"'

echo "== get the version, nested and by id"
call GET "/projects/$project/models/llm/versions/v1.0" 200
[ "$(field id)" = "$version_id" ] || { echo "nested get returned another id" >&2; exit 1; }
call GET "/versions/$version_id" 200
expect_body "\"project\":\"$project\""
expect_body '"model":"llm"'

echo "== every version of the project, across models"
call GET "/projects/$project/versions?limit=10" 200
expect_body '"model":"llm"'
expect_body '"model":"cnn"'
call GET "/projects/$project/versions?state=READY" 200
expect_body '"model":"llm"'
if grep -q '"model":"cnn"' "$body"; then
  echo "state=READY listed cnn's PENDING version" >&2
  exit 1
fi

echo "== find a version by name and model"
call GET "/projects/$project/versions?name=v1.0&model=llm" 200
expect_body "\"id\":\"$version_id\""
call GET "/projects/$project/models/llm/versions?name=v1.0" 200
expect_body "\"id\":\"$version_id\""

echo "== update it, then archive it"
call PATCH "/projects/$project/models/llm/versions/v1.0" 200 '{"labels":{"stage":"prod","owner":"nlp"}}'
expect_body '"owner":"nlp"'
call PATCH "/projects/$project/models/llm/versions/v1.0" 200 '{"state":"ARCHIVED"}'
expect_body '"state":"ARCHIVED"'

echo "== errors"
call GET "/versions/not-a-uuid" 400
call GET "/versions/00000000-0000-0000-0000-000000000000" 404
expect_body '"code":"VERSION_NOT_FOUND"'
call GET "/projects/$project/versions?state=production" 400
expect_body 'READY'
call GET "/projects/$project/models/llm/versions?status_filter=READY" 400
call GET "/projects/$project/models/llm/versions?active_flag=true" 400
if [ -n "${CAIRN_OTHER_TOKEN:-}" ]; then
  echo "== an id of another project is not found"
  call GET "/versions/$version_id" 404 "" "$CAIRN_OTHER_TOKEN"
fi

echo "Scenario B passed"
