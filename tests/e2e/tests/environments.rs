//! Agent Settings → Environments in the real window: an override for Production, the top bar's
//! environment selector choosing what Copy puts on the clipboard (read back with xclip), "Use
//! default" bringing the default back, and a custom environment in the compare matrix.
//!
//! `E2E_SCREENSHOT_DIR=DIR` also saves screenshots of the Environments page, the compare
//! matrix and the Override Secrets modal there.

use agent_secrets_e2e::app::UI_TIMEOUT;
use agent_secrets_e2e::screens::{self, assert_not_in_page, row_css, APP_READY, DIALOG};
use agent_secrets_e2e::{clipboard, with_test_dir, App, Cli, TestResult, Visibility};
use anyhow::{ensure, Context, Result};
use fantoccini::Locator;
use std::path::PathBuf;

const ENVIRONMENTS_PAGE: &str = "[data-testid=app-ready] [data-testid=environments-table]";
const SECRETS_PAGE: &str = "[data-testid=app-ready] [data-testid=secrets-table]";
const MATRIX: &str = "[data-testid=environment-matrix]";

/// Sidebar → Environments; waits until the page has its data.
async fn open_environments(app: &App) -> Result<()> {
    app.click_text("Environments").await?;
    app.wait_for(ENVIRONMENTS_PAGE, UI_TIMEOUT).await?;
    Ok(())
}

/// Sidebar → Secrets; waits for the table.
async fn open_secrets(app: &App) -> Result<()> {
    app.click_text("Secrets").await?;
    app.wait_for(SECRETS_PAGE, UI_TIMEOUT).await?;
    Ok(())
}

fn environment_row_css(name: &str) -> String {
    format!("[data-testid=environment-row][data-name=\"{name}\"]")
}

/// Clicks the button `label` (`Override Secrets`, `Rename`, `Delete`) on an environment's row,
/// once it is enabled.
async fn environment_action(app: &App, environment: &str, label: &str) -> Result<()> {
    let row = app
        .wait_for(&environment_row_css(environment), UI_TIMEOUT)
        .await?;
    let xpath = format!(".//button[normalize-space(.)='{label}']");
    app.wait_until(
        &format!("an enabled {label:?} on the row of {environment}"),
        UI_TIMEOUT,
        async || {
            for button in row.find_all(Locator::XPath(&xpath)).await? {
                if button.is_enabled().await? {
                    button.click().await?;
                    return Ok(Some(()));
                }
            }
            Ok(None)
        },
    )
    .await
}

/// Chooses `name` in the top bar's environment selector.
async fn select_environment(app: &App, name: &str) -> Result<()> {
    let select = app
        .wait_for("[data-testid=environment-select]", UI_TIMEOUT)
        .await?;
    select
        .select_by_label(name)
        .await
        .with_context(|| format!("choosing {name} in the environment selector"))?;
    app.wait_until(
        &format!("{name} to be the selected environment"),
        UI_TIMEOUT,
        async || {
            let arg = serde_json::to_value(&select).context("passing the selector to a script")?;
            let chosen = app
                .client()
                .execute(
                    "const s = arguments[0]; return s.options[s.selectedIndex].text;",
                    vec![arg],
                )
                .await?;
            Ok((chosen.as_str() == Some(name)).then_some(()))
        },
    )
    .await
}

/// Override Secrets for `environment` → the value for `secret` → Save.
async fn override_value(app: &App, environment: &str, secret: &str, value: &str) -> Result<()> {
    environment_action(app, environment, "Override Secrets").await?;
    app.wait_for(DIALOG, UI_TIMEOUT).await?;
    app.fill(&format!("Value for {secret}"), value)
        .await
        .with_context(|| format!("entering the value of {secret} for {environment}"))?;
    app.click_text("Save").await?;
    app.wait_gone(DIALOG, UI_TIMEOUT)
        .await
        .with_context(|| format!("saving the override of {secret} in {environment}"))
}

/// Override Secrets for `environment` → "Use default" on `secret` → Save.
async fn use_default(app: &App, environment: &str, secret: &str) -> Result<()> {
    environment_action(app, environment, "Override Secrets").await?;
    let dialog = app.wait_for(DIALOG, UI_TIMEOUT).await?;
    screenshot(app, "override-secrets-with-override.png")
        .await
        .context("taking a screenshot")?;
    let row = dialog
        .find(Locator::Css(&format!(
            "[data-testid=override-row][data-name=\"{secret}\"]"
        )))
        .await
        .with_context(|| format!("the Override Secrets modal has no row for {secret}"))?;
    row.find(Locator::XPath(
        ".//button[normalize-space(.)='Use default']",
    ))
    .await
    .with_context(|| format!("{secret} has no \"Use default\" in {environment}"))?
    .click()
    .await
    .context("clicking \"Use default\"")?;
    app.click_text("Save").await?;
    app.wait_gone(DIALOG, UI_TIMEOUT)
        .await
        .with_context(|| format!("removing the override of {secret} in {environment}"))
}

/// Copy from the row menu, then waits until the X clipboard holds `expected`.
async fn copy_expecting(app: &App, secret: &str, expected: &str) -> Result<()> {
    screens::row_action(app, secret, "Copy")
        .await
        .with_context(|| format!("copying {secret}"))?;
    app.wait_until(
        &format!("the clipboard to hold {expected:?}"),
        UI_TIMEOUT,
        async || Ok((clipboard().await == expected).then_some(())),
    )
    .await
}

/// The text of a secret's cell in the compare matrix for one environment.
async fn matrix_cell(app: &App, secret: &str, environment: &str) -> Result<String> {
    let css = format!(
        "{MATRIX} [data-testid=matrix-row][data-name=\"{secret}\"] \
         [data-testid=matrix-cell][data-environment=\"{environment}\"]"
    );
    Ok(app
        .wait_for(&css, UI_TIMEOUT)
        .await?
        .text()
        .await?
        .trim()
        .to_owned())
}

/// Saves a screenshot into `$E2E_SCREENSHOT_DIR` when it is set.
async fn screenshot(app: &App, file: &str) -> Result<()> {
    if let Some(dir) = std::env::var_os("E2E_SCREENSHOT_DIR").filter(|dir| !dir.is_empty()) {
        app.screenshot(&PathBuf::from(dir).join(file)).await?;
    }
    Ok(())
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn copy_follows_the_selected_environment_and_its_override() -> TestResult {
    with_test_dir("env-override-copy", async |dir| {
        let app = screens::launch_new_vault(dir).await?;
        let cli = Cli::new(&dir.home())?;
        // Long enough that the auto-clear never empties the clipboard while the test reads it.
        cli.set_clipboard_clear_seconds(300)?;

        let (name, default, production) = (
            "PAYMENTS_API_KEY",
            "pk-default-e2e-Vb83",
            "pk-production-e2e-Q71z",
        );
        screens::create_secret(&app, name, default, Visibility::Masked).await?;

        open_environments(&app).await?;
        override_value(&app, "Production", name, production).await?;
        let row = app
            .wait_for(&environment_row_css("Production"), UI_TIMEOUT)
            .await?;
        app.wait_until("Production to count 1 override", UI_TIMEOUT, async || {
            Ok(row.text().await?.contains("1 override").then_some(()))
        })
        .await?;
        ensure!(
            matrix_cell(&app, name, "Production").await? == "Set"
                && matrix_cell(&app, name, "Development").await? == "Default",
            "the matrix does not show the override"
        );
        assert_not_in_page(&app, production, "after the override was saved").await?;
        // The core agrees: the CLI resolves the override for Production only.
        let got = cli.run(&["secret", "get", name, "--env", "production"], "")?;
        ensure!(
            got.trim_end() == production,
            "the CLI reads {got:?} in Production"
        );

        // The selector says which environment Copy uses; it stays chosen across pages.
        select_environment(&app, "Production").await?;
        open_secrets(&app).await?;
        let overrides = app
            .wait_for(
                &format!("{} .secret-overrides-cell", row_css(name)),
                UI_TIMEOUT,
            )
            .await?
            .text()
            .await?;
        ensure!(
            overrides.contains("Production"),
            "the Secrets table does not say that Production overrides {name}: {overrides:?}"
        );
        copy_expecting(&app, name, production).await?;
        screens::reveal(&app, name, production)
            .await
            .context("revealing the Production value")?;
        screens::wait_masked(&app, name, production).await?;

        select_environment(&app, "Development").await?;
        copy_expecting(&app, name, default).await?;

        // "Use default" removes the override: Production copies the default again.
        open_environments(&app).await?;
        use_default(&app, "Production", name).await?;
        app.wait_until(
            "the matrix to show Default in Production",
            UI_TIMEOUT,
            async || Ok((matrix_cell(&app, name, "Production").await? == "Default").then_some(())),
        )
        .await?;
        open_secrets(&app).await?;
        // First put something else on the clipboard, so the next copy has to replace it.
        screens::create_secret(&app, "OTHER_KEY", "other-e2e-value", Visibility::Masked).await?;
        copy_expecting(&app, "OTHER_KEY", "other-e2e-value").await?;
        select_environment(&app, "Production").await?;
        copy_expecting(&app, name, default).await?;
        let got = cli.run(&["secret", "get", name, "--env", "production"], "")?;
        ensure!(
            got.trim_end() == default,
            "the CLI reads {got:?} in Production"
        );
        app.close().await
    })
    .await
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn a_custom_environment_shows_in_the_matrix_and_can_be_deleted() -> TestResult {
    with_test_dir("env-custom", async |dir| {
        let app = screens::launch_new_vault(dir).await?;
        let cli = Cli::new(&dir.home())?;
        screens::create_secret(&app, "OPENAI_API_KEY", "sk-e2e-default", Visibility::Masked)
            .await?;
        screens::create_secret(
            &app,
            "DB_PASSWORD",
            "pw-e2e-default",
            Visibility::Restricted,
        )
        .await?;
        // A key that only Development has: Production lacks it.
        cli.run(
            &["secret", "set", "DEBUG_TOKEN", "--env", "development"],
            "dbg-e2e",
        )?;

        open_environments(&app).await?;
        ensure!(
            matrix_cell(&app, "DEBUG_TOKEN", "Development").await? == "Set"
                && matrix_cell(&app, "DEBUG_TOKEN", "Production").await? == "Missing",
            "the matrix does not show that Production lacks DEBUG_TOKEN"
        );

        app.click_text("Add environment").await?;
        app.wait_for(DIALOG, UI_TIMEOUT).await?;
        app.fill("Name", "Staging").await?;
        app.click_text("Add environment").await?;
        app.wait_gone(DIALOG, UI_TIMEOUT).await?;
        app.wait_for(&environment_row_css("Staging"), UI_TIMEOUT)
            .await?;
        app.wait_for(
            &format!("{MATRIX} th[data-environment=\"Staging\"]"),
            UI_TIMEOUT,
        )
        .await?;
        ensure!(
            matrix_cell(&app, "OPENAI_API_KEY", "Staging").await? == "Default"
                && matrix_cell(&app, "DEBUG_TOKEN", "Staging").await? == "Missing",
            "the matrix's Staging column is wrong"
        );
        override_value(&app, "Staging", "DB_PASSWORD", "pw-e2e-staging").await?;
        app.wait_until(
            "the matrix to show Set in Staging",
            UI_TIMEOUT,
            async || {
                Ok((matrix_cell(&app, "DB_PASSWORD", "Staging").await? == "Set").then_some(()))
            },
        )
        .await?;
        assert_not_in_page(&app, "pw-e2e-staging", "after a Restricted override").await?;
        screenshot(&app, "environments.png").await?;
        let matrix = app.wait_for(MATRIX, UI_TIMEOUT).await?;
        app.hover(&matrix).await?;
        screenshot(&app, "compare-environments.png").await?;

        environment_action(&app, "Production", "Override Secrets").await?;
        app.wait_for(DIALOG, UI_TIMEOUT).await?;
        screenshot(&app, "override-secrets.png").await?;
        app.click_text("Cancel").await?;
        app.wait_gone(DIALOG, UI_TIMEOUT).await?;

        // The built-ins have no Rename or Delete.
        let production = app
            .wait_for(&environment_row_css("Production"), UI_TIMEOUT)
            .await?;
        ensure!(
            production
                .find_all(Locator::XPath(
                    ".//button[normalize-space(.)='Delete' or normalize-space(.)='Rename']"
                ))
                .await?
                .is_empty(),
            "Production can be renamed or deleted"
        );

        environment_action(&app, "Staging", "Delete").await?;
        let confirmation = app.wait_for(DIALOG, UI_TIMEOUT).await?.text().await?;
        ensure!(
            confirmation.contains("Delete environment Staging?")
                && confirmation.contains("1 override"),
            "the confirmation does not name Staging and its override: {confirmation:?}"
        );
        app.click_text("Delete").await?;
        app.wait_gone(DIALOG, UI_TIMEOUT).await?;
        app.wait_gone(&environment_row_css("Staging"), UI_TIMEOUT)
            .await?;
        app.wait_gone(
            &format!("{MATRIX} th[data-environment=\"Staging\"]"),
            UI_TIMEOUT,
        )
        .await?;
        app.wait_for(APP_READY, UI_TIMEOUT).await?;
        let environments = cli.run(&["env", "list"], "")?;
        ensure!(
            !environments.contains("Staging"),
            "the CLI still lists Staging:\n{environments}"
        );
        app.close().await
    })
    .await
}
