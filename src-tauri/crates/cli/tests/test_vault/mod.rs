//! A vault in a temp home, set up through the real `agent-secrets` binary and the real OS
//! keyring (run the tests inside a D-Bus session with an unlocked gnome-keyring; see
//! scripts/test.sh), and helpers to watch a running child with a deadline instead of sleeps.
#![allow(dead_code)] // each test file uses its own share of these helpers

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_agent-secrets");
pub const REDACTED: &str = "••••••";
/// How long a test waits for a condition before failing (never a fixed sleep).
pub const DEADLINE: Duration = Duration::from_secs(20);

pub struct TestVault {
    dir: tempfile::TempDir,
}

impl TestVault {
    /// A vault with one project, "Demo".
    pub fn new() -> TestVault {
        TestVault::with_project("Demo")
    }

    /// A home with no vault in it yet.
    pub fn empty() -> TestVault {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "these tests need a Secret Service keyring: run them through scripts/test.sh"
        );
        TestVault {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A vault with one project, `name`.
    pub fn with_project(name: &str) -> TestVault {
        let vault = TestVault::empty();
        vault.ok(&["project", "create", name], "");
        vault
    }

    /// The vault's id, as `doctor` reports it.
    pub fn vault_id(&self) -> String {
        let doctor: serde_json::Value =
            serde_json::from_str(&self.ok(&["--json", "doctor"], "")).unwrap();
        doctor["vaultId"].as_str().unwrap().to_owned()
    }

    /// The vault's database file.
    pub fn database(&self) -> std::path::PathBuf {
        self.home().join(agent_secrets_core::DATABASE_FILE)
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    /// `agent-secrets --home HOME ARGS…`, with no project chosen through the environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .arg("--home")
            .arg(self.home())
            .args(args)
            .env_remove("AGENT_SECRETS_PROJECT");
        command
    }

    /// Runs to the end with `stdin` as input.
    pub fn run(&self, args: &[&str], stdin: &[u8]) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        let stdin = stdin.to_vec();
        // A writer thread: the child may exit or fill its output pipe before reading it all.
        let writer = std::thread::spawn(move || {
            let _ = input.write_all(&stdin);
        });
        let output = child.wait_with_output().unwrap();
        writer.join().unwrap();
        output
    }

    /// Runs and expects success; returns standard output.
    pub fn ok(&self, args: &[&str], stdin: &str) -> String {
        let out = self.run(args, stdin.as_bytes());
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Sets a secret's default value (or `env`'s override), creating it with `visibility`.
    pub fn set(&self, name: &str, value: &str, env: Option<&str>, visibility: &str) {
        let mut args = vec!["secret", "set", name, "--visibility", visibility];
        if let Some(env) = env {
            args.extend(["--env", env]);
        }
        self.ok(&args, value);
    }

    pub fn set_masked(&self, name: &str, value: &str) {
        self.set(name, value, None, "masked");
    }

    pub fn set_restricted(&self, name: &str, value: &str) {
        self.set(name, value, None, "restricted");
    }

    /// Switches to `project` as the desktop app does (the core's `select_project`): it becomes
    /// the remembered current project.
    pub fn remember_project(&self, project: &str) {
        use agent_secrets_core::app::current_project::select_project;
        let mut vault =
            agent_secrets_core::Vault::open(self.home(), Box::new(agent_secrets_core::OsKeyring))
                .unwrap();
        let id = vault.find_project(project).unwrap().id;
        select_project(&mut vault, id).unwrap();
    }

    /// Flips one byte of secret `name`'s stored default value, behind the vault's back.
    pub fn damage_value(&self, name: &str) {
        let raw = rusqlite::Connection::open(self.home().join(agent_secrets_core::DATABASE_FILE))
            .unwrap();
        let mut blob: Vec<u8> = raw
            .query_row("SELECT value FROM secrets WHERE name = ?1", [name], |row| {
                row.get(0)
            })
            .unwrap();
        let last = blob.len() - 1;
        blob[last] ^= 0x01;
        let changed = raw
            .execute(
                "UPDATE secrets SET value = ?2 WHERE name = ?1",
                rusqlite::params![name, blob],
            )
            .unwrap();
        assert_eq!(changed, 1);
    }
}

/// What a child writes to one of its streams, received as it comes (read on a thread, so a
/// silent child makes the test fail at the deadline instead of hanging).
pub struct Follower {
    receiver: Receiver<Vec<u8>>,
    seen: Vec<u8>,
}

impl Follower {
    pub fn new(mut stream: impl Read + Send + 'static) -> Follower {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(read @ 1..) = stream.read(&mut buf) {
                if sender.send(buf[..read].to_vec()).is_err() {
                    break;
                }
            }
        });
        Follower {
            receiver,
            seen: Vec::new(),
        }
    }

    /// Waits until `wanted` has arrived (no newline needed); returns everything so far.
    pub fn until(&mut self, wanted: &str) -> String {
        let start = Instant::now();
        while !String::from_utf8_lossy(&self.seen).contains(wanted) {
            let left = DEADLINE.saturating_sub(start.elapsed());
            match self.receiver.recv_timeout(left) {
                Ok(chunk) => self.seen.extend(chunk),
                Err(_) => panic!(
                    "{wanted:?} did not arrive; got {:?}",
                    String::from_utf8_lossy(&self.seen)
                ),
            }
        }
        String::from_utf8_lossy(&self.seen).into_owned()
    }

    /// Everything up to the end of the stream.
    pub fn rest(mut self) -> Vec<u8> {
        loop {
            match self.receiver.recv_timeout(DEADLINE) {
                Ok(chunk) => self.seen.extend(chunk),
                Err(mpsc::RecvTimeoutError::Disconnected) => return self.seen,
                Err(mpsc::RecvTimeoutError::Timeout) => panic!("the stream did not end"),
            }
        }
    }
}

/// Waits for `child` to exit, killing it and failing the test after the deadline.
pub fn wait_with_deadline(child: &mut Child) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("the process did not exit before the deadline");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

pub fn send_signal(pid: u32, signal: &str) {
    let status = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(status.success(), "kill -{signal} {pid}");
}
