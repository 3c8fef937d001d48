//! Values at rest, on a real SQLite file: round-trips, tampering and leaks.

mod common;

use agent_secrets_core::{ExposeSecret, Visibility};
use common::{contains, database_bytes, secret, TestVault};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn values_round_trip_through_the_file(value in "\\PC{0,300}") {
        let mut t = TestVault::fresh();
        let id = t.add("VALUE", Some(&value), Visibility::Masked);
        t.reopen();
        let read = t.vault.reveal(t.project, id, None).unwrap();
        prop_assert_eq!(read.expose_secret(), value.as_str());
    }

    #[test]
    fn any_flipped_byte_of_a_stored_blob_fails_to_decrypt(index in any::<prop::sample::Index>(), bit in 0u8..8) {
        let mut t = TestVault::fresh();
        let id = t.add("TOKEN", Some("a value worth protecting"), Visibility::Masked);
        let raw = t.raw();
        let mut blob: Vec<u8> = raw.query_row("SELECT value FROM secrets WHERE id = ?1", [id], |r| r.get(0)).unwrap();
        let i = index.index(blob.len());
        blob[i] ^= 1 << bit;
        raw.execute("UPDATE secrets SET value = ?2 WHERE id = ?1", rusqlite::params![id, blob]).unwrap();
        let err = t.vault.reveal(t.project, id, None).unwrap_err();
        prop_assert_eq!(err.code(), "corrupt");
    }
}

#[test]
fn edge_values_round_trip() {
    let mut t = TestVault::fresh();
    let big = "é".repeat(32 * 1024); // exactly 64 KiB of UTF-8
    assert_eq!(big.len(), 64 * 1024);
    let cases = [
        ("EMPTY", String::new()),
        ("BIG", big),
        ("UNICODE", "pâss — 密码 🔑\n\t\"'$HOME".to_owned()),
    ];
    for (name, value) in &cases {
        t.add(name, Some(value), Visibility::Masked);
    }
    t.reopen();
    for (name, value) in &cases {
        let id = t.vault.find_secret(t.project, name).unwrap().id;
        assert_eq!(
            t.vault.reveal(t.project, id, None).unwrap().expose_secret(),
            value.as_str()
        );
    }
}

#[test]
fn swapping_two_ciphertexts_in_the_database_fails_to_decrypt() {
    let mut t = TestVault::fresh();
    let a = t.add("A", Some("value of a"), Visibility::Masked);
    let b = t.add("B", Some("value of b"), Visibility::Masked);
    let raw = t.raw();
    raw.execute_batch(&format!(
        "UPDATE secrets SET value = (SELECT value FROM secrets WHERE id = X'{b}') WHERE id = X'{a}';",
        a = a.simple(),
        b = b.simple()
    ))
    .unwrap();
    assert_eq!(
        t.vault.reveal(t.project, a, None).unwrap_err().code(),
        "corrupt"
    );
    assert_eq!(
        t.vault.reveal(t.project, b, None).unwrap().expose_secret(),
        "value of b"
    );
}

#[test]
fn moving_an_override_to_another_environment_fails_to_decrypt() {
    let mut t = TestVault::fresh();
    let id = t.add("A", Some("default"), Visibility::Masked);
    let (dev, prod) = (t.env("Development"), t.env("Production"));
    t.vault
        .set_override(t.project, id, prod, secret("prod value"))
        .unwrap();
    t.raw()
        .execute(
            "UPDATE overrides SET environment_id = ?2 WHERE environment_id = ?1",
            rusqlite::params![prod, dev],
        )
        .unwrap();
    assert_eq!(
        t.vault.reveal(t.project, id, Some(dev)).unwrap_err().code(),
        "corrupt"
    );
}

#[test]
fn relabelling_visibility_in_the_database_makes_the_value_fail() {
    let mut t = TestVault::fresh();
    let restricted = t.add("R", Some("restricted value"), Visibility::Restricted);
    // Someone flips the row to Masked to get it revealed: the ciphertext no longer opens.
    t.raw()
        .execute(
            "UPDATE secrets SET visibility = 'masked' WHERE id = ?1",
            [restricted],
        )
        .unwrap();
    assert_eq!(
        t.vault
            .reveal(t.project, restricted, None)
            .unwrap_err()
            .code(),
        "corrupt"
    );
    let env = t.env("Development");
    assert_eq!(
        t.vault.resolve_for_use(t.project, env).unwrap_err().code(),
        "corrupt"
    );
}

#[test]
fn no_value_appears_in_the_file_in_any_encoding() {
    use base64_like::encodings;
    let mut t = TestVault::fresh();
    let canaries = [
        "CANARY-default-7f3a9",
        "CANARY-override-1b2c3",
        "CANARY-restricted-9e8d",
    ];
    let id = t.add("DB_PASSWORD", Some(canaries[0]), Visibility::Masked);
    let prod = t.env("Production");
    t.vault
        .set_override(t.project, id, prod, secret(canaries[1]))
        .unwrap();
    t.add("API_TOKEN", Some(canaries[2]), Visibility::Restricted);
    // Also after a visibility change (re-encryption) and an update.
    t.vault
        .update_secret(
            t.project,
            id,
            agent_secrets_core::SecretUpdate {
                value: None,
                visibility: Some(Visibility::Restricted),
            },
        )
        .unwrap();
    let bytes = database_bytes(t.home());
    assert!(!bytes.is_empty());
    for canary in canaries {
        for form in encodings(canary) {
            assert!(
                !contains(&bytes, form.as_bytes()),
                "{form} found in the vault file"
            );
        }
    }
}

#[test]
fn debug_output_of_core_types_never_shows_a_value() {
    let mut t = TestVault::fresh();
    let id = t.add("A", Some("CANARY-debug-42"), Visibility::Masked);
    let env = t.env("Development");
    let revealed = t.vault.reveal(t.project, id, None).unwrap();
    let resolution = t.vault.resolve_for_use(t.project, env).unwrap();
    let new = agent_secrets_core::NewSecret {
        name: "B".into(),
        value: Some(secret("CANARY-debug-42")),
        visibility: Visibility::Masked,
    };
    let update = agent_secrets_core::SecretUpdate {
        value: Some(secret("CANARY-debug-42")),
        visibility: None,
    };
    let shown = format!(
        "{revealed:?} {resolution:?} {:?} {:?} {new:?} {update:?}",
        t.vault,
        t.vault.list_secrets(t.project).unwrap(),
    );
    assert!(!shown.contains("CANARY-debug-42"), "{shown}");
}

/// Plain, hex and base64 forms of a canary, to catch a value stored in any easy encoding.
mod base64_like {
    pub fn encodings(text: &str) -> Vec<String> {
        use data_encoding::{BASE64, BASE64URL_NOPAD, HEXLOWER, HEXUPPER};
        vec![
            text.to_owned(),
            HEXLOWER.encode(text.as_bytes()),
            HEXUPPER.encode(text.as_bytes()),
            BASE64.encode(text.as_bytes()),
            BASE64URL_NOPAD.encode(text.as_bytes()),
        ]
    }
}
