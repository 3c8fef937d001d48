//! Associated data for every ciphertext the vault stores. It names what a blob is and where it
//! belongs, so a blob copied to another row, project, environment or visibility fails to open.
//! The encoding is plain ASCII (documented in docs/FORMAT.md) so other programs can rebuild it.

use crate::model::Visibility;
use uuid::Uuid;

pub const PREFIX: &str = "agent-secrets/v1";

/// What a blob is, and the place it is bound to.
#[derive(Debug, Clone, Copy)]
pub enum Aad {
    /// A secret value: the default (`environment: None`) or an environment's override.
    SecretValue {
        vault: Uuid,
        project: Uuid,
        secret: Uuid,
        environment: Option<Uuid>,
        visibility: Visibility,
    },
    /// The data key wrapped by the key in the OS keyring.
    DataKeyUnderKeyring { vault: Uuid },
    /// The data key wrapped by the recovery key.
    DataKeyUnderRecovery { vault: Uuid },
    /// A known value sealed by the keyring key, to tell "wrong key" from "damaged data".
    KeyCheck { vault: Uuid },
    /// The recovery key itself, sealed by the data key so it can be shown again on request.
    RecoveryKey { vault: Uuid },
}

impl Aad {
    pub fn encode(&self) -> Vec<u8> {
        let text = match self {
            Aad::SecretValue {
                vault,
                project,
                secret,
                environment,
                visibility,
            } => {
                let environment = environment
                    .map(|id| id.to_string())
                    .unwrap_or_else(|| "default".to_owned());
                format!(
                    "{PREFIX}|secret-value|vault={vault}|project={project}|secret={secret}|environment={environment}|visibility={}",
                    visibility.as_str()
                )
            }
            Aad::DataKeyUnderKeyring { vault } => {
                format!("{PREFIX}|data-key|vault={vault}|wrapped-by=keyring")
            }
            Aad::DataKeyUnderRecovery { vault } => {
                format!("{PREFIX}|data-key|vault={vault}|wrapped-by=recovery-key")
            }
            Aad::KeyCheck { vault } => format!("{PREFIX}|key-check|vault={vault}"),
            Aad::RecoveryKey { vault } => format!("{PREFIX}|recovery-key|vault={vault}"),
        };
        text.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_is_the_documented_ascii() {
        let id = Uuid::nil();
        let aad = Aad::SecretValue {
            vault: id,
            project: id,
            secret: id,
            environment: None,
            visibility: Visibility::Restricted,
        };
        assert_eq!(
            String::from_utf8(aad.encode()).unwrap(),
            "agent-secrets/v1|secret-value|vault=00000000-0000-0000-0000-000000000000|project=00000000-0000-0000-0000-000000000000|secret=00000000-0000-0000-0000-000000000000|environment=default|visibility=restricted"
        );
    }
}
