use super::*;
use crate::steps::{BodyKind, HttpMethod, StepBody, StepField};
use proptest::prelude::*;
use serde_json::Value;

fn sample() -> ProjectFile {
    ProjectFile {
        name: "Support Agent".into(),
        environments: vec![
            FileEnvironment {
                name: "Development".into(),
                kind: EnvironmentKind::Development,
            },
            FileEnvironment {
                name: "Production".into(),
                kind: EnvironmentKind::Production,
            },
            FileEnvironment {
                name: "Staging".into(),
                kind: EnvironmentKind::Custom,
            },
        ],
        secrets: vec![FileSecret {
            name: "DB_PASSWORD".into(),
            visibility: Visibility::Restricted,
            has_default: true,
            overridden_in: vec!["Production".into(), "Staging".into()],
        }],
        variables: vec![FileVariable {
            name: "BASE_URL".into(),
            text: "https://api.example.test".into(),
        }],
        steps: vec![
            FileStep {
                name: "Fetch orders".into(),
                definition: StepDefinition::Api {
                    method: HttpMethod::Post,
                    url: "{BASE_URL}/orders".into(),
                    headers: vec![StepField {
                        name: "Authorization".into(),
                        value: "Bearer {DB_PASSWORD}".into(),
                    }],
                    query: vec![StepField {
                        name: "page".into(),
                        value: "1".into(),
                    }],
                    body: StepBody {
                        kind: BodyKind::Json,
                        text: r#"{"a": {"b": "\\{x}"}}"#.into(),
                    },
                },
            },
            FileStep {
                name: "Score".into(),
                definition: StepDefinition::Function {
                    code: "return score({DB_PASSWORD})".into(),
                    inputs: vec![StepField {
                        name: "user_id".into(),
                        value: "{BASE_URL}".into(),
                    }],
                },
            },
        ],
    }
}

fn message(text: &str) -> String {
    ProjectFile::parse(text.as_bytes()).unwrap_err().to_string()
}

#[test]
fn round_trips_and_reads_like_the_doc() {
    let file = sample();
    let text = file.to_json();
    assert!(text.starts_with("{\n  \"format\": \"agent-secrets-project\",\n  \"version\": 2,\n"));
    assert_eq!(ProjectFile::parse(text.as_bytes()).unwrap(), file);
}

#[test]
fn minimal_file_with_defaults() {
    let text = r#"{"format":"agent-secrets-project","version":1,"project":{"name":"A",
        "environments":[{"name":"Development","kind":"development"},{"name":"Production","kind":"production"}],
        "secrets":[{"name":"K","visibility":"masked"}]}}"#;
    let file = ProjectFile::parse(text.as_bytes()).unwrap();
    assert!(file.secrets[0].has_default && file.secrets[0].overridden_in.is_empty());
    assert!(file.variables.is_empty());
}

#[test]
fn errors_name_the_place() {
    let base = sample().to_json();
    let m = message(&base.replace("\"restricted\"", "\"public\""));
    assert!(
        m.contains("project.secrets[0].visibility") && m.contains("public"),
        "{m}"
    );
    let m = message(&base.replace("\"DB_PASSWORD\"", "\"DB-PASSWORD\""));
    assert!(m.contains("project.secrets[0].name"), "{m}");
    let m = message(&base.replace("\"BASE_URL\"", "\"DB_PASSWORD\""));
    assert!(
        m.contains("project.variables[0].name") && m.contains("duplicate"),
        "{m}"
    );
    let m = message(&base.replace("\"version\": 2", "\"version\": 3"));
    assert!(m.contains("version") && m.contains("newer"), "{m}");
    let m = message(&base.replace("agent-secrets-project", "something-else"));
    assert!(m.contains("unknown format"), "{m}");
    let m = message(&base.replace("\"hasDefault\": true", "\"value\": \"hunter2\""));
    assert!(
        m.contains("contains values") && m.contains("project.secrets[0].value"),
        "{m}"
    );
    assert!(!m.contains("hunter2"), "{m}");
    let m = message("{\n  \"format\": \"agent-secrets-project\",\n  \"version\": 1,\n  oops\n}");
    assert!(m.contains("line 4"), "{m}");
    let m = message(&format!("{}1{}", "[".repeat(50), "]".repeat(50)));
    assert!(
        m.contains("nested too deeply") && m.contains("column 9"),
        "{m}"
    );
    let m = message(&base.replace("\"kind\": \"custom\"", "\"kind\": \"custom\", \"extra\": 1"));
    assert!(m.contains("project.environments[2].extra"), "{m}");
    let mut edited: Value = serde_json::from_str(&base).unwrap();
    edited["project"]["secrets"][0]["overriddenIn"][1] = "QA".into();
    let m = message(&edited.to_string());
    assert!(m.contains("overriddenIn[1]") && m.contains("QA"), "{m}");
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    assert!(message_bytes(&big).contains("at most 10 MiB"));
}

fn message_bytes(bytes: &[u8]) -> String {
    ProjectFile::parse(bytes).unwrap_err().to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = ProjectFile::parse(&bytes);
    }

    #[test]
    fn mutated_valid_files_never_panic(
        cut in 0usize..2000,
        byte in any::<u8>(),
        position in 0usize..2000,
    ) {
        let mut bytes = sample().to_json().into_bytes();
        let position = position % bytes.len();
        bytes[position] = byte;
        bytes.truncate(cut.max(1));
        let _ = ProjectFile::parse(&bytes);
    }

    #[test]
    fn json_shaped_noise_never_panics(text in r#"[\[\]{}",:0-9a-z \\]{0,300}"#) {
        let _ = ProjectFile::parse(text.as_bytes());
    }
}
