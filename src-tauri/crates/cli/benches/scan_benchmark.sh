#!/usr/bin/env bash
# Benchmark of `agent-secrets scan` against ripgrep's fixed-string search, side by side in one
# hyperfine run (docs/BENCHMARKS.md shows the results): a generated source-like tree of 1 GiB
# (in the page cache) with 10 secrets planted; ripgrep searches the plain values
# (`rg -F -f values.txt`), the scan searches every encoded form of them too.
# Needs a reachable Secret Service keyring, e.g.:
#   cargo build --release -p agent-secrets-cli
#   scripts/headless-session.sh bash src-tauri/crates/cli/benches/scan_benchmark.sh
# SIZE_MIB (default 1024) sets the tree's size; the tables go to $OUT (default target/benchmarks/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
bin=${AGENT_SECRETS_BIN:-$root/target/release/agent-secrets}
out=${OUT:-$root/target/benchmarks}
size=${SIZE_MIB:-1024}
mkdir -p "$out"

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v rg >/dev/null || missing+=(ripgrep)
if ((${#missing[@]})); then
    echo "installing ${missing[*]} (apt-get)"
    sudo=""
    ((EUID == 0)) || sudo=sudo
    $sudo apt-get install -y "${missing[@]}"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
home=$work/home
"$bin" --home "$home" project create Bench >/dev/null 2>&1
: >"$work/values.txt"
# Ten values shaped like real ones (different providers' prefixes, symbols, hex, long and short
# ones), random each run.
python3 - "$work/values.txt" <<'PY'
import random, string, sys
r = random.SystemRandom()
an = string.ascii_letters + string.digits
def pick(chars, n): return "".join(r.choice(chars) for _ in range(n))
values = [
    "sk_live_" + pick(an, 24),                                    # Stripe
    "ghp_" + pick(an, 36),                                        # GitHub
    f"xoxb-{pick(string.digits, 12)}-{pick(string.digits, 13)}-{pick(an, 24)}",  # Slack
    "AKIA" + pick(string.ascii_uppercase + string.digits, 16),    # AWS key id
    pick(an + "+/", 40),                                          # AWS secret key
    "sk-proj-" + pick(an + "-_", 48),                             # OpenAI
    pick("0123456789abcdef", 32),                                 # a hex token
    pick(an, 10) + "&" + pick(an, 4) + "!" + pick(an, 6),         # a password with symbols
    pick(an, 20),                                                 # a database password
    pick(an, 64),                                                 # a signing secret
]
open(sys.argv[1], "w").write("".join(v + "\n" for v in values))
PY
values=()
i=0
while IFS= read -r value; do
    i=$((i + 1))
    values+=("$value")
    printf '%s' "$value" | "$bin" --home "$home" secret set "SECRET_$i" >/dev/null
done <"$work/values.txt"

tree=$work/tree
python3 "$here/make_tree.py" "$tree" "$size" "${values[@]}"
find "$tree" -type f -exec cat {} + >/dev/null # into the page cache

echo "== ripgrep and the scan, same tree, one hyperfine run"
"$bin" --home "$home" scan "$tree" | tail -n 3 || true
# rg exits 0 when it finds something, the scan 1: hyperfine must not stop on either.
hyperfine --ignore-failure --warmup 2 --runs 10 \
    --export-markdown "$out/scan.md" --export-json "$out/scan.json" \
    "rg -F -f $work/values.txt $tree" \
    "$bin --home $home scan $tree"
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
rg, scan = json.load(open(f"{out}/scan.json"))["results"]
print(f"ripgrep median {rg['median']:.3f} s, scan median {scan['median']:.3f} s: "
      f"scan/ripgrep = {scan['median'] / rg['median']:.2f}")
PY
echo "tables written to $out"
