//! The app's commands are listed in four places that must agree: build.rs (each command needs a
//! permission), capabilities/main.json (the main window is granted exactly those), the
//! `generate_handler!` in src/lib.rs, and the functions in src/commands.rs. The UI's calls in
//! ui/src/ipc/commands.ts must all be among them.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} after {start:?}"));
    &text[from..from + to]
}

/// Every `"..."` string literal in `text`.
fn quoted(text: &str) -> Vec<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn build_rs_commands() -> Vec<String> {
    quoted(between(
        &read("build.rs"),
        "const COMMANDS: &[&str] = &[",
        "];",
    ))
}

fn handler_commands() -> Vec<String> {
    between(&read("src/lib.rs"), "generate_handler![", "]")
        .split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| entry.trim_start_matches("commands::").to_owned())
        .collect()
}

fn command_functions() -> Vec<String> {
    let source = read("src/commands.rs");
    let lines: Vec<&str> = source.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|pair| pair[0] == "#[tauri::command]")
        .map(|pair| between(pair[1], "fn ", "(").trim().to_owned())
        .collect()
}

/// Read-only, and the only `core:` permission the web view has.
const ABOUT_VERSION_PERMISSION: &str = "core:app:allow-version";

fn set(items: &[String]) -> BTreeSet<String> {
    items.iter().cloned().collect()
}

#[test]
fn build_rs_handler_and_functions_list_the_same_commands() {
    let declared = build_rs_commands();
    assert!(!declared.is_empty());
    assert_eq!(
        declared.len(),
        set(&declared).len(),
        "a command is declared twice"
    );
    assert_eq!(
        set(&declared),
        set(&handler_commands()),
        "build.rs vs generate_handler!"
    );
    assert_eq!(
        set(&declared),
        set(&command_functions()),
        "build.rs vs src/commands.rs"
    );
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
    let mut expected: Vec<String> = build_rs_commands()
        .iter()
        .map(|command| format!("allow-{}", command.replace('_', "-")))
        .collect();
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
    let ui = read("../ui/src/ipc/commands.ts");
    let invoked: Vec<String> = ui
        .split("invoke<")
        .skip(1)
        .map(|call| {
            quoted(between(call, "(", ")"))
                .into_iter()
                .next()
                .expect("a command name")
        })
        .collect();
    assert!(!invoked.is_empty());
    let registered = set(&build_rs_commands());
    for command in invoked {
        assert!(
            registered.contains(&command),
            "the UI invokes {command}, which is not registered"
        );
    }
}
