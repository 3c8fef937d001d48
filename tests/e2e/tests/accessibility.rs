//! Accessibility in the real window: axe-core on every page and dialog (0 serious or critical
//! violations, and a real run with passes), and a keyboard-only round trip — create a secret,
//! copy it (read back with xclip), delete it — with WebDriver key actions and no pointer, focus
//! visible at every stop and trapped in the dialogs.

use agent_secrets_e2e::app::UI_TIMEOUT;
use agent_secrets_e2e::axe::assert_accessible;
use agent_secrets_e2e::fixtures::IMPORTED_PROJECT_FILE;
use agent_secrets_e2e::keyboard::{self, assert_focus_trapped, tab_to, type_text, wait_focus_on};
use agent_secrets_e2e::screens::{
    self, row_css, APP_READY, DIALOG, FIRST_SCREEN_TIMEOUT, LOCKED_SCREEN, MENU,
    RECOVERY_KEY_SCREEN,
};
use agent_secrets_e2e::{clipboard, with_test_dir, App, Cli, TestResult, Visibility};
use anyhow::{ensure, Context, Result};
use fantoccini::key::Key;
use fantoccini::Locator;

/// Checks the open dialog with axe, then closes it with Cancel (or Escape).
async fn check_dialog(app: &App, what: &str, close_with_cancel: bool) -> Result<()> {
    app.wait_for(DIALOG, UI_TIMEOUT).await?;
    assert_accessible(app, what).await?;
    if close_with_cancel {
        app.click_text("Cancel").await?;
    } else {
        app.press_escape().await?;
    }
    app.wait_gone(DIALOG, UI_TIMEOUT)
        .await
        .with_context(|| format!("closing {what}"))
}

/// Sidebar → `page`; waits until its title shows and it has its data (and `ready` shows).
async fn open_page(app: &App, page: &str, ready: Option<&str>) -> Result<()> {
    app.click_text(page).await?;
    app.wait_until(&format!("the {page} page"), UI_TIMEOUT, async || {
        let titles = app
            .client()
            .find_all(Locator::Css(&format!("{APP_READY} .top-bar-title")))
            .await?;
        for title in titles {
            if title.text().await?.trim() == page {
                return Ok(Some(()));
            }
        }
        Ok(None)
    })
    .await?;
    if let Some(ready) = ready {
        app.wait_for(&format!("{APP_READY} {ready}"), UI_TIMEOUT)
            .await?;
    }
    Ok(())
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn every_page_and_dialog_passes_axe() -> TestResult {
    with_test_dir("a11y-pages", async |dir| {
        let file = dir.path().join("imported.agent-secrets.json");
        std::fs::write(&file, IMPORTED_PROJECT_FILE)?;
        // Read by the app's debug build in place of the native open dialog.
        std::env::set_var("AGENT_SECRETS_E2E_DIALOG_PATH", &file);
        let app = App::launch(&dir.home()).await?;

        app.wait_for(RECOVERY_KEY_SCREEN, FIRST_SCREEN_TIMEOUT)
            .await?;
        assert_accessible(&app, "the first run (recovery key)").await?;
        screens::complete_first_run(&app).await?;
        assert_accessible(&app, "the empty Secrets page").await?;

        // Secrets, New Secret, row menu, Edit, Delete confirmation.
        app.click_text("New Secret").await?;
        check_dialog(&app, "New Secret", true).await?;
        screens::create_secret(&app, "OPENAI_API_KEY", "sk-a11y-1", Visibility::Masked).await?;
        screens::create_secret(&app, "DB_PASSWORD", "pw-a11y-2", Visibility::Restricted).await?;
        assert_accessible(&app, "the Secrets page").await?;
        screens::open_row_menu(&app, "DB_PASSWORD").await?;
        assert_accessible(&app, "a row menu (Restricted secret)").await?;
        app.click_text("Edit").await?;
        check_dialog(&app, "Edit Secret", true).await?;
        screens::row_action(&app, "OPENAI_API_KEY", "Delete").await?;
        check_dialog(&app, "the delete confirmation", true).await?;

        // Environments with the compare matrix, Override Secrets, Add environment.
        open_page(
            &app,
            "Environments",
            Some("[data-testid=environments-table]"),
        )
        .await?;
        app.wait_for("[data-testid=environment-matrix]", UI_TIMEOUT)
            .await?;
        assert_accessible(&app, "the Environments page and compare matrix").await?;
        app.click_text("Override Secrets").await?;
        check_dialog(&app, "Override Secrets", true).await?;
        app.click_text("Add environment").await?;
        check_dialog(&app, "Add environment", true).await?;

        // Steps: New Step, the editor, the `{` picker open.
        open_page(&app, "Steps", None).await?;
        assert_accessible(&app, "the empty Steps page").await?;
        app.click_text("New Step").await?;
        app.wait_for(DIALOG, UI_TIMEOUT).await?;
        assert_accessible(&app, "New Step").await?;
        app.fill("Name", "Call the API").await?;
        app.click_text("API").await?;
        app.click_text("Create Step").await?;
        app.wait_gone(DIALOG, UI_TIMEOUT).await?;
        app.wait_for("[data-testid=step-editor]", UI_TIMEOUT)
            .await?;
        assert_accessible(&app, "the step editor").await?;
        // Typing `{` opens the picker (the field keeps the brace).
        app.fill("URL", "https://api.example.test/{").await?;
        app.wait_for("[data-testid=reference-picker]", UI_TIMEOUT)
            .await
            .context("typing { did not open the picker")?;
        assert_accessible(&app, "the step editor with the { picker open").await?;
        app.press_escape().await?;
        app.wait_gone("[data-testid=reference-picker]", UI_TIMEOUT)
            .await?;

        // Leaving the editor with the URL unsaved asks first: the prompt passes axe, and
        // Discard goes on to the page that was asked for.
        app.click_text("Variables").await?;
        app.wait_for("[data-testid=unsaved-changes]", UI_TIMEOUT)
            .await
            .context("leaving an unsaved step did not ask Save / Discard / Cancel")?;
        assert_accessible(&app, "the unsaved-changes prompt").await?;
        app.click_text("Discard").await?;

        // Variables and New Variable.
        open_page(&app, "Variables", None).await?;
        assert_accessible(&app, "the Variables page").await?;
        app.click_text("New Variable").await?;
        check_dialog(&app, "New Variable", true).await?;

        // The projects menu, About, and an import with its guided re-entry.
        app.wait_for("[data-testid=project-switcher]", UI_TIMEOUT)
            .await?
            .click()
            .await?;
        app.wait_for(MENU, UI_TIMEOUT).await?;
        assert_accessible(&app, "the projects menu").await?;
        app.click_text("New project").await?;
        check_dialog(&app, "New project", true).await?;
        app.click_text("About Agent Secrets").await?;
        check_dialog(&app, "About Agent Secrets", false).await?;

        open_page(&app, "Secrets", Some("[data-testid=secrets-table]")).await?;
        app.wait_for("[data-testid=project-switcher]", UI_TIMEOUT)
            .await?
            .click()
            .await?;
        app.wait_for(MENU, UI_TIMEOUT).await?;
        app.click_text("Import").await?;
        app.wait_for("[data-testid=needs-values-banner]", UI_TIMEOUT)
            .await?;
        assert_accessible(&app, "an imported project that needs values").await?;
        app.click_text("Enter values").await?;
        app.wait_for("[data-testid=reentry-step]", UI_TIMEOUT)
            .await?;
        check_dialog(&app, "the guided re-entry", false).await?;
        app.close().await
    })
    .await
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn the_locked_screen_passes_axe() -> TestResult {
    with_test_dir("a11y-locked", async |dir| {
        let app = screens::launch_new_vault(dir).await?;
        app.close().await?;
        Cli::new(&dir.home())?.delete_keyring_entry()?;

        let app = App::launch(&dir.home()).await?;
        app.wait_for(LOCKED_SCREEN, FIRST_SCREEN_TIMEOUT).await?;
        assert_accessible(&app, "the locked screen").await?;
        app.close().await
    })
    .await
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn create_copy_and_delete_a_secret_with_the_keyboard_only() -> TestResult {
    with_test_dir("a11y-keyboard", async |dir| {
        let app = screens::launch_new_vault(dir).await?;
        let cli = Cli::new(&dir.home())?;
        // Long enough that the auto-clear never empties the clipboard while the test reads it.
        cli.set_clipboard_clear_seconds(300)?;
        let (name, value) = ("KEYBOARD_TOKEN", "kbd-a11y-value-7Qx2");

        // New Secret: Tab to the button, Enter; the dialog focuses Name and keeps focus inside.
        tab_to(&app, "New Secret").await?;
        keyboard::press(&app, Key::Enter).await?;
        app.wait_for(DIALOG, UI_TIMEOUT).await?;
        wait_focus_on(&app, "Name").await?;
        assert_focus_trapped(&app, 8).await?;
        wait_focus_on(&app, "Name").await?;
        type_text(&app, name).await?;
        tab_to(&app, "Value").await?;
        type_text(&app, value).await?;
        tab_to(&app, "Create Secret").await?;
        keyboard::press(&app, Key::Enter).await?;
        app.wait_gone(DIALOG, UI_TIMEOUT).await?;
        app.wait_for(&row_css(name), UI_TIMEOUT).await?;

        // Copy: Tab to the row's ⋮, Enter opens the menu on Edit, ArrowDown to Copy, Enter.
        let actions = format!("Actions for {name}");
        tab_to(&app, &actions).await?;
        keyboard::press(&app, Key::Enter).await?;
        app.wait_for(MENU, UI_TIMEOUT).await?;
        wait_focus_on(&app, "Edit").await?;
        keyboard::press(&app, Key::Down).await?;
        wait_focus_on(&app, "Copy").await?;
        keyboard::press(&app, Key::Enter).await?;
        app.wait_until("the clipboard to hold the value", UI_TIMEOUT, async || {
            Ok((clipboard().await == value).then_some(()))
        })
        .await?;

        // Delete: focus is back on ⋮; Enter, End to Delete, Enter; the confirmation focuses
        // Cancel, Tab to Delete, Enter.
        let back = wait_focus_on(&app, &actions).await?;
        keyboard::ensure_visible(&back)?;
        keyboard::press(&app, Key::Enter).await?;
        app.wait_for(MENU, UI_TIMEOUT).await?;
        keyboard::press(&app, Key::End).await?;
        wait_focus_on(&app, "Delete").await?;
        keyboard::press(&app, Key::Enter).await?;
        let dialog = app.wait_for(DIALOG, UI_TIMEOUT).await?;
        ensure!(
            dialog.text().await?.contains(name),
            "the confirmation does not name {name}"
        );
        wait_focus_on(&app, "Cancel").await?;
        assert_focus_trapped(&app, 4).await?;
        tab_to(&app, "Delete").await?;
        keyboard::press(&app, Key::Enter).await?;
        app.wait_gone(DIALOG, UI_TIMEOUT).await?;
        app.wait_gone(&row_css(name), UI_TIMEOUT).await?;
        let listed = cli.run(&["secret", "list"], "")?;
        ensure!(
            !listed.contains(name),
            "the CLI still lists {name}:\n{listed}"
        );
        app.close().await
    })
    .await
}
