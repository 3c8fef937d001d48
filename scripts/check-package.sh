#!/usr/bin/env bash
# Packaging check: builds the .deb (scripts/package.sh), installs it with apt-get, checks what
# it installed (the CLI's --version and doctor, completions, man page, desktop entry), starts
# the installed app in a private headless session and waits for its window, then removes the
# package again. scripts/test.sh runs it when CI=true. It installs a system package, so it
# needs root (or sudo) and refuses to touch an agent-secrets package that was already there.
#
#   scripts/check-package.sh               build, install, check, remove
#   scripts/check-package.sh --no-build    use the .deb already in target/release/bundle/deb
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PACKAGE=agent-secrets
WINDOW_TIMEOUT=60

say() { echo "check-package: $*"; }
die() {
  echo "check-package: FAILED: $*" >&2
  exit 1
}

workspace_version() {
  sed -n '/^\[workspace.package\]/,/^\[/ s/^version = "\(.*\)"$/\1/p' Cargo.toml
}

# --- Inside the headless session: the installed CLI on a real keyring, the app's window ----
if [[ "${1:-}" == "--in-session" ]]; then
  home="$(mktemp -d "${TMPDIR:-/tmp}/agent-secrets-package-home.XXXXXX")"
  app_pid=""
  finish() {
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
      kill "$app_pid" 2>/dev/null || true
      wait "$app_pid" 2>/dev/null || true
    fi
    rm -rf "$home"
  }
  trap finish EXIT
  export AGENT_SECRETS_HOME="$home"

  /usr/bin/agent-secrets project create "Packaged Agent" >/dev/null
  doctor="$(/usr/bin/agent-secrets --json doctor)" || die "the installed 'agent-secrets doctor' reports a problem: $doctor"
  [[ "$doctor" == *'"keyCheck": "ok"'* || "$doctor" == *'"keyCheck":"ok"'* ]] ||
    die "the installed doctor does not report a working key: $doctor"
  say "installed 'agent-secrets doctor': vault and keyring ok"

  /usr/bin/agent-secrets-desktop >"$home/app.log" 2>&1 &
  app_pid=$!
  window="$(timeout "$WINDOW_TIMEOUT" xdotool search --sync --onlyvisible --name '^Agent Secrets$' | head -n 1)" ||
    die "no visible 'Agent Secrets' window within ${WINDOW_TIMEOUT} s (app log: $(tail -n 20 "$home/app.log" 2>/dev/null))"
  kill -0 "$app_pid" 2>/dev/null || die "the installed app exited after showing its window"
  geometry="$(xdotool getwindowgeometry "$window" | sed -n 's/.*Geometry: //p')"
  say "the installed app shows its window ($geometry)"
  exit 0
fi

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h | --help)
      sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "check-package: unknown option '$arg' (try --help)" >&2
      exit 2
      ;;
  esac
done

sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null 2>&1 || die "installing a package needs root or sudo"
  sudo=(sudo)
fi
command -v xdotool >/dev/null 2>&1 || die "xdotool is missing: run scripts/install-deps.sh"

installed() { [[ "$(dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null || true)" == "install ok installed" ]]; }
installed && die "the package '$PACKAGE' is already installed here: remove it first (apt-get remove $PACKAGE)"

if ((build)); then scripts/package.sh; fi
target_dir="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ "$target_dir" = /* ]] || target_dir="$ROOT/$target_dir"
version="$(workspace_version)"
deb="$(find "$target_dir/release/bundle/deb" -maxdepth 1 -name "*_${version}_*.deb" -print -quit 2>/dev/null || true)"
[[ -n "$deb" ]] || die "no .deb of version $version in $target_dir/release/bundle/deb"

remove_package() {
  if installed; then
    say "removing the package"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q "$PACKAGE" </dev/null >/dev/null
  fi
}
trap remove_package EXIT

say "installing $deb ($(du -k "$deb" | cut -f1) KiB)"
# apt-get needs a path with a slash to take it as a file.
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$(realpath "$deb")" </dev/null
installed || die "apt-get did not install $PACKAGE"
say "installed size: $(dpkg-query -W -f='${Installed-Size}' "$PACKAGE") KiB"

printed="$(/usr/bin/agent-secrets --version)"
[[ "$printed" == "agent-secrets $version" ]] || die "'agent-secrets --version' printed '$printed', expected 'agent-secrets $version'"
say "installed 'agent-secrets --version': $printed"

for file in \
  /usr/bin/agent-secrets-desktop \
  /usr/share/bash-completion/completions/agent-secrets \
  /usr/share/zsh/vendor-completions/_agent-secrets \
  /usr/share/fish/vendor_completions.d/agent-secrets.fish \
  /usr/share/man/man1/agent-secrets.1.gz \
  /usr/share/man/man1/agent-secrets-secret-set.1.gz; do
  [[ -s "$file" ]] || die "the package did not install $file"
done
desktop="$(dpkg -L "$PACKAGE" | grep '^/usr/share/applications/.*\.desktop$' | head -n 1 || true)"
[[ -n "$desktop" ]] && grep -q '^Exec=agent-secrets-desktop' "$desktop" && grep -q '^Icon=' "$desktop" ||
  die "no desktop entry starting agent-secrets-desktop with an icon"
dpkg -L "$PACKAGE" | grep -q '^/usr/share/icons/hicolor/.*/apps/.*\.png$' || die "no icon installed"
# The completion script loads and registers itself; the man page is a real page.
bash -c 'source /usr/share/bash-completion/completions/agent-secrets && complete -p agent-secrets' >/dev/null ||
  die "the bash completion does not register 'agent-secrets'"
zcat /usr/share/man/man1/agent-secrets.1.gz | grep -q '^\.TH agent-secrets 1' || die "agent-secrets.1 is not a man page"
say "completions, man pages, desktop entry and icon are in place"

scripts/headless-session.sh "$ROOT/scripts/check-package.sh" --in-session
say "all checks passed"
