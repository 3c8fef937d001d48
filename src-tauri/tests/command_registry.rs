//! The one command table (src/commands.rs) against every place that must agree with it: the
//! `generate_handler!` list and the wrappers come from the same macro; the capability file,
//! build.rs (which reads it) and the TypeScript wrappers are generated from the table (their
//! freshness is tests/bindings.rs); what stays by hand is checked here — the UI's fake back end
//! handles every command, and the UI invokes nothing else.

use agent_secrets_desktop_lib::bindings::permission;
use agent_secrets_desktop_lib::commands::commands;
use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every `"..."` string literal in `text`.
fn quoted(text: &str) -> Vec<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn table() -> Vec<String> {
    commands().into_iter().map(|c| c.name.to_owned()).collect()
}

/// Read-only, and the only `core:` permission the web view has.
const ABOUT_VERSION_PERMISSION: &str = "core:app:allow-version";

fn set(items: &[String]) -> BTreeSet<String> {
    items.iter().cloned().collect()
}

#[test]
fn the_table_names_each_command_once() {
    let names = table();
    assert!(names.len() > 20, "{names:?}");
    assert_eq!(names.len(), set(&names).len(), "a command is listed twice");
    for name in &names {
        assert!(
            name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{name}: build.rs reads names back from permissions, so only a-z and _"
        );
    }
}

#[test]
fn the_main_window_is_granted_exactly_the_app_commands() {
    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).expect("valid JSON");
    assert_eq!(capability["identifier"], "main");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert!(capability.get("webviews").is_none() && capability.get("remote").is_none());
    let granted: Vec<String> = capability["permissions"]
        .as_array()
        .expect("a permissions array")
        .iter()
        .map(|p| {
            p.as_str()
                .expect("plain permission identifiers only")
                .to_owned()
        })
        .collect();
    let mut expected: Vec<String> = table().iter().map(|c| permission(c)).collect();
    // The one built-in: the app's version for the About dialog (`getVersion`).
    expected.push(ABOUT_VERSION_PERMISSION.to_owned());
    assert_eq!(
        granted.len(),
        set(&granted).len(),
        "a permission is granted twice"
    );
    // Exactly the app's own commands and the version: no `core:` defaults, no plugin (fs, shell,
    // http, clipboard).
    assert_eq!(set(&granted), set(&expected));

    let config: serde_json::Value =
        serde_json::from_str(&read("tauri.conf.json")).expect("valid JSON");
    assert_eq!(
        config["app"]["security"]["capabilities"],
        serde_json::json!(["main"])
    );
    assert_eq!(config["app"]["withGlobalTauri"], false);
    assert!(config
        .get("plugins")
        .is_none_or(|p| p.as_object().is_some_and(|o| o.is_empty())));
}

#[test]
fn build_rs_declares_the_commands_the_capability_grants() {
    let build = read("build.rs");
    assert!(build.contains("capabilities/main.json"));
    assert!(build.contains("strip_prefix(\"allow-\")"));
}

#[test]
fn the_csp_is_strict() {
    let config: serde_json::Value =
        serde_json::from_str(&read("tauri.conf.json")).expect("valid JSON");
    let security = &config["app"]["security"];
    let csp = security["csp"].as_str().expect("a CSP string");
    assert!(csp.starts_with("default-src 'self'"));
    for forbidden in ["unsafe-eval", "unsafe-inline", "http://*", "https:", "*"] {
        assert!(!csp.contains(forbidden), "CSP must not allow {forbidden}");
    }
    assert_eq!(security["freezePrototype"], true);
    assert!(config["build"].get("devUrl").is_none());
    assert!(config["build"].get("beforeDevCommand").is_none());
    assert!(config["build"].get("beforeBuildCommand").is_none());
}

#[test]
fn every_command_the_ui_invokes_is_registered() {
    let registered = set(&table());
    let mut invoked = Vec::new();
    for file in ["commands.ts", "projectCommands.ts"] {
        let ui = read(&format!("../ui/src/ipc/{file}"));
        invoked.extend(ui.split("invoke<").skip(1).map(|call| {
            let call = &call[call.find('(').expect("a call") + 1..];
            quoted(&call[..call.find(')').expect("a call")])
                .into_iter()
                .next()
                .expect("a command name")
        }));
    }
    assert_eq!(set(&invoked), registered, "the UI's wrappers vs the table");
}

#[test]
fn the_fake_back_end_handles_every_command() {
    let fake = read("../ui/src/test/fakeBackend.ts");
    let handlers = &fake[fake.find("const handlers").expect("a handlers table")..];
    let missing: Vec<String> = table()
        .into_iter()
        .filter(|name| !handlers.contains(&format!("\n    {name}: ")))
        .collect();
    assert!(
        missing.is_empty(),
        "ui/src/test/fakeBackend.ts has no handler for {missing:?}"
    );
}
