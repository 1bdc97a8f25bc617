#!/usr/bin/env bash
# Seed 004's "Scenario A: Registered Models CRUD", redone against Cairn's paths with curl.
#
#   CAIRN_URL=http://localhost:8080 CAIRN_TOKEN=$(cat cairn-data/admin-token) examples/scenario-a.sh
#
# Optional: CAIRN_PROJECT (default scenario-a), CAIRN_OTHER_TOKEN (a token of another project,
# to show isolation). Every step checks its HTTP status; the script stops at the first surprise.
set -euo pipefail

base="${CAIRN_URL:-http://localhost:8080}/api/v1"
token="${CAIRN_TOKEN:?set CAIRN_TOKEN to an admin token}"
project="${CAIRN_PROJECT:-scenario-a}"
body=$(mktemp)
trap 'rm -f "$body"' EXIT

# shellcheck source=lib/http.sh
source "$(dirname "$0")/lib/http.sh"

echo "== project"
curl -s -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$project\",\"description\":\"seed 004 scenario A\"}" "$base/projects"
call GET "/projects/$project" 200

echo "== create (with labels)"
call POST "/projects/$project/models" 201 \
  '{"name":"test-llm","description":"LLM model","task":"text-generation","labels":{"env":"test","framework":"pytorch"}}'
model_id=$(field id)
echo "   id $model_id"
call POST "/projects/$project/models" 201 '{"name":"test-cnn","labels":{"env":"test"}}'

echo "== list, paginated"
call GET "/projects/$project/models?limit=1" 200
expect_body '"name":"test-llm"'
next=$(field next_page_token)
[ "$next" != "null" ] || { echo "expected a next_page_token" >&2; exit 1; }
call GET "/projects/$project/models?limit=1&page_token=$next" 200
expect_body '"name":"test-cnn"'
expect_body '"next_page_token":null'
call GET "/projects/$project/models?label=env:test&label=framework:pytorch" 200
expect_body '"name":"test-llm"'

echo "== get"
call GET "/projects/$project/models/test-llm" 200
[ "$(field id)" = "$model_id" ] || { echo "get returned another id" >&2; exit 1; }

echo "== get by id (seed 004 clients store ids)"
call GET "/models/$model_id" 200
expect_body "\"project\":\"$project\""
expect_body '"name":"test-llm"'

echo "== find by name (exact) and by prefix"
call GET "/projects/$project/models?name=test-llm" 200
expect_body "\"id\":\"$model_id\""
call GET "/projects/$project/models?q=test-" 200
expect_body '"name":"test-cnn"'

echo "== errors"
call POST "/projects/$project/models" 409 '{"name":"test-llm"}'
expect_body '"code":"MODEL_EXISTS"'
call POST "/projects/$project/models" 400 '{"name":"not a valid name!"}'
expect_body '"code":"INVALID_NAME:model"'
call GET "/projects/$project/models/00000000-0000-0000-0000-000000000000" 404
expect_body '"code":"MODEL_NOT_FOUND"'
call GET "/models/not-a-uuid" 400
call GET "/models/00000000-0000-0000-0000-000000000000" 404
expect_body '"code":"MODEL_NOT_FOUND"'
call GET "/projects/$project/models?state=production" 400
expect_body 'LIVE'
call GET "/projects/$project/models?active_flag=true" 400

if [ -n "${CAIRN_OTHER_TOKEN:-}" ]; then
  echo "== project isolation (a different project sees nothing)"
  call GET "/projects/$project/models" 404 "" "$CAIRN_OTHER_TOKEN"
  expect_body '"code":"PROJECT_NOT_FOUND"'
  call GET "/projects" 200 "" "$CAIRN_OTHER_TOKEN"
  if grep -q "\"name\":\"$project\"" "$body"; then
    echo "another project's token sees $project" >&2
    exit 1
  fi
fi

echo "== update to ARCHIVED"
call PATCH "/projects/$project/models/test-llm" 200 '{"description":"Updated","state":"ARCHIVED"}'
expect_body '"state":"ARCHIVED"'

echo "== delete"
call DELETE "/projects/$project/models/test-llm" 204
call GET "/projects/$project/models/test-llm" 404

echo "Scenario A passed"
