//! `agent-secrets run`: the child's environment, exit status, signals, standard input, and the
//! redaction of its output — through the real binary and keyring.

mod test_vault;

use std::process::Stdio;
use test_vault::{send_signal, wait_with_deadline, Follower, TestVault, REDACTED};

const API_KEY: &str = "sk-live-4f9a8b7c6d5e";
const DB_PASSWORD: &str = "correct-horse-battery";

fn vault_with_secrets() -> TestVault {
    let vault = TestVault::new();
    vault.set_masked("API_KEY", API_KEY);
    vault.set_restricted("DB_PASSWORD", DB_PASSWORD);
    vault
}

fn sh(vault: &TestVault, extra: &[&str], script: &str) -> std::process::Output {
    let mut args = vec!["run"];
    args.extend(extra);
    args.extend(["--", "sh", "-c", script]);
    vault.run(&args, b"")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_child_gets_every_secret_restricted_ones_included() {
    let vault = vault_with_secrets();
    let out = sh(
        &vault,
        &[],
        &format!(
            r#"[ "$API_KEY" = '{API_KEY}' ] && [ "$DB_PASSWORD" = '{DB_PASSWORD}' ] && echo both-set"#
        ),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "both-set\n");
}

#[test]
fn the_environment_chooses_the_values() {
    let vault = vault_with_secrets();
    vault.set("API_KEY", "prod-value-1234", Some("production"), "masked");
    let check = r#"[ "$API_KEY" = prod-value-1234 ] && echo production-value"#;
    let out = sh(&vault, &["--env", "production"], check);
    assert_eq!(text(&out.stdout), "production-value\n");
    let out = sh(&vault, &[], check);
    assert_eq!(out.status.code(), Some(1), "Development keeps the default");
}

#[test]
fn the_exit_code_is_the_childs() {
    let vault = vault_with_secrets();
    assert_eq!(sh(&vault, &[], "exit 0").status.code(), Some(0));
    assert_eq!(sh(&vault, &[], "exit 42").status.code(), Some(42));
    assert_eq!(
        sh(&vault, &["--no-redact"], "exit 7").status.code(),
        Some(7)
    );
}

#[test]
fn a_child_ended_by_a_signal_gives_128_plus_the_signal() {
    let vault = vault_with_secrets();
    assert_eq!(sh(&vault, &[], "kill -TERM $$").status.code(), Some(143));
    assert_eq!(sh(&vault, &[], "kill -KILL $$").status.code(), Some(137));
    assert_eq!(
        sh(&vault, &["--no-redact"], "kill -INT $$").status.code(),
        Some(130)
    );
}

/// Starts `run` on a Python child that says "ready" and then waits, with `handlers` installed.
fn start_waiting_child(vault: &TestVault, extra: &[&str], handlers: &str) -> std::process::Child {
    let program = format!(
        "import signal, sys, time\n{handlers}\nprint('ready', flush=True)\ntime.sleep(60)\nsys.exit(99)"
    );
    let mut args = vec!["run"];
    args.extend(extra);
    args.extend(["--", "python3", "-c", &program]);
    vault
        .command(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn sigterm_is_forwarded_and_the_child_dies_of_it() {
    let vault = vault_with_secrets();
    for extra in [&[][..], &["--no-redact"][..]] {
        let mut run = start_waiting_child(&vault, extra, "");
        Follower::new(run.stdout.take().unwrap()).until("ready");
        send_signal(run.id(), "TERM");
        assert_eq!(wait_with_deadline(&mut run).code(), Some(143), "{extra:?}");
    }
}

#[test]
fn sigint_and_sigterm_reach_the_childs_handlers() {
    let vault = vault_with_secrets();
    let handlers = "signal.signal(signal.SIGINT, lambda *_: sys.exit(11))\n\
                    signal.signal(signal.SIGTERM, lambda *_: sys.exit(12))";
    for (signal, code) in [("INT", 11), ("TERM", 12)] {
        let mut run = start_waiting_child(&vault, &[], handlers);
        Follower::new(run.stdout.take().unwrap()).until("ready");
        send_signal(run.id(), signal);
        assert_eq!(
            wait_with_deadline(&mut run).code(),
            Some(code),
            "SIG{signal}"
        );
    }
}

#[test]
fn a_signal_after_the_child_exited_ends_run_while_output_is_still_open() {
    let vault = vault_with_secrets();
    // The child exits at once; its own child keeps the output pipe open.
    let mut run = vault
        .command(&["run", "--", "sh", "-c", "sleep 30 & echo ready"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = Follower::new(run.stdout.take().unwrap());
    stdout.until("ready");
    // A signal that comes before `run` has seen the child exit goes to the child (gone by
    // then): repeat until `run` ends, within the deadline.
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = run.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < test_vault::DEADLINE, "run did not end");
        send_signal(run.id(), "TERM");
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(15));
}

#[test]
fn stdin_is_passed_through() {
    let vault = vault_with_secrets();
    let input: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let out = vault.run(&["run", "--", "cat"], &input);
    assert!(out.status.success());
    assert_eq!(out.stdout, input, "binary data passes unchanged");
    let out = vault.run(
        &["run", "--no-redact", "--", "cat"],
        b"line one\nline two\n",
    );
    assert_eq!(text(&out.stdout), "line one\nline two\n");
}

#[test]
fn values_are_redacted_in_stdout_and_stderr() {
    let vault = vault_with_secrets();
    let out = sh(
        &vault,
        &[],
        r#"echo "key=$API_KEY pw=$DB_PASSWORD"; echo "oops $DB_PASSWORD$API_KEY" >&2"#,
    );
    assert_eq!(text(&out.stdout), format!("key={REDACTED} pw={REDACTED}\n"));
    assert_eq!(text(&out.stderr), format!("oops {REDACTED}{REDACTED}\n"));
}

#[test]
fn a_value_written_one_byte_at_a_time_is_still_redacted() {
    let vault = vault_with_secrets();
    // Each byte is its own write, with a pause, so each arrives in a read of its own.
    let program = "import os, time\n\
                   for b in ('key=' + os.environ['API_KEY'] + ' end\\n').encode():\n\
                   \x20   os.write(1, bytes([b]))\n\
                   \x20   time.sleep(0.002)";
    let out = vault.run(&["run", "--", "python3", "-c", program], b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("key={REDACTED} end\n"));
}

#[test]
fn a_value_that_is_a_prefix_of_another_leaves_nothing_behind() {
    let vault = TestVault::new();
    vault.set_masked("TOKEN", "tok-1234");
    vault.set_masked("TOKEN_LONG", "tok-1234-extended");
    vault.set_masked("OTHER", "zzzz-other");
    let out = sh(
        &vault,
        &[],
        r#"echo "$TOKEN_LONG|$TOKEN|$OTHER|${TOKEN}-ext|$TOKEN_LONG$TOKEN""#,
    );
    assert_eq!(
        text(&out.stdout),
        format!("{REDACTED}|{REDACTED}|{REDACTED}|{REDACTED}-ext|{REDACTED}{REDACTED}\n")
    );
}

#[test]
fn values_shorter_than_four_characters_are_not_redacted() {
    let vault = TestVault::new();
    vault.set_masked("PIN", "123");
    vault.set_masked("CODE", "1234");
    let out = sh(&vault, &[], r#"echo "$PIN $CODE""#);
    assert_eq!(text(&out.stdout), format!("123 {REDACTED}\n"));
}

#[test]
fn no_redact_shows_the_output_as_it_is() {
    let vault = vault_with_secrets();
    let out = sh(&vault, &["--no-redact"], r#"echo "$API_KEY""#);
    assert_eq!(text(&out.stdout), format!("{API_KEY}\n"));
}

#[test]
fn a_prompt_without_a_newline_shows_before_the_child_reads_its_answer() {
    let vault = vault_with_secrets();
    let mut run = vault
        .command(&[
            "run",
            "--",
            "sh",
            "-c",
            r#"printf 'Your name: '; read name; echo "hello $name, key $API_KEY""#,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = Follower::new(run.stdout.take().unwrap());
    stdout.until("Your name: ");
    use std::io::Write;
    run.stdin.take().unwrap().write_all(b"Ada\n").unwrap();
    let all = stdout.until("\n");
    assert_eq!(all, format!("Your name: hello Ada, key {REDACTED}\n"));
    assert!(wait_with_deadline(&mut run).success());
}

#[test]
fn a_missing_value_stops_the_command_before_it_starts() {
    let vault = vault_with_secrets();
    vault.set("STRIPE_KEY", "sk_prod_only", Some("production"), "masked");
    let marker = vault.home().join("started");
    let out = vault.run(&["run", "--", "touch", marker.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(!marker.exists(), "the command must not have started");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("STRIPE_KEY") && stderr.contains("Development"),
        "{stderr}"
    );
    // Production has the value: the same command starts there.
    let out = vault.run(
        &[
            "run",
            "--env",
            "production",
            "--",
            "touch",
            marker.to_str().unwrap(),
        ],
        b"",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(marker.exists());
}

#[test]
fn only_limits_the_injected_secrets_and_the_missing_check() {
    let vault = vault_with_secrets();
    vault.set("PROD_ONLY", "prod-only-value", Some("production"), "masked");
    let out = sh(
        &vault,
        &["--only", "API_KEY"],
        r#"echo "api=${API_KEY:+set} db=${DB_PASSWORD:-unset} prod=${PROD_ONLY:-unset}""#,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "api=set db=unset prod=unset\n");

    let out = sh(&vault, &["--only", "NOT_A_SECRET"], "true");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("NOT_A_SECRET"));
}

#[test]
fn an_unknown_command_exits_127() {
    let vault = vault_with_secrets();
    let out = vault.run(&["run", "--", "no-such-command-here"], b"");
    assert_eq!(out.status.code(), Some(127));
    assert!(text(&out.stderr).contains("command not found: no-such-command-here"));
}

#[test]
fn the_command_is_not_run_through_a_shell() {
    let vault = vault_with_secrets();
    let out = vault.run(&["run", "--", "printf", "%s|", "$API_KEY", "a b", "*"], b"");
    assert_eq!(text(&out.stdout), "$API_KEY|a b|*|");
}

#[test]
fn errors_never_show_a_value() {
    let vault = vault_with_secrets();
    vault.set("LATER", "later-value", Some("production"), "masked");
    for args in [
        &["run", "--", "true"][..],
        &["run", "--only", "NOPE", "--", "true"][..],
        &["run", "--env", "production", "--", "no-such-command-here"][..],
    ] {
        let out = vault.run(args, b"");
        assert!(!out.status.success());
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        for value in [API_KEY, DB_PASSWORD, "later-value"] {
            assert!(!all.contains(value), "{args:?}: {all}");
        }
    }
}
