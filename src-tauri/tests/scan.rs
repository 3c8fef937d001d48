//! The "Scan for leaks" command bodies against a real vault file (key in memory) and a real
//! folder: no folder chosen, a scan polled to its end (waiting on a condition with a
//! deadline), the finding by name with no value anywhere in what the UI receives, and the
//! folder "Open folder" would open.

mod common;

use agent_secrets_core::ErrorCode;
use agent_secrets_core::Visibility;
use agent_secrets_desktop_lib::{api, commands};
use common::{new_secret, TestApp};

const VALUE: &str = "sk-desktop-scan-Tq4Lm9Zx";

#[test]
fn a_scan_runs_off_the_command_and_reports_names_only() {
    let app = TestApp::new();
    let project = app.project();
    commands::secret_create(
        &mut app.vault(),
        project,
        new_secret("STRIPE_KEY", VALUE, Visibility::Restricted),
    )
    .unwrap();
    let shell = app.shell();

    let refused = commands::scan_start(&shell, project, false, false).unwrap_err();
    assert_eq!(refused.code, ErrorCode::Invalid);

    app.answer_dialogs(None);
    assert_eq!(commands::scan_choose_folder(&shell).unwrap(), None);

    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("src")).unwrap();
    std::fs::write(
        folder.path().join("src/app.js"),
        format!("const k = '{VALUE}';\n"),
    )
    .unwrap();
    app.answer_dialogs(Some(folder.path()));
    let shown = commands::scan_choose_folder(&shell).unwrap();
    assert_eq!(shown, Some(folder.path().display().to_string()));
    commands::scan_start(&shell, project, false, false).unwrap();

    let status = common::finished_scan(&shell);
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
        api::finding_folder(shell.scans, 0).unwrap(),
        folder.path().join("src")
    );
    assert_eq!(
        api::finding_folder(shell.scans, 1).unwrap_err().code,
        ErrorCode::NotFound
    );
}
