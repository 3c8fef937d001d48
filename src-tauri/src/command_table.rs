//! The macro behind the one list of commands (commands.rs). From each entry
//! `fn name(vault: Vault | shell: Shell, arg: Type, …) -> Answer { body }` it makes:
//! - `commands::name`, the body as a plain function (tests call it without a window), given
//!   the vault already locked (`Vault`) or the whole `Shell`;
//! - the `#[tauri::command]` wrapper, which reads each argument into its type (`arg::Arg`) and
//!   runs the body on a blocking thread through `shell::run`;
//! - its line in `handler()` (the `generate_handler!` list) and its `CommandSpec` in
//!   `commands()`, from which bindings.rs writes the TypeScript wrappers and the capability
//!   file, and build.rs (through that file) declares the command.

use crate::error::{CommandError, CommandResult};

/// One command as the bindings step sees it.
#[derive(Debug, Clone)]
pub struct CommandSpec {
    /// The command's name (snake_case, as invoked).
    pub name: &'static str,
    /// The file of ui/src/ipc/ that gets its TypeScript wrapper.
    pub ts_file: &'static str,
    /// Its doc comment, line by line.
    pub doc: &'static [&'static str],
    /// Each argument: its snake_case name and TypeScript type.
    pub args: Vec<(&'static str, String)>,
    /// The TypeScript type of its answer.
    pub returns: String,
}

/// A body's result, with a core error turned into the command's.
pub fn finish<T, E: Into<CommandError>>(result: Result<T, E>) -> CommandResult<T> {
    result.map_err(Into::into)
}

macro_rules! app_commands {
    (@context Vault) => { &mut agent_secrets_core::Vault };
    (@context Shell) => { &$crate::shell::Shell<'_> };
    (@run Vault $app:ident $body:path, $($arg:ident)*) => {
        $crate::shell::run($app, move |shell| {
            shell.with_vault(|vault| $body(vault, $($arg.0),*))
        })
        .await
    };
    (@run Shell $app:ident $body:path, $($arg:ident)*) => {
        $crate::shell::run($app, move |shell| $body(shell, $($arg.0),*)).await
    };
    ($(
        $file:literal {
            $(
                $(#[doc = $doc:literal])*
                fn $name:ident($context:ident: $kind:ident $(, $arg:ident: $ty:ty)* $(,)?)
                    -> $answer:ty $body:block
            )*
        }
    )*) => {
        $($(
            $(#[doc = $doc])*
            pub fn $name(
                $context: app_commands!(@context $kind),
                $($arg: $ty),*
            ) -> $crate::error::CommandResult<$answer> {
                $crate::command_table::finish($body)
            }
        )*)*

        /// The `#[tauri::command]` wrappers.
        mod ipc {
            use super::*;
            use $crate::arg::Arg;

            $($(
                #[tauri::command]
                async fn $name(
                    app: tauri::AppHandle,
                    $($arg: Arg<$ty>),*
                ) -> $crate::error::CommandResult<$answer> {
                    app_commands!(@run $kind app super::$name, $($arg)*)
                }
            )*)*

            /// Every command, for `tauri::Builder::invoke_handler`.
            pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
                tauri::generate_handler![$($($name),*),*]
            }
        }

        pub use ipc::handler;

        /// Every command, in the order of the table.
        pub fn commands() -> Vec<$crate::command_table::CommandSpec> {
            vec![$($(
                $crate::command_table::CommandSpec {
                    name: stringify!($name),
                    ts_file: $file,
                    doc: &[$($doc),*],
                    args: vec![$((stringify!($arg), <$ty as ts_rs::TS>::name())),*],
                    returns: <$answer as ts_rs::TS>::name(),
                }
            ),*),*]
        }
    };
}

pub(crate) use app_commands;
