# Shared by the scenario scripts: curl calls that check their status, and reading the answer.
# Needs $base (the API base URL), $token (the default bearer token) and $body (a scratch file).

# call METHOD PATH EXPECTED_STATUS [JSON] [TOKEN]: prints the step, fails on another status.
call() {
  local method=$1 path=$2 expected=$3 data=${4:-} auth=${5:-$token}
  local args=(-s -o "$body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $auth")
  [ -n "$data" ] && args+=(-H 'Content-Type: application/json' -d "$data")
  local status
  status=$(curl "${args[@]}" "$base$path")
  printf '%-7s %-60s -> %s\n' "$method" "$path" "$status"
  if [ "$status" != "$expected" ]; then
    echo "expected $expected, got $status: $(cat "$body")" >&2
    exit 1
  fi
}

# field NAME: the first string value of NAME in the last answer (null when absent or null).
field() {
  grep -o "\"$1\":\(\"[^\"]*\"\|null\)" "$body" | head -n 1 | sed -e "s/^\"$1\"://" -e 's/^"//' -e 's/"$//'
}

expect_body() {
  if ! grep -q -- "$1" "$body"; then
    echo "expected the answer to contain $1: $(cat "$body")" >&2
    exit 1
  fi
}
