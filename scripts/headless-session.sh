#!/usr/bin/env bash
# Runs a command inside a private, throwaway desktop session, so that tests never touch the
# user's own display, clipboard or keyring:
#   - a virtual X server (Xvfb, 1280x1024x24) with its own clipboard,
#   - a private D-Bus session bus,
#   - a real gnome-keyring Secret Service on that bus, unlocked with a test password, keeping
#     its files in a temporary XDG_DATA_HOME (removed afterwards).
#
#   scripts/headless-session.sh cargo test -p agent-secrets-e2e -- --test-threads=1
set -euo pipefail

if (($# == 0)); then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

for tool in xvfb-run dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "headless-session: '$tool' is missing: run scripts/install-deps.sh first." >&2
    exit 1
  }
done

session_dir="$(mktemp -d "${TMPDIR:-/tmp}/agent-secrets-session.XXXXXX")"
cleanup() {
  # The app's desktop portal may have mounted a FUSE file system at $XDG_RUNTIME_DIR/doc that is
  # still being unmounted when the session ends early: unmount it and retry briefly.
  local doc="$session_dir/runtime/doc"
  if command -v mountpoint >/dev/null 2>&1 && mountpoint -q "$doc" 2>/dev/null; then
    fusermount -uz "$doc" 2>/dev/null || umount -l "$doc" 2>/dev/null || true
  fi
  for _ in 1 2 3 4 5; do
    rm -rf "$session_dir" 2>/dev/null && return 0
    sleep 1
  done
  echo "headless-session: could not remove $session_dir" >&2
}
trap cleanup EXIT
mkdir -m 700 "$session_dir/data" "$session_dir/runtime"

# The keyring's files and its control socket live in the throwaway directory.
export XDG_DATA_HOME="$session_dir/data"
export XDG_RUNTIME_DIR="$session_dir/runtime"
export AGENT_SECRETS_HEADLESS_SESSION=1
# No accessibility bus: nothing reads it here, and it only adds start-up time and log noise.
export NO_AT_BRIDGE=1
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

# Hidden as harmless noise: dbus-run-session's "Failed to set fd limit" and the bus's log of
# each service it starts on demand (keyring, accessibility bus, portals).
xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- bash -c '
    set -euo pipefail
    eval "$(printf test | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    exec "$@"' headless-session "$@" \
  2> >(grep -v --line-buffered -E "Failed to set fd limit|^dbus-daemon\[[0-9]+\]: .*(Activating|Successfully activated) service" >&2)
