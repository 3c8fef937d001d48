//! Finding every occurrence of every pattern (all forms of all values) in a buffer, overlapping
//! ones included, fast enough to beat a fixed-string grep of the plain values alone.
//!
//! One aho-corasick automaton (standard semantics, so overlapping matches are all reported)
//! holds every pattern. Running it over every byte would be slow: random-looking values defeat
//! its own prefilters. So a cheaper filter runs first — aho-corasick's packed SIMD searcher
//! (Teddy, at most 64 literals each) over *fingerprints*: short substrings chosen so that every
//! pattern contains at least one (the plain, `url` and `json` forms of a value share most of
//! theirs). Only around a fingerprint's occurrence does the automaton run, over the window
//! where a pattern containing it could lie.

use aho_corasick::{packed, AhoCorasick, Input, MatchKind, Span};
use std::collections::BTreeMap;

/// Teddy's limit; beyond it the packed searcher gives up.
const FINGERPRINTS_PER_FILTER: usize = 64;
/// Fingerprint lengths tried, longest first (fewer false candidates) until few enough.
const FINGERPRINT_LENGTHS: [usize; 3] = [8, 6, 4];

/// One occurrence of a pattern: its index and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// Empty: run the automaton everywhere (no packed searcher could be built).
    filters: Vec<packed::Searcher>,
    longest: usize,
}

impl Matcher {
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Matcher {
        let longest = patterns.iter().map(|p| p.as_ref().len()).max().unwrap_or(0);
        if patterns.is_empty() {
            return Matcher {
                automaton: None,
                filters: Vec::new(),
                longest,
            };
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .expect("values of at most 64 KiB in every form always build");
        let mut fingerprints = Vec::new();
        for length in FINGERPRINT_LENGTHS {
            fingerprints = choose_fingerprints(patterns, length);
            if fingerprints.len() <= FINGERPRINTS_PER_FILTER {
                break;
            }
        }
        let mut filters = Vec::new();
        for group in fingerprints.chunks(FINGERPRINTS_PER_FILTER) {
            let built = packed::Config::new()
                .match_kind(packed::MatchKind::LeftmostFirst)
                .builder()
                .extend(group)
                .build();
            match built {
                Some(searcher) => filters.push(searcher),
                None => {
                    filters.clear();
                    break;
                }
            }
        }
        Matcher {
            automaton: Some(automaton),
            filters,
            longest,
        }
    }

    /// The longest pattern: a chunked reader keeps this many bytes minus one between chunks.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// Every occurrence in `haystack` that ends after `report_after` (earlier ones were
    /// reported with the previous chunk), in no particular order.
    pub fn find_all(&self, haystack: &[u8], report_after: usize, hits: &mut Vec<Hit>) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        if self.filters.is_empty() {
            verify(automaton, haystack, 0, haystack.len(), report_after, hits);
            return;
        }
        // Each filter's next candidate; a pattern occurrence contains some fingerprint
        // occurrence, so it lies within `longest` bytes of one.
        let mut next: Vec<Option<usize>> = self
            .filters
            .iter()
            .map(|filter| first_from(filter, haystack, 0))
            .collect();
        let mut verified_to = report_after;
        while let Some(candidate) = next.iter().flatten().copied().min() {
            let from = (candidate + 1).saturating_sub(self.longest);
            let to = (candidate + self.longest).min(haystack.len());
            if to > verified_to {
                verify(automaton, haystack, from, to, verified_to, hits);
                verified_to = to;
            }
            for (slot, filter) in next.iter_mut().zip(&self.filters) {
                if *slot == Some(candidate) {
                    *slot = first_from(filter, haystack, candidate + 1);
                }
            }
        }
    }
}

fn first_from(filter: &packed::Searcher, haystack: &[u8], from: usize) -> Option<usize> {
    if from >= haystack.len() {
        return None;
    }
    filter
        .find_in(haystack, Span::from(from..haystack.len()))
        .map(|found| found.start())
}

/// Runs the automaton over `haystack[from..to]`, keeping the occurrences that end after
/// `report_after` (the others were found by an earlier window).
fn verify(
    automaton: &AhoCorasick,
    haystack: &[u8],
    from: usize,
    to: usize,
    report_after: usize,
    hits: &mut Vec<Hit>,
) {
    let input = Input::new(&haystack[..to]).span(from..to);
    for found in automaton.find_overlapping_iter(input) {
        if found.end() > report_after {
            hits.push(Hit {
                pattern: found.pattern().as_usize(),
                start: found.start(),
                end: found.end(),
            });
        }
    }
}

/// Few substrings of `length` bytes (the whole pattern when shorter) such that every pattern
/// contains one: greedily the substring shared by the most patterns not yet covered.
fn choose_fingerprints<P: AsRef<[u8]>>(patterns: &[P], length: usize) -> Vec<Vec<u8>> {
    let mut sharing: BTreeMap<&[u8], Vec<usize>> = BTreeMap::new();
    for (index, pattern) in patterns.iter().enumerate() {
        let pattern = pattern.as_ref();
        let windows: Vec<&[u8]> = if pattern.len() <= length {
            vec![pattern]
        } else {
            pattern.windows(length).collect()
        };
        for window in windows {
            let owners = sharing.entry(window).or_default();
            if owners.last() != Some(&index) {
                owners.push(index);
            }
        }
    }
    let mut covered = vec![false; patterns.len()];
    let mut chosen = Vec::new();
    while covered.iter().any(|done| !done) {
        let (best, _) = sharing
            .iter()
            .map(|(window, owners)| (*window, owners.iter().filter(|&&i| !covered[i]).count()))
            .max_by_key(|&(_, count)| count)
            .expect("an uncovered pattern has windows");
        for &index in &sharing[best] {
            covered[index] = true;
        }
        chosen.push(best.to_vec());
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(patterns: &[Vec<u8>], haystack: &[u8]) -> Vec<Hit> {
        let mut out = Vec::new();
        for (pattern, bytes) in patterns.iter().enumerate() {
            for start in 0..haystack.len() {
                if haystack[start..].starts_with(bytes) {
                    out.push(Hit {
                        pattern,
                        start,
                        end: start + bytes.len(),
                    });
                }
            }
        }
        out.sort();
        out
    }

    fn found(matcher: &Matcher, haystack: &[u8]) -> Vec<Hit> {
        let mut hits = Vec::new();
        matcher.find_all(haystack, 0, &mut hits);
        hits.sort();
        hits
    }

    #[test]
    fn overlapping_and_nested_occurrences_are_all_found() {
        let patterns = vec![
            b"secret-value".to_vec(),
            b"value-two".to_vec(),
            b"secret".to_vec(),
        ];
        let matcher = Matcher::new(&patterns);
        let hay = b"x secret-value-two y";
        assert_eq!(found(&matcher, hay), naive(&patterns, hay));
        assert_eq!(found(&matcher, hay).len(), 3);
    }

    #[test]
    fn many_patterns_use_several_filters_with_the_same_results() {
        let patterns: Vec<Vec<u8>> = (0u64..300)
            .map(|i| format!("{:016x}", i.wrapping_mul(0x9E37_79B9_7F4A_7C15)).into_bytes())
            .collect();
        let matcher = Matcher::new(&patterns);
        assert!(matcher.filters.len() > 1);
        let mut hay = b"aa ".to_vec();
        for i in [0usize, 20, 299, 150] {
            hay.extend_from_slice(&patterns[i]);
            hay.extend_from_slice(b" x ");
        }
        hay.extend_from_slice(&patterns[7][..10]);
        let hay = &hay[..];
        assert_eq!(found(&matcher, hay), naive(&patterns, hay));
    }

    #[test]
    fn every_pattern_holds_a_fingerprint() {
        let patterns: Vec<Vec<u8>> = (0..200).map(|i| format!("p{i}-xyz").into_bytes()).collect();
        for length in FINGERPRINT_LENGTHS {
            let prints = choose_fingerprints(&patterns, length);
            for pattern in &patterns {
                assert!(prints
                    .iter()
                    .any(|p| pattern.windows(p.len()).any(|w| w == &p[..])));
            }
        }
    }

    proptest! {
        #[test]
        fn equals_a_naive_search(
            patterns in prop::collection::vec(prop::collection::vec(b'a'..b'e', 4..12), 1..20),
            haystack in prop::collection::vec(b'a'..b'f', 0..400),
            report_after in 0usize..50,
        ) {
            let mut patterns = patterns;
            patterns.sort();
            patterns.dedup();
            let matcher = Matcher::new(&patterns);
            let mut hits = Vec::new();
            matcher.find_all(&haystack, report_after, &mut hits);
            hits.sort();
            hits.dedup();
            let mut expected = naive(&patterns, &haystack);
            expected.retain(|hit| hit.end > report_after);
            prop_assert_eq!(hits, expected);
        }
    }
}
