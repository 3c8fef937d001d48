//! Agent Settings → Steps in the real window: typing `{` in a header value opens the picker, a
//! secret chosen from its Secrets tab goes in as `{NAME}`, Create Secret from the picker makes a
//! secret and inserts it, the step previews in Production (secrets as dots, an unknown name
//! listed), and Send reaches a local server (127.0.0.1, started here) with the Restricted value
//! while the window only ever shows it redacted.
//!
//! `E2E_SCREENSHOT_DIR=DIR` also saves screenshots of the picker, the preview and the response.

use agent_secrets_e2e::app::UI_TIMEOUT;
use agent_secrets_e2e::screens::{self, assert_not_in_page, DIALOG};
use agent_secrets_e2e::{with_test_dir, App, Cli, TestResult, Visibility};
use anyhow::{bail, ensure, Context, Result};
use fantoccini::elements::Element;
use fantoccini::Locator;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

const PICKER: &str = "[data-testid=reference-picker]";
const EDITOR: &str = "[data-testid=app-ready] [data-testid=step-editor]";
const RESTRICTED_VALUE: &str = "sk_live_e2e_step_RESTRICTED_Zq81";

async fn screenshot(app: &App, name: &str) -> Result<()> {
    if let Some(dir) = std::env::var_os("E2E_SCREENSHOT_DIR") {
        app.wait_for_paint().await?;
        app.screenshot(&PathBuf::from(dir).join(name)).await?;
    }
    Ok(())
}

/// The input or textarea whose accessible label (aria-label or <label for>) is `label`.
async fn field(app: &App, label: &str) -> Result<Element> {
    let xpath = format!(
        "//*[self::input or self::textarea][@aria-label='{label}' or @id=//label[normalize-space(.)='{label}']/@for]"
    );
    app.wait_until(
        &format!("a field labelled {label:?}"),
        UI_TIMEOUT,
        async || Ok(app.client().find_all(Locator::XPath(&xpath)).await?.pop()),
    )
    .await
}

async fn value_of(field: &Element) -> Result<String> {
    Ok(field.prop("value").await?.unwrap_or_default())
}

/// Waits until `field` holds exactly `expected`.
async fn wait_value(app: &App, field: &Element, expected: &str) -> Result<()> {
    app.wait_until(
        &format!("the field to hold {expected:?}"),
        UI_TIMEOUT,
        async || Ok((value_of(field).await? == expected).then_some(())),
    )
    .await
}

/// Clicks the picker's tab `name` (`Variables` or `Secrets`).
async fn picker_tab(app: &App, name: &str) -> Result<()> {
    let picker = app.wait_for(PICKER, UI_TIMEOUT).await?;
    picker
        .find(Locator::XPath(&format!(
            ".//*[@role='tab'][normalize-space(.)='{name}']"
        )))
        .await
        .with_context(|| format!("the picker has no {name} tab"))?
        .click()
        .await?;
    app.wait_for(
        &format!("{PICKER} [role=listbox][aria-label=\"{name}\"]"),
        UI_TIMEOUT,
    )
    .await?;
    Ok(())
}

/// Clicks the picker's option for `name`.
async fn picker_option(app: &App, name: &str) -> Result<()> {
    app.wait_for(
        &format!("{PICKER} [role=option][data-name=\"{name}\"]"),
        UI_TIMEOUT,
    )
    .await?
    .click()
    .await?;
    app.wait_gone(PICKER, UI_TIMEOUT).await
}

/// Chooses `name` in the top bar's environment selector.
async fn select_environment(app: &App, name: &str) -> Result<()> {
    let select = app
        .wait_for("[data-testid=environment-select]", UI_TIMEOUT)
        .await?;
    select.select_by_label(name).await?;
    app.wait_until(
        &format!("{name} to be the selected environment"),
        UI_TIMEOUT,
        async || {
            let arg = serde_json::to_value(&select)?;
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

/// A local HTTP server on 127.0.0.1 that answers each request (at most `limit`) with the request
/// it received, and keeps them for the test.
fn echo_server(limit: usize) -> Result<(u16, Arc<Mutex<Vec<String>>>)> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let log = received.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(limit) {
            let Ok(mut stream) = stream else { return };
            let Ok(clone) = stream.try_clone() else {
                return;
            };
            let mut reader = BufReader::new(clone);
            let mut head = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
                head.push_str(&line);
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let echoed = format!("{head}\n{}", String::from_utf8_lossy(&body));
            if let Ok(mut log) = log.lock() {
                log.push(echoed.clone());
            }
            let answer = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{echoed}",
                echoed.len()
            );
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    Ok((port, received))
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app and a headless session (scripts/test.sh runs it)"]
async fn references_are_picked_previewed_in_production_and_sent_redacted() -> TestResult {
    with_test_dir("steps", async |dir| {
        let app = screens::launch_new_vault(dir).await?;
        let (port, received) = echo_server(8)?;
        screens::create_secret(&app, "API_TOKEN", RESTRICTED_VALUE, Visibility::Restricted)
            .await?;
        // A secret that has no value in Production: an override in Development only.
        Cli::new(&dir.home())?.run(
            &["secret", "set", "DEV_ONLY", "--env", "development"],
            "dev-only-value",
        )?;

        // Sidebar → Steps → New Step (API).
        app.click_text("Steps").await?;
        app.wait_for("[data-testid=app-ready]", UI_TIMEOUT).await?;
        app.click_text("New Step").await?;
        app.wait_for(DIALOG, UI_TIMEOUT).await?;
        app.fill("Name", "Call the echo server").await?;
        app.click_text("API").await?;
        app.click_text("Create Step").await?;
        app.wait_gone(DIALOG, UI_TIMEOUT).await?;
        app.wait_for(EDITOR, UI_TIMEOUT).await?;
        app.fill("URL", &format!("http://127.0.0.1:{port}/echo"))
            .await?;

        // `{` in a header value opens the picker; API_TOKEN from the Secrets tab goes in.
        app.click_text("Add header").await?;
        app.fill("Header 1 name", "Authorization").await?;
        let value = field(&app, "Header 1 value").await?;
        value.send_keys("Bearer {").await?;
        app.wait_for(PICKER, UI_TIMEOUT)
            .await
            .context("typing { did not open the picker")?;
        picker_tab(&app, "Secrets").await?;
        screenshot(&app, "steps-picker.png").await?;
        picker_option(&app, "API_TOKEN").await?;
        wait_value(&app, &value, "Bearer {API_TOKEN}").await?;

        // Escape closes the picker and leaves the `{` as typed.
        app.click_text("Add header").await?;
        app.fill("Header 2 name", "X-Org").await?;
        let org = field(&app, "Header 2 value").await?;
        org.send_keys("{").await?;
        app.wait_for(PICKER, UI_TIMEOUT).await?;
        app.press_escape().await?;
        app.wait_gone(PICKER, UI_TIMEOUT).await?;
        wait_value(&app, &org, "{").await?;

        // Create Secret from the picker: the New Secret modal, then its reference goes in.
        org.send_keys(&fantoccini::key::Key::Backspace.to_string())
            .await?;
        wait_value(&app, &org, "").await?;
        org.send_keys("{").await?;
        app.wait_for(PICKER, UI_TIMEOUT).await?;
        app.wait_for(&format!("{PICKER} [role=option]"), UI_TIMEOUT)
            .await?;
        let create = app
            .client()
            .find(Locator::XPath(
                "//*[@data-testid='reference-picker']//*[@role='option'][normalize-space(.)='Create Secret']",
            ))
            .await
            .context("the picker has no Create Secret")?;
        create.click().await?;
        app.wait_for(DIALOG, UI_TIMEOUT).await?;
        app.fill("Name", "ORG_KEY").await?;
        app.fill("Value", "org-key-value-1234").await?;
        app.click_text("Create Secret").await?;
        app.wait_gone(DIALOG, UI_TIMEOUT).await?;
        wait_value(&app, &org, "{ORG_KEY}").await?;

        // A query parameter with a secret missing in Production, and an unknown name in the body.
        app.click_text("Add query parameter").await?;
        app.fill("Query parameter 1 name", "dev").await?;
        app.fill("Query parameter 1 value", "{DEV_ONLY}").await?;
        app.press_escape().await?;
        app.click_text("Save").await?;
        app.wait_until("the step to be saved", UI_TIMEOUT, async || {
            Ok((!app.body_text().await?.contains("Unsaved changes")).then_some(()))
        })
        .await?;

        // Preview in Production: the Restricted secret as dots, the missing value listed.
        select_environment(&app, "Production").await?;
        app.click_text("Preview").await?;
        let preview = app
            .wait_for("[data-testid=step-preview]", UI_TIMEOUT)
            .await?;
        app.wait_until("the Production preview", UI_TIMEOUT, async || {
            Ok(preview
                .text()
                .await?
                .contains("Preview in Production")
                .then_some(()))
        })
        .await?;
        let token = app
            .wait_for(
                "[data-testid=step-preview] [data-testid=preview-secret][data-name=API_TOKEN]",
                UI_TIMEOUT,
            )
            .await?;
        ensure!(
            token.text().await?.contains("••••••"),
            "the Restricted secret is not shown as dots in the preview"
        );
        let errors = app
            .wait_for("[data-testid=preview-error]", UI_TIMEOUT)
            .await?
            .text()
            .await?;
        ensure!(
            errors.contains("DEV_ONLY") && errors.contains("no value in Production"),
            "the preview does not list the value missing in Production: {errors:?}"
        );
        screenshot(&app, "steps-preview.png").await?;
        assert_not_in_page(&app, RESTRICTED_VALUE, "in the Production preview").await?;

        // Send in Production is refused (DEV_ONLY has no value there) and says why.
        app.click_text("Send").await?;
        let failed = app
            .wait_for("[data-testid=step-failed]", UI_TIMEOUT)
            .await?
            .text()
            .await?;
        ensure!(
            failed.contains("does not resolve in Production"),
            "unexpected refusal: {failed:?}"
        );

        // In Development it resolves: the server gets the Restricted value, the window sees dots.
        select_environment(&app, "Development").await?;
        app.click_text("Send").await?;
        let body = app
            .wait_for("[data-testid=step-response] [data-testid=response-body]", UI_TIMEOUT)
            .await?;
        let shown = body.text().await?;
        let sent = received
            .lock()
            .map_err(|_| anyhow::anyhow!("the echo server's log is poisoned"))?
            .join("\n");
        if !sent.contains(&format!("Bearer {RESTRICTED_VALUE}")) {
            bail!("the server did not receive the resolved Authorization header:\n{sent}");
        }
        ensure!(
            shown.contains("Bearer ••••••") && shown.contains("dev=••••••"),
            "the echoed request is not shown redacted: {shown:?}"
        );
        screenshot(&app, "steps-response.png").await?;
        assert_not_in_page(&app, RESTRICTED_VALUE, "after the response was shown").await?;
        assert_not_in_page(&app, "dev-only-value", "after the response was shown").await?;
        app.close().await
    })
    .await
}
