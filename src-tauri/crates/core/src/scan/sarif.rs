//! SARIF 2.1.0 (the format code-scanning tools read): one rule, one result per finding, with
//! the location and the secret's name — never the value or a snippet of the line.

use super::{Finding, Origin, ScanReport};
use serde_json::{json, Value};

const RULE_ID: &str = "agent-secrets/leaked-value";

/// The whole SARIF log of a report.
pub fn sarif_log(report: &ScanReport, tool_version: &str) -> Value {
    let results: Vec<Value> = report.findings.iter().map(result).collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "agent-secrets",
                "version": tool_version,
                "rules": [{
                    "id": RULE_ID,
                    "name": "LeakedSecretValue",
                    "shortDescription": { "text": "A secret value from the Agent Secrets vault" },
                    "fullDescription": { "text": "The real value of a secret stored in the vault (plain or encoded) appears here. Rotate the secret and remove the value from the file and its history." },
                    "defaultConfiguration": { "level": "error" }
                }]
            }},
            "results": results
        }]
    })
}

fn result(finding: &Finding) -> Value {
    let mut properties = json!({
        "secret": finding.secret,
        "project": finding.project,
        "environment": finding.environment,
        "form": finding.form.label(),
        "origin": match finding.origin {
            Origin::File => "file",
            Origin::GitHistory => "git_history",
            Origin::Staged => "staged",
            Origin::Agent => "agent",
        },
    });
    if let Some(commit) = &finding.commit {
        properties["commit"] = json!(commit);
    }
    json!({
        "ruleId": RULE_ID,
        "level": "error",
        "message": { "text": format!(
            "The value of secret {} ({}, {}) is in this file, {}.",
            finding.secret,
            finding.environment,
            finding.project,
            match finding.form.label() { "plain" => "as it is".to_owned(), form => format!("{form}-encoded") },
        )},
        "locations": [{ "physicalLocation": {
            "artifactLocation": { "uri": uri(&finding.path) },
            "region": { "startLine": finding.line, "startColumn": finding.column }
        }}],
        "properties": properties
    })
}

/// A relative path as a URI reference: `/` separators, anything unusual percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uris() {
        assert_eq!(uri("src/my file.rs"), "src/my%20file.rs");
        assert_eq!(uri("a\\b"), "a/b");
    }
}
