#!/usr/bin/env bash
# Benchmarks of `agent-secrets run` with hyperfine (docs/BENCHMARKS.md shows the results):
#   (a) start-up overhead: `agent-secrets run -- true` against `true`;
#   (b) redaction throughput: 1 GiB of log-like text through `run -- cat` against plain pipes.
# Needs a reachable Secret Service keyring, e.g.:
#   cargo build --release -p agent-secrets-cli
#   export XDG_DATA_HOME=$(mktemp -d)
#   dbus-run-session -- sh -ec 'eval "$(printf test | gnome-keyring-daemon --unlock \
#     --components=secrets)"; bash src-tauri/crates/cli/benches/run_benchmarks.sh'
# Writes the hyperfine tables to $OUT (default: target/benchmarks/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
bin=${AGENT_SECRETS_BIN:-$root/target/release/agent-secrets}
out=${OUT:-$root/target/benchmarks}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

home=$work/home
"$bin" --home "$home" project create Bench >/dev/null 2>&1
values=()
for i in $(seq 1 10); do
    value="value-of-secret-number-$i-abcdefgh"
    values+=("$value")
    printf '%s' "$value" | "$bin" --home "$home" secret set "SECRET_$i" >/dev/null
done
printf 'hunter2hunter2' | "$bin" --home "$home" secret set DB_PASSWORD --visibility restricted >/dev/null

echo "== (a) start-up overhead"
hyperfine -N --warmup 10 --runs 200 \
    --export-markdown "$out/run_overhead.md" --export-json "$out/run_overhead.json" \
    "$bin --home $home run -- true" \
    "true"

echo "== (b) redaction throughput, 1 GiB"
stream=$work/stream.txt
python3 "$here/make_stream.py" "$stream" 1024 "${values[@]}"
cat "$stream" >/dev/null # into the page cache
hyperfine --warmup 1 --runs 10 \
    --export-markdown "$out/redaction.md" --export-json "$out/redaction.json" \
    "cat $stream | cat > /dev/null" \
    "cat $stream | cat | cat > /dev/null" \
    "cat $stream | $bin --home $home run -- cat > /dev/null" \
    "cat $stream | $bin --home $home run --no-redact -- cat > /dev/null"
# Medians are steadier than means on a shared machine.
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
overhead = json.load(open(f"{out}/run_overhead.json"))["results"]
run, bare = (r["median"] * 1000 for r in overhead)
print(f"start-up: run -- true {run:.1f} ms, true {bare:.1f} ms: overhead {run - bare:.1f} ms (medians)")
for r in json.load(open(f"{out}/redaction.json"))["results"]:
    print(f"{1 / r['median']:6.2f} GiB/s (median {r['median']:.3f} s, min {r['min']:.3f} s)  {r['command']}")
PY
echo "tables written to $out"
