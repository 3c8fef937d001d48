//! Searching one stream (a file, a git blob) in fixed-size chunks, so memory stays flat however
//! large it is: each chunk is searched together with the last `longest - 1` bytes of the one
//! before, so a value split across a chunk boundary is found, and found once.

use super::matcher::{Hit, Matcher};
use std::io::{self, Read};

/// Bytes read at a time.
const CHUNK: usize = 256 * 1024;
/// A NUL byte among the first this many bytes makes a file binary (git's rule).
pub const BINARY_SNIFF: usize = 8000;

/// A pattern found at a 1-based line and byte column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub pattern: usize,
    pub line: u64,
    pub column: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Searched to the end: this many bytes.
    Searched(u64),
    /// Skipped as binary after reading this many bytes.
    Binary(u64),
}

/// One per thread: the chunk buffer is reused from stream to stream.
pub struct StreamSearcher<'m> {
    matcher: &'m Matcher,
    buffer: Vec<u8>,
    hits: Vec<Hit>,
}

impl<'m> StreamSearcher<'m> {
    pub fn new(matcher: &'m Matcher) -> StreamSearcher<'m> {
        StreamSearcher {
            matcher,
            buffer: vec![0; CHUNK + matcher.longest()],
            hits: Vec::new(),
        }
    }

    /// Searches `input` to its end, calling `found` for each occurrence (in order of position
    /// within a chunk). With `binary` false, a stream with a NUL byte early on is skipped.
    pub fn search(
        &mut self,
        mut input: impl Read,
        binary: bool,
        mut found: impl FnMut(Located),
    ) -> io::Result<Outcome> {
        let keep = self.matcher.longest().saturating_sub(1);
        let mut held = 0;
        let mut total: u64 = 0;
        let mut first = true;
        // Lines and column reached at `buffer[0]`.
        let mut lines_before: u64 = 0;
        let mut column_before: u64 = 0;
        loop {
            let (filled, at_end) = fill(&mut input, &mut self.buffer, held)?;
            total += (filled - held) as u64;
            if first {
                first = false;
                let sniff = &self.buffer[..filled.min(BINARY_SNIFF)];
                if !binary && memchr::memchr(0, sniff).is_some() {
                    return Ok(Outcome::Binary(total));
                }
            } else if filled == held {
                break;
            }
            let window = &self.buffer[..filled];
            self.hits.clear();
            self.matcher.find_all(window, held, &mut self.hits);
            self.hits
                .sort_unstable_by_key(|hit| (hit.start, hit.pattern));
            let mut counted_to = 0;
            let mut lines = lines_before;
            let mut line_start: Option<usize> = None;
            for hit in &self.hits {
                let part = &window[counted_to..hit.start];
                lines += memchr::memchr_iter(b'\n', part).count() as u64;
                if let Some(at) = memchr::memrchr(b'\n', part) {
                    line_start = Some(counted_to + at + 1);
                }
                counted_to = hit.start;
                let column = match line_start {
                    Some(start) => (hit.start - start) as u64 + 1,
                    None => column_before + hit.start as u64 + 1,
                };
                found(Located {
                    pattern: hit.pattern,
                    line: lines + 1,
                    column,
                });
            }
            if at_end {
                break;
            }
            let discard = filled.saturating_sub(keep);
            let gone = &self.buffer[..discard];
            lines_before += memchr::memchr_iter(b'\n', gone).count() as u64;
            column_before = match memchr::memrchr(b'\n', gone) {
                Some(at) => (discard - at - 1) as u64,
                None => column_before + discard as u64,
            };
            self.buffer.copy_within(discard..filled, 0);
            held = filled - discard;
        }
        Ok(Outcome::Searched(total))
    }
}

/// Reads until `buffer` is full or the input ends; returns the filled length and whether the
/// input ended.
fn fill(input: &mut impl Read, buffer: &mut [u8], from: usize) -> io::Result<(usize, bool)> {
    let mut filled = from;
    while filled < buffer.len() {
        match input.read(&mut buffer[filled..]) {
            Ok(0) => return Ok((filled, true)),
            Ok(read) => filled += read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok((filled, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locate(patterns: &[&str], text: &[u8]) -> Vec<(usize, u64, u64)> {
        let matcher = Matcher::new(patterns);
        let mut searcher = StreamSearcher::new(&matcher);
        let mut out = Vec::new();
        searcher
            .search(text, false, |l| out.push((l.pattern, l.line, l.column)))
            .unwrap();
        out
    }

    #[test]
    fn lines_and_columns_across_chunks() {
        let mut text = Vec::new();
        for _ in 0..100_000 {
            text.extend_from_slice(b"lorem ipsum\n");
        }
        // Straddles the first chunk boundary (262144 = 21845 * 12 + 4).
        let at = CHUNK - 3;
        text.splice(at..at, b"the-secret-value".iter().copied());
        let found = locate(&["the-secret-value"], &text);
        assert_eq!(found, vec![(0, 21846, 2)]);
        text.extend_from_slice(b"x the-secret-value");
        assert_eq!(locate(&["the-secret-value"], &text).len(), 2);
        assert_eq!(locate(&["the-secret-value"], &text)[1], (0, 100_001, 3));
    }

    #[test]
    fn binary_is_skipped_unless_asked() {
        let matcher = Matcher::new(&["the-secret-value"]);
        let mut searcher = StreamSearcher::new(&matcher);
        let text = b"\0\x01 the-secret-value";
        let mut count = 0;
        let outcome = searcher.search(&text[..], false, |_| count += 1).unwrap();
        assert_eq!((outcome, count), (Outcome::Binary(19), 0));
        let outcome = searcher.search(&text[..], true, |_| count += 1).unwrap();
        assert_eq!((outcome, count), (Outcome::Searched(19), 1));
    }
}
