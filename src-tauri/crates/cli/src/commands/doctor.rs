//! `doctor`: what a user (or a bug report) needs to know about their vault, without values.

use super::Out;
use crate::context::{self, CliResult};
use agent_secrets_core::{KeyStore, LockReason, OsKeyring, VaultCounts, DATABASE_FILE};
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;
use uuid::Uuid;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    data_dir: String,
    vault_exists: bool,
    vault_id: Option<Uuid>,
    keyring_backend: &'static str,
    keyring_reachable: bool,
    keyring_detail: Option<String>,
    /// "ok", "locked" or "no_vault".
    key_check: &'static str,
    lock_code: Option<&'static str>,
    lock_message: Option<String>,
    counts: Option<VaultCounts>,
}

pub fn run(home: &Path, out: Out) -> CliResult<ExitCode> {
    let vault = context::open_existing(home)?;
    let backend = OsKeyring.describe();
    let report = match &vault {
        None => {
            // No vault to unlock: ask the keyring directly whether it answers.
            let probe = OsKeyring.load(Uuid::nil());
            Report {
                data_dir: home.display().to_string(),
                vault_exists: false,
                vault_id: None,
                keyring_backend: backend,
                keyring_reachable: probe.is_ok(),
                keyring_detail: probe.err().map(|e| e.to_string()),
                key_check: "no_vault",
                lock_code: None,
                lock_message: None,
                counts: None,
            }
        }
        Some(vault) => {
            let lock = vault.lock_reason();
            let unreachable = match lock {
                Some(LockReason::KeyringUnavailable(detail)) => Some(detail.clone()),
                _ => None,
            };
            Report {
                data_dir: home.display().to_string(),
                vault_exists: true,
                vault_id: Some(vault.id()),
                keyring_backend: backend,
                keyring_reachable: unreachable.is_none(),
                keyring_detail: unreachable,
                key_check: if lock.is_some() { "locked" } else { "ok" },
                lock_code: lock.map(LockReason::code),
                lock_message: lock.map(LockReason::message),
                counts: Some(vault.counts()?),
            }
        }
    };
    let healthy = report.keyring_reachable && report.key_check != "locked";
    if out.json {
        crate::output::print_json(&report);
    } else {
        print_human(&report);
    }
    Ok(if healthy {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn print_human(report: &Report) {
    println!("Data directory  {}", report.data_dir);
    match report.vault_id {
        Some(id) => println!("Vault           {id} ({DATABASE_FILE})"),
        None => {
            println!("Vault           none yet (`agent-secrets project create NAME` creates one)")
        }
    }
    match &report.keyring_detail {
        None => println!("Keyring         {}: reachable", report.keyring_backend),
        Some(detail) => println!(
            "Keyring         {}: NOT reachable ({detail})",
            report.keyring_backend
        ),
    }
    match report.key_check {
        "ok" => println!("Key check       ok"),
        "locked" => println!(
            "Key check       LOCKED: {}",
            report.lock_message.as_deref().unwrap_or("")
        ),
        _ => {}
    }
    if let Some(c) = &report.counts {
        println!(
            "Contents        {} project(s), {} secret(s), {} override(s), {} variable(s)",
            c.projects, c.secrets, c.overrides, c.variables
        );
    }
}
