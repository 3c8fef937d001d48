//! The shapes that only the shell defines: command inputs and the copy receipt. Secret values
//! become `SecretString` while being deserialized, and no type here ever serializes one.

use agent_secrets_core::{NewSecret, OverrideEdit, SecretString, SecretUpdate, Visibility};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// `secret_create`'s input.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename = "NewSecret")]
pub struct NewSecretInput {
    pub name: String,
    #[serde(deserialize_with = "secret")]
    #[ts(type = "string")]
    pub value: SecretString,
    pub visibility: Visibility,
}

impl From<NewSecretInput> for NewSecret {
    fn from(input: NewSecretInput) -> Self {
        NewSecret {
            name: input.name,
            value: Some(input.value),
            visibility: input.visibility,
        }
    }
}

/// `secret_update`'s input: `null` keeps the current value or visibility.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename = "SecretUpdate")]
pub struct SecretUpdateInput {
    #[serde(deserialize_with = "optional_secret")]
    #[ts(type = "string | null")]
    pub value: Option<SecretString>,
    pub visibility: Option<Visibility>,
}

impl From<SecretUpdateInput> for SecretUpdate {
    fn from(input: SecretUpdateInput) -> Self {
        SecretUpdate {
            value: input.value,
            visibility: input.visibility,
        }
    }
}

/// One edit in `overrides_save`'s batch: `{ secretId, value }` sets the environment's override,
/// `{ secretId, remove: true }` removes it (the secret falls back to its default there).
#[derive(Deserialize, TS)]
#[serde(untagged)]
#[ts(rename = "OverrideEdit")]
pub enum OverrideEditInput {
    Set(#[ts(inline)] OverrideSetInput),
    Remove(#[ts(inline)] OverrideRemoveInput),
}

#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverrideSetInput {
    #[ts(type = "string")]
    pub secret_id: Uuid,
    #[serde(deserialize_with = "secret")]
    #[ts(type = "string")]
    pub value: SecretString,
}

#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverrideRemoveInput {
    #[ts(type = "string")]
    pub secret_id: Uuid,
    // Always `true`.
    #[serde(deserialize_with = "only_true")]
    #[ts(type = "true")]
    pub remove: bool,
}

impl From<OverrideEditInput> for OverrideEdit {
    fn from(input: OverrideEditInput) -> Self {
        match input {
            OverrideEditInput::Set(set) => OverrideEdit::Set {
                secret: set.secret_id,
                value: set.value,
            },
            OverrideEditInput::Remove(remove) => OverrideEdit::Remove {
                secret: remove.secret_id,
            },
        }
    }
}

/// What `secret_copy` answers: which secret went to the clipboard and when it is cleared.
/// Never the value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CopyReceipt {
    pub secret_name: String,
    pub clear_after_seconds: u32,
}

fn secret<'de, D: Deserializer<'de>>(deserializer: D) -> Result<SecretString, D::Error> {
    String::deserialize(deserializer).map(SecretString::from)
}

fn only_true<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    match bool::deserialize(deserializer)? {
        true => Ok(true),
        false => Err(D::Error::custom("`remove` is `true` when present")),
    }
}

fn optional_secret<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<SecretString>, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.map(SecretString::from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use agent_secrets_core::ExposeSecret;

    #[test]
    fn inputs_parse_from_the_ui_shapes() {
        let new: NewSecretInput = serde_json::from_str(
            r#"{"name":"DB_PASSWORD","value":"p$ss {x}","visibility":"restricted"}"#,
        )
        .unwrap();
        assert_eq!(new.name, "DB_PASSWORD");
        assert_eq!(new.value.expose_secret(), "p$ss {x}");
        assert_eq!(new.visibility, Visibility::Restricted);

        let keep: SecretUpdateInput =
            serde_json::from_str(r#"{"value":null,"visibility":null}"#).unwrap();
        assert!(keep.value.is_none() && keep.visibility.is_none());
        let change: SecretUpdateInput =
            serde_json::from_str(r#"{"value":"new","visibility":"masked"}"#).unwrap();
        assert_eq!(change.value.unwrap().expose_secret(), "new");
        assert_eq!(change.visibility, Some(Visibility::Masked));

        assert!(serde_json::from_str::<NewSecretInput>(
            r#"{"name":"A","value":"v","visibility":"public"}"#
        )
        .is_err());
    }

    #[test]
    fn override_edits_are_a_value_or_a_removal() {
        let (a, b, c) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let edits: Vec<OverrideEditInput> = serde_json::from_value(serde_json::json!([
            {"secretId": a, "value": "v $x"},
            {"secretId": b, "remove": true},
            {"secretId": c, "value": ""},
        ]))
        .unwrap();
        assert!(
            matches!(&edits[0], OverrideEditInput::Set(set) if set.value.expose_secret() == "v $x")
        );
        assert!(matches!(&edits[1], OverrideEditInput::Remove(_)));
        assert!(
            matches!(&edits[2], OverrideEditInput::Set(set) if set.value.expose_secret().is_empty())
        );
        let secrets: Vec<Uuid> = edits
            .into_iter()
            .map(|edit| match OverrideEdit::from(edit) {
                OverrideEdit::Set { secret, .. } | OverrideEdit::Remove { secret } => secret,
            })
            .collect();
        assert_eq!(secrets, [a, b, c]);
        let id = a.to_string();
        for bad in [
            serde_json::json!({"secretId": id}),
            serde_json::json!({"secretId": id, "remove": false}),
            serde_json::json!({"secretId": id, "value": "v", "remove": true}),
            serde_json::json!({"secretId": id, "value": null}),
            serde_json::json!({"value": "v"}),
            serde_json::json!({"secretId": "not-an-id", "value": "v"}),
        ] {
            assert!(
                serde_json::from_value::<OverrideEditInput>(bad.clone()).is_err(),
                "{bad} was accepted"
            );
        }
    }

    #[test]
    fn receipt_is_camel_case() {
        let receipt = CopyReceipt {
            secret_name: "API_KEY".into(),
            clear_after_seconds: 30,
        };
        assert_eq!(
            serde_json::to_string(&receipt).unwrap(),
            r#"{"secretName":"API_KEY","clearAfterSeconds":30}"#
        );
    }
}
