//! Projects in the real window: import a project file through the switcher (the native open
//! dialog is answered by `AGENT_SECRETS_E2E_DIALOG_PATH`, honoured by debug builds only), see
//! "N secrets need values", re-enter them in the guided flow, copy one and read it back with
//! xclip; then duplicate it and find no value in the copy.

use agent_secrets_e2e::app::UI_TIMEOUT;
use agent_secrets_e2e::fixtures::IMPORTED_PROJECT_FILE;
use agent_secrets_e2e::screens::{self, assert_not_in_page, row_css, APP_READY, DIALOG};
use agent_secrets_e2e::{clipboard, with_test_dir, App, Cli, TestResult};
use anyhow::{ensure, Result};
use fantoccini::Locator;

const BANNER: &str = "[data-testid=needs-values-banner]";
const SWITCHER: &str = "[data-testid=project-switcher]";

const DEFAULT_VALUE: &str = "sk-e2e-imported-default-Vd7Q";
const PRODUCTION_VALUE: &str = "sk-e2e-imported-prod-Hp2M";
const RESTRICTED_VALUE: &str = "sk_live_e2e_imported_Rs5K";

async fn text_of(app: &App, css: &str) -> Result<String> {
    Ok(app.wait_for(css, UI_TIMEOUT).await?.text().await?)
}

/// The project the switcher shows (its tooltip holds the full name).
async fn current_project(app: &App) -> Result<String> {
    let switcher = app.wait_for(SWITCHER, UI_TIMEOUT).await?;
    Ok(switcher.attr("title").await?.unwrap_or_default())
}

/// The switcher's menu → `action`.
async fn project_menu(app: &App, action: &str) -> Result<()> {
    app.wait_for(SWITCHER, UI_TIMEOUT).await?.click().await?;
    app.wait_for("[role=menu]", UI_TIMEOUT).await?;
    app.click_text(action).await
}

/// On the open "Enter values" step: checks what it asks for, types the value, Save & next.
async fn enter_value(
    app: &App,
    progress: &str,
    name: &str,
    environment: &str,
    value: &str,
) -> Result<()> {
    app.wait_until(
        &format!("the step {progress} for {name} in {environment}"),
        UI_TIMEOUT,
        async || {
            let step = app
                .client()
                .find_all(Locator::Css("[data-testid=reentry-step]"))
                .await?;
            let Some(step) = step.into_iter().next() else {
                return Ok(None);
            };
            let text = step.text().await?;
            Ok(
                (text.contains(progress) && text.contains(name) && text.contains(environment))
                    .then_some(()),
            )
        },
    )
    .await?;
    app.fill("Value", value).await?;
    app.click_text("Save & next").await
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn import_re_enter_values_then_copy() -> TestResult {
    with_test_dir("projects-import", async |dir| {
        let file = dir.path().join("imported.agent-secrets.json");
        std::fs::write(&file, IMPORTED_PROJECT_FILE)?;
        // Read by the app's debug build in place of the native open dialog.
        std::env::set_var("AGENT_SECRETS_E2E_DIALOG_PATH", &file);
        let app = screens::launch_new_vault(dir).await?;

        project_menu(&app, "Import").await?;
        app.wait_until("the imported project to open", UI_TIMEOUT, async || {
            Ok((current_project(&app).await? == "Imported Agent").then_some(()))
        })
        .await?;
        app.wait_for(&row_css("OPENAI_API_KEY"), UI_TIMEOUT).await?;
        let banner = text_of(&app, BANNER).await?;
        ensure!(
            banner.contains("2 secrets need values"),
            "banner: {banner:?}"
        );

        // The guided re-entry: default first, then the environment that had an override.
        app.click_text("Enter values").await?;
        app.wait_for(DIALOG, UI_TIMEOUT).await?;
        enter_value(&app, "1 of 3", "OPENAI_API_KEY", "Default", DEFAULT_VALUE).await?;
        enter_value(
            &app,
            "2 of 3",
            "OPENAI_API_KEY",
            "Production",
            PRODUCTION_VALUE,
        )
        .await?;
        // Skip, Back: the flow goes back to the same secret.
        app.wait_for("[data-testid=reentry-step]", UI_TIMEOUT)
            .await?;
        app.click_text("Skip").await?;
        app.wait_for("[data-testid=reentry-done]", UI_TIMEOUT)
            .await?;
        app.click_text("Back").await?;
        enter_value(&app, "3 of 3", "STRIPE_SECRET", "Default", RESTRICTED_VALUE).await?;
        let done = text_of(&app, "[data-testid=reentry-done]").await?;
        ensure!(done.contains("Saved 3 of 3"), "{done:?}");
        app.click_text("Done").await?;
        app.wait_gone(DIALOG, UI_TIMEOUT).await?;
        app.wait_gone(BANNER, UI_TIMEOUT).await?;
        for value in [DEFAULT_VALUE, PRODUCTION_VALUE, RESTRICTED_VALUE] {
            assert_not_in_page(&app, value, "after the re-entry").await?;
        }

        // Copy the Masked one (Development resolves to the default) and read it back.
        screens::row_action(&app, "OPENAI_API_KEY", "Copy").await?;
        app.wait_until(
            "the clipboard to hold the re-entered value",
            UI_TIMEOUT,
            async || Ok((clipboard().await == DEFAULT_VALUE).then_some(())),
        )
        .await?;

        // The CLI sees the same vault: Production's override, the Restricted one used by `run`.
        let cli = Cli::new(&dir.home())?;
        let production = cli.run(
            &[
                "secret",
                "get",
                "OPENAI_API_KEY",
                "--env",
                "production",
                "--project",
                "Imported Agent",
            ],
            "",
        )?;
        ensure!(production.trim_end() == PRODUCTION_VALUE, "{production:?}");
        let list = cli.run(&["project", "list"], "")?;
        ensure!(list.contains("Imported Agent"), "{list}");

        // Duplicate: a copy with the names and none of the values.
        project_menu(&app, "Duplicate").await?;
        app.wait_until("the duplicate to open", UI_TIMEOUT, async || {
            Ok((current_project(&app).await? == "Imported Agent (copy)").then_some(()))
        })
        .await?;
        app.wait_for(
            &format!("{APP_READY} {}", row_css("STRIPE_SECRET")),
            UI_TIMEOUT,
        )
        .await?;
        let banner = text_of(&app, BANNER).await?;
        ensure!(
            banner.contains("2 secrets need values"),
            "banner of the copy: {banner:?}"
        );
        let copy = cli.run(
            &[
                "--json",
                "secret",
                "list",
                "--project",
                "Imported Agent (copy)",
            ],
            "",
        )?;
        for value in [DEFAULT_VALUE, PRODUCTION_VALUE, RESTRICTED_VALUE] {
            ensure!(!copy.contains(value), "the duplicate lists a value: {copy}");
        }
        app.close().await
    })
    .await
}
