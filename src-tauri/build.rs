//! Declares every app command, so that each one needs an explicit permission (`allow-<command>`).
//! The list is read from capabilities/main.json, which bindings.rs writes from the one command
//! table (src/commands.rs) and which grants exactly those permissions to the main window;
//! tests/bindings.rs fails when that file is stale.

const CAPABILITY: &str = "capabilities/main.json";

/// `"allow-step-send"` → `step_send`, for every permission the capability grants.
fn commands(capability: &str) -> Vec<String> {
    capability
        .split('"')
        .filter_map(|text| text.strip_prefix("allow-"))
        .map(|permission| permission.replace('-', "_"))
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed={CAPABILITY}");
    let capability = std::fs::read_to_string(CAPABILITY)
        .unwrap_or_else(|error| panic!("cannot read {CAPABILITY}: {error}"));
    // tauri-build keeps the list for the whole build script: leaking it is what `'static` asks.
    let commands: Vec<&'static str> = commands(&capability)
        .into_iter()
        .map(|name| &*Box::leak(name.into_boxed_str()))
        .collect();
    let commands: &'static [&'static str] = Box::leak(commands.into_boxed_slice());
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri-build failed (see the message above)");
}
