#!/usr/bin/env bash
# Runs every check and test of Agent Secrets, stopping at the first failure with a summary:
#   1. installs what is missing (scripts/install-deps.sh)
#   2. formatting, lint, type checks and unit tests of the UI; the UI production build
#   3. clippy on the whole Rust workspace (warnings are errors)
#   4. in ONE private headless session (Xvfb + private D-Bus + throwaway gnome-keyring, see
#      scripts/headless-session.sh): every Rust test, then the desktop app and CLI builds and
#      the end-to-end tests that drive the real app window through WebDriver.
#   5. with CI=true only (it installs a system package): the packaging check
#      (scripts/check-package.sh: build the .deb, install it, run it, remove it).
# Nothing touches your own keyring, clipboard or data: each test uses its own temporary
# AGENT_SECRETS_HOME, and the session has its own display, bus and keyring.
#
#   scripts/test.sh           everything
#   scripts/test.sh --quick   everything except the end-to-end tests
# Env: E2E_SCREENSHOT=1 also saves docs/screenshot.png from the end-to-end run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

quick=0
in_session=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --in-session) in_session=1 ;; # internal: the part that runs inside the headless session
    -h | --help)
      sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "test.sh: unknown option '$arg' (try --help)" >&2
      exit 2
      ;;
  esac
done

if [[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi

# Temporary files and directories of this run, removed at exit.
temporary=()
cleanup() { if ((${#temporary[@]})); then rm -rf "${temporary[@]}"; fi; }
trap cleanup EXIT

# One line per finished step, shared by this script and its in-session part.
if [[ -z "${AGENT_SECRETS_TEST_SUMMARY:-}" ]]; then
  AGENT_SECRETS_TEST_SUMMARY="$(mktemp "${TMPDIR:-/tmp}/agent-secrets-test-summary.XXXXXX")"
  export AGENT_SECRETS_TEST_SUMMARY
  temporary+=("$AGENT_SECRETS_TEST_SUMMARY")
fi

print_summary() {
  echo
  echo "==================== test.sh summary ===================="
  cat "$AGENT_SECRETS_TEST_SUMMARY"
  echo "========================================================="
}

# step NAME COMMAND...: runs one step; on failure prints the summary and exits with its code.
step() {
  local name="$1"
  shift
  echo
  echo "==> [$name] $*"
  local start=$SECONDS rc=0
  "$@" || rc=$?
  if ((rc == 0)); then
    printf 'ok    %-34s %4d s\n' "$name" $((SECONDS - start)) >>"$AGENT_SECRETS_TEST_SUMMARY"
  else
    printf 'FAIL  %-34s %4d s  (exit %d: %s)\n' "$name" $((SECONDS - start)) "$rc" "$*" >>"$AGENT_SECRETS_TEST_SUMMARY"
    if ((!in_session)); then
      print_summary
      echo "test.sh: FAILED at step '$name'. Its output is above."
    fi
    exit "$rc"
  fi
}

if ((in_session)); then
  # Inside the headless session. A throwaway data directory even for tests that forget to set
  # their own, so nothing can fall back to the user's vault.
  AGENT_SECRETS_HOME="$(mktemp -d "${TMPDIR:-/tmp}/agent-secrets-home.XXXXXX")"
  export AGENT_SECRETS_HOME
  temporary+=("$AGENT_SECRETS_HOME")
  # The end-to-end tests are #[ignore]d here (they need the built binaries) and run below.
  step "cargo test (workspace)" cargo test --workspace
  if ((!quick)); then
    step "build desktop app + CLI (debug)" cargo build -p agent-secrets-desktop -p agent-secrets-cli
    step "end-to-end tests (real window)" timeout --kill-after=30s 20m \
      cargo test -p agent-secrets-e2e -- --ignored --test-threads=1
  fi
  exit 0
fi

step "install dependencies" scripts/install-deps.sh
step "cargo fmt --check" cargo fmt --all -- --check
step "ui: lint" npm --prefix ui run --silent lint
step "ui: typecheck" npm --prefix ui run --silent typecheck
step "ui: unit tests" npm --prefix ui run --silent test
step "ui: production build" npm --prefix ui run --silent build
step "cargo clippy (-D warnings)" cargo clippy --workspace --all-targets -- -D warnings
session_args=(--in-session)
if ((quick)); then session_args+=(--quick); fi
# The session part records its own steps; a failure there has already been recorded.
rc=0
scripts/headless-session.sh "$ROOT/scripts/test.sh" "${session_args[@]}" || rc=$?
if ((rc != 0)); then
  grep -q '^FAIL' "$AGENT_SECRETS_TEST_SUMMARY" ||
    echo "FAIL  headless session (exit $rc)" >>"$AGENT_SECRETS_TEST_SUMMARY"
  print_summary
  echo "test.sh: FAILED inside the headless session. Its output is above."
  exit "$rc"
fi
if ((quick)); then
  echo "skip  end-to-end tests (--quick)" >>"$AGENT_SECRETS_TEST_SUMMARY"
fi
if [[ "${CI:-}" == "true" ]] && ((!quick)); then
  step "package: build, install, run, remove" timeout --kill-after=30s 40m scripts/check-package.sh
else
  echo "skip  packaging check (runs with CI=true: scripts/check-package.sh)" >>"$AGENT_SECRETS_TEST_SUMMARY"
fi
print_summary
echo "test.sh: all steps passed."
