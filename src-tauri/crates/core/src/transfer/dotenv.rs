//! `.env` files: parsing for import (dotenvy's parser, values taken literally) and the
//! `.env.example` text for export (names only).
//!
//! dotenvy expands `$VAR` and `${VAR}` in unquoted and double-quoted values — from earlier lines
//! and from the process environment. That is the classic dotenv trap for a password holding a
//! `$`, and would leak this process's environment into a secret. So before dotenvy sees a
//! record, every `$` that would start an expansion (one not escaped by an odd run of
//! backslashes) is swapped for a private-use character absent from the file, and swapped back in
//! the parsed value. Everything else — quotes, escapes, `export`, comments, multi-line quoted
//! values — is dotenvy's own behaviour.
//!
//! The file is cut into records (one logical line each, possibly spanning several physical lines)
//! with the same state machine dotenvy uses, so that each record knows its line number; each
//! record is then parsed by `dotenvy::from_read_iter` on its own.

use crate::error::{Error, Result};
use crate::names::{check_secret_name, check_value};
use crate::transfer::project_file::MAX_FILE_BYTES;
use crate::SecretString;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// One `NAME=value` of the file.
pub struct DotenvEntry {
    /// 1-based line where the entry starts.
    pub line: u32,
    pub name: String,
    pub value: SecretString,
}

impl std::fmt::Debug for DotenvEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DotenvEntry")
            .field("line", &self.line)
            .field("name", &self.name)
            .field("value", &"[redacted]")
            .finish()
    }
}

/// A line that cannot be imported. The message never quotes a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvalidLine {
    pub line: u32,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct DotenvParse {
    pub entries: Vec<DotenvEntry>,
    pub invalid: Vec<InvalidLine>,
}

/// Parses a `.env` file. Only a file over 10 MiB is an error; every other problem is an
/// [`InvalidLine`] (the caller imports nothing while there is one).
pub fn parse(bytes: &[u8]) -> Result<DotenvParse> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::Invalid {
            field: None,
            message: format!(
                "This .env file cannot be imported: it is {} bytes; the limit is 10 MiB. Nothing was changed.",
                bytes.len()
            ),
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = line_at(&bytes[..e.valid_up_to()]);
            return Ok(DotenvParse {
                entries: Vec::new(),
                invalid: vec![InvalidLine {
                    line,
                    message: "is not UTF-8 text".into(),
                }],
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(placeholder) = unused_char(text) else {
        return Err(Error::Invalid {
            field: None,
            message: "This .env file cannot be imported: it uses every private-use character. Nothing was changed.".into(),
        });
    };

    let mut out = DotenvParse::default();
    let mut first_line_of: HashMap<String, u32> = HashMap::new();
    for record in records(text) {
        if !record.closed {
            out.invalid.push(InvalidLine {
                line: record.line,
                message: "a quoted value starts here and is never closed".into(),
            });
            continue;
        }
        if record.text.trim().is_empty() {
            continue;
        }
        let neutral = neutralize(&record.text, placeholder);
        let mut input = neutral.clone();
        input.push('\n');
        for item in dotenvy::from_read_iter(input.as_bytes()) {
            match item {
                Err(_) => out.invalid.push(InvalidLine {
                    line: record.line,
                    message: explain(&neutral),
                }),
                Ok((name, value)) => {
                    let value = SecretString::from(value.replace(placeholder, "$"));
                    if let Err(e) = check_secret_name(&name) {
                        out.invalid.push(InvalidLine {
                            line: record.line,
                            message: format!("{name} is not a valid secret name: {e}"),
                        });
                        continue;
                    }
                    if check_value(secrecy::ExposeSecret::expose_secret(&value)).is_err() {
                        out.invalid.push(InvalidLine {
                            line: record.line,
                            message: format!(
                                "the value of {name} is longer than 64 KiB, the limit for a secret"
                            ),
                        });
                        continue;
                    }
                    if let Some(first) = first_line_of.get(&name) {
                        out.invalid.push(InvalidLine {
                            line: record.line,
                            message: format!(
                                "{name} is already set on line {first}; keep one of the two"
                            ),
                        });
                        continue;
                    }
                    first_line_of.insert(name.clone(), record.line);
                    out.entries.push(DotenvEntry {
                        line: record.line,
                        name,
                        value,
                    });
                }
            }
        }
    }
    Ok(out)
}

/// The `.env.example` text: a header comment, then `NAME=` for each name, sorted.
pub fn example(project_name: &str, names: &[String]) -> String {
    let mut names: Vec<&String> = names.iter().collect();
    names.sort();
    names.dedup();
    let project: String = project_name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out = format!(
        "# Secrets of the Agent Secrets project \"{project}\": names only, no values.\n\
         # Fill in your own values, or run your program with `agent-secrets run`.\n"
    );
    for name in names {
        out.push_str(name);
        out.push_str("=\n");
    }
    out
}

/// Why dotenvy refused a record, without repeating any of its value.
fn explain(record: &str) -> String {
    let trimmed = record.trim_start();
    let body = match trimmed.strip_prefix("export") {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => trimmed,
    };
    let Some(equals) = body.find('=') else {
        return "is not NAME=value (no '=')".into();
    };
    let name = body[..equals].trim_end();
    let valid_name = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
    if !valid_name {
        return "the name before '=' is not valid (letters, digits and _, not starting with a digit)"
            .into();
    }
    format!(
        "the value of {name} cannot be read: quote it if it holds spaces, close its quotes, and \
         use only \\\\ \\' \\\" \\$ \\n or \\<space> escapes"
    )
}

/// Swaps each `$` that dotenvy would expand for `placeholder` (see the module doc).
fn neutralize(record: &str, placeholder: char) -> String {
    let mut out = String::with_capacity(record.len());
    let mut backslashes = 0usize;
    for c in record.chars() {
        if c == '$' && backslashes % 2 == 0 {
            out.push(placeholder);
        } else {
            out.push(c);
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    out
}

fn unused_char(text: &str) -> Option<char> {
    (0xE000u32..=0xF8FF)
        .chain(0xF_0000..=0xF_FFFD)
        .filter_map(char::from_u32)
        .find(|c| !text.contains(*c))
}

fn line_at(prefix: &[u8]) -> u32 {
    let newlines = prefix.iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

struct Record {
    /// 1-based line where the record starts.
    line: u32,
    text: String,
    /// False when the file ended inside a quoted value.
    closed: bool,
}

#[derive(Clone, Copy)]
enum State {
    Complete,
    Escape,
    StrongOpen,
    StrongOpenEscape,
    WeakOpen,
    WeakOpenEscape,
    Comment,
    WhiteSpace,
}

/// dotenvy's line-joining state machine (iter.rs, `eval_end_state`), unchanged.
fn end_state(mut state: State, line: &str) -> (usize, State) {
    let mut position = 0;
    for (index, c) in line.char_indices() {
        position = index;
        state = match state {
            State::WhiteSpace => match c {
                '#' => return (position, State::Comment),
                '\\' => State::Escape,
                '"' => State::WeakOpen,
                '\'' => State::StrongOpen,
                _ => State::Complete,
            },
            State::Escape => State::Complete,
            State::Complete => match c {
                c if c.is_whitespace() && c != '\n' && c != '\r' => State::WhiteSpace,
                '\\' => State::Escape,
                '"' => State::WeakOpen,
                '\'' => State::StrongOpen,
                _ => State::Complete,
            },
            State::WeakOpen => match c {
                '\\' => State::WeakOpenEscape,
                '"' => State::Complete,
                _ => State::WeakOpen,
            },
            State::WeakOpenEscape => State::WeakOpen,
            State::StrongOpen => match c {
                '\\' => State::StrongOpenEscape,
                '\'' => State::Complete,
                _ => State::StrongOpen,
            },
            State::StrongOpenEscape => State::StrongOpen,
            State::Comment => return (position, State::Comment),
        };
    }
    (position, state)
}

/// Cuts the text into logical lines as dotenvy's `QuotedLines` does, keeping line numbers.
fn records(text: &str) -> Vec<Record> {
    // A last line without a newline is read like one with it (dotenvy would otherwise refuse a
    // last line ending in a space).
    let mut physical: Vec<&str> = text.split_inclusive('\n').collect();
    let owned_last;
    if let Some(last) = physical.last_mut() {
        if !last.ends_with('\n') {
            owned_last = format!("{last}\n");
            *last = owned_last.as_str();
        }
    }
    let mut out = Vec::new();
    let mut index = 0;
    while index < physical.len() {
        let first = index;
        let mut buf = String::new();
        let mut state = State::Complete;
        let mut done = false;
        while index < physical.len() {
            let start = buf.len();
            buf.push_str(physical[index]);
            index += 1;
            if buf.trim_start().starts_with('#') {
                buf.clear();
                done = true;
                break;
            }
            let (position, next) = end_state(state, &buf[start..]);
            state = next;
            match state {
                State::Complete => {
                    if buf.ends_with('\n') {
                        buf.pop();
                        if buf.ends_with('\r') {
                            buf.pop();
                        }
                    }
                    done = true;
                    break;
                }
                State::Comment => {
                    buf.truncate(start + position);
                    done = true;
                    break;
                }
                _ => {}
            }
        }
        out.push(Record {
            line: u32::try_from(first + 1).unwrap_or(u32::MAX),
            text: buf,
            closed: done,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use secrecy::ExposeSecret;

    fn pairs(text: &str) -> Vec<(u32, String, String)> {
        let parsed = parse(text.as_bytes()).unwrap();
        assert!(parsed.invalid.is_empty(), "{:?}", parsed.invalid);
        parsed
            .entries
            .into_iter()
            .map(|e| (e.line, e.name, e.value.expose_secret().to_owned()))
            .collect()
    }

    #[test]
    fn quotes_escapes_export_comments_and_multiline() {
        let text = "# header\n\
                    export A=plain\n\
                    B='single $HOME \\n'\n\
                    C=\"double \\\"q\\\" \\n end\"\n\
                    \n\
                    D=x # trailing comment\n\
                    E=\"line one\n\
                    line two\"\n\
                    F=\n\
                    G=a\\ b\n";
        assert_eq!(
            pairs(text),
            vec![
                (2, "A".into(), "plain".into()),
                (3, "B".into(), "single $HOME \\n".into()),
                (4, "C".into(), "double \"q\" \n end".into()),
                (6, "D".into(), "x".into()),
                (7, "E".into(), "line one\nline two".into()),
                (9, "F".into(), String::new()),
                (10, "G".into(), "a b".into()),
            ]
        );
    }

    #[test]
    fn dollar_signs_are_never_expanded() {
        std::env::set_var("AGENT_SECRETS_DOTENV_TEST", "LEAKED");
        let text = "A=first\n\
                    P1=pa$$word$A\n\
                    P2=\"x${A}y$AGENT_SECRETS_DOTENV_TEST\"\n\
                    P3='$AGENT_SECRETS_DOTENV_TEST'\n\
                    P4=\"escaped \\$ and \\\\$A\"\n\
                    P5=$\n\
                    P6=\"${unclosed\"\n";
        assert_eq!(
            pairs(text)
                .into_iter()
                .map(|(_, n, v)| (n, v))
                .collect::<Vec<_>>(),
            vec![
                ("A".into(), "first".into()),
                ("P1".into(), "pa$$word$A".into()),
                ("P2".into(), "x${A}y$AGENT_SECRETS_DOTENV_TEST".into()),
                ("P3".into(), "$AGENT_SECRETS_DOTENV_TEST".into()),
                ("P4".into(), "escaped $ and \\$A".into()),
                ("P5".into(), "$".into()),
                ("P6".into(), "${unclosed".into()),
            ]
        );
    }

    #[test]
    fn invalid_lines_are_reported_by_number_without_values() {
        let text = "OK=1\n\
                    no equals here\n\
                    1BAD=x\n\
                    SPACES=two words hunter2\n\
                    A.B=dotted\n\
                    OK=again\n\
                    Q=\"never closed\n\
                    more\n";
        let parsed = parse(text.as_bytes()).unwrap();
        let lines: Vec<u32> = parsed.invalid.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5, 6, 7], "{:?}", parsed.invalid);
        for invalid in &parsed.invalid {
            assert!(!invalid.message.contains("hunter2"), "{invalid:?}");
        }
        assert!(parsed.invalid[4].message.contains("line 1"));
        assert!(parsed.invalid[5].message.contains("never closed"));
    }

    #[test]
    fn crlf_bom_and_no_final_newline() {
        let text = "\u{feff}A=1\r\nB='two'\r\nC=3 ";
        assert_eq!(
            pairs(text),
            vec![
                (1, "A".into(), "1".into()),
                (2, "B".into(), "two".into()),
                (3, "C".into(), "3".into())
            ]
        );
    }

    #[test]
    fn not_utf8_names_the_line() {
        let parsed = parse(b"A=1\nB=\xff\xfe\n").unwrap();
        assert_eq!(parsed.invalid[0].line, 2);
        assert!(parsed.entries.is_empty());
    }

    #[test]
    fn example_lists_sorted_names() {
        let text = example("Support", &["B".into(), "A".into()]);
        assert_eq!(
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .collect::<Vec<_>>(),
            vec!["A=", "B="]
        );
        assert!(text.starts_with("# "));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn dotenv_shaped_noise_never_panics(text in r#"[A-Z_=$'"\\# \n\r{}a-z.]{0,300}"#) {
            let _ = parse(text.as_bytes());
        }

        #[test]
        fn single_quoted_values_survive(value in "[^'\n\r\\\\]{0,60}") {
            let text = format!("K='{value}'\n");
            let parsed = parse(text.as_bytes()).unwrap();
            prop_assert!(parsed.invalid.is_empty());
            prop_assert_eq!(parsed.entries[0].value.expose_secret(), value.as_str());
        }

        #[test]
        fn double_quoted_escaped_values_survive(value in "\\PC{0,60}") {
            let mut quoted = String::from("K=\"");
            for c in value.chars() {
                match c {
                    '\\' => quoted.push_str("\\\\"),
                    '"' => quoted.push_str("\\\""),
                    '$' => quoted.push_str("\\$"),
                    '\n' => quoted.push_str("\\n"),
                    other => quoted.push(other),
                }
            }
            quoted.push_str("\"\n");
            let parsed = parse(quoted.as_bytes()).unwrap();
            prop_assert!(parsed.invalid.is_empty(), "{:?}", parsed.invalid);
            prop_assert_eq!(parsed.entries[0].value.expose_secret(), value.as_str());
        }
    }
}
