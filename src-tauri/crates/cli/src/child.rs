//! Running the user's command for `run`: started directly (no shell) with extra environment
//! variables, standard input passed through, termination signals forwarded, the output
//! redacted or left on the terminal, and the child's exit status handed back as ours.

use crate::context::{CliError, CliResult};
use crate::redact::Redactor;
use agent_secrets_core::Error;
use std::ffi::OsString;
use std::io::{self, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

/// Where the child's standard output and error go.
pub enum Output {
    /// Through pipes and the redactor to ours.
    Redacted(Box<Redactor>),
    /// Straight to ours (the terminal, when there is one).
    Inherited,
}

/// Runs `command` with `env` added to the inherited environment and returns the exit code to
/// leave with: the child's, or 128+N when signal N ended it.
pub fn run<'a>(
    command: &[OsString],
    env: impl IntoIterator<Item = (&'a str, &'a str)>,
    output: Output,
) -> CliResult<u8> {
    let (program, args) = command
        .split_first()
        .ok_or_else(|| CliError::Usage("no command to run after `--`".into()))?;
    let mut cmd = Command::new(program);
    cmd.args(args).envs(env).stdin(Stdio::inherit());
    let redacted = match output {
        Output::Redacted(redactor) => {
            cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
            Some((redactor, streams::stdout()?, streams::stderr()?))
        }
        Output::Inherited => None,
    };
    // Listening before the spawn: a signal that comes meanwhile waits for the forwarder.
    let signals = signals::listen()?;
    let mut child = cmd.spawn().map_err(|e| not_started(program, e))?;
    let forwarder = signals::forward(signals, &child);
    let pumps = match redacted {
        Some((redactor, stdout, stderr)) => {
            #[cfg(target_os = "linux")]
            for pipe in [pipes::fd(&child.stdout), pipes::fd(&child.stderr)] {
                pipes::enlarge(pipe);
            }
            let redactor: Arc<Redactor> = Arc::from(redactor);
            vec![
                pump(&redactor, child.stdout.take(), stdout),
                pump(&redactor, child.stderr.take(), stderr),
            ]
        }
        None => Vec::new(),
    };
    let status = forwarder.wait(&mut child)?;
    // Output still in the pipes (or from the child's own children) is copied to the end.
    for pump in pumps {
        let _ = pump.join();
    }
    forwarder.stop();
    Ok(exit_code(status))
}

/// Copies one of the child's streams to ours, redacted. When ours is gone (a closed pipe),
/// the child's end is dropped too, so the child sees a broken pipe as it would in a pipeline.
fn pump(
    redactor: &Arc<Redactor>,
    from: Option<impl io::Read + Send + 'static>,
    to: Box<dyn Write + Send>,
) -> JoinHandle<()> {
    let redactor = Arc::clone(redactor);
    thread::spawn(move || {
        if let Some(from) = from {
            let _ = redactor.copy(from, to);
        }
    })
}

/// Our standard output and error as the redactor writes them: unbuffered, since it decides
/// itself when to write and flush.
#[cfg(unix)]
mod streams {
    use super::*;
    use std::os::fd::{AsFd, BorrowedFd};

    pub fn stdout() -> CliResult<Box<dyn Write + Send>> {
        duplicate(io::stdout().as_fd(), "standard output")
    }

    pub fn stderr() -> CliResult<Box<dyn Write + Send>> {
        duplicate(io::stderr().as_fd(), "standard error")
    }

    fn duplicate(fd: BorrowedFd<'_>, what: &str) -> CliResult<Box<dyn Write + Send>> {
        match fd.try_clone_to_owned() {
            Ok(fd) => Ok(Box::new(std::fs::File::from(fd))),
            Err(e) => Err(CliError::Core(Error::Io(format!("cannot use {what}: {e}")))),
        }
    }
}

#[cfg(not(unix))]
mod streams {
    use super::*;

    pub fn stdout() -> CliResult<Box<dyn Write + Send>> {
        Ok(Box::new(io::stdout()))
    }

    pub fn stderr() -> CliResult<Box<dyn Write + Send>> {
        Ok(Box::new(io::stderr()))
    }
}

fn not_started(program: &OsString, e: io::Error) -> CliError {
    let name = program.to_string_lossy();
    match e.kind() {
        io::ErrorKind::NotFound => CliError::NotStarted {
            message: format!("command not found: {name}"),
            exit_code: 127,
        },
        io::ErrorKind::PermissionDenied => CliError::NotStarted {
            message: format!("cannot execute {name}: permission denied"),
            exit_code: 126,
        },
        _ => CliError::NotStarted {
            message: format!("cannot start {name}: {e}"),
            exit_code: 126,
        },
    }
}

fn exit_code(status: ExitStatus) -> u8 {
    if let Some(code) = status.code() {
        return code as u8;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return 128u8.saturating_add(signal as u8);
        }
    }
    1
}

#[cfg(target_os = "linux")]
mod pipes {
    //! A pipe holds 64 KiB by default: the child then stops after every 64 KiB until we have
    //! read, a context switch each time. 1 MiB (the unprivileged maximum) lets both run ahead.

    use nix::fcntl::{fcntl, FcntlArg};
    use std::os::fd::{AsRawFd, RawFd};

    const PIPE_BYTES: i32 = 1024 * 1024;

    pub fn fd(pipe: &Option<impl AsRawFd>) -> Option<RawFd> {
        pipe.as_ref().map(AsRawFd::as_raw_fd)
    }

    /// Best effort: a smaller pipe only costs speed.
    pub fn enlarge(pipe: Option<RawFd>) {
        if let Some(fd) = pipe {
            let _ = fcntl(fd, FcntlArg::F_SETPIPE_SZ(PIPE_BYTES));
        }
    }
}

#[cfg(unix)]
mod signals {
    //! Forwarding SIGINT, SIGTERM, SIGHUP and SIGQUIT to the child. A signal the kernel sent
    //! (Ctrl-C, Ctrl-\, a hang-up) went to the whole foreground process group, the child
    //! included, so it is not sent a second time. Once the child has exited (while its
    //! output is still being copied), such a signal ends us as it would by default.

    use super::*;
    use nix::errno::Errno;
    use nix::sys::signal::{kill, Signal};
    use nix::sys::wait::{waitid, Id, WaitPidFlag};
    use nix::unistd::Pid;
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    use signal_hook::iterator::exfiltrator::WithOrigin;
    use signal_hook::iterator::{Handle, SignalsInfo};
    use signal_hook::low_level::emulate_default_handler;
    use signal_hook::low_level::siginfo::Cause;
    use std::sync::Mutex;

    pub type Listener = SignalsInfo<WithOrigin>;

    pub fn listen() -> CliResult<Listener> {
        SignalsInfo::<WithOrigin>::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT])
            .map_err(|e| CliError::Core(Error::Io(format!("cannot listen for signals: {e}"))))
    }

    pub struct Forwarder {
        pid: Pid,
        /// Set once the child has exited; no signal goes to its pid after that, as the pid
        /// may be reused once the child is reaped.
        exited: Arc<Mutex<bool>>,
        handle: Handle,
        thread: JoinHandle<()>,
    }

    pub fn forward(mut signals: Listener, child: &Child) -> Forwarder {
        let pid = Pid::from_raw(child.id() as i32);
        let exited = Arc::new(Mutex::new(false));
        let handle = signals.handle();
        let thread = thread::spawn({
            let exited = Arc::clone(&exited);
            move || {
                for origin in signals.forever() {
                    let exited = exited.lock().unwrap_or_else(|e| e.into_inner());
                    if *exited {
                        let _ = emulate_default_handler(origin.signal);
                    } else if origin.cause != Cause::Kernel {
                        if let Ok(signal) = Signal::try_from(origin.signal) {
                            let _ = kill(pid, signal);
                        }
                    }
                }
            }
        });
        Forwarder {
            pid,
            exited,
            handle,
            thread,
        }
    }

    impl Forwarder {
        /// Waits for the child to exit, stops forwarding to it, then reaps it.
        pub fn wait(&self, child: &mut Child) -> CliResult<ExitStatus> {
            // WNOWAIT leaves the child a zombie, so its pid stays ours until forwarding stops.
            loop {
                match waitid(
                    Id::Pid(self.pid),
                    WaitPidFlag::WEXITED | WaitPidFlag::WNOWAIT,
                ) {
                    Ok(_) => break,
                    Err(Errno::EINTR) => continue,
                    Err(e) => return Err(wait_failed(e.into())),
                }
            }
            *self.exited.lock().unwrap_or_else(|e| e.into_inner()) = true;
            child.wait().map_err(wait_failed)
        }

        pub fn stop(self) {
            self.handle.close();
            let _ = self.thread.join();
        }
    }

    fn wait_failed(e: io::Error) -> CliError {
        CliError::Core(Error::Io(format!("cannot wait for the command: {e}")))
    }
}

#[cfg(not(unix))]
mod signals {
    //! Elsewhere the console delivers Ctrl-C to the child itself; nothing to forward.

    use super::*;

    pub struct Listener;
    pub struct Forwarder;

    pub fn listen() -> CliResult<Listener> {
        Ok(Listener)
    }

    pub fn forward(_: Listener, _: &Child) -> Forwarder {
        Forwarder
    }

    impl Forwarder {
        pub fn wait(&self, child: &mut Child) -> CliResult<ExitStatus> {
            child
                .wait()
                .map_err(|e| CliError::Core(Error::Io(format!("cannot wait for the command: {e}"))))
        }

        pub fn stop(self) {}
    }
}
