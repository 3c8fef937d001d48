// Generated from the core by src-tauri/src/bindings.rs: do not edit.
export const LIMITS = {
  nameMaxBytes: 128,   // secret and variable names (bytes)
  labelMaxChars: 100,  // project, environment and step names (characters)
  valueMaxBytes: 65536,
  variableValueMaxBytes: 65536,
} as const;
export const BUILT_IN_ENVIRONMENTS = ["Development", "Production"] as const;
