//! The "Scan for leaks" command bodies against a real vault file (key in memory) and a real
//! folder: no folder chosen, a scan polled to its end (waiting on a condition with a
//! deadline), the finding by name with no value anywhere in what the UI receives, and the
//! folder "Open folder" would open.

use agent_secrets_core::{MemoryKeyStore, NewSecret, SecretString, Vault, Visibility};
use agent_secrets_desktop_lib::api::{self, ScanJobs};
use agent_secrets_desktop_lib::error::ErrorCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const VALUE: &str = "sk-desktop-scan-Tq4Lm9Zx";

#[test]
fn a_scan_runs_off_the_command_and_reports_names_only() {
    let home = tempfile::tempdir().unwrap();
    let mut vault = Vault::open(home.path(), Box::new(MemoryKeyStore::default())).unwrap();
    let project = vault.create_project("Bot").unwrap().id;
    vault
        .create_secret(
            project,
            NewSecret {
                name: "STRIPE_KEY".into(),
                value: Some(SecretString::from(VALUE.to_owned())),
                visibility: Visibility::Restricted,
            },
        )
        .unwrap();
    let vault = Mutex::new(vault);
    let jobs = ScanJobs::default();
    let id = project.to_string();

    let refused = api::scan_start(&vault, &jobs, &id, false, false).unwrap_err();
    assert_eq!(refused.code, ErrorCode::Invalid);

    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("src")).unwrap();
    std::fs::write(
        folder.path().join("src/app.js"),
        format!("const k = '{VALUE}';\n"),
    )
    .unwrap();
    let shown = api::scan_set_folder(&jobs, folder.path().to_path_buf()).unwrap();
    assert_eq!(shown, folder.path().display().to_string());
    api::scan_start(&vault, &jobs, &id, false, false).unwrap();

    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        let status = api::scan_status(&jobs).unwrap();
        if !status.running {
            break status;
        }
        assert!(Instant::now() < deadline, "the scan did not end");
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.error, None);
    let report = status.report.clone().unwrap();
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].secret, "STRIPE_KEY");
    assert_eq!(
        (report.findings[0].line, report.findings[0].column),
        (1, 12)
    );
    let json = serde_json::to_string(&status).unwrap();
    assert!(!json.contains(VALUE));
    assert_eq!(
        api::finding_folder(&jobs, 0).unwrap(),
        folder.path().join("src")
    );
    assert_eq!(
        api::finding_folder(&jobs, 1).unwrap_err().code,
        ErrorCode::NotFound
    );
}
