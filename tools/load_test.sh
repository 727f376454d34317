#!/usr/bin/env bash
# Load test (issue #10), separate from tools/run_tests.sh because it takes
# over a minute: wrk, 20 connections for 30 seconds, on the portal shift list
# (/my/shifts, as a logged-in volunteer) and on a backend list
# (/web/dataset/call_kw search_read of link.shift, as host staff), against an
# Odoo you started yourself. Prints wrk's latency distribution (p99) and
# fails on any non-2xx answer or socket error.
#
# Usage: tools/load_test.sh URL DB PORTAL_LOGIN PORTAL_PASSWORD STAFF_LOGIN STAFF_PASSWORD
#   e.g. tools/load_test.sh http://127.0.0.1:8069 link portal portal admin admin
# Environment: DURATION (30s), CONNECTIONS (20), THREADS (2).
set -Eeuo pipefail
[ $# = 6 ] || { sed -n '2,12p' "$0"; exit 2; }
URL=$1 DB=$2
DURATION=${DURATION:-30s} CONNECTIONS=${CONNECTIONS:-20} THREADS=${THREADS:-2}

if ! command -v wrk >/dev/null; then
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

session() {  # session LOGIN PASSWORD: prints the session_id cookie
  curl -sS -c - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"params\":{\"db\":\"$DB\",\"login\":\"$1\",\"password\":\"$2\"}}" \
    "$URL/web/session/authenticate" | awk '$6 == "session_id" {print $7}'
}

LUA=$(mktemp --suffix=.lua)
trap 'rm -f "$LUA"' EXIT
cat >"$LUA" <<'LUA'
-- Counts non-2xx answers so that the shell can fail on them.
local bad = 0
response = function(status, headers, body)
  if status >= 300 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p99 %.1f ms, non-2xx %d, socket errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  if bad > 0 then os.exit(1) end
end
LUA
BODY_LUA=$(mktemp --suffix=.lua)
trap 'rm -f "$LUA" "$BODY_LUA"' EXIT
{
  cat "$LUA"
  cat <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"jsonrpc":"2.0","method":"call","params":{"model":"link.shift","method":"search_read","args":[[]],"kwargs":{"fields":["name","date_start","state","confirmed_count"],"limit":80}}}'
LUA
} >"$BODY_LUA"

PORTAL=$(session "$3" "$4")
STAFF=$(session "$5" "$6")
[ -n "$PORTAL" ] && [ -n "$STAFF" ] || { echo "load_test: login failed" >&2; exit 1; }

echo "== portal: GET /my/shifts ($CONNECTIONS connections, $DURATION)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" \
  -H "Cookie: session_id=$PORTAL" "$URL/my/shifts"
echo "== backend: link.shift search_read via /web/dataset/call_kw"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BODY_LUA" \
  -H "Cookie: session_id=$STAFF" "$URL/web/dataset/call_kw/link.shift/search_read"
