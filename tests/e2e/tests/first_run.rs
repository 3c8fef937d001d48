//! First run: the recovery key is shown once and must be confirmed before the app opens.

use agent_secrets_e2e::app::UI_TIMEOUT;
use agent_secrets_e2e::screens::{self, APP_READY, FIRST_SCREEN_TIMEOUT, RECOVERY_KEY_SCREEN};
use agent_secrets_e2e::{with_test_dir, App, Cli, TestResult};
use anyhow::ensure;

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn first_run_shows_the_recovery_key_then_opens_the_app() -> TestResult {
    with_test_dir("first-run", async |dir| {
        let app = App::launch(&dir.home()).await?;

        app.wait_for(RECOVERY_KEY_SCREEN, FIRST_SCREEN_TIMEOUT)
            .await?;
        ensure!(
            !app.exists(APP_READY).await?,
            "the app opened before the recovery key was confirmed"
        );
        let continue_button = app.find_text("Continue").await?;
        ensure!(
            !continue_button.is_enabled().await?,
            "Continue is enabled before \"I have saved my recovery key\" is ticked"
        );

        let key = screens::complete_first_run(&app).await?;
        ensure!(key.len() >= 20, "the recovery key looks too short: {key:?}");
        app.wait_gone(RECOVERY_KEY_SCREEN, UI_TIMEOUT).await?;

        // The vault's key went into the real Secret Service, not an in-memory stand-in.
        let cli = Cli::new(&dir.home())?;
        ensure!(
            cli.keyring_entry_exists()?,
            "no keyring entry for the vault after the first run"
        );
        app.close().await
    })
    .await
}
