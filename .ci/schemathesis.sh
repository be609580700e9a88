#!/usr/bin/env bash
# The OpenAPI checker: schemathesis (PyPI) generates requests from /openapi.json of a running
# debug server, with a staff token, and fails on any server error (5xx) or any answer the
# document does not describe (status, content type, headers, schema, unsupported methods).
# Bounded: a few examples per operation, so the run takes a few minutes. Needs the debug build.
# `POST /mail/inbound` is left out: its body is a raw mail (message/rfc822), which schemathesis
# cannot generate; the mail tests cover it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v schemathesis >/dev/null 2>&1; then
    pip install -q schemathesis || pip install -q --break-system-packages schemathesis
fi

binary=${FRONTLINE_BINARY:-.build/debug/frontline}
data=$(mktemp -d /tmp/frontline-schemathesis.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export FRONTLINE_DATA_DIR="$data" FRONTLINE_BCRYPT_COST=4 LOG_LEVEL=error
# With a secret the call webhook is on, so unsigned requests get its documented 401, not 503.
export CALLS_WEBHOOK_SECRET=schemathesis-webhook-secret
unset DATABASE_URL

"$binary" user create --email admin@example.test --name "Alex Admin" --role admin --password "correct horse battery" >/dev/null
token=$("$binary" token create --email admin@example.test | tail -n 1)

"$binary" serve --hostname 127.0.0.1 --port "$port" >"$data/server.log" 2>&1 &
server=$!
stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap stop_server EXIT
for _ in $(seq 1 300); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/readyz', timeout=1)" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$data/server.log"; exit 1; }
    sleep 0.1
done

status=0
schemathesis run "http://127.0.0.1:$port/openapi.json" \
    --header "Authorization: Bearer $token" \
    --exclude-path /api/v1/mail/inbound \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,unsupported_method \
    --phases examples,coverage,fuzzing \
    --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-10}" \
    --seed "${SCHEMATHESIS_SEED:-1}" \
    --workers 2 \
    --request-timeout 20 \
    --suppress-health-check all \
    --report-dir "${SCHEMATHESIS_REPORT_DIR:-$data/report}" \
    --no-color || status=$?
if [ "$status" -ne 0 ]; then
    echo "--- server log (errors) ---"
    grep -iE "error|critical" "$data/server.log" | tail -n 50 || true
fi
exit "$status"
