#!/usr/bin/env bash
# Time from `mkagent run` starting to the first register request a Hanlon server receives, on this
# machine's own facts (skew 0). A minimal server (python3, 127.0.0.1, free port) answers checkins with
# `register` and records when the POST arrives; each run uses a fresh spool so it is a first checkin.
#   bench/hanlon-first-register.sh [BINARY] [RUNS]     (default .build/release/mkagent, 10 runs)
set -euo pipefail
binary=${1:-.build/release/mkagent}
runs=${2:-10}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cat > "$work/server.py" <<'PY'
import http.server, json, sys, time, os
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def reply(self, obj):
        body = json.dumps(obj).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_GET(self):
        self.reply({"errcode": 0, "response": {"command_name": "register"}, "client_config": {}})
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(os.environ["STAMP"], "a") as f: f.write("%.6f\n" % time.time())
        self.reply({"errcode": 0, "response": {}})
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
STAMP="$work/stamps" python3 "$work/server.py" > "$work/port" &
server=$!
while [ ! -s "$work/port" ]; do sleep 0.05; done
port=$(cat "$work/port")
for i in $(seq 1 "$runs"); do
    rm -f "$work/stamps"; rm -rf "$work/spool"
    start=$(date +%s.%N)
    "$binary" run --server "http://127.0.0.1:$port" --mk-conf /nonexistent --checkin-skew 0 --checkin-interval 60 \
        --spool-dir "$work/spool" 2>/dev/null &
    agent=$!
    while [ ! -s "$work/stamps" ]; do sleep 0.005; done
    kill -TERM "$agent"; wait "$agent" || true
    python3 -c "print('%.0f' % ((float(open('$work/stamps').readline()) - $start) * 1000))"
done | sort -n | awk '{ a[NR] = $1 } END { printf "first register after start: median %d ms, min %d ms, max %d ms (%d runs)\n", a[int((NR + 1) / 2)], a[1], a[NR], NR }'
