//! `{NAME}` references: the one parser used by steps, `inject` and anything else that renders
//! text with secret and variable values.
//!
//! Grammar: `{NAME}`, NAME matching `^[A-Za-z_][A-Za-z0-9_]{0,127}$` (the name rule of
//! `names`), is a reference. `\{` is a literal `{`. Any other `{` — a JSON body `{"a":1}`,
//! `{ x }`, `{}` — is literal text. A backslash anywhere else is literal too.
//!
//! Rendering never leaves a reference silently unresolved: an unknown name or a secret without
//! a value in the environment is an error carrying the reference's position.
//!
//! This module is the grammar; `render` binds names to values and renders.

mod render;
#[cfg(test)]
mod tests;

pub use render::{Binding, Bindings, ReferenceError};

use crate::names::MAX_NAME_LEN;
use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;

/// A run of a parsed text: literal text, or a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text copied as it is. An escaped brace `\{` starts a literal segment with the bare `{`.
    Literal(&'a str),
    Reference(Reference<'a>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'a> {
    pub name: &'a str,
    /// Byte range of `{NAME}` in the source, braces included.
    pub span: Range<usize>,
}

/// A parsed text: its segments, in order, borrowing from the source.
#[derive(Debug, Clone)]
pub struct Template<'a> {
    source: &'a str,
    segments: Vec<Segment<'a>>,
}

/// Where a reference stands in its text: byte offset, and 1-based line and column (in
/// characters) for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub(crate) fn of(source: &str, offset: usize) -> Position {
        let before = &source[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            offset,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {} (byte {})",
            self.line, self.column, self.offset
        )
    }
}

/// Parses `source` into literal and reference segments. Never fails: whatever is not a
/// reference is literal text.
pub fn parse(source: &str) -> Template<'_> {
    let bytes = source.as_bytes();
    let mut segments = Vec::new();
    let mut literal_start = 0;
    let mut cursor = 0;
    while let Some(found) = bytes[cursor..].iter().position(|&b| b == b'{') {
        let brace = cursor + found;
        cursor = brace + 1;
        if brace > literal_start && bytes[brace - 1] == b'\\' {
            // `\{`: drop the backslash; the brace opens the next literal run.
            push_literal(&mut segments, &source[literal_start..brace - 1]);
            literal_start = brace;
            continue;
        }
        let name_len = name_len(&bytes[brace + 1..]);
        if name_len > 0 && bytes.get(brace + 1 + name_len) == Some(&b'}') {
            push_literal(&mut segments, &source[literal_start..brace]);
            let end = brace + name_len + 2;
            segments.push(Segment::Reference(Reference {
                name: &source[brace + 1..end - 1],
                span: brace..end,
            }));
            literal_start = end;
            cursor = end;
        }
    }
    push_literal(&mut segments, &source[literal_start..]);
    Template { source, segments }
}

/// Makes `text` render back to itself: every `{` becomes `\{`.
pub fn escape(text: &str) -> String {
    text.replace('{', "\\{")
}

fn push_literal<'a>(segments: &mut Vec<Segment<'a>>, text: &'a str) {
    if !text.is_empty() {
        segments.push(Segment::Literal(text));
    }
}

/// Length of the name at the start of `bytes`, or 0 when none (or one longer than allowed).
fn name_len(bytes: &[u8]) -> usize {
    match bytes.first() {
        Some(b) if b.is_ascii_alphabetic() || *b == b'_' => {}
        _ => return 0,
    }
    let len = bytes
        .iter()
        .take(MAX_NAME_LEN + 1)
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    if len > MAX_NAME_LEN {
        0
    } else {
        len
    }
}

impl<'a> Template<'a> {
    pub fn source(&self) -> &'a str {
        self.source
    }

    pub fn segments(&self) -> &[Segment<'a>] {
        &self.segments
    }

    /// Every reference, in order of appearance (a name used twice appears twice).
    pub fn references(&self) -> impl Iterator<Item = &Reference<'a>> {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Reference(reference) => Some(reference),
            Segment::Literal(_) => None,
        })
    }

    /// Where `reference` (one of this text's) starts, for messages.
    pub fn position_of(&self, reference: &Reference<'_>) -> Position {
        Position::of(self.source, reference.span.start)
    }

    /// The distinct names the text refers to, sorted.
    pub fn names(&self) -> BTreeSet<&'a str> {
        self.references().map(|reference| reference.name).collect()
    }
}
