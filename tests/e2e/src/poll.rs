//! Waiting for a condition with a deadline: the only way the tests wait (no fixed sleeps).

use anyhow::{anyhow, Result};
use std::time::{Duration, Instant};

/// How often a condition is checked again.
pub const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// Checks `check` until it returns `Some(value)`, for at most `timeout`.
///
/// An `Err` from `check` counts as "not yet" (an element can go stale while React re-renders);
/// when the deadline passes, the last error (if any) is part of the timeout error.
pub async fn until<T>(
    what: &str,
    timeout: Duration,
    mut check: impl AsyncFnMut() -> Result<Option<T>>,
) -> Result<T> {
    let deadline = Instant::now() + timeout;
    loop {
        let last_error = match check().await {
            Ok(Some(value)) => return Ok(value),
            Ok(None) => None,
            Err(error) => Some(error),
        };
        if Instant::now() >= deadline {
            return Err(match last_error {
                Some(error) => {
                    anyhow!("timed out after {timeout:?} waiting for {what}; last error: {error:#}")
                }
                None => anyhow!("timed out after {timeout:?} waiting for {what}"),
            });
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

/// Checks for `window` that `check` keeps returning `Ok(())`: for "this must never happen"
/// properties that the UI could break a moment after an action.
pub async fn holds_for(window: Duration, mut check: impl AsyncFnMut() -> Result<()>) -> Result<()> {
    let end = Instant::now() + window;
    loop {
        check().await?;
        if Instant::now() >= end {
            return Ok(());
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}
