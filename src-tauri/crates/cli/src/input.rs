//! Reading a secret from the user: stdin when piped (one trailing newline stripped), else a
//! no-echo prompt. Never from argv.

use crate::context::{CliError, CliResult};
use agent_secrets_core::SecretString;
use std::io::{IsTerminal, Read};
use zeroize::Zeroizing;

pub fn read_secret(prompt: &str) -> CliResult<SecretString> {
    let stdin = std::io::stdin();
    let text = if stdin.is_terminal() {
        Zeroizing::new(
            rpassword::prompt_password(prompt)
                .map_err(|e| CliError::Usage(format!("cannot read from the terminal: {e}")))?,
        )
    } else {
        let mut bytes = Zeroizing::new(Vec::new());
        stdin
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::Usage(format!("cannot read stdin: {e}")))?;
        let text = std::str::from_utf8(&bytes)
            .map_err(|_| CliError::Usage("the value on stdin is not valid UTF-8".into()))?;
        Zeroizing::new(strip_one_newline(text).to_owned())
    };
    Ok(SecretString::from(text.as_str()))
}

fn strip_one_newline(text: &str) -> &str {
    text.strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::strip_one_newline;

    #[test]
    fn strips_exactly_one_trailing_newline() {
        assert_eq!(strip_one_newline("abc\n"), "abc");
        assert_eq!(strip_one_newline("abc\r\n"), "abc");
        assert_eq!(strip_one_newline("abc\n\n"), "abc\n");
        assert_eq!(strip_one_newline("abc"), "abc");
        assert_eq!(strip_one_newline(""), "");
    }
}
