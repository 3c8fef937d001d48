//! The vault across launches: secrets persist, a lost keyring entry opens the locked screen,
//! and secrets set with the CLI show in the app (with the README screenshot).

use agent_secrets_e2e::app::UI_TIMEOUT;
use agent_secrets_e2e::paths::workspace_root;
use agent_secrets_e2e::screens::{
    self, assert_not_in_page, row_css, APP_READY, FIRST_SCREEN_TIMEOUT, LOCKED_SCREEN,
    RECOVERY_KEY_SCREEN,
};
use agent_secrets_e2e::{with_test_dir, App, Cli, TestResult, Visibility};
use anyhow::{bail, ensure, Context, Result};
use serde_json::Value;

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn secrets_are_still_there_after_a_restart() -> TestResult {
    with_test_dir("restart", async |dir| {
        let app = screens::launch_new_vault(dir).await?;
        let masked = ("ANTHROPIC_API_KEY", "sk-ant-e2e-restart-51c0");
        let restricted = ("WEBHOOK_SIGNING_SECRET", "whsec-e2e-restart-9d2e");
        screens::create_secret(&app, masked.0, masked.1, Visibility::Masked).await?;
        screens::create_secret(&app, restricted.0, restricted.1, Visibility::Restricted).await?;
        app.close().await?;

        let app = App::launch(&dir.home()).await?;
        screens::wait_ready(&app).await?;
        ensure!(
            !app.exists(RECOVERY_KEY_SCREEN).await?,
            "the recovery key screen came back after a restart"
        );
        app.wait_for(&row_css(masked.0), UI_TIMEOUT).await?;
        app.wait_for(&row_css(restricted.0), UI_TIMEOUT).await?;
        screens::reveal(&app, masked.0, masked.1).await?;
        screens::wait_masked(&app, masked.0, masked.1).await?;
        assert_not_in_page(&app, restricted.1, "after the restart").await?;
        app.close().await
    })
    .await
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn a_missing_keyring_entry_opens_the_locked_screen() -> TestResult {
    with_test_dir("locked", async |dir| {
        let app = screens::launch_new_vault(dir).await?;
        screens::create_secret(
            &app,
            "TWILIO_AUTH_TOKEN",
            "twilio-e2e-locked-77aa",
            Visibility::Masked,
        )
        .await?;
        app.close().await?;

        let cli = Cli::new(&dir.home())?;
        ensure!(
            cli.keyring_entry_exists()?,
            "the vault's key is not in the Secret Service"
        );
        cli.delete_keyring_entry()?;
        ensure!(
            !cli.keyring_entry_exists()?,
            "`secret-tool clear` did not remove the vault's key"
        );

        let app = App::launch(&dir.home()).await?;
        app.wait_for(LOCKED_SCREEN, FIRST_SCREEN_TIMEOUT).await?;
        ensure!(
            !app.exists(APP_READY).await?,
            "the secrets page opened without the key"
        );
        ensure!(
            !app.exists(RECOVERY_KEY_SCREEN).await?,
            "a new vault was offered over the existing one"
        );
        app.close().await?;
        // Locked means untouched: no new key was created over the existing data.
        ensure!(
            !cli.keyring_entry_exists()?,
            "a new key was stored while the vault was locked"
        );
        Ok(())
    })
    .await
}

/// Secrets set with the CLI show in the app, all masked. With `E2E_SCREENSHOT=1` the window is
/// also saved as docs/screenshot.png (the README's picture).
#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn secrets_set_with_the_cli_show_in_the_app() -> TestResult {
    with_test_dir("cli-secrets", async |dir| {
        let app = screens::launch_new_vault(dir).await?;
        app.close().await?;

        let cli = Cli::new(&dir.home())?;
        ensure_one_project(&cli)?;
        let secrets = [
            ("OPENAI_API_KEY", "sk-proj-e2e-3f9a1c7b", Visibility::Masked),
            (
                "DATABASE_URL",
                "postgres://agent:e2e@localhost:5432/agent",
                Visibility::Masked,
            ),
            (
                "STRIPE_SECRET_KEY",
                "sk_live_e2e_51Hx9",
                Visibility::Restricted,
            ),
            ("SLACK_BOT_TOKEN", "xoxb-e2e-1234-5678", Visibility::Masked),
            (
                "WEBHOOK_SIGNING_SECRET",
                "whsec_e2e_Zk2pL",
                Visibility::Restricted,
            ),
        ];
        for (name, value, visibility) in secrets {
            cli.set_secret(name, value, visibility)?;
        }

        let app = App::launch(&dir.home()).await?;
        screens::wait_ready(&app).await?;
        for (name, value, _) in secrets {
            app.wait_for(&row_css(name), UI_TIMEOUT).await?;
            assert_not_in_page(&app, value, "before anything was revealed").await?;
        }
        app.move_mouse_away().await?;

        let shot = dir.path().join("screenshot.png");
        app.screenshot(&shot).await?;
        let png = std::fs::read(&shot)?;
        ensure!(
            png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000,
            "the screenshot is not a real PNG"
        );
        if std::env::var_os("E2E_SCREENSHOT").is_some_and(|value| value == "1") {
            let docs = workspace_root().join("docs/screenshot.png");
            std::fs::create_dir_all(docs.parent().expect("docs/ has a parent"))?;
            std::fs::copy(&shot, &docs).with_context(|| format!("writing {}", docs.display()))?;
            eprintln!("e2e: saved {}", docs.display());
        }
        app.close().await
    })
    .await
}

/// `secret set` without `--project` needs exactly one project: use the app's, or make one.
fn ensure_one_project(cli: &Cli) -> Result<()> {
    let listed = cli.json(&["project", "list"])?;
    let projects = match &listed {
        Value::Array(projects) => projects.len(),
        Value::Object(object) => object
            .get("projects")
            .and_then(Value::as_array)
            .map_or(0, Vec::len),
        _ => bail!("unexpected `project list --json` output: {listed}"),
    };
    match projects {
        0 => cli
            .run(&["project", "create", "Support Agent"], "")
            .map(drop),
        1 => Ok(()),
        n => bail!("the new vault has {n} projects; expected at most one"),
    }
}
