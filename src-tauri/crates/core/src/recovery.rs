//! The printable recovery key: 256 random bits as 52 base32 characters in groups of four,
//! e.g. `ABCD-EFGH-…`. It is a second wrap of the data key, kept by the user on paper.

use crate::crypto::{Key, KEY_LEN};
use crate::error::{Error, Field, Result};
use data_encoding::BASE32_NOPAD;
use zeroize::Zeroizing;

const GROUP: usize = 4;

pub fn format(key: &Key) -> Zeroizing<String> {
    let plain = Zeroizing::new(BASE32_NOPAD.encode(key.as_bytes()));
    let mut out = Zeroizing::new(String::with_capacity(plain.len() + plain.len() / GROUP));
    for (i, c) in plain.chars().enumerate() {
        if i > 0 && i % GROUP == 0 {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// Accepts the printed form with any case, spaces, dashes or line breaks.
pub fn parse(text: &str) -> Result<Key> {
    let cleaned: Zeroizing<String> = Zeroizing::new(
        text.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect(),
    );
    let malformed = || {
        Error::invalid(
            Field::RecoveryKey,
            "that is not a recovery key: expected 52 letters and digits (A–Z, 2–7) in groups of four",
        )
    };
    let bytes = Zeroizing::new(
        BASE32_NOPAD
            .decode(cleaned.as_bytes())
            .map_err(|_| malformed())?,
    );
    if bytes.len() != KEY_LEN {
        return Err(malformed());
    }
    Key::from_slice(&bytes).ok_or_else(malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_sloppy_typing() {
        let key = Key::random();
        let printed = format(&key);
        assert_eq!(printed.len(), 52 + 12);
        assert_eq!(parse(&printed).unwrap(), key);
        let sloppy = printed.to_lowercase().replace('-', " ");
        assert_eq!(parse(&sloppy).unwrap(), key);
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse("").is_err());
        assert!(parse("hello").is_err());
        assert!(parse(&"A".repeat(51)).is_err());
    }
}
