//! "Scan for leaks" in the real window: a folder with a value planted (plain in a source file,
//! base64 in a config), picked through the folder dialog (answered by
//! `AGENT_SECRETS_E2E_DIALOG_PATH` in debug builds); the findings show the secret's name, file
//! and form, and the value is nowhere in the page.

use agent_secrets_e2e::app::UI_TIMEOUT;
use agent_secrets_e2e::screens::{self, assert_not_in_page, DIALOG};
use agent_secrets_e2e::{with_test_dir, TestResult, Visibility};
use anyhow::{ensure, Result};
use fantoccini::Locator;
use serde_json::json;
use std::time::Duration;

const FINDING: &str = "[data-testid=scan-finding]";
/// A scan of a small folder takes well under a second; the window polls every 200 ms.
const SCAN_TIMEOUT: Duration = Duration::from_secs(30);

const VALUE: &str = "sk-e2e-leaked-Qm7Zp3Xw9Lk2";
const OTHER_VALUE: &str = "sk-e2e-not-leaked-Hv4Tr8";

/// The text of each finding row, cell by cell (`textContent`: WebKitWebDriver's element text
/// leaves out cells cut with an ellipsis).
async fn finding_rows(app: &agent_secrets_e2e::App) -> Result<Vec<String>> {
    let rows = app
        .client()
        .execute(
            "return Array.from(document.querySelectorAll(arguments[0])).map(row => \
             Array.from(row.cells).map(cell => cell.textContent).join(' | '));",
            vec![json!(FINDING)],
        )
        .await?;
    Ok(serde_json::from_value(rows)?)
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn scan_a_folder_and_see_the_leak_by_name_only() -> TestResult {
    with_test_dir("scan-leaks", async |dir| {
        let folder = dir.path().join("project");
        std::fs::create_dir_all(folder.join("src"))?;
        std::fs::write(
            folder.join("src/client.py"),
            format!("import os\nKEY = \"{VALUE}\"\n"),
        )?;
        let encoded = base64_std(format!("key: {VALUE}").as_bytes());
        std::fs::write(folder.join("settings.yaml"), format!("blob: {encoded}\n"))?;
        std::fs::write(folder.join("README.md"), "nothing here\n")?;
        // Read by the app's debug build in place of the native folder dialog.
        std::env::set_var("AGENT_SECRETS_E2E_DIALOG_PATH", &folder);
        let app = screens::launch_new_vault(dir).await?;
        screens::create_secret(&app, "STRIPE_KEY", VALUE, Visibility::Restricted).await?;
        screens::create_secret(&app, "OTHER_KEY", OTHER_VALUE, Visibility::Masked).await?;

        app.click_text("Scan for leaks").await?;
        app.wait_for(DIALOG, UI_TIMEOUT).await?;
        app.click_text("Choose folder…").await?;
        app.wait_until("the chosen folder", UI_TIMEOUT, async || {
            // The full path is in the tooltip (the text may be cut with an ellipsis).
            let shown = app
                .client()
                .find(Locator::Css("[data-testid=scan-folder]"))
                .await?
                .attr("title")
                .await?
                .unwrap_or_default();
            Ok(shown.ends_with("/project").then_some(()))
        })
        .await?;
        app.click_text("Scan").await?;

        let rows = app
            .wait_until("two findings", SCAN_TIMEOUT, async || {
                let rows = finding_rows(&app).await?;
                Ok((rows.len() == 2).then_some(rows))
            })
            .await?;
        let joined = rows.join("\n");
        ensure!(
            rows.iter().all(|row| row.contains("STRIPE_KEY")),
            "{joined}"
        );
        ensure!(
            rows.iter().any(|row| row.contains("client.py")
                && row.contains("2:8")
                && row.contains("plain")),
            "{joined}"
        );
        ensure!(
            rows.iter()
                .any(|row| row.contains("settings.yaml") && row.contains("base64")),
            "{joined}"
        );
        ensure!(!joined.contains("OTHER_KEY"), "{joined}");
        let summary = app
            .wait_for("[data-testid=scan-summary]", UI_TIMEOUT)
            .await?
            .text()
            .await?;
        ensure!(summary.contains("2 places hold"), "{summary}");
        for value in [VALUE, OTHER_VALUE, encoded.as_str()] {
            assert_not_in_page(&app, value, "after the scan").await?;
        }
        app.close().await
    })
    .await
}

/// Standard base64 with padding (no dependency for one line of test data).
fn base64_std(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
