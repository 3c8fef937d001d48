//! Duplicate, export and import of projects (names only), pending values and their re-entry,
//! `.env` import and `.env.example` export — on a real SQLite file.

mod common;

use agent_secrets_core::transfer::project_file::MAX_FILE_BYTES;
use agent_secrets_core::{ExposeSecret, Visibility};
use common::{contains, secret, TestVault};
use data_encoding::{BASE64, BASE64URL_NOPAD, BASE64_NOPAD};
use std::path::PathBuf;

const CANARIES: [&str; 6] = [
    "canary-default-Qx7Lm2Vb",
    "canary-prod-Hz4Kd9Wp",
    "canary-staging-Tn3Jf8Rs",
    "canary-restricted-Bq6Yc1Ne",
    "canary-restricted-prod-Mv5Xa0Gu",
    "canary-only-override-Ld2Pw7Ek",
];

/// Every form in which a value could hide in bytes: plain, base64 (padded, unpadded, URL) and
/// hex (both cases).
fn forms(value: &str) -> Vec<Vec<u8>> {
    let bytes = value.as_bytes();
    vec![
        bytes.to_vec(),
        BASE64.encode(bytes).into_bytes(),
        BASE64_NOPAD.encode(bytes).into_bytes(),
        BASE64URL_NOPAD.encode(bytes).into_bytes(),
        hex::encode(bytes).into_bytes(),
        hex::encode_upper(bytes).into_bytes(),
    ]
}

fn assert_no_canary(haystack: &[u8], what: &str) {
    for canary in CANARIES {
        for form in forms(canary) {
            assert!(
                !contains(haystack, &form),
                "{what} contains the canary {canary} (as {:?})",
                String::from_utf8_lossy(&form)
            );
        }
    }
}

/// A project with a value in every place: Masked and Restricted defaults, overrides in
/// Production and a custom Staging environment, a secret with only an override, one with no
/// value at all, and variables.
fn seeded() -> TestVault {
    let mut t = TestVault::fresh();
    let project = t.project;
    let staging = t.vault.create_environment(project, "Staging").unwrap().id;
    let prod = t.env("Production");
    let api = t.add("API_KEY", Some(CANARIES[0]), Visibility::Masked);
    t.vault
        .set_override(project, api, prod, secret(CANARIES[1]))
        .unwrap();
    t.vault
        .set_override(project, api, staging, secret(CANARIES[2]))
        .unwrap();
    let db = t.add("DB_PASSWORD", Some(CANARIES[3]), Visibility::Restricted);
    t.vault
        .set_override(project, db, prod, secret(CANARIES[4]))
        .unwrap();
    let only = t.add("ONLY_PROD", None, Visibility::Masked);
    t.vault
        .set_override(project, only, prod, secret(CANARIES[5]))
        .unwrap();
    t.add("EMPTY", None, Visibility::Masked);
    t.vault
        .set_variable(project, "BASE_URL", "https://api.example.test")
        .unwrap();
    t.vault
        .set_variable(project, "REGION", "eu-west-1")
        .unwrap();
    t
}

/// Every row of every table, as text: the logical content of the vault.
fn dump(t: &TestVault) -> String {
    let conn = t.raw();
    let mut out = String::new();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |row| {
                let mut line = String::new();
                for i in 0..columns {
                    let value: rusqlite::types::Value = row.get(i)?;
                    line.push_str(&format!("{value:?}|"));
                }
                Ok(line)
            })
            .unwrap();
        out.push_str(&format!("== {table}\n"));
        for row in rows {
            out.push_str(&row.unwrap());
            out.push('\n');
        }
    }
    out
}

fn export_text(t: &TestVault) -> String {
    t.vault.project_file(t.project).unwrap().to_json()
}

#[test]
fn export_and_duplicate_carry_no_value_in_any_form() {
    let mut t = seeded();
    let path = t.home().join("exported.agent-secrets.json");
    t.vault.export_project(t.project, &path).unwrap();
    let file = std::fs::read(&path).unwrap();
    assert_no_canary(&file, "the exported file");

    let copy = t.vault.duplicate_project(t.project).unwrap();
    assert_eq!(copy.project.name, "Test Agent (copy)");
    // The duplicate's rows: secrets without values, no overrides, only markers.
    let conn = t.raw();
    let mut rows = Vec::new();
    for sql in [
        "SELECT quote(id) || name || visibility || quote(value) FROM secrets WHERE project_id = ?1",
        "SELECT quote(o.value) FROM overrides o JOIN secrets s ON s.id = o.secret_id WHERE s.project_id = ?1",
        "SELECT name || value FROM variables WHERE project_id = ?1",
        "SELECT quote(p.secret_id) || quote(p.environment_id) FROM pending_values p
           JOIN secrets s ON s.id = p.secret_id WHERE s.project_id = ?1",
        "SELECT name FROM projects WHERE id = ?1",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        for row in stmt
            .query_map([copy.project.id], |row| row.get::<_, String>(0))
            .unwrap()
        {
            rows.push(row.unwrap());
        }
    }
    assert_no_canary(rows.join("\n").as_bytes(), "the duplicate's rows");
    let values: i64 = conn
        .query_row(
            "SELECT (SELECT COUNT(*) FROM secrets WHERE project_id = ?1 AND value IS NOT NULL)
                  + (SELECT COUNT(*) FROM overrides o JOIN secrets s ON s.id = o.secret_id WHERE s.project_id = ?1)",
            [copy.project.id],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(values, 0, "the duplicate holds no value at all");
    // The duplicate's own export carries none either, and says the same as the original's.
    let copy_file = t.vault.project_file(copy.project.id).unwrap();
    assert_no_canary(copy_file.to_json().as_bytes(), "the duplicate's export");
    let mut original = t.vault.project_file(t.project).unwrap();
    original.name = copy_file.name.clone();
    assert_eq!(copy_file, original);
}

#[test]
fn duplicate_keeps_names_visibilities_environments_markers_and_variables() {
    let mut t = seeded();
    let copy = t.vault.duplicate_project(t.project).unwrap();
    // API_KEY: default + Production + Staging; DB_PASSWORD: default + Production;
    // ONLY_PROD: Production; EMPTY: nothing.
    assert_eq!((copy.needs_values, copy.pending_values), (3, 6));
    let envs: Vec<(String, _)> = t
        .vault
        .list_environments(copy.project.id)
        .unwrap()
        .into_iter()
        .map(|e| (e.name, e.kind))
        .collect();
    let original: Vec<(String, _)> = t
        .vault
        .list_environments(t.project)
        .unwrap()
        .into_iter()
        .map(|e| (e.name, e.kind))
        .collect();
    assert_eq!(envs, original);
    let rows = t.vault.list_secrets(copy.project.id).unwrap();
    let summary: Vec<(&str, Visibility, bool, usize, bool, usize)> = rows
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.visibility,
                r.has_default,
                r.overridden_in.len(),
                r.pending_default,
                r.pending_in.len(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("API_KEY", Visibility::Masked, false, 0, true, 2),
            ("DB_PASSWORD", Visibility::Restricted, false, 0, true, 1),
            ("EMPTY", Visibility::Masked, false, 0, false, 0),
            ("ONLY_PROD", Visibility::Masked, false, 0, false, 1),
        ]
    );
    assert_eq!(
        t.vault.list_variables(copy.project.id).unwrap(),
        t.vault.list_variables(t.project).unwrap()
    );
    // A second duplicate gets a free name.
    let again = t.vault.duplicate_project(t.project).unwrap();
    assert_eq!(again.project.name, "Test Agent (copy) (2)");
}

#[test]
fn export_then_import_round_trips() {
    let mut t = seeded();
    let path = t.home().join("round.agent-secrets.json");
    t.vault.export_project(t.project, &path).unwrap();
    let imported = t.vault.import_project(&path).unwrap();
    assert_eq!(imported.project.name, "Test Agent (2)", "never overwrites");
    let mut before = t.vault.project_file(t.project).unwrap();
    let after = t.vault.project_file(imported.project.id).unwrap();
    before.name = after.name.clone();
    assert_eq!(after, before);
    // Exporting the import again gives the same file, apart from the name.
    assert_eq!(
        after.to_json(),
        before.to_json(),
        "markers survive a second round"
    );
    // And the file is pretty, versioned JSON.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\n  \"format\": \"agent-secrets-project\",\n  \"version\": 2,"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn an_older_file_without_optional_fields_still_imports() {
    let mut t = TestVault::fresh();
    let text = r#"{
      "format": "agent-secrets-project",
      "version": 1,
      "project": {
        "name": "Minimal",
        "environments": [
          {"name": "Development", "kind": "development"},
          {"name": "Production", "kind": "production"}
        ],
        "secrets": [{"name": "TOKEN", "visibility": "masked"}]
      }
    }"#;
    let report = t.vault.import_project_bytes(text.as_bytes()).unwrap();
    assert_eq!((report.needs_values, report.pending_values), (1, 1));
    assert!(t
        .vault
        .list_variables(report.project.id)
        .unwrap()
        .is_empty());
}

#[test]
fn guided_re_entry_walks_default_then_overridden_environments() {
    let mut t = seeded();
    let text = export_text(&t);
    let report = t.vault.import_project_bytes(text.as_bytes()).unwrap();
    let project = report.project.id;
    let pending = t.vault.pending_values(project).unwrap();
    let slots: Vec<(String, Option<String>)> = pending
        .iter()
        .map(|p| (p.secret_name.clone(), p.environment_name.clone()))
        .collect();
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        slots,
        vec![
            ("API_KEY".into(), None),
            ("API_KEY".into(), some("Production")),
            ("API_KEY".into(), some("Staging")),
            ("DB_PASSWORD".into(), None),
            ("DB_PASSWORD".into(), some("Production")),
            ("ONLY_PROD".into(), some("Production")),
        ]
    );
    // Fill the first two, skip the rest: what is left is pending.
    t.vault
        .set_value(project, pending[0].secret_id, None, secret("new-default"))
        .unwrap();
    t.vault
        .set_value(
            project,
            pending[1].secret_id,
            pending[1].environment_id,
            secret("new-prod"),
        )
        .unwrap();
    let left = t.vault.pending_values(project).unwrap();
    assert_eq!(left.len(), 4);
    assert_eq!(left[0].environment_name.as_deref(), Some("Staging"));
    let api = t.vault.find_secret(project, "API_KEY").unwrap();
    assert!(!api.pending_default && api.pending_in.len() == 1 && api.has_default);
    let prod = t.vault.find_environment(project, "Production").unwrap().id;
    assert_eq!(
        t.vault
            .reveal(project, api.id, Some(prod))
            .unwrap()
            .expose_secret(),
        "new-prod"
    );
    // Any path that writes a value clears its marker: the CLI's `secret set` one too.
    t.vault
        .set_secret_value(
            project,
            "ONLY_PROD",
            Some(prod),
            secret("x"),
            Visibility::Masked,
        )
        .unwrap();
    t.vault
        .set_secret_value(
            project,
            "DB_PASSWORD",
            None,
            secret("y"),
            Visibility::Masked,
        )
        .unwrap();
    let left: Vec<String> = t
        .vault
        .pending_values(project)
        .unwrap()
        .into_iter()
        .map(|p| format!("{} {:?}", p.secret_name, p.environment_name))
        .collect();
    assert_eq!(
        left,
        vec![
            "API_KEY Some(\"Staging\")",
            "DB_PASSWORD Some(\"Production\")"
        ]
    );
    // Deleting the environment drops its markers with it.
    let staging = t.vault.find_environment(project, "Staging").unwrap().id;
    t.vault.delete_environment(project, staging).unwrap();
    assert_eq!(t.vault.pending_values(project).unwrap().len(), 1);
}

/// Imports `bytes`, expects a refusal whose message contains every part of `expect`, and checks
/// that the vault did not change.
fn assert_rejected(t: &mut TestVault, bytes: &[u8], expect: &[&str]) {
    let before = dump(t);
    let err = t.vault.import_project_bytes(bytes).unwrap_err();
    assert_eq!(err.code(), "invalid", "{err}");
    let message = err.to_string();
    for part in expect {
        assert!(
            message.contains(part),
            "the message lacks {part:?}: {message}"
        );
    }
    assert!(message.contains("Nothing was changed"), "{message}");
    assert_eq!(dump(t), before, "a rejected import changed the vault");
}

fn edited(t: &TestVault, edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut value: serde_json::Value = serde_json::from_str(&export_text(t)).unwrap();
    edit(&mut value);
    serde_json::to_vec_pretty(&value).unwrap()
}

#[test]
fn malformed_json_is_rejected_with_its_line() {
    let mut t = seeded();
    let mut text = export_text(&t);
    text.insert_str(text.find("\"secrets\"").unwrap(), "oops ");
    let line = text[..text.find("oops").unwrap()].lines().count();
    assert_rejected(
        &mut t,
        text.as_bytes(),
        &["not valid JSON", &format!("line {line}")],
    );
    assert_rejected(&mut t, b"", &["not valid JSON"]);
    assert_rejected(&mut t, b"\xff\xfe{}", &["not valid JSON"]);
}

#[test]
fn unknown_format_is_rejected() {
    let mut t = seeded();
    let bytes = edited(&t, |v| v["format"] = "keepass-export".into());
    assert_rejected(&mut t, &bytes, &["unknown format", "keepass-export"]);
    let bytes = edited(&t, |v| {
        v.as_object_mut().unwrap().remove("format");
    });
    assert_rejected(&mut t, &bytes, &["no \"format\" field"]);
}

#[test]
fn newer_version_is_rejected() {
    let mut t = seeded();
    let newer = agent_secrets_core::transfer::project_file::VERSION + 1;
    let bytes = edited(&t, |v| v["version"] = newer.into());
    assert_rejected(
        &mut t,
        &bytes,
        &["version", &format!("is {newer}"), "newer"],
    );
}

#[test]
fn oversized_file_is_rejected() {
    let mut t = seeded();
    let mut text = export_text(&t).into_bytes();
    text.resize(MAX_FILE_BYTES + 1, b' ');
    assert_rejected(&mut t, &text, &["at most 10 MiB"]);
    // From disk too, without reading it all.
    let path: PathBuf = t.home().join("big.agent-secrets.json");
    std::fs::write(&path, &text).unwrap();
    let before = dump(&t);
    let err = t.vault.import_project(&path).unwrap_err();
    assert!(err.to_string().contains("larger than 10 MiB"), "{err}");
    assert_eq!(dump(&t), before);
}

#[test]
fn invalid_names_are_rejected() {
    let mut t = seeded();
    let bytes = edited(&t, |v| {
        v["project"]["secrets"][1]["name"] = "DB PASSWORD".into()
    });
    assert_rejected(
        &mut t,
        &bytes,
        &["project.secrets[1].name", "DB PASSWORD", "not a valid name"],
    );
    let bytes = edited(&t, |v| v["project"]["variables"][0]["name"] = "1URL".into());
    assert_rejected(&mut t, &bytes, &["project.variables[0].name"]);
    let bytes = edited(&t, |v| v["project"]["name"] = "  ".into());
    assert_rejected(&mut t, &bytes, &["project.name", "required"]);
    let bytes = edited(&t, |v| {
        v["project"]["environments"][2]["name"] = "Line\nbreak".into()
    });
    assert_rejected(&mut t, &bytes, &["project.environments[2].name", "control"]);
}

#[test]
fn duplicate_names_are_rejected() {
    let mut t = seeded();
    let bytes = edited(&t, |v| {
        v["project"]["secrets"][2]["name"] = "API_KEY".into()
    });
    assert_rejected(
        &mut t,
        &bytes,
        &[
            "project.secrets[2].name",
            "duplicate name \"API_KEY\"",
            "project.secrets[0]",
        ],
    );
    let bytes = edited(&t, |v| {
        v["project"]["variables"][0]["name"] = "DB_PASSWORD".into()
    });
    assert_rejected(&mut t, &bytes, &["project.variables[0].name", "duplicate"]);
    let bytes = edited(&t, |v| {
        v["project"]["environments"][2]["name"] = "production".into();
    });
    assert_rejected(
        &mut t,
        &bytes,
        &["project.environments[2].name", "duplicate environment"],
    );
}

#[test]
fn unknown_visibility_is_rejected() {
    let mut t = seeded();
    let bytes = edited(&t, |v| {
        v["project"]["secrets"][0]["visibility"] = "public".into()
    });
    assert_rejected(
        &mut t,
        &bytes,
        &[
            "project.secrets[0].visibility",
            "unknown visibility \"public\"",
        ],
    );
}

#[test]
fn nesting_deeper_than_the_format_allows_is_rejected() {
    let mut t = seeded();
    let text = export_text(&t);
    let deep = format!("{}{}", "[".repeat(5), "]".repeat(5));
    let nested = text.replacen(
        "\"overriddenIn\": [",
        &format!("\"overriddenIn\": [{deep},"),
        1,
    );
    assert_rejected(&mut t, nested.as_bytes(), &["nested too deeply", "line "]);
    let bomb = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_rejected(
        &mut t,
        bomb.as_bytes(),
        &["nested too deeply", "line 1, column 9"],
    );
}

#[test]
fn a_file_that_contains_values_is_refused() {
    let mut t = seeded();
    let canary = "sk-live-would-be-imported";
    for (key, place) in [
        ("value", "project.secrets[0].value"),
        ("defaultValue", "project.secrets[1].defaultValue"),
        ("secret_value", "project.secrets[2].secret_value"),
        ("overrides", "project.secrets[0].overrides"),
        ("ciphertext", "project.secrets[1].ciphertext"),
    ] {
        let index: usize = place[16..17].parse().unwrap();
        let bytes = edited(&t, |v| {
            v["project"]["secrets"][index][key] = canary.into();
        });
        assert_rejected(&mut t, &bytes, &["contains values", place]);
        let err = t.vault.import_project_bytes(&bytes).unwrap_err();
        assert!(
            !err.to_string().contains(canary),
            "the error echoes the value"
        );
    }
    // Nested inside the override list, or at the top level: refused all the same.
    let bytes = edited(&t, |v| {
        v["project"]["secrets"][0]["overriddenIn"][0] =
            serde_json::json!({"environment": "Production", "value": canary});
    });
    assert_rejected(
        &mut t,
        &bytes,
        &[
            "contains values",
            "project.secrets[0].overriddenIn[0].value",
        ],
    );
    let bytes = edited(&t, |v| v["values"] = serde_json::json!({"API_KEY": canary}));
    assert_rejected(&mut t, &bytes, &["contains values", "values"]);
}

#[test]
fn other_structural_problems_are_rejected_with_their_place() {
    let mut t = seeded();
    let bytes = edited(&t, |v| v["project"]["secrets"][0]["colour"] = "red".into());
    assert_rejected(
        &mut t,
        &bytes,
        &["project.secrets[0].colour", "not a field"],
    );
    let bytes = edited(&t, |v| {
        v["project"]["secrets"][0]["overriddenIn"] = serde_json::json!(["Nowhere"])
    });
    assert_rejected(
        &mut t,
        &bytes,
        &["project.secrets[0].overriddenIn[0]", "Nowhere"],
    );
    let bytes = edited(&t, |v| {
        v["project"]["environments"]
            .as_array_mut()
            .unwrap()
            .remove(1);
    });
    assert_rejected(&mut t, &bytes, &["Production environment is missing"]);
    let bytes = edited(&t, |v| {
        v["project"]["steps"] = serde_json::json!([{"kind": "api"}])
    });
    assert_rejected(&mut t, &bytes, &["project.steps", "steps"]);
}

#[test]
fn a_locked_vault_imports_nothing() {
    let mut t = seeded();
    let text = export_text(&t);
    t.keys.remove(t.vault.id());
    t.reopen();
    let before = dump(&t);
    assert_eq!(
        t.vault
            .import_project_bytes(text.as_bytes())
            .unwrap_err()
            .code(),
        "locked"
    );
    assert_eq!(dump(&t), before);
}

#[test]
fn dotenv_import_previews_then_creates_and_updates_in_one_go() {
    let mut t = TestVault::fresh();
    let project = t.project;
    let restricted = t.add("EXISTING_R", Some("old"), Visibility::Restricted);
    t.add("EXISTING_M", Some("old"), Visibility::Masked);
    let text = "# comment\n\
                export NEW_ONE=\"p@ss$word with \\\"quotes\\\"\"\n\
                EXISTING_R='still $restricted'\n\
                EXISTING_M=updated\n\
                MULTI=\"line 1\n\
                line 2\"\n";
    let preview = t.vault.preview_dotenv(project, text.as_bytes()).unwrap();
    assert!(preview.invalid.is_empty());
    let entries: Vec<(u32, &str, Option<Visibility>)> = preview
        .entries
        .iter()
        .map(|e| (e.line, e.name.as_str(), e.existing))
        .collect();
    assert_eq!(
        entries,
        vec![
            (2, "NEW_ONE", None),
            (3, "EXISTING_R", Some(Visibility::Restricted)),
            (4, "EXISTING_M", Some(Visibility::Masked)),
            (5, "MULTI", None),
        ]
    );
    let report = t
        .vault
        .import_dotenv(project, text.as_bytes(), Visibility::Masked)
        .unwrap();
    assert_eq!((report.created, report.updated), (2, 2));
    let reveal = |t: &TestVault, name: &str| {
        let id = t.vault.find_secret(project, name).unwrap().id;
        t.vault
            .reveal(project, id, None)
            .unwrap()
            .expose_secret()
            .to_owned()
    };
    assert_eq!(reveal(&t, "NEW_ONE"), "p@ss$word with \"quotes\"");
    assert_eq!(reveal(&t, "EXISTING_M"), "updated");
    assert_eq!(reveal(&t, "MULTI"), "line 1\nline 2");
    // The Restricted one keeps its visibility; its new value is used, never shown.
    assert_eq!(
        t.vault.secret(project, restricted).unwrap().visibility,
        Visibility::Restricted
    );
    let dev = t.env("Development");
    let resolved = t.vault.resolve_for_use(project, dev).unwrap();
    let value = resolved
        .values
        .iter()
        .find(|v| v.name == "EXISTING_R")
        .unwrap();
    assert_eq!(value.value.expose_secret(), "still $restricted");

    // A visibility choice of Restricted applies to the new secrets.
    t.vault
        .import_dotenv(project, b"ANOTHER=x\n", Visibility::Restricted)
        .unwrap();
    assert_eq!(
        t.vault.find_secret(project, "ANOTHER").unwrap().visibility,
        Visibility::Restricted
    );
}

#[test]
fn dotenv_with_an_invalid_line_imports_nothing() {
    let mut t = TestVault::fresh();
    let project = t.project;
    t.add("KEEP", Some("original"), Visibility::Masked);
    t.vault
        .set_variable(project, "BASE_URL", "https://x.test")
        .unwrap();
    let text = "KEEP=changed\nGOOD=1\nthis line is wrong\nBASE_URL=clash\nGOOD=2\n";
    let preview = t.vault.preview_dotenv(project, text.as_bytes()).unwrap();
    let lines: Vec<u32> = preview.invalid.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![3, 4, 5]);
    let before = dump(&t);
    let err = t
        .vault
        .import_dotenv(project, text.as_bytes(), Visibility::Masked)
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    let message = err.to_string();
    assert!(
        message.contains("line 3") && message.contains("line 4") && message.contains("line 5"),
        "{message}"
    );
    assert!(
        !message.contains("changed") && !message.contains("clash"),
        "{message}"
    );
    assert_eq!(dump(&t), before);
}

#[test]
fn dotenv_example_lists_names_only() {
    let t = seeded();
    let path = t.home().join(".env.example");
    t.vault.export_dotenv_example(t.project, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_no_canary(text.as_bytes(), ".env.example");
    let names: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        names,
        vec!["API_KEY=", "DB_PASSWORD=", "EMPTY=", "ONLY_PROD="]
    );
    assert!(text.starts_with("# "));
}

#[test]
fn the_last_used_project_is_remembered_across_opens() {
    let mut t = TestVault::fresh();
    assert!(t.vault.last_project().unwrap().is_none());
    let other = t.vault.create_project("Other").unwrap();
    t.vault.remember_project(other.id).unwrap();
    t.reopen();
    assert_eq!(t.vault.last_project().unwrap().unwrap().id, other.id);
    t.vault.delete_project(other.id).unwrap();
    assert!(t.vault.last_project().unwrap().is_none());
}
