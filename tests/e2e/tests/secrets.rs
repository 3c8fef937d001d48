//! The Secrets page: create, reveal, copy (with the clipboard auto-clear), Restricted
//! secrets never reaching the window, edit and delete.

use agent_secrets_e2e::app::UI_TIMEOUT;
use agent_secrets_e2e::screens::{
    self, assert_not_in_page, row_css, value_cell_css, DIALOG, MENU, TOAST,
};
use agent_secrets_e2e::{
    clipboard, clipboard_targets, poll, with_test_dir, Cli, TestResult, Visibility,
};
use anyhow::ensure;
use std::time::{Duration, Instant};

/// The clipboard auto-clear delay the tests set through the CLI.
const CLEAR_SECONDS: u32 = 3;

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn masked_secret_reveals_copies_and_the_clipboard_clears() -> TestResult {
    with_test_dir("masked-copy", async |dir| {
        let app = screens::launch_new_vault(dir).await?;
        Cli::new(&dir.home())?.set_clipboard_clear_seconds(CLEAR_SECONDS)?;

        let (name, value) = ("OPENAI_API_KEY", "sk-e2e-masked-7Hq2ZpW4");
        screens::create_secret(&app, name, value, Visibility::Masked).await?;
        assert_not_in_page(&app, value, "before it is revealed").await?;

        screens::reveal(&app, name, value).await?;
        // The positive control for every "not in the page" check in these tests.
        ensure!(
            app.page_source().await?.contains(value),
            "page_source() lacks the revealed value: the absence checks would prove nothing"
        );
        screens::wait_masked(&app, name, value).await?;
        assert_not_in_page(&app, value, "after it was hidden again").await?;

        screens::row_action(&app, name, "Copy").await?;
        let copied_at = Instant::now();
        let toast = app.wait_for(TOAST, UI_TIMEOUT).await?.text().await?;
        ensure!(
            toast.contains(name),
            "the copy toast does not name the secret: {toast:?}"
        );
        app.wait_until("the clipboard to hold the value", UI_TIMEOUT, async || {
            Ok((clipboard().await == value).then_some(()))
        })
        .await?;
        let targets = clipboard_targets().await;
        ensure!(
            targets
                .iter()
                .any(|target| target == "x-kde-passwordManagerHint"),
            "the copy is not marked secret for clipboard managers; targets: {targets:?}"
        );
        assert_not_in_page(&app, value, "after the copy").await?;

        let clear_deadline = Duration::from_secs(u64::from(CLEAR_SECONDS) + 10);
        app.wait_until("the clipboard to be cleared", clear_deadline, async || {
            Ok(clipboard().await.is_empty().then_some(()))
        })
        .await?;
        ensure!(
            copied_at.elapsed()
                >= Duration::from_secs(u64::from(CLEAR_SECONDS)) - Duration::from_millis(500),
            "the clipboard was cleared after {:?}, before the {CLEAR_SECONDS} s delay",
            copied_at.elapsed()
        );
        app.close().await
    })
    .await
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn restricted_secret_cannot_be_copied_and_never_reaches_the_window() -> TestResult {
    with_test_dir("restricted", async |dir| {
        let app = screens::launch_new_vault(dir).await?;

        let (name, value) = ("STRIPE_SECRET_KEY", "sk_live_e2e_restricted_Qm9vYmFy");
        screens::create_secret(&app, name, value, Visibility::Restricted).await?;
        assert_not_in_page(&app, value, "after it was created").await?;

        // Hover and click its Value cell: nothing is revealed, now or a moment later.
        let cell = app.wait_for(&value_cell_css(name), UI_TIMEOUT).await?;
        app.hover(&cell).await?;
        poll::holds_for(Duration::from_secs(1), async || {
            assert_not_in_page(&app, value, "while its cell is hovered").await
        })
        .await?;
        cell.click().await?;
        poll::holds_for(Duration::from_secs(1), async || {
            assert_not_in_page(&app, value, "after its cell was clicked").await
        })
        .await?;

        // Its Copy menu item is disabled.
        screens::open_row_menu(&app, name).await?;
        let copy = app.find_text("Copy").await?;
        ensure!(
            !copy.is_enabled().await?,
            "Copy is enabled for a Restricted secret"
        );
        assert_not_in_page(&app, value, "with its row menu open").await?;
        app.press_escape().await?;
        app.wait_gone(MENU, UI_TIMEOUT).await?;

        // Edit never shows the current value.
        screens::row_action(&app, name, "Edit").await?;
        app.wait_for(DIALOG, UI_TIMEOUT).await?;
        assert_not_in_page(&app, value, "in its Edit dialog").await?;
        app.click_text("Cancel").await?;
        app.wait_gone(DIALOG, UI_TIMEOUT).await?;

        // Nothing was copied, and the CLI refuses to print it too.
        ensure!(
            clipboard().await != value,
            "the Restricted value is on the clipboard"
        );
        let get = Cli::new(&dir.home())?.output(&["secret", "get", name], "")?;
        ensure!(
            !get.status.success() && !String::from_utf8_lossy(&get.stdout).contains(value),
            "`agent-secrets secret get` printed a Restricted value"
        );
        assert_not_in_page(&app, value, "at the end").await?;
        app.close().await
    })
    .await
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn editing_a_value_shows_the_new_one() -> TestResult {
    with_test_dir("edit", async |dir| {
        let app = screens::launch_new_vault(dir).await?;

        let (name, old, new) = (
            "DATABASE_URL",
            "postgres://old-e2e@localhost/app",
            "postgres://new-e2e@localhost/app",
        );
        screens::create_secret(&app, name, old, Visibility::Masked).await?;
        screens::reveal(&app, name, old).await?;
        screens::wait_masked(&app, name, old).await?;

        screens::edit_value(&app, name, new).await?;
        screens::reveal(&app, name, new).await?;
        screens::wait_masked(&app, name, new).await?;
        ensure!(
            Cli::new(&dir.home())?
                .run(&["secret", "get", name], "")?
                .trim_end()
                == new,
            "the CLI does not see the new value"
        );
        app.close().await
    })
    .await
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn deleting_a_secret_names_it_and_removes_its_row() -> TestResult {
    with_test_dir("delete", async |dir| {
        let app = screens::launch_new_vault(dir).await?;

        screens::create_secret(
            &app,
            "SLACK_BOT_TOKEN",
            "xoxb-e2e-delete-me",
            Visibility::Masked,
        )
        .await?;
        screens::create_secret(&app, "GITHUB_TOKEN", "ghp-e2e-keep-me", Visibility::Masked).await?;

        let confirmation = screens::delete_secret(&app, "SLACK_BOT_TOKEN").await?;
        ensure!(
            confirmation.contains("SLACK_BOT_TOKEN"),
            "the delete confirmation does not name the secret: {confirmation:?}"
        );
        ensure!(
            !app.exists(&row_css("SLACK_BOT_TOKEN")).await?,
            "the deleted row is still there"
        );
        let names = screens::secret_names(&app).await?;
        ensure!(
            names == ["GITHUB_TOKEN"],
            "after the delete the table lists {names:?}"
        );
        app.close().await
    })
    .await
}
