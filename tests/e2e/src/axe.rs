//! Accessibility checks in the real window with axe-core (the UI's npm devDependency
//! `axe-core`): its script is injected through WebDriver's execute-script (the page's CSP does
//! not apply to it) and run on the whole document as the window shows it now.
//!
//! A check fails on any serious or critical violation, and also when axe reports no passing
//! rule at all, so that a failed injection or an empty page can never look clean. Failures
//! name the rule, its help text and the elements' CSS selectors — never their HTML, which
//! could hold a value typed into a field.

use crate::app::App;
use crate::paths::workspace_root;
use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Impacts that fail a check; `minor` and `moderate` ones are reported on stderr only.
const FAILING_IMPACTS: [&str; 2] = ["serious", "critical"];

/// axe-core's browser bundle, as npm installed it for the UI.
pub fn axe_script_path() -> PathBuf {
    workspace_root().join("ui/node_modules/axe-core/axe.min.js")
}

fn axe_source() -> Result<&'static str> {
    static SOURCE: OnceLock<String> = OnceLock::new();
    if let Some(source) = SOURCE.get() {
        return Ok(source);
    }
    let path = axe_script_path();
    let source = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "reading {} (axe-core, a devDependency of ui/: run scripts/install-deps.sh)",
            path.display()
        )
    })?;
    Ok(SOURCE.get_or_init(|| source))
}

/// Runs axe-core on the window as it is now. `what` names the screen in the failure.
pub async fn assert_accessible(app: &App, what: &str) -> Result<()> {
    app.wait_for_paint().await?;
    inject(app).await?;
    let script = "const done = arguments[arguments.length - 1];\
        window.axe.run(document, { resultTypes: ['violations'] }).then(\
          (r) => done({\
            passes: r.passes.length,\
            violations: r.violations.map((v) => ({\
              id: v.id, impact: v.impact, help: v.help,\
              targets: v.nodes.map((n) => n.target.join(' ')),\
              summaries: v.nodes.map((n) => n.failureSummary || ''),\
            })),\
          }),\
          (e) => done({ error: String(e) }));";
    let result = app
        .client()
        .execute_async(script, vec![])
        .await
        .with_context(|| format!("running axe-core on {what}"))?;
    judge(&result, what)
}

async fn inject(app: &App) -> Result<()> {
    let present = app
        .client()
        .execute("return typeof window.axe === 'object';", vec![])
        .await?;
    if present == Value::Bool(true) {
        return Ok(());
    }
    let script = format!("{}\n;return typeof window.axe === 'object';", axe_source()?);
    let loaded = app
        .client()
        .execute(&script, vec![])
        .await
        .context("injecting axe-core into the window")?;
    if loaded != Value::Bool(true) {
        bail!("axe-core did not load in the window (window.axe is missing)");
    }
    Ok(())
}

/// Fails on serious or critical violations, or on a result without passes.
fn judge(result: &Value, what: &str) -> Result<()> {
    if let Some(error) = result.get("error").and_then(Value::as_str) {
        bail!("axe-core failed on {what}: {error}");
    }
    let passes = result.get("passes").and_then(Value::as_u64).unwrap_or(0);
    if passes == 0 {
        bail!("axe-core reported no passing rule on {what}: it did not really run ({result})");
    }
    let violations = result
        .get("violations")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut failing = Vec::new();
    for violation in &violations {
        let text = |key: &str| violation.get(key).and_then(Value::as_str).unwrap_or("?");
        let impact = text("impact");
        let strings = |key: &str| -> Vec<String> {
            violation
                .get(key)
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(Value::as_str)
                        .map(|item| item.replace('\n', " "))
                        .collect()
                })
                .unwrap_or_default()
        };
        let line = format!(
            "[{impact}] {}: {}\n    on: {}\n    {}",
            text("id"),
            text("help"),
            strings("targets").join(" | "),
            strings("summaries").join(" | ")
        );
        if FAILING_IMPACTS.contains(&impact) {
            failing.push(line);
        } else {
            eprintln!("e2e: axe-core on {what} (not failing): {line}");
        }
    }
    if !failing.is_empty() {
        bail!(
            "axe-core found {} serious or critical accessibility violation(s) on {what}:\n{}",
            failing.len(),
            failing.join("\n")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::judge;
    use serde_json::json;

    #[test]
    fn a_result_without_passes_fails() {
        assert!(judge(&json!({ "passes": 0, "violations": [] }), "page").is_err());
        assert!(judge(&json!({}), "page").is_err());
        assert!(judge(&json!({ "error": "boom" }), "page").is_err());
    }

    #[test]
    fn only_serious_and_critical_violations_fail() {
        let violation = |impact: &str| json!({ "id": "rule", "impact": impact, "help": "Help", "targets": ["#a"], "summaries": ["Fix"] });
        assert!(judge(&json!({ "passes": 3, "violations": [] }), "page").is_ok());
        assert!(judge(
            &json!({ "passes": 3, "violations": [violation("minor"), violation("moderate")] }),
            "page"
        )
        .is_ok());
        let error = judge(
            &json!({ "passes": 3, "violations": [violation("serious")] }),
            "page",
        )
        .expect_err("a serious violation fails");
        assert!(format!("{error}").contains("[serious] rule: Help"));
        assert!(judge(
            &json!({ "passes": 3, "violations": [violation("critical")] }),
            "page"
        )
        .is_err());
    }
}
