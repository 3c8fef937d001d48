#!/usr/bin/env bash
# Builds the installable Linux packages of Agent Secrets with Tauri's bundler:
#   target/release/bundle/deb/Agent Secrets_<version>_amd64.deb
#   target/release/bundle/rpm/Agent Secrets-<version>-1.x86_64.rpm
# Each holds the desktop app (/usr/bin/agent-secrets-desktop, desktop entry and icons), the
# `agent-secrets` CLI in /usr/bin, its bash/zsh/fish completions and man pages (generated from
# the CLI's grammar by its build.rs). The version is the workspace's (Cargo.toml).
# Offline: no AppImage (its bundler downloads tools).
#
#   scripts/package.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
say() { echo "package: $*"; }

scripts/install-deps.sh --app

target_dir="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ "$target_dir" = /* ]] || target_dir="$ROOT/$target_dir"
staging="$target_dir/release/package-files"
work="$(mktemp -d "${TMPDIR:-/tmp}/agent-secrets-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT

say "building the UI (npm --prefix ui run build)"
npm --prefix ui run --silent build

# The CLI's build script writes the completions and man pages into its OUT_DIR; cargo's JSON
# messages say where that is.
say "building the CLI (release)"
cargo build --release -p agent-secrets-cli --message-format=json-render-diagnostics >"$work/messages.json"
out_dir="$(grep '"reason":"build-script-executed"' "$work/messages.json" |
  grep '#agent-secrets-cli@' |
  sed -E 's/.*"out_dir":"([^"]+)".*/\1/' | tail -n 1)"
[[ -n "$out_dir" && -f "$out_dir/completions/_agent-secrets" ]] || {
  echo "package: ERROR: the CLI's generated completions were not found (OUT_DIR '$out_dir')" >&2
  exit 1
}

say "staging the CLI, completions and man pages in $staging"
rm -rf "$staging"
mkdir -p "$staging/man1"
install -m 0755 "$target_dir/release/agent-secrets" "$staging/agent-secrets"
install -m 0644 "$out_dir/completions/agent-secrets.bash" "$staging/agent-secrets.bash"
install -m 0644 "$out_dir/completions/_agent-secrets" "$staging/_agent-secrets"
install -m 0644 "$out_dir/completions/agent-secrets.fish" "$staging/agent-secrets.fish"
for page in "$out_dir"/man/*.1; do
  # -n: no name or time stamp in the archive, so rebuilding gives the same bytes.
  gzip -9 -n -c "$page" >"$staging/man1/$(basename "$page").gz"
done

# Installed paths → staged files, for both package formats (merged into tauri.conf.json).
files="$(
  cat <<JSON
{
  "/usr/bin/agent-secrets": "$staging/agent-secrets",
  "/usr/share/bash-completion/completions/agent-secrets": "$staging/agent-secrets.bash",
  "/usr/share/zsh/vendor-completions/_agent-secrets": "$staging/_agent-secrets",
  "/usr/share/fish/vendor_completions.d/agent-secrets.fish": "$staging/agent-secrets.fish",
  "/usr/share/man/man1": "$staging/man1"
}
JSON
)"
cat >"$work/package-files.json" <<JSON
{ "bundle": { "linux": { "deb": { "files": $files }, "rpm": { "files": $files } } } }
JSON

tauri="$ROOT/ui/node_modules/.bin/tauri"
[[ -x "$tauri" ]] || {
  echo "package: ERROR: $tauri is missing: run scripts/install-deps.sh (npm ci in ui/)" >&2
  exit 1
}
say "building the app (release) and bundling .deb and .rpm (tauri build)"
rm -rf "$target_dir/release/bundle/deb" "$target_dir/release/bundle/rpm"
(cd src-tauri && "$tauri" build --ci --bundles deb,rpm --config "$work/package-files.json")

say "done:"
find "$target_dir/release/bundle" -maxdepth 2 -type f \( -name '*.deb' -o -name '*.rpm' \) \
  -exec ls -l {} +
