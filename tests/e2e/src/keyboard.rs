//! Using the window with the keyboard only: WebDriver key actions (never a pointer or an
//! element's send-keys), Tab to a control by its accessible name, and checks that focus is
//! visible and stays inside an open dialog.

use crate::app::{App, UI_TIMEOUT};
use anyhow::{bail, ensure, Context, Result};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde::Deserialize;

/// More Tab presses than any screen has stops: a control not reached by then is unreachable.
const MAX_TAB_STOPS: usize = 60;

/// The focused element, as a keyboard user meets it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Focused {
    /// aria-label, else its label's text, else its own text (trimmed); empty for the body.
    pub name: String,
    pub tag: String,
    /// Whether it matches `:focus-visible`.
    pub focus_visible: bool,
    /// Whether it shows a ring: an outline of at least 2 px, or a box shadow.
    pub ring: bool,
    /// Inside the open dialog; `None` when no dialog is open.
    pub in_dialog: Option<bool>,
}

const FOCUSED_SCRIPT: &str = "const el = document.activeElement;\
    const dialogs = document.querySelectorAll('[role=dialog]');\
    const dialog = dialogs.length ? dialogs[dialogs.length - 1] : null;\
    if (!el || el === document.body) return { name: '', tag: 'BODY', focusVisible: false, ring: false,\
      inDialog: dialog ? false : null };\
    const label = el.labels && el.labels.length ? el.labels[0].textContent : null;\
    const name = (el.getAttribute('aria-label') || label || el.textContent || '').trim();\
    const style = getComputedStyle(el);\
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)\
      || style.boxShadow !== 'none';\
    return { name, tag: el.tagName, focusVisible: el.matches(':focus-visible'), ring,\
      inDialog: dialog ? dialog.contains(el) : null };";

async fn perform(app: &App, actions: KeyActions) -> Result<()> {
    app.client()
        .perform_actions(actions)
        .await
        .context("performing WebDriver key actions")?;
    Ok(())
}

fn keyboard() -> KeyActions {
    KeyActions::new("keyboard".into())
}

/// Presses and releases one key.
pub async fn press(app: &App, key: Key) -> Result<()> {
    let value: char = key.into();
    perform(
        app,
        keyboard()
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value }),
    )
    .await
}

/// Presses `key` while holding `modifier` (e.g. Shift+Tab).
pub async fn press_with(app: &App, modifier: Key, key: Key) -> Result<()> {
    let (modifier, value): (char, char) = (modifier.into(), key.into());
    perform(
        app,
        keyboard()
            .then(KeyAction::Down { value: modifier })
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value })
            .then(KeyAction::Up { value: modifier }),
    )
    .await
}

/// Types `text` into whatever has focus, one key at a time.
pub async fn type_text(app: &App, text: &str) -> Result<()> {
    let mut actions = keyboard();
    for value in text.chars() {
        actions = actions
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    perform(app, actions).await
}

/// What has focus now.
pub async fn focused(app: &App) -> Result<Focused> {
    let value = app.client().execute(FOCUSED_SCRIPT, vec![]).await?;
    serde_json::from_value(value).context("reading the focused element")
}

/// Fails unless the focused element shows a visible focus ring.
pub fn ensure_visible(focus: &Focused) -> Result<()> {
    ensure!(
        focus.focus_visible && focus.ring,
        "focus on {} {:?} is not visible (:focus-visible {}, ring {})",
        focus.tag,
        focus.name,
        focus.focus_visible,
        focus.ring
    );
    Ok(())
}

/// Presses Tab until the focused control's accessible name is `name`, checking at every stop
/// that focus is visible. Returns the control.
pub async fn tab_to(app: &App, name: &str) -> Result<Focused> {
    let mut visited = Vec::new();
    for _ in 0..MAX_TAB_STOPS {
        press(app, Key::Tab).await?;
        let focus = focused(app).await?;
        if focus.tag != "BODY" {
            ensure_visible(&focus)?;
        }
        if focus.name == name {
            return Ok(focus);
        }
        visited.push(format!("{} {:?}", focus.tag, focus.name));
    }
    bail!(
        "{name:?} was not reached with {MAX_TAB_STOPS} Tab presses; focus went to: {}",
        visited.join(", ")
    )
}

/// Presses Tab `presses` times, then Shift+Tab as often, checking that focus never leaves the
/// open dialog and is always visible.
pub async fn assert_focus_trapped(app: &App, presses: usize) -> Result<()> {
    let check = async |direction: &str, step: usize| -> Result<()> {
        let focus = focused(app).await?;
        match focus.in_dialog {
            Some(true) => ensure_visible(&focus),
            Some(false) => bail!(
                "focus left the dialog after {step} {direction} press(es): it is on {} {:?}",
                focus.tag,
                focus.name
            ),
            None => bail!("no dialog is open"),
        }
    };
    for step in 1..=presses {
        press(app, Key::Tab).await?;
        check("Tab", step).await?;
    }
    for step in 1..=presses {
        press_with(app, Key::Shift, Key::Tab).await?;
        check("Shift+Tab", step).await?;
    }
    Ok(())
}

/// Waits until the focused control's accessible name is `name` (focus moved by the app).
pub async fn wait_focus_on(app: &App, name: &str) -> Result<Focused> {
    app.wait_until(&format!("focus on {name:?}"), UI_TIMEOUT, async || {
        let focus = focused(app).await?;
        Ok((focus.name == name).then_some(focus))
    })
    .await
}
