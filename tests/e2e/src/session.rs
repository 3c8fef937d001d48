//! The tests use the clipboard and the Secret Service keyring: they run only inside a private
//! session (scripts/headless-session.sh) so that they never touch the user's own.

use anyhow::{bail, Result};

/// Set by scripts/headless-session.sh inside its private X + D-Bus + keyring session.
pub const SESSION_MARKER: &str = "AGENT_SECRETS_HEADLESS_SESSION";
/// Set to 1 to run the tests on the current desktop anyway (its clipboard and keyring are used).
pub const ALLOW_DESKTOP: &str = "E2E_ALLOW_DESKTOP";

/// Fails with instructions unless the tests run inside the private headless session.
pub fn require_private_session() -> Result<()> {
    let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    if !set(SESSION_MARKER) && !set(ALLOW_DESKTOP) {
        bail!(
            "the end-to-end tests use a display, the clipboard and the keyring, so they run only in a \
             private session: `scripts/headless-session.sh cargo test -p agent-secrets-e2e -- --ignored \
             --test-threads=1` (or scripts/test.sh). Set {ALLOW_DESKTOP}=1 to use this desktop instead."
        );
    }
    if !set("DISPLAY") {
        bail!("no DISPLAY: run the end-to-end tests through scripts/headless-session.sh");
    }
    if !set("DBUS_SESSION_BUS_ADDRESS") {
        bail!("no D-Bus session (DBUS_SESSION_BUS_ADDRESS): run the end-to-end tests through scripts/headless-session.sh");
    }
    Ok(())
}
