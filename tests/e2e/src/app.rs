//! The app under test: launch through tauri-driver, and the DOM helpers the tests use.

use crate::driver::TauriDriver;
use crate::{paths, poll, session};
use anyhow::{anyhow, bail, Context, Result};
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// From starting tauri-driver to a WebDriver session with the app's window.
pub const LAUNCH_TIMEOUT: Duration = Duration::from_secs(30);
/// The usual wait for the UI to show something after an action.
pub const UI_TIMEOUT: Duration = Duration::from_secs(10);
/// Ending the WebDriver session (which closes the app's window).
const CLOSE_TIMEOUT: Duration = Duration::from_secs(10);

static LAUNCHES: AtomicUsize = AtomicUsize::new(0);

/// The running desktop app, driven through WebDriver. Dropping it kills the driver's whole
/// process group (driver, WebKitWebDriver, app); [`App::close`] ends the session first.
pub struct App {
    client: Client,
    driver: TauriDriver,
    home: PathBuf,
}

impl App {
    /// Starts the built app with `AGENT_SECRETS_HOME=home`. The driver's and app's output go to
    /// `app-N.log` next to `home`.
    pub async fn launch(home: &Path) -> Result<App> {
        session::require_private_session()?;
        let application = paths::app_binary()?;
        let launch = LAUNCHES.fetch_add(1, Ordering::Relaxed);
        let log = home
            .parent()
            .unwrap_or(home)
            .join(format!("app-{launch}.log"));
        let mut driver = TauriDriver::start(home, &log)?;

        let mut capabilities = Capabilities::new();
        capabilities.insert("browserName".into(), json!("wry"));
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": application }),
        );

        // tauri-driver needs a moment to bind its port: connect with retries until a deadline.
        let deadline = Instant::now() + LAUNCH_TIMEOUT;
        let client = loop {
            let attempt = ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&driver.url())
                .await;
            match attempt {
                Ok(client) => break client,
                Err(error) => {
                    if let Some(status) = driver.exit_status() {
                        bail!(
                            "tauri-driver exited ({status}) before a session started: {error}\n{}",
                            driver.log_tail()
                        );
                    }
                    if Instant::now() >= deadline {
                        bail!(
                            "no WebDriver session with the app within {LAUNCH_TIMEOUT:?}: {error}\n{}",
                            driver.log_tail()
                        );
                    }
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        };
        Ok(App {
            client,
            driver,
            home: home.to_owned(),
        })
    }

    /// Ends the WebDriver session (closing the window), then the driver's process group, and
    /// waits until all of it is gone.
    pub async fn close(mut self) -> Result<()> {
        let ended = tokio::time::timeout(CLOSE_TIMEOUT, self.client.clone().close()).await;
        self.driver.stop();
        match ended {
            Ok(Ok(())) => Ok(()),
            Ok(Err(error)) => Err(anyhow!(error).context("ending the WebDriver session")),
            Err(_) => bail!("ending the WebDriver session took more than {CLOSE_TIMEOUT:?}"),
        }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The app's `AGENT_SECRETS_HOME`.
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// Polls `check` until it returns `Some`; a timeout error says what the window showed.
    pub async fn wait_until<T>(
        &self,
        what: &str,
        timeout: Duration,
        check: impl AsyncFnMut() -> Result<Option<T>>,
    ) -> Result<T> {
        match poll::until(what, timeout, check).await {
            Ok(value) => Ok(value),
            Err(error) => Err(self.explain(error).await),
        }
    }

    /// The first element matching `css`, once there is one.
    pub async fn wait_for(&self, css: &str, timeout: Duration) -> Result<Element> {
        self.wait_until(&format!("`{css}`"), timeout, async || {
            Ok(self
                .client
                .find_all(Locator::Css(css))
                .await?
                .into_iter()
                .next())
        })
        .await
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str, timeout: Duration) -> Result<()> {
        self.wait_until(&format!("`{css}` to go away"), timeout, async || {
            Ok(self
                .client
                .find_all(Locator::Css(css))
                .await?
                .is_empty()
                .then_some(()))
        })
        .await
    }

    /// Whether something matches `css` right now.
    pub async fn exists(&self, css: &str) -> Result<bool> {
        Ok(!self.client.find_all(Locator::Css(css)).await?.is_empty())
    }

    /// Clicks the visible, enabled button, link, label or menu item whose text is exactly `text`
    /// (inside the open dialog when there is one), retrying until [`UI_TIMEOUT`].
    pub async fn click_text(&self, text: &str) -> Result<()> {
        self.wait_until(
            &format!("a clickable {text:?}"),
            UI_TIMEOUT,
            async || match self.find_clickable(text, true).await? {
                Some(element) => {
                    element.click().await?;
                    Ok(Some(()))
                }
                None => Ok(None),
            },
        )
        .await
    }

    /// The visible button, link, label or menu item whose text is exactly `text`, enabled or not.
    pub async fn find_text(&self, text: &str) -> Result<Element> {
        self.wait_until(&format!("an element {text:?}"), UI_TIMEOUT, async || {
            self.find_clickable(text, false).await
        })
        .await
    }

    async fn find_clickable(&self, text: &str, enabled_only: bool) -> Result<Option<Element>> {
        let xpath = format!(
            ".//*[self::button or self::a or self::label or @role='button' or @role='menuitem' \
             or @role='tab' or @role='option'][normalize-space(.)={}]",
            xpath_literal(text)
        );
        for element in self.scope().await?.find_all(Locator::XPath(&xpath)).await? {
            if element.is_displayed().await? && (!enabled_only || element.is_enabled().await?) {
                return Ok(Some(element));
            }
        }
        Ok(None)
    }

    /// Where to look: the open (last) dialog if there is one, else the whole document.
    async fn scope(&self) -> Result<Element> {
        match self
            .client
            .find_all(Locator::Css("[role=dialog]"))
            .await?
            .pop()
        {
            Some(dialog) => Ok(dialog),
            None => Ok(self.client.find(Locator::Css("html")).await?),
        }
    }

    /// Types `text` into the input or textarea labelled `label` (inside the open dialog when
    /// there is one), replacing what it held, and checks the field now holds `text`.
    pub async fn fill(&self, label: &str, text: &str) -> Result<()> {
        let field = self
            .wait_until(
                &format!("a field labelled {label:?}"),
                UI_TIMEOUT,
                async || self.field_by_label(label).await,
            )
            .await?;
        field.clear().await.context("clearing the field")?;
        field
            .send_keys(text)
            .await
            .context("typing into the field")?;
        self.wait_until(
            &format!("the field {label:?} to hold the typed text"),
            UI_TIMEOUT,
            async || Ok((field.prop("value").await?.as_deref() == Some(text)).then_some(())),
        )
        .await
    }

    async fn field_by_label(&self, label: &str) -> Result<Option<Element>> {
        let scope = self.scope().await?;
        let literal = xpath_literal(label);
        let labels = scope
            .find_all(Locator::XPath(&format!(
                ".//label[normalize-space(.)={literal}]"
            )))
            .await?;
        for label in labels {
            if let Some(id) = label.attr("for").await? {
                let by_id = format!("//*[@id={}]", xpath_literal(&id));
                if let Some(field) = self.client.find_all(Locator::XPath(&by_id)).await?.pop() {
                    return Ok(Some(field));
                }
            }
            let nested = label
                .find_all(Locator::Css("input, textarea, select"))
                .await?;
            if let Some(field) = nested.into_iter().next() {
                return Ok(Some(field));
            }
        }
        let by_aria =
            format!(".//*[self::input or self::textarea or self::select][@aria-label={literal}]");
        Ok(scope
            .find_all(Locator::XPath(&by_aria))
            .await?
            .into_iter()
            .next())
    }

    /// Moves the mouse pointer onto the centre of `element` (mouseenter/hover).
    ///
    /// WebKitWebDriver answers "element not interactable" to a pointer move relative to some
    /// elements (table rows), so this moves to the element's centre in viewport coordinates.
    pub async fn hover(&self, element: &Element) -> Result<()> {
        let script = "const el = arguments[0]; el.scrollIntoView({ block: 'nearest' });\
                      const r = el.getBoundingClientRect();\
                      return [r.left + r.width / 2, r.top + r.height / 2];";
        let arg = serde_json::to_value(element).context("passing an element to a script")?;
        let centre = self
            .client
            .execute(script, vec![arg])
            .await
            .context("finding the element's centre")?;
        let coordinate = |index: usize| centre.get(index).and_then(serde_json::Value::as_f64);
        let (Some(x), Some(y)) = (coordinate(0), coordinate(1)) else {
            bail!("unexpected element centre: {centre}");
        };
        self.move_mouse_to(x, y).await
    }

    /// Moves the mouse pointer to (`x`, `y`) in the window's viewport.
    pub async fn move_mouse_to(&self, x: f64, y: f64) -> Result<()> {
        let actions = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: None,
            x,
            y,
        });
        self.client
            .perform_actions(actions)
            .await
            .context("moving the mouse")?;
        Ok(())
    }

    /// Moves the mouse pointer to the window's top-left corner, away from every table cell.
    pub async fn move_mouse_away(&self) -> Result<()> {
        self.move_mouse_to(1.0, 1.0).await
    }

    /// Presses Escape in the focused element (closes a dialog or menu).
    pub async fn press_escape(&self) -> Result<()> {
        let focused = self.client.active_element().await?;
        focused
            .send_keys(&fantoccini::key::Key::Escape.to_string())
            .await?;
        Ok(())
    }

    /// The whole page's HTML as the web view has it now.
    pub async fn page_source(&self) -> Result<String> {
        Ok(self.client.source().await?)
    }

    /// The page's visible text.
    pub async fn body_text(&self) -> Result<String> {
        let text = self
            .client
            .execute("return document.body.innerText", vec![])
            .await?;
        Ok(text.as_str().unwrap_or_default().to_owned())
    }

    /// Waits for two animation frames, so that the last DOM change has been painted.
    pub async fn wait_for_paint(&self) -> Result<()> {
        let script = "const done = arguments[arguments.length - 1];\
                      requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.client
            .execute_async(script, vec![])
            .await
            .context("waiting for two animation frames")?;
        Ok(())
    }

    /// Saves a PNG of the window's content (after the last change is painted).
    pub async fn screenshot(&self, path: &Path) -> Result<()> {
        self.wait_for_paint().await?;
        let png = self
            .client
            .screenshot()
            .await
            .context("taking a screenshot")?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, png).with_context(|| format!("writing {}", path.display()))
    }

    /// Adds what the window shows and the end of the app's log to an error.
    async fn explain(&self, error: anyhow::Error) -> anyhow::Error {
        let shown = match self.body_text().await {
            Ok(text) => {
                let text: String = text.chars().take(800).collect();
                format!("the window shows:\n{text}")
            }
            Err(read_error) => format!("(could not read the window: {read_error})"),
        };
        anyhow!("{error:#}\n{shown}\n{}", self.driver.log_tail())
    }
}

/// `text` as an XPath string literal.
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|part| format!("'{part}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

#[cfg(test)]
mod tests {
    use super::xpath_literal;

    #[test]
    fn xpath_literals_quote_any_text() {
        assert_eq!(xpath_literal("Save"), "'Save'");
        assert_eq!(xpath_literal("it's"), "\"it's\"");
        assert_eq!(xpath_literal("a'b\"c"), "concat('a', \"'\", 'b\"c')");
    }
}
