//! `inject`: a template with its `{NAME}` references rendered for an environment.

use crate::args::InjectArgs;
use crate::context::{self, CliError, CliResult};
use agent_secrets_core::app::environments::find_environment;
use agent_secrets_core::reference::{self, Bindings};
use agent_secrets_core::transfer::atomic;
use agent_secrets_core::{Error, ExposeSecret};
use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use zeroize::Zeroizing;

pub fn run(home: &Path, args: InjectArgs) -> CliResult<()> {
    let source = read_template(&args.input)?;
    let vault = context::open_required(home)?;
    let project = context::project(&vault, args.project.project.as_deref())?;
    let environment = find_environment(&vault, project.id, &args.env)?;
    let resolution = vault.resolve_for_use(project.id, environment.id)?;
    let variables = vault.list_variables(project.id)?;
    let bindings = Bindings::new(&resolution, &variables);
    let template = reference::parse(&source);
    let rendered = template.render(&bindings).map_err(CliError::Unresolved)?;
    match &args.output {
        Some(path) => Ok(atomic::write(path, rendered.expose_secret().as_bytes())?),
        None => {
            let mut stdout = std::io::stdout().lock();
            let restricted = template.restricted_names(&bindings);
            if stdout.is_terminal() && !restricted.is_empty() {
                return Err(CliError::Refused(format!(
                    "the template uses Restricted secret(s) {}: their values are never shown on a \
                     terminal. Write the result to a file with -o FILE, or pipe it to the program \
                     that reads it",
                    restricted.into_iter().collect::<Vec<_>>().join(", ")
                )));
            }
            stdout
                .write_all(rendered.expose_secret().as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|e| CliError::Core(Error::Io(format!("cannot write the output: {e}"))))
        }
    }
}

fn read_template(path: &Path) -> CliResult<Zeroizing<String>> {
    let mut bytes = Zeroizing::new(Vec::new());
    let read = if path.as_os_str() == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut file| file.read_to_end(&mut bytes))
    };
    read.map_err(|e| {
        CliError::Core(Error::Io(format!(
            "cannot read the template {}: {e}",
            path.display()
        )))
    })?;
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(Zeroizing::new(text.to_owned())),
        Err(e) => Err(CliError::Usage(format!(
            "the template {} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.valid_up_to()
        ))),
    }
}
