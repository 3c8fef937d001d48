//! End-to-end harness for Agent Secrets: the real desktop app in a real window, driven through
//! `tauri-driver` + `WebKitWebDriver`, with a real Secret Service keyring and the X clipboard.
//!
//! The tests are `#[ignore]`d so that `cargo test --workspace` never opens windows or touches a
//! clipboard. Run them inside a private headless session (scripts/test.sh does this after
//! building the app and the CLI):
//!
//! ```text
//! cargo build -p agent-secrets-desktop -p agent-secrets-cli
//! scripts/headless-session.sh cargo test -p agent-secrets-e2e -- --ignored --test-threads=1
//! ```
//!
//! Every test has its own temporary `AGENT_SECRETS_HOME` ([`TestDir`]); the harness refuses to
//! run outside a private session (see [`session::require_private_session`]).

pub mod app;
pub mod axe;
pub mod cli;
pub mod clipboard;
pub mod driver;
pub mod fixtures;
pub mod keyboard;
pub mod paths;
pub mod poll;
pub mod screens;
pub mod session;
pub mod test_dir;

pub use app::App;
pub use cli::Cli;
pub use clipboard::{clipboard, clipboard_targets};
pub use test_dir::{with_test_dir, Failure, TestDir};

/// What an end-to-end test returns (see [`with_test_dir`]).
pub type TestResult = Result<(), Failure>;

/// A secret's visibility, as the UI labels it and the CLI spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Masked,
    Restricted,
}

impl Visibility {
    /// The radio button's label in the New Secret and Edit dialogs.
    pub fn label(self) -> &'static str {
        match self {
            Visibility::Masked => "Masked",
            Visibility::Restricted => "Restricted",
        }
    }

    /// The value of the CLI's `--visibility`.
    pub fn cli_arg(self) -> &'static str {
        match self {
            Visibility::Masked => "masked",
            Visibility::Restricted => "restricted",
        }
    }
}
