//! Files the end-to-end tests hand to the app.

/// A project file (names only) with a Masked secret overridden in Production, a Restricted one
/// and a variable: importing it leaves 2 secrets that need values, for the guided re-entry.
pub const IMPORTED_PROJECT_FILE: &str = r#"{
  "format": "agent-secrets-project",
  "version": 1,
  "project": {
    "name": "Imported Agent",
    "environments": [
      { "name": "Development", "kind": "development" },
      { "name": "Production", "kind": "production" }
    ],
    "secrets": [
      { "name": "OPENAI_API_KEY", "visibility": "masked", "hasDefault": true, "overriddenIn": ["Production"] },
      { "name": "STRIPE_SECRET", "visibility": "restricted", "hasDefault": true }
    ],
    "variables": [
      { "name": "BASE_URL", "text": "https://api.example.test" }
    ]
  }
}
"#;
