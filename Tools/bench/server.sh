#!/usr/bin/env bash
# Load test of `sumi serve` (issue 15), release build, loopback only, bounded in count and
# time: 16 concurrent clients post a mix of Corpus files to /v1/scan for SECONDS (60) and
# report requests/s, p50/p99 latency, the status codes (503 busy is the intended answer when
# the queue is full), the server's peak RSS, and whether anything was left in its TMPDIR.
#   bash Tools/bench/server.sh [SECONDS] [CLIENTS]
seconds=${1:-60}
clients=${2:-16}
source "$(dirname "$0")/lib.sh"
tmp="$work/server-tmp"; mkdir -p "$tmp"
TMPDIR="$tmp" "$bin/sumi-server" --port 0 --rules Rules > "$work/server.out" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 300); do grep -q "127.0.0.1:" "$work/server.out" 2>/dev/null && break; sleep 0.2; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/server.out" | head -1 | cut -d: -f2)
[ -n "$port" ] || { echo "server.sh: the server did not start" >&2; exit 1; }
python3 - "$port" "$seconds" "$clients" Corpus/samples/* Corpus/eval/pdf/pdf-form.pdf Corpus/eval/office/office-02.xlsx <<'PY'
import http.client, os, sys, threading, time
port, seconds, clients = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
files = [(os.path.basename(p), open(p, "rb").read()) for p in sys.argv[4:]]
lat, codes, lock = [], {}, threading.Lock()
end = time.time() + seconds
def client(k):
    i = k
    while time.time() < end:
        name, data = files[i % len(files)]; i += 1
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        t = time.time()
        try:
            c.request("POST", "/v1/scan?filename=" + name, body=data, headers={"Content-Type": "application/octet-stream"})
            r = c.getresponse(); r.read(); code = r.status
        except Exception as e:
            code = "error"
        with lock:
            lat.append(time.time() - t); codes[code] = codes.get(code, 0) + 1
        c.close()
threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
lat.sort()
n = len(lat)
print(f"clients={clients} seconds={seconds} requests={n} rps={n / seconds:.1f} p50={lat[n // 2] * 1000:.0f}ms p99={lat[min(n - 1, int(n * 0.99))] * 1000:.0f}ms codes={codes}")
PY
echo "server peak RSS: $(grep VmHWM /proc/$pid/status | awk '{print $2, $3}')"
left=$(find "$tmp" -mindepth 1 | wc -l)
echo "files left in the server's TMPDIR: $left"
