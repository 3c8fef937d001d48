//! The encoded forms of a secret value: the byte strings under which a value shows up when a
//! program has encoded it — base64 (standard and URL-safe, at any alignment inside a longer
//! stream), hex, percent-encoding and JSON string escaping. One place for all of them: the leak
//! scan searches for every form, and the redactor is to use the same list.
//!
//! Rules (docs/CLI.md, "What the scan looks for"):
//! - **base64**: a value inside a longer base64 stream is encoded differently depending on its
//!   offset modulo 3, and its first and last characters depend on the bytes around it. For each
//!   of the three offsets only the *stable inner part* is kept: the characters whose six bits
//!   come from the value alone. It is a substring of the padded and of the unpadded encoding.
//!   The shifted variants (offsets 1 and 2) lose up to three characters at each end, so they are
//!   only made for values of at least [`MIN_SHIFTED_BASE64_LEN`] bytes; shorter ones would be a
//!   handful of characters that random base64 text contains by chance.
//! - **hex**: lower and upper case.
//! - **url**: as browsers' `encodeURIComponent` and the `url` crate's form encoding apply it
//!   (only reserved characters encoded; `+` for a space in forms), RFC 3986 strict, and every
//!   byte encoded (`%XX` upper and lower case).
//! - **json**: the escaping of a JSON string (`\"`, `\\`, control characters), with `/` as is
//!   or as `\/`, and non-ASCII characters as they are or as `\uXXXX` (with surrogate pairs).
//!
//! Identical byte strings are listed once, under the first form that made them (the plain value
//! first): a value with no special characters has one `url` and one `json` form, the plain one.

use serde::Serialize;
use ts_rs::TS;
use zeroize::Zeroizing;

/// Below this length the shifted base64 variants are not made (see the module comment).
pub const MIN_SHIFTED_BASE64_LEN: usize = 8;

/// How a value was encoded where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    Plain,
    Json,
    Url,
    Hex,
    Base64,
    #[serde(rename = "base64url")]
    Base64Url,
}

impl Form {
    /// The short label printed next to a finding.
    pub fn label(self) -> &'static str {
        match self {
            Form::Plain => "plain",
            Form::Json => "json",
            Form::Url => "url",
            Form::Hex => "hex",
            Form::Base64 => "base64",
            Form::Base64Url => "base64url",
        }
    }
}

/// One encoded form of a value. The bytes are as secret as the value: zeroized on drop, never
/// printed.
pub struct EncodedForm {
    pub form: Form,
    pub bytes: Zeroizing<Vec<u8>>,
}

impl std::fmt::Debug for EncodedForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EncodedForm")
            .field("form", &self.form)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Every form of `value`, the plain value first, without duplicates and without empty strings.
pub fn encoded_forms(value: &[u8]) -> Vec<EncodedForm> {
    let mut out: Vec<EncodedForm> = Vec::new();
    let mut push = |form: Form, bytes: Vec<u8>| {
        let bytes = Zeroizing::new(bytes);
        if !bytes.is_empty() && !out.iter().any(|known| *known.bytes == *bytes) {
            out.push(EncodedForm { form, bytes });
        }
    };
    push(Form::Plain, value.to_vec());
    for slash in [false, true] {
        for ascii_only in [false, true] {
            if let Some(escaped) = json_escaped(value, slash, ascii_only) {
                push(Form::Json, escaped);
            }
        }
    }
    for keep in [
        UrlKeep::ComponentBrowser,
        UrlKeep::Rfc3986,
        UrlKeep::Form,
        UrlKeep::Nothing,
    ] {
        push(Form::Url, percent_encoded(value, keep, HEX_UPPER));
    }
    push(
        Form::Url,
        percent_encoded(value, UrlKeep::Nothing, HEX_LOWER),
    );
    push(Form::Hex, hex_encoded(value, HEX_LOWER));
    push(Form::Hex, hex_encoded(value, HEX_UPPER));
    let shifts: &[usize] = if value.len() >= MIN_SHIFTED_BASE64_LEN {
        &[0, 1, 2]
    } else {
        &[0]
    };
    for &shift in shifts {
        push(
            Form::Base64,
            base64_stable(value, shift, &data_encoding::BASE64),
        );
        push(
            Form::Base64Url,
            base64_stable(value, shift, &data_encoding::BASE64URL),
        );
    }
    out
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";
const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";

fn hex_encoded(value: &[u8], digits: &[u8; 16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len() * 2);
    for &byte in value {
        out.push(digits[usize::from(byte >> 4)]);
        out.push(digits[usize::from(byte & 15)]);
    }
    out
}

/// The characters percent-encoding leaves as they are.
#[derive(Clone, Copy)]
enum UrlKeep {
    /// `encodeURIComponent`: letters, digits and `-_.!~*'()`.
    ComponentBrowser,
    /// RFC 3986 unreserved: letters, digits and `-._~`.
    Rfc3986,
    /// `application/x-www-form-urlencoded` (the `url` crate, HTML forms): letters, digits and
    /// `*-._`, and a space becomes `+`.
    Form,
    /// Every byte as `%XX`.
    Nothing,
}

fn percent_encoded(value: &[u8], keep: UrlKeep, digits: &[u8; 16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len() * 3);
    for &byte in value {
        let kept = byte.is_ascii_alphanumeric() && !matches!(keep, UrlKeep::Nothing)
            || match keep {
                UrlKeep::ComponentBrowser => b"-_.!~*'()".contains(&byte),
                UrlKeep::Rfc3986 => b"-._~".contains(&byte),
                UrlKeep::Form => b"*-._".contains(&byte),
                UrlKeep::Nothing => false,
            };
        if kept {
            out.push(byte);
        } else if byte == b' ' && matches!(keep, UrlKeep::Form) {
            out.push(b'+');
        } else {
            out.extend_from_slice(&[
                b'%',
                digits[usize::from(byte >> 4)],
                digits[usize::from(byte & 15)],
            ]);
        }
    }
    out
}

/// The value as the inside of a JSON string. `None` when `ascii_only` is asked of a value that
/// is not UTF-8 (a JSON encoder could not have produced `\u` escapes from it).
fn json_escaped(value: &[u8], slash: bool, ascii_only: bool) -> Option<Vec<u8>> {
    let text = match std::str::from_utf8(value) {
        Ok(text) => text,
        Err(_) if !ascii_only => {
            // Escape the ASCII part byte by byte; other bytes pass as they are.
            let mut out = Vec::with_capacity(value.len());
            for &byte in value {
                json_escape_ascii(byte, slash, &mut out);
            }
            return Some(out);
        }
        Err(_) => return None,
    };
    let mut out = Vec::with_capacity(value.len() + 8);
    for c in text.chars() {
        if c.is_ascii() {
            json_escape_ascii(c as u8, slash, &mut out);
        } else if ascii_only {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.extend_from_slice(format!("\\u{unit:04x}").as_bytes());
            }
        } else {
            let mut utf8 = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
    }
    Some(out)
}

fn json_escape_ascii(byte: u8, slash: bool, out: &mut Vec<u8>) {
    match byte {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'/' if slash => out.extend_from_slice(b"\\/"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0c => out.extend_from_slice(b"\\f"),
        0..=0x1f => out.extend_from_slice(format!("\\u{byte:04x}").as_bytes()),
        _ => out.push(byte),
    }
}

/// The characters of the base64 encoding of `value` placed `shift` bytes into a 3-byte group
/// that depend on the value alone: those whose 6 bits lie entirely inside it.
fn base64_stable(value: &[u8], shift: usize, encoding: &data_encoding::Encoding) -> Vec<u8> {
    let mut shifted = vec![0u8; shift];
    shifted.extend_from_slice(value);
    let encoded = Zeroizing::new(encoding.encode(&shifted));
    shifted.iter_mut().for_each(|byte| *byte = 0);
    let first = (8 * shift).div_ceil(6);
    let end = 8 * (shift + value.len()) / 6;
    if first >= end {
        return Vec::new();
    }
    encoded.as_bytes()[first..end].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn forms_of(value: &str) -> Vec<(Form, String)> {
        encoded_forms(value.as_bytes())
            .into_iter()
            .map(|f| (f.form, String::from_utf8(f.bytes.to_vec()).unwrap()))
            .collect()
    }

    fn has(value: &str, form: Form, bytes: &str) -> bool {
        forms_of(value)
            .iter()
            .any(|(f, b)| *f == form && b == bytes)
    }

    #[test]
    fn plain_first_and_no_duplicates() {
        let forms = forms_of("abcdefgh");
        assert_eq!(forms[0], (Form::Plain, "abcdefgh".to_owned()));
        let mut texts: Vec<&String> = forms.iter().map(|(_, b)| b).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), forms.len());
        // Nothing to escape: no url or json form besides the fully encoded ones.
        assert!(!forms.iter().any(|(f, _)| *f == Form::Json));
    }

    #[test]
    fn hex_and_percent() {
        assert!(has("a/b c+d", Form::Hex, "612f6220632b64"));
        assert!(has("a/b c+d", Form::Hex, "612F6220632B64"));
        assert!(has("a/b c+d", Form::Url, "a%2Fb%20c%2Bd"));
        assert!(has("a/b c+d", Form::Url, "a%2Fb+c%2Bd"));
        assert!(has("a/b c+d", Form::Url, "%61%2F%62%20%63%2B%64"));
        assert!(has("a/b c+d", Form::Url, "%61%2f%62%20%63%2b%64"));
        // encodeURIComponent keeps ' ( ) ! * ~; RFC 3986 strict does not.
        assert!(has("it's(x)", Form::Url, "it's(x)") || has("it's(x)", Form::Plain, "it's(x)"));
        assert!(has("it's(x)", Form::Url, "it%27s%28x%29"));
    }

    #[test]
    fn json_escapes() {
        assert!(has("p\"w/\\é", Form::Json, "p\\\"w/\\\\é"));
        assert!(has("p\"w/\\é", Form::Json, "p\\\"w\\/\\\\é"));
        assert!(has("p\"w/\\é", Form::Json, "p\\\"w\\/\\\\\\u00e9"));
        assert!(has("a\nb\u{1}😀", Form::Json, "a\\nb\\u0001\\ud83d\\ude00"));
    }

    #[test]
    fn base64_at_every_offset_is_found_in_the_encoding_of_a_longer_stream() {
        let value = b"sk-live-0123456789";
        let forms = encoded_forms(value);
        for prefix_len in 0..6 {
            for suffix_len in 0..4 {
                let mut stream = vec![b'#'; prefix_len];
                stream.extend_from_slice(value);
                stream.extend(std::iter::repeat_n(b'~', suffix_len));
                for (encoding, form) in [
                    (&data_encoding::BASE64, Form::Base64),
                    (&data_encoding::BASE64URL, Form::Base64Url),
                ] {
                    let encoded = encoding.encode(&stream);
                    let found = forms.iter().any(|f| {
                        (f.form == form || f.form == Form::Base64)
                            && encoded.contains(std::str::from_utf8(&f.bytes).unwrap())
                    });
                    assert!(found, "offset {prefix_len}, suffix {suffix_len}: {encoded}");
                }
            }
        }
    }

    #[test]
    fn short_values_get_only_the_aligned_base64() {
        let forms = encoded_forms(b"abcdef");
        let base64: Vec<_> = forms.iter().filter(|f| f.form == Form::Base64).collect();
        assert_eq!(base64.len(), 1);
        assert_eq!(&**base64[0].bytes, b"YWJjZGVm");
    }

    #[test]
    fn json_names_are_the_labels() {
        for form in [
            Form::Plain,
            Form::Json,
            Form::Url,
            Form::Hex,
            Form::Base64,
            Form::Base64Url,
        ] {
            let json = serde_json::to_string(&form).unwrap();
            assert_eq!(json, format!("\"{}\"", form.label()));
        }
    }

    #[test]
    fn debug_never_shows_the_bytes() {
        let forms = encoded_forms(b"hunter22-secret");
        let debug = format!("{forms:?}");
        assert!(!debug.contains("hunter22"));
    }

    proptest! {
        #[test]
        fn some_base64_form_is_inside_any_surrounding_stream(
            value in prop::collection::vec(any::<u8>(), 8..40),
            prefix in prop::collection::vec(any::<u8>(), 0..5),
            suffix in prop::collection::vec(any::<u8>(), 0..5),
        ) {
            let forms = encoded_forms(&value);
            let mut stream = prefix.clone();
            stream.extend_from_slice(&value);
            stream.extend_from_slice(&suffix);
            let encoded = data_encoding::BASE64.encode(&stream);
            let found = forms
                .iter()
                .any(|f| encoded.as_bytes().windows(f.bytes.len()).any(|w| w == &f.bytes[..]));
            prop_assert!(found);
        }
    }
}
