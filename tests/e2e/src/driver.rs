//! The `tauri-driver` process: started in its own process group on fresh ports, and ended
//! together with everything it started (WebKitWebDriver and the app).
//!
//! tauri-driver does not end its WebKitWebDriver child when it is killed, so the whole group
//! is signalled; fresh ports make sure a stale driver from an earlier run is never reused.

use anyhow::{Context, Result};
use nix::errno::Errno;
use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;
use std::fs::File;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// How long the group gets to exit after SIGTERM before SIGKILL.
const TERM_GRACE: Duration = Duration::from_secs(5);
const KILL_GRACE: Duration = Duration::from_secs(5);

pub struct TauriDriver {
    child: Child,
    port: u16,
    log: PathBuf,
    stopped: bool,
}

impl TauriDriver {
    /// Starts tauri-driver with `AGENT_SECRETS_HOME=home` (the app inherits it through
    /// WebKitWebDriver). Its output and the app's go to `log`.
    pub fn start(home: &Path, log: &Path) -> Result<TauriDriver> {
        let (port, native_port) = free_port_pair()?;
        let out = File::create(log).with_context(|| format!("creating {}", log.display()))?;
        let err = out.try_clone()?;
        let child = Command::new(tauri_driver_binary())
            .arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .env("AGENT_SECRETS_HOME", home)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0)
            .spawn()
            .context("starting tauri-driver (scripts/install-deps.sh installs it)")?;
        Ok(TauriDriver {
            child,
            port,
            log: log.to_owned(),
            stopped: false,
        })
    }

    /// The WebDriver URL to connect to.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// `Some(status)` once tauri-driver has exited.
    pub fn exit_status(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// The last lines of the driver's and the app's output, for error messages.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(40)..].join("\n");
        format!("--- last lines of {} ---\n{tail}", self.log.display())
    }

    /// Ends the whole process group: SIGTERM, then SIGKILL if it is still there after a grace
    /// period. Waits until the group is gone, so a relaunch never meets the old app.
    pub fn stop(&mut self) {
        if std::mem::replace(&mut self.stopped, true) {
            return;
        }
        let group = Pid::from_raw(self.child.id() as i32);
        if signal_group(group, Signal::SIGTERM) && !self.wait_group_gone(group, TERM_GRACE) {
            signal_group(group, Signal::SIGKILL);
            if !self.wait_group_gone(group, KILL_GRACE) {
                eprintln!("e2e: process group {group} still exists after SIGKILL");
            }
        }
        let _ = self.child.wait();
    }

    fn wait_group_gone(&mut self, group: Pid, grace: Duration) -> bool {
        let deadline = Instant::now() + grace;
        loop {
            // Reap our own child, or its zombie would keep the group "alive".
            let _ = self.child.try_wait();
            if killpg(group, None) == Err(Errno::ESRCH) {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Sends `signal` to the group; false when the group no longer exists.
fn signal_group(group: Pid, signal: Signal) -> bool {
    killpg(group, signal) != Err(Errno::ESRCH)
}

fn tauri_driver_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER").filter(|path| !path.is_empty()) {
        return PathBuf::from(path);
    }
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|cargo_home| cargo_home.join("bin/tauri-driver"));
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .map(|dir| dir.join("tauri-driver"))
        .find(|candidate| candidate.is_file());
    on_path
        .or(in_cargo_home.filter(|candidate| candidate.is_file()))
        .unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

/// Two distinct free ports on localhost (both held until both are known).
fn free_port_pair() -> Result<(u16, u16)> {
    let first = TcpListener::bind("127.0.0.1:0").context("finding a free port")?;
    let second = TcpListener::bind("127.0.0.1:0").context("finding a free port")?;
    Ok((first.local_addr()?.port(), second.local_addr()?.port()))
}
