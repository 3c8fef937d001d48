//! Steps on the app's screens, written once for all tests: the first run, and the Secrets
//! page's create, reveal, row menu, edit and delete. Selectors are the UI's stable hooks
//! (`data-testid`, roles and visible labels).

use crate::app::{App, UI_TIMEOUT};
use crate::{TestDir, Visibility};
use anyhow::{bail, Context, Result};
use fantoccini::elements::Element;
use fantoccini::Locator;
use std::time::Duration;

pub const APP_READY: &str = "[data-testid=app-ready]";
pub const RECOVERY_KEY_SCREEN: &str = "[data-testid=recovery-key-screen]";
pub const RECOVERY_KEY: &str = "[data-testid=recovery-key]";
pub const LOCKED_SCREEN: &str = "[data-testid=locked-screen]";
pub const SECRETS_TABLE: &str = "[data-testid=secrets-table]";
pub const SECRET_ROW: &str = "[data-testid=secret-row]";
pub const TOAST: &str = "[data-testid=toast]";
pub const DIALOG: &str = "[role=dialog]";
pub const MENU: &str = "[role=menu]";

/// The first screen after a launch can take a while: the web view starts and the vault opens.
pub const FIRST_SCREEN_TIMEOUT: Duration = Duration::from_secs(30);

/// `[data-testid=secret-row][data-name="NAME"]`
pub fn row_css(name: &str) -> String {
    format!("{SECRET_ROW}[data-name=\"{name}\"]")
}

/// The Value cell of a secret's row.
pub fn value_cell_css(name: &str) -> String {
    format!("{} [data-testid=secret-value]", row_css(name))
}

/// Launches the app on the test's empty home and gets through the first run.
pub async fn launch_new_vault(dir: &TestDir) -> Result<App> {
    let app = App::launch(&dir.home()).await?;
    complete_first_run(&app).await?;
    Ok(app)
}

/// On the recovery key screen: reads the key, ticks "I have saved my recovery key", presses
/// Continue and waits for the app. Returns the recovery key.
pub async fn complete_first_run(app: &App) -> Result<String> {
    app.wait_for(RECOVERY_KEY_SCREEN, FIRST_SCREEN_TIMEOUT)
        .await?;
    let key = app
        .wait_until(
            "the recovery key to be shown",
            UI_TIMEOUT,
            async || match app
                .client()
                .find_all(Locator::Css(RECOVERY_KEY))
                .await?
                .pop()
            {
                Some(element) => {
                    Ok(Some(element.text().await?).filter(|key| !key.trim().is_empty()))
                }
                None => Ok(None),
            },
        )
        .await?;
    app.click_text("I have saved my recovery key").await?;
    app.click_text("Continue").await?;
    app.wait_for(APP_READY, UI_TIMEOUT).await?;
    Ok(key.trim().to_owned())
}

/// Waits for the app's main screen after a launch on an existing vault.
pub async fn wait_ready(app: &App) -> Result<()> {
    app.wait_for(APP_READY, FIRST_SCREEN_TIMEOUT).await?;
    Ok(())
}

/// New Secret → Name, Value, Visibility → Create Secret; waits for the row.
pub async fn create_secret(
    app: &App,
    name: &str,
    value: &str,
    visibility: Visibility,
) -> Result<()> {
    app.click_text("New Secret").await?;
    app.wait_for(DIALOG, UI_TIMEOUT).await?;
    app.fill("Name", name).await?;
    app.fill("Value", value).await?;
    app.click_text(visibility.label()).await?;
    app.click_text("Create Secret").await?;
    app.wait_gone(DIALOG, UI_TIMEOUT)
        .await
        .with_context(|| format!("creating the secret {name}"))?;
    app.wait_for(&row_css(name), UI_TIMEOUT).await?;
    Ok(())
}

/// The names of the secrets in the table, in order.
pub async fn secret_names(app: &App) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for row in app.client().find_all(Locator::Css(SECRET_ROW)).await? {
        names.push(row.attr("data-name").await?.unwrap_or_default());
    }
    Ok(names)
}

/// The Value cell's visible text (dots while masked).
pub async fn value_text(app: &App, name: &str) -> Result<String> {
    Ok(app
        .wait_for(&value_cell_css(name), UI_TIMEOUT)
        .await?
        .text()
        .await?)
}

/// Clicks a Masked secret's value and waits until the cell shows `expected`.
pub async fn reveal(app: &App, name: &str, expected: &str) -> Result<()> {
    let cell = app.wait_for(&value_cell_css(name), UI_TIMEOUT).await?;
    let button = cell
        .find(Locator::Css("button"))
        .await
        .with_context(|| format!("the Value cell of {name} has no reveal button"))?;
    button.click().await?;
    app.wait_until(
        &format!("the value of {name} to be revealed"),
        UI_TIMEOUT,
        async || Ok((cell.text().await?.trim() == expected).then_some(())),
    )
    .await
}

/// Moves the mouse away and waits until the cell no longer shows `value`.
pub async fn wait_masked(app: &App, name: &str, value: &str) -> Result<()> {
    app.move_mouse_away().await?;
    app.wait_until(
        &format!("the value of {name} to be masked again"),
        UI_TIMEOUT,
        async || Ok((!value_text(app, name).await?.contains(value)).then_some(())),
    )
    .await
}

/// Opens a row's ⋮ menu (it shows on hover) and returns the menu.
pub async fn open_row_menu(app: &App, name: &str) -> Result<Element> {
    let row = app.wait_for(&row_css(name), UI_TIMEOUT).await?;
    app.hover(&row).await?;
    let button = row
        .find(Locator::Css("[data-testid=row-menu]"))
        .await
        .with_context(|| format!("the row of {name} has no ⋮ menu button"))?;
    button.click().await?;
    app.wait_for(MENU, UI_TIMEOUT).await
}

/// Opens a row's menu and chooses `action` (`Edit`, `Copy` or `Delete`).
pub async fn row_action(app: &App, name: &str, action: &str) -> Result<()> {
    open_row_menu(app, name).await?;
    app.click_text(action).await
}

/// Edit → Value → Save; waits for the dialog to close.
pub async fn edit_value(app: &App, name: &str, new_value: &str) -> Result<()> {
    row_action(app, name, "Edit").await?;
    app.wait_for(DIALOG, UI_TIMEOUT).await?;
    app.fill("Value", new_value).await?;
    app.click_text("Save").await?;
    app.wait_gone(DIALOG, UI_TIMEOUT)
        .await
        .with_context(|| format!("saving the new value of {name}"))
}

/// Delete → confirms in the dialog → waits for the row to go. Returns the confirmation's text.
pub async fn delete_secret(app: &App, name: &str) -> Result<String> {
    row_action(app, name, "Delete").await?;
    let dialog = app.wait_for(DIALOG, UI_TIMEOUT).await?;
    let confirmation = dialog.text().await?;
    app.click_text("Delete").await?;
    app.wait_gone(DIALOG, UI_TIMEOUT).await?;
    app.wait_gone(&row_css(name), UI_TIMEOUT).await?;
    Ok(confirmation)
}

/// Fails if `value` is anywhere in the page's HTML.
pub async fn assert_not_in_page(app: &App, value: &str, when: &str) -> Result<()> {
    if app.page_source().await?.contains(value) {
        bail!("the secret value is in the page's HTML {when}");
    }
    Ok(())
}
