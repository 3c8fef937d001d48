//! `.env` text that dotenv parsers read back as the exact values, without `$VAR` expansion:
//! `NAME='value'` (single quotes are literal in dotenvy, python-dotenv, docker compose and
//! POSIX shells), or, for a value holding a `'` or a `\` (which parsers treat differently even
//! in single quotes), `NAME="value"` with `\`, `"`, `$` and newlines escaped as dotenvy reads
//! them.

use zeroize::Zeroizing;

pub fn render<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::new());
    for (name, value) in pairs {
        out.push_str(name);
        out.push('=');
        if value.contains(['\'', '\\']) {
            out.push('"');
            for c in value.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '"' => out.push_str("\\\""),
                    '$' => out.push_str("\\$"),
                    '\n' => out.push_str("\\n"),
                    other => out.push(other),
                }
            }
            out.push('"');
        } else {
            out.push('\'');
            out.push_str(value);
            out.push('\'');
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse_back(text: &str) -> Vec<(String, String)> {
        dotenvy::from_read_iter(text.as_bytes())
            .collect::<Result<_, _>>()
            .expect("dotenvy parses the output")
    }

    #[test]
    fn quotes_each_value() {
        let text = render([
            ("A", "plain $HOME \"x\""),
            ("B", "it's $HOME"),
            ("C", "back\\slash\nnewline"),
        ]);
        assert_eq!(
            text.as_str(),
            "A='plain $HOME \"x\"'\nB=\"it's \\$HOME\"\nC=\"back\\\\slash\\nnewline\"\n"
        );
    }

    proptest! {
        #[test]
        fn dotenvy_reads_back_every_value_literally(
            values in prop::collection::vec(r#"([$'"\\#= \n\r\t{}]|\PC){0,24}"#, 1..4)
        ) {
            let names: Vec<String> = (0..values.len()).map(|i| format!("SECRET_{i}")).collect();
            let pairs: Vec<(&str, &str)> = names
                .iter()
                .map(String::as_str)
                .zip(values.iter().map(String::as_str))
                .collect();
            let parsed = parse_back(&render(pairs.iter().copied()));
            let expected: Vec<(String, String)> = pairs
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect();
            prop_assert_eq!(parsed, expected);
        }
    }
}
