//! Throughput of the redactor alone, in process (no pipes, no child, no scheduler between
//! processes): 1 GiB of log-like text holding ten 35-byte values, read 1 MiB at a time into a
//! sink. `cargo bench -p agent-secrets-cli --bench redactor`. The end-to-end numbers of
//! `agent-secrets run` come from run_benchmarks.sh (hyperfine); see docs/BENCHMARKS.md.

use agent_secrets_core::redact::Redactor;
use std::io::{self, Read};
use std::time::Instant;

const TOTAL: usize = 1 << 30;

/// Serves `block` over and over until `left` bytes have been read.
struct Repeat<'a> {
    block: &'a [u8],
    at: usize,
    left: usize,
}

impl Read for Repeat<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf
            .len()
            .min(1 << 20)
            .min(self.left)
            .min(self.block.len() - self.at);
        buf[..n].copy_from_slice(&self.block[self.at..self.at + n]);
        self.at = (self.at + n) % self.block.len();
        self.left -= n;
        Ok(n)
    }
}

/// 4 MiB of lines like make_stream.py writes: random base64 payloads (in which no value occurs
/// by chance), and each value once per 64 KiB.
fn log_text(values: &[String]) -> Vec<u8> {
    const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut text = Vec::new();
    while text.len() < 4 << 20 {
        text.extend_from_slice(b"INFO request ok payload=");
        for _ in 0..76 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push(BASE64[(state % 64) as usize]);
        }
        text.push(b'\n');
        if text.len() % (64 << 10) < 110 {
            for value in values {
                text.extend_from_slice(format!("DEBUG token={value} sent\n").as_bytes());
            }
        }
    }
    text
}

fn main() {
    let values: Vec<String> = (1..=10)
        .map(|i| format!("value-of-secret-number-{i}-abcdefgh"))
        .collect();
    let block = log_text(&values);
    let redactor = Redactor::new(&values);
    for round in 1..=5 {
        let input = Repeat {
            block: &block,
            at: 0,
            left: TOTAL,
        };
        let start = Instant::now();
        redactor
            .copy(input, io::sink())
            .expect("a sink never fails");
        let seconds = start.elapsed().as_secs_f64();
        println!(
            "round {round}: 1 GiB in {seconds:.3} s = {:.2} GiB/s",
            1.0 / seconds
        );
    }
}
