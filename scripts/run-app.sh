#!/usr/bin/env bash
# Builds and starts the Agent Secrets desktop app (debug build):
# installs what is missing, builds the web UI, then runs the app with cargo.
# Extra arguments are passed to the app. Set AGENT_SECRETS_HOME to use another data directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi

echo "run-app: checking dependencies"
scripts/install-deps.sh --app
echo "run-app: building the UI (npm --prefix ui run build)"
npm --prefix ui run --silent build
echo "run-app: building and starting the app (cargo run -p agent-secrets-desktop)"
exec cargo run -p agent-secrets-desktop -- "$@"
