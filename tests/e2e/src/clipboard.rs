//! The X clipboard of the test session, read back with xclip.

use std::process::Stdio;
use std::time::Duration;
use tokio::process::Command;

/// xclip waits for the clipboard's owner to answer; a hung owner must not hang the test.
const XCLIP_TIMEOUT: Duration = Duration::from_secs(5);

/// The clipboard's text: empty when the clipboard is empty (or xclip fails).
pub async fn clipboard() -> String {
    xclip(&["-o", "-selection", "clipboard"])
        .await
        .unwrap_or_default()
}

/// The formats (targets) the clipboard's owner offers, e.g. `UTF8_STRING` or
/// `x-kde-passwordManagerHint`; empty when the clipboard is empty.
pub async fn clipboard_targets() -> Vec<String> {
    xclip(&["-o", "-selection", "clipboard", "-t", "TARGETS"])
        .await
        .map(|text| text.lines().map(str::to_owned).collect())
        .unwrap_or_default()
}

async fn xclip(args: &[&str]) -> Option<String> {
    let run = Command::new("xclip")
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .output();
    match tokio::time::timeout(XCLIP_TIMEOUT, run).await {
        Ok(Ok(output)) if output.status.success() => {
            Some(String::from_utf8_lossy(&output.stdout).into_owned())
        }
        _ => None,
    }
}
