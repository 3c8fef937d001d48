use super::*;
use crate::model::{Environment, EnvironmentKind, Variable, Visibility};
use crate::secrets::{Resolution, ResolvedSecret};
use crate::SecretString;
use proptest::prelude::*;
use secrecy::ExposeSecret;
use uuid::Uuid;

fn resolution(secrets: &[(&str, Visibility, &str)], missing: &[&str]) -> Resolution {
    Resolution {
        environment: Environment {
            id: Uuid::nil(),
            name: "Production".into(),
            kind: EnvironmentKind::Production,
        },
        values: secrets
            .iter()
            .map(|(name, visibility, value)| ResolvedSecret {
                name: (*name).into(),
                visibility: *visibility,
                value: SecretString::from(*value),
            })
            .collect(),
        missing: missing.iter().map(|name| (*name).into()).collect(),
    }
}

fn variables(pairs: &[(&str, &str)]) -> Vec<Variable> {
    pairs
        .iter()
        .map(|(name, value)| Variable {
            name: (*name).into(),
            value: (*value).into(),
        })
        .collect()
}

fn render(source: &str, bindings: &Bindings<'_>) -> Result<String, Vec<ReferenceError>> {
    parse(source)
        .render(bindings)
        .map(|text| text.expose_secret().to_owned())
}

fn render_plain(source: &str) -> Result<String, Vec<ReferenceError>> {
    let empty = resolution(&[], &[]);
    render(source, &Bindings::new(&empty, &[]))
}

#[test]
fn splits_literals_and_references() {
    let template = parse("Bearer {API_KEY} at {BASE_URL}/v1");
    assert_eq!(
        template.segments(),
        &[
            Segment::Literal("Bearer "),
            Segment::Reference(Reference {
                name: "API_KEY",
                span: 7..16
            }),
            Segment::Literal(" at "),
            Segment::Reference(Reference {
                name: "BASE_URL",
                span: 20..30
            }),
            Segment::Literal("/v1"),
        ]
    );
    assert_eq!(
        template.names().into_iter().collect::<Vec<_>>(),
        ["API_KEY", "BASE_URL"]
    );
}

#[test]
fn only_well_formed_names_are_references() {
    for literal in [
        "{}",
        "{ X }",
        "{X }",
        "{1X}",
        "{X-Y}",
        "{X",
        "X}",
        "{\"a\":1}",
        "{É}",
        "{{}}",
    ] {
        assert_eq!(parse(literal).references().count(), 0, "{literal}");
        assert_eq!(render_plain(literal).unwrap(), literal);
    }
    let longest = format!("{{{}}}", "N".repeat(MAX_NAME_LEN));
    assert_eq!(parse(&longest).references().count(), 1);
    let too_long = format!("{{{}}}", "N".repeat(MAX_NAME_LEN + 1));
    assert_eq!(parse(&too_long).references().count(), 0);
}

#[test]
fn nested_braces_hold_the_inner_reference() {
    let template = parse("{{A}}");
    let names: Vec<_> = template.references().map(|r| r.name).collect();
    assert_eq!(names, ["A"]);
}

#[test]
fn a_backslash_escapes_only_a_brace() {
    assert_eq!(render_plain(r"\{A}").unwrap(), "{A}");
    assert_eq!(render_plain(r"\\{A}").unwrap(), r"\{A}");
    assert_eq!(render_plain(r"C:\path\n").unwrap(), r"C:\path\n");
    assert_eq!(render_plain(r"\{\{").unwrap(), "{{");
    assert_eq!(parse(r"\{A}").references().count(), 0);
}

#[test]
fn renders_secrets_and_variables() {
    let resolved = resolution(
        &[
            ("TOKEN", Visibility::Restricted, "s3cr3t"),
            ("USER", Visibility::Masked, "bob"),
        ],
        &[],
    );
    let vars = variables(&[("BASE_URL", "https://api.example")]);
    let bindings = Bindings::new(&resolved, &vars);
    assert_eq!(
        render(r#"{"u":"{USER}","t":"{TOKEN}"} {BASE_URL}"#, &bindings).unwrap(),
        r#"{"u":"bob","t":"s3cr3t"} https://api.example"#
    );
    let template = parse("{USER} {TOKEN} {BASE_URL}");
    assert_eq!(
        template
            .restricted_names(&bindings)
            .into_iter()
            .collect::<Vec<_>>(),
        ["TOKEN"]
    );
}

#[test]
fn every_unresolved_reference_is_reported_with_its_position() {
    let resolved = resolution(&[("OK", Visibility::Masked, "v")], &["DB_PASSWORD"]);
    let bindings = Bindings::new(&resolved, &[]);
    let errors = render("{OK}\n  x {NOPE} {DB_PASSWORD}\né{NOPE}", &bindings).unwrap_err();
    assert_eq!(
        errors,
        [
            ReferenceError::UnknownName {
                name: "NOPE".into(),
                at: Position {
                    offset: 9,
                    line: 2,
                    column: 5
                }
            },
            ReferenceError::MissingValue {
                name: "DB_PASSWORD".into(),
                environment: "Production".into(),
                at: Position {
                    offset: 16,
                    line: 2,
                    column: 12
                }
            },
            ReferenceError::UnknownName {
                name: "NOPE".into(),
                at: Position {
                    offset: 32, // é is two bytes, one column
                    line: 3,
                    column: 2
                }
            },
        ]
    );
    assert_eq!(
        errors[1].to_string(),
        "{DB_PASSWORD} at line 2, column 12 (byte 16): secret DB_PASSWORD has no value in \
         Production (no override and no default)"
    );
}

#[test]
fn errors_never_carry_values() {
    let resolved = resolution(&[("KEY", Visibility::Masked, "VALUE-123")], &["GONE"]);
    let bindings = Bindings::new(&resolved, &[]);
    let errors = render("{KEY} {GONE} {UNKNOWN}", &bindings).unwrap_err();
    for error in errors {
        assert!(!format!("{error} {error:?}").contains("VALUE-123"));
    }
}

/// A piece of a generated template.
#[derive(Debug, Clone)]
enum Part {
    Text(String),
    Name(&'static str),
    EscapedBrace,
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "[a-zA-Z0-9 _:/.-]{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map("[a-zA-Z_][a-zA-Z0-9_]{0,8}", inner, 0..6)
                .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn never_panics(source in any::<String>()) {
        let resolved = resolution(&[("A", Visibility::Masked, "x")], &["B"]);
        let bindings = Bindings::new(&resolved, &[]);
        let template = parse(&source);
        let _ = template.render(&bindings);
        let _ = template.restricted_names(&bindings);
    }

    #[test]
    fn never_panics_on_brace_heavy_text(source in r"[{}\\AB_1 \n\x22é]{0,64}") {
        let resolved = resolution(&[("A", Visibility::Masked, "x")], &["B"]);
        let bindings = Bindings::new(&resolved, &[]);
        let template = parse(&source);
        for reference in template.references() {
            prop_assert_eq!(&source[reference.span.clone()], format!("{{{}}}", reference.name));
        }
        let _ = template.render(&bindings);
    }

    #[test]
    fn text_without_a_brace_renders_unchanged(source in "[^{]*") {
        prop_assert_eq!(render_plain(&source).unwrap(), source);
    }

    #[test]
    fn escaped_text_renders_back_to_itself(text in r"([{}\\A_ ]|\PC){0,64}") {
        prop_assert_eq!(render_plain(&escape(&text)).unwrap(), text);
    }

    #[test]
    fn escaped_text_has_no_references(text in any::<String>()) {
        prop_assert_eq!(parse(&escape(&text)).references().count(), 0);
    }

    #[test]
    fn json_bodies_are_untouched(value in json_value(), pretty in any::<bool>()) {
        let body = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        prop_assert_eq!(render_plain(&body).unwrap(), body);
    }

    #[test]
    fn rendering_substitutes_every_reference_and_unescapes_braces(
        parts in prop::collection::vec(
            prop_oneof![
                "[a-z :/\"\\[\\]}]{1,8}".prop_map(Part::Text),
                prop::sample::select(vec!["TOKEN", "USER", "BASE_URL"]).prop_map(Part::Name),
                Just(Part::EscapedBrace),
            ],
            0..24,
        ),
    ) {
        let resolved = resolution(
            &[("TOKEN", Visibility::Restricted, "t0k{en}"), ("USER", Visibility::Masked, "{USER}")],
            &[],
        );
        let vars = variables(&[("BASE_URL", "https://x.test/{a}")]);
        let bindings = Bindings::new(&resolved, &vars);
        let mut source = String::new();
        let mut expected = String::new();
        for part in &parts {
            match part {
                // Texts hold no `{` and no backslash: only the parts below make those.
                Part::Text(text) => {
                    source.push_str(text);
                    expected.push_str(text);
                }
                Part::Name(name) => {
                    source.push_str(&format!("{{{name}}}"));
                    expected.push_str(match *name {
                        "TOKEN" => "t0k{en}",
                        "USER" => "{USER}",
                        _ => "https://x.test/{a}",
                    });
                }
                Part::EscapedBrace => {
                    source.push_str("\\{");
                    expected.push('{');
                }
            }
        }
        prop_assert_eq!(render(&source, &bindings).unwrap(), expected);
    }

    #[test]
    fn every_unbound_reference_is_reported(source in r"[{}\\AB_ \n]{0,64}") {
        // A is bound, B is a secret without a value, anything else is unknown.
        let resolved = resolution(&[("A", Visibility::Masked, "x")], &["B"]);
        let bindings = Bindings::new(&resolved, &[]);
        let template = parse(&source);
        let unbound = template.references().filter(|r| r.name != "A").count();
        match template.render(&bindings) {
            Ok(_) => prop_assert_eq!(unbound, 0),
            Err(errors) => prop_assert_eq!(errors.len(), unbound),
        }
    }

    #[test]
    fn a_reference_name_is_exactly_a_valid_secret_name(name in r"[A-Za-z0-9_\-é ]{0,130}") {
        let is_reference = parse(&format!("{{{name}}}")).references().count() == 1;
        prop_assert_eq!(is_reference, crate::names::check_secret_name(&name).is_ok());
    }
}
