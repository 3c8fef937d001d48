//! What a scan reports: where each value was found, by name, environment and form — never the
//! value or a fragment of it — and a summary.

use super::needles::UnsearchedValue;
use super::ReadCounts;
use crate::encoded_forms::Form;
use serde::Serialize;
use ts_rs::TS;

/// Where a finding was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A file of the scanned folders.
    File,
    /// A blob of the git history (`--git`).
    GitHistory,
    /// What is staged for the next commit (`--staged`).
    Staged,
    /// A coding agent's transcript or cache folder (`--agents`).
    Agent,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub origin: Origin,
    /// The file as walked (relative to the scanned path when it was given relative), or the
    /// path inside the commit for git history and staged content.
    pub path: String,
    /// Git history: the first commit (oldest) whose tree has this content at `path`.
    pub commit: Option<String>,
    /// 1-based line and byte column where the (encoded) value starts.
    #[ts(type = "number")]
    pub line: u64,
    #[ts(type = "number")]
    pub column: u64,
    pub project: String,
    pub secret: String,
    /// `default` (the default value) and/or the names of environments overriding it.
    pub environment: String,
    pub form: Form,
}

impl Finding {
    /// `path:line:column`, with `commit:` in front for git history.
    pub fn location(&self) -> String {
        match &self.commit {
            Some(commit) => format!(
                "{}:{}:{}:{}",
                short_commit(commit),
                self.path,
                self.line,
                self.column
            ),
            None => format!("{}:{}:{}", self.path, self.line, self.column),
        }
    }

    /// `path:line:column  NAME (environment, form)`; `with_project` for a scan of every project.
    pub fn text_line(&self, with_project: bool) -> String {
        let project = if with_project {
            format!("{} / ", self.project)
        } else {
            String::new()
        };
        format!(
            "{}  {} ({project}{}, {})",
            self.location(),
            self.secret,
            self.environment,
            self.form.label()
        )
    }
}

fn short_commit(commit: &str) -> &str {
    &commit[..commit.len().min(12)]
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScanSummary {
    /// Flattened: the JSON keeps `files`, `blobs` and `bytes` at the top of the summary.
    #[serde(flatten)]
    pub read: ReadCounts,
    /// Files and blobs skipped as binary (a NUL byte in the first 8000 bytes, as git decides).
    #[ts(type = "number")]
    pub skipped_binary: u64,
    /// Files that could not be read (permissions, vanished while walking).
    #[ts(type = "number")]
    pub unreadable: u64,
    /// Distinct values searched, and the byte strings searched for (every form of them).
    pub values: u32,
    pub patterns: u32,
    /// Values too short to search.
    pub unsearched: Vec<UnsearchedValue>,
    /// More findings than are kept were found; the list stops at [`MAX_FINDINGS`].
    pub truncated: bool,
    #[ts(type = "number")]
    pub elapsed_ms: u64,
}

/// Findings kept per scan: enough for any real leak, bounded for a file that repeats one.
pub const MAX_FINDINGS: usize = 10_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScanReport {
    pub findings: Vec<Finding>,
    pub summary: ScanSummary,
}

impl ScanReport {
    /// The summary line: what was found and how much was read.
    pub fn summary_line(&self) -> String {
        let s = &self.summary;
        let counts = &s.read;
        let read = format!(
            "{} files{}, {} read in {:.1} s",
            counts.files,
            if counts.blobs > 0 {
                format!(" and {} git blobs", counts.blobs)
            } else {
                String::new()
            },
            human_bytes(counts.bytes),
            s.elapsed_ms as f64 / 1000.0
        );
        let mut line = if self.findings.is_empty() {
            format!(
                "No secret values found ({} values in {} forms searched; {read}).",
                s.values, s.patterns
            )
        } else {
            let mut secrets: Vec<(&str, &str)> = self
                .findings
                .iter()
                .map(|f| (f.project.as_str(), f.secret.as_str()))
                .collect();
            secrets.sort();
            secrets.dedup();
            format!(
                "{}{} finding(s) of {} secret(s) ({} values in {} forms searched; {read}). Rotate each leaked secret: set a new value with Edit (or `agent-secrets secret set`) and revoke the old one where it was issued.",
                if s.truncated { "at least " } else { "" },
                self.findings.len(),
                secrets.len(),
                s.values,
                s.patterns
            )
        };
        if !s.unsearched.is_empty() {
            let names: Vec<String> = s
                .unsearched
                .iter()
                .map(|v| format!("{} ({})", v.secret, v.environment))
                .collect();
            line.push_str(&format!(
                "\nNot searched, shorter than {} bytes: {}.",
                super::MIN_SCANNED_LEN,
                names.join(", ")
            ));
        }
        line
    }
}

fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::ScanProgress;

    #[test]
    fn text_line_and_location() {
        let finding = Finding {
            origin: Origin::GitHistory,
            path: "src/config.js".into(),
            commit: Some("0123456789abcdef0123".into()),
            line: 3,
            column: 9,
            project: "Bot".into(),
            secret: "STRIPE_KEY".into(),
            environment: "Production".into(),
            form: Form::Base64,
        };
        assert_eq!(
            finding.text_line(false),
            "0123456789ab:src/config.js:3:9  STRIPE_KEY (Production, base64)"
        );
        assert_eq!(
            finding.text_line(true),
            "0123456789ab:src/config.js:3:9  STRIPE_KEY (Bot / Production, base64)"
        );
        assert_eq!(human_bytes(1536), "1.5 KiB");
    }

    /// The read counts are one struct in Rust, but stay top-level keys in the JSON.
    #[test]
    fn read_counts_stay_flat_in_json() {
        let read = ReadCounts {
            files: 1,
            blobs: 2,
            bytes: 3,
        };
        let progress = ScanProgress { read, findings: 4 };
        assert_eq!(
            serde_json::to_string(&progress).unwrap(),
            r#"{"files":1,"blobs":2,"bytes":3,"findings":4}"#
        );
        let summary = ScanSummary {
            read,
            ..ScanSummary::default()
        };
        assert_eq!(
            serde_json::to_string(&summary).unwrap(),
            r#"{"files":1,"blobs":2,"bytes":3,"skippedBinary":0,"unreadable":0,"values":0,"patterns":0,"unsearched":[],"truncated":false,"elapsedMs":0}"#
        );
    }
}
