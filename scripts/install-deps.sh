#!/usr/bin/env bash
# Installs what Agent Secrets needs to build, run and test, and only what is missing:
# Debian/Ubuntu system packages, the UI's npm packages and tauri-driver.
# Quick and quiet when everything is already there. Safe to run again.
#
#   scripts/install-deps.sh          everything (build, run and test)
#   scripts/install-deps.sh --app    only what building and running the app needs
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TAURI_DRIVER_VERSION="2.1.0"
MIN_NODE_MAJOR=20

# Building and running the desktop app (Tauri 2 on WebKitGTK).
APP_PACKAGES=(libwebkit2gtk-4.1-dev build-essential libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev curl)
# Tests: a headless X server, WebDriver for WebKitGTK, a real Secret Service keyring in a
# private D-Bus session, and clipboard/keyring tools the tests read back with; xdotool finds the
# installed app's window in the packaging check (scripts/check-package.sh).
TEST_PACKAGES=(webkit2gtk-driver xvfb xauth gnome-keyring libsecret-tools dbus-x11 xclip keyutils xdotool)

with_tests=1
for arg in "$@"; do
  case "$arg" in
    --app) with_tests=0 ;;
    --test) with_tests=1 ;;
    -h | --help)
      sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "install-deps: unknown option '$arg' (try --help)" >&2
      exit 2
      ;;
  esac
done

say() { echo "install-deps: $*"; }
die() {
  echo "install-deps: ERROR: $*" >&2
  exit 1
}

# Cargo installs into ~/.cargo/bin, which a fresh non-login shell may not have on PATH.
if [[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi

packages=("${APP_PACKAGES[@]}")
if ((with_tests)); then packages+=("${TEST_PACKAGES[@]}"); fi

# --- 1. System packages -------------------------------------------------------------------
if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${packages[@]}"; do
    # "install ok installed" only: a removed package leaves a "deinstall" record behind.
    if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]})); then
    sudo=()
    if ((EUID != 0)); then
      command -v sudo >/dev/null 2>&1 || die "missing packages (${missing[*]}) and not root and no sudo: install them as root."
      sudo=(sudo)
    fi
    say "installing missing system packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
  fi
else
  # Not Debian/Ubuntu: check the commands and libraries we need and say what is missing.
  problems=()
  need_cmd() { command -v "$1" >/dev/null 2>&1 || problems+=("$1 (command) — $2"); }
  need_cmd cc "a C toolchain (build-essential / 'Development Tools')"
  need_cmd pkg-config "pkg-config / pkgconf"
  need_cmd curl "curl"
  if command -v pkg-config >/dev/null 2>&1; then
    for lib in webkit2gtk-4.1 openssl librsvg-2.0; do
      pkg-config --exists "$lib" || problems+=("$lib (pkg-config) — WebKitGTK 4.1 / OpenSSL / librsvg development files")
    done
  fi
  if ((with_tests)); then
    need_cmd WebKitWebDriver "WebKitGTK's WebDriver (webkit2gtk-driver / webkit2gtk4.1-devel)"
    need_cmd xvfb-run "Xvfb with its xvfb-run wrapper"
    need_cmd xauth "xauth"
    need_cmd gnome-keyring-daemon "gnome-keyring"
    need_cmd secret-tool "libsecret's secret-tool (libsecret-tools / libsecret)"
    need_cmd dbus-run-session "D-Bus (dbus-x11 / dbus-daemon)"
    need_cmd xclip "xclip"
    need_cmd xdotool "xdotool"
  fi
  if ((${#problems[@]})); then
    echo "install-deps: this is not a Debian/Ubuntu system, so nothing was installed automatically." >&2
    echo "install-deps: install these with your package manager (see the Tauri 2 Linux prerequisites):" >&2
    printf '  - %s\n' "${problems[@]}" >&2
    echo "install-deps: also needed for the app: libxdo, libayatana-appindicator3 (or libappindicator3)." >&2
    exit 1
  fi
fi

# --- 2. Toolchains ------------------------------------------------------------------------
command -v cargo >/dev/null 2>&1 ||
  die "Rust (cargo) is not installed. Install Rust 1.85 or newer with rustup, then open a new shell (or add ~/.cargo/bin to PATH)."
for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    if command -v rustup >/dev/null 2>&1; then
      say "adding the Rust component $component"
      rustup component add "$component"
    else
      die "cargo ${component/rustfmt/fmt} is missing: install the Rust component '$component'."
    fi
  fi
done

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  die "Node.js ${MIN_NODE_MAJOR}+ with npm is not installed. Install it (e.g. with nvm or your distribution's nodejs ${MIN_NODE_MAJOR}+ packages), then run this again."
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
((node_major >= MIN_NODE_MAJOR)) ||
  die "Node.js $(node --version) is too old: version ${MIN_NODE_MAJOR} or newer is needed."

# --- 3. The UI's npm packages -------------------------------------------------------------
# npm writes node_modules/.package-lock.json on every install: older than the lock file
# means the installed tree is out of date.
if [[ ! -f ui/node_modules/.package-lock.json || ui/package-lock.json -nt ui/node_modules/.package-lock.json ]]; then
  say "installing the UI's npm packages (npm ci in ui/)"
  npm --prefix ui ci --no-audit --no-fund </dev/null
fi

# --- 4. tauri-driver (WebDriver bridge for the end-to-end tests) ---------------------------
if ((with_tests)) && ! command -v tauri-driver >/dev/null 2>&1; then
  say "installing tauri-driver ${TAURI_DRIVER_VERSION} (cargo install, about 30 s)"
  cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
fi

say "all dependencies present"
