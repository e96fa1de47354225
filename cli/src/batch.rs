//! JSONL batch mode: one request per line in, one response per line out, in
//! input order. A pipeline keeps every core busy: this thread reads chunks of
//! lines, worker threads answer them (each chunk into one buffer), and a
//! writer thread puts the chunks back in order.
//!
//! Every input line gets exactly one output line. Lines are read as bytes
//! and kept only up to the request limit: a line that is not UTF-8 is
//! answered with `INVALID_UTF8`, a longer one with `INPUT_TOO_LARGE` (its
//! rest is skipped unread into memory), and the batch goes on. An error line
//! is the library's error JSON with the input line number (from 1) added:
//! `{"error":{"code":"INVALID_UTF8",…,"line":1001}}`.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::{Arc, Mutex, mpsc};

use banshi::{Catalog, json};

/// Lines per chunk: large enough to amortise the hand-offs, small enough to
/// keep the writer busy early.
const CHUNK: usize = 512;

/// Bytes of input per chunk, at most (plus one line): bounds the memory of
/// the chunks in flight when lines are long.
const CHUNK_BYTES: usize = 4 << 20;

/// The request limit of the library (README, "Limits"): longer requests are
/// `INPUT_TOO_LARGE`.
pub(crate) const MAX_REQUEST: usize = 1 << 20;

/// Bytes of a line kept in memory: the request limit, plus a `\r` of a CRLF
/// line ending. The library checks the exact limit on what is kept.
const KEEP: usize = MAX_REQUEST + 1;

type Call = fn(&Catalog, &str) -> Result<String, banshi::Error>;

/// One input line, without its `\n`.
enum Line {
    /// The line's bytes.
    Bytes(Vec<u8>),
    /// A line too long to keep: only its length in bytes.
    TooLarge(usize),
}

/// Answers one line.
fn answer_line(catalog: &Catalog, call: Call, line: &Line) -> Result<String, banshi::Error> {
    match line {
        Line::TooLarge(size) => Err(banshi::Error::InputTooLarge { size: *size, limit: MAX_REQUEST }),
        Line::Bytes(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => call(catalog, text.trim_end_matches('\r')),
            Err(_) => Err(banshi::Error::InvalidUtf8),
        },
    }
}

/// The library's error JSON with the input line number added:
/// `{"error":{"code":…,"line":N}}`.
fn error_line(e: &banshi::Error, line: u64) -> String {
    let text = json::error(e);
    match text.strip_suffix("}}") {
        Some(head) => format!(r#"{head},"line":{line}}}}}"#),
        None => text, // not the documented shape: leave it whole
    }
}

/// Answers one chunk, whose first line is input line `first` (from 1):
/// every response (or error JSON) followed by a newline.
fn answer(catalog: &Catalog, call: Call, first: u64, lines: &[Line]) -> (Vec<u8>, u64) {
    let mut out = Vec::with_capacity(lines.len() * 4096);
    let mut failed = 0;
    for (number, line) in (first..).zip(lines) {
        match answer_line(catalog, call, line) {
            Ok(response) => out.extend_from_slice(response.as_bytes()),
            Err(e) => {
                failed += 1;
                out.extend_from_slice(error_line(&e, number).as_bytes());
            }
        }
        out.push(b'\n');
    }
    (out, failed)
}

/// Reads one line, keeping at most `keep` bytes of it in memory; `None` at
/// the end of the input. A longer line is read to its end, only counted.
fn read_line(input: &mut dyn BufRead, keep: usize) -> io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let mut size = 0usize;
    let mut started = false;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        started = true;
        let (part, used, ended) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], i + 1, true),
            None => (available, available.len(), false),
        };
        size = size.saturating_add(part.len());
        if size <= keep {
            bytes.extend_from_slice(part);
        } else if !bytes.is_empty() {
            bytes = Vec::new(); // too long: free what was kept
        }
        input.consume(used);
        if ended {
            break;
        }
    }
    Ok(started.then_some(if size <= keep { Line::Bytes(bytes) } else { Line::TooLarge(size) }))
}

/// Why a batch stopped early.
#[derive(Debug)]
pub(crate) enum Error {
    /// The input could not be read.
    Read(io::Error),
    /// The output could not be written (a closed pipe, a full disk …).
    Write(io::Error),
}

/// Processes every line; returns how many failed. A failed line's output is
/// its error JSON, so output lines always match input lines.
///
/// When the output fails, the batch stops promptly: the writer's error drops
/// the results channel, which stops the workers, whose exit drops the last
/// receiver of the work channel, which stops the reader.
pub(crate) fn run(
    catalog: &Catalog,
    call: Call,
    mut input: Box<dyn BufRead + '_>,
    out: &mut (impl Write + Send),
    threads: usize,
    progress: bool,
) -> Result<u64, Error> {
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, u64, Vec<Line>)>(threads * 2);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::sync_channel::<(u64, Vec<u8>, u64, usize)>(threads * 4);

    std::thread::scope(|s| {
        // Only the workers may hold the work receiver: if this thread kept
        // one, a full work channel would never drain once the workers stop.
        let receivers = vec![work_rx; threads];
        for work_rx in receivers {
            let done_tx = done_tx.clone();
            s.spawn(move || {
                loop {
                    let next = work_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((seq, first, lines)) = next else { break };
                    let (bytes, failed) = answer(catalog, call, first, &lines);
                    if done_tx.send((seq, bytes, failed, lines.len())).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);

        let writer = s.spawn(move || -> io::Result<u64> {
            let mut out = io::BufWriter::with_capacity(1 << 20, out);
            let mut pending = BTreeMap::new();
            let (mut next, mut done, mut failed) = (0u64, 0u64, 0u64);
            for (seq, bytes, chunk_failed, count) in done_rx {
                pending.insert(seq, (bytes, chunk_failed, count));
                while let Some((bytes, chunk_failed, count)) = pending.remove(&next) {
                    out.write_all(&bytes)?;
                    failed += chunk_failed;
                    done += count as u64;
                    next += 1;
                    if progress {
                        // Progress is best effort: a failing terminal must not stop the batch.
                        let _ = write!(io::stderr(), "\r已处理 {done} 条，失败 {failed} 条");
                    }
                }
            }
            if progress {
                let _ = writeln!(io::stderr());
            }
            out.flush()?;
            Ok(failed)
        });

        let (mut seq, mut first) = (0u64, 1u64);
        let read = loop {
            let mut lines = Vec::with_capacity(CHUNK);
            let mut bytes = 0;
            while lines.len() < CHUNK && bytes < CHUNK_BYTES {
                match read_line(&mut input, KEEP) {
                    Ok(None) => break,
                    Ok(Some(line)) => {
                        bytes += if let Line::Bytes(b) = &line { b.len() } else { 0 };
                        lines.push(line);
                    }
                    Err(e) => return Err(Error::Read(e)),
                }
            }
            if lines.is_empty() {
                break Ok(());
            }
            let count = lines.len() as u64;
            if work_tx.send((seq, first, lines)).is_err() {
                break Ok(());
            }
            seq += 1;
            first += count;
        };
        drop(work_tx);
        let written = writer.join().expect("batch writer panicked").map_err(Error::Write);
        read.and(written)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_the_library_limit() {
        let request = |len: usize| format!(r#"{{"service":"8.1"{}}}"#, " ".repeat(len - 17));
        let catalog = Catalog::embedded();
        assert_eq!(request(MAX_REQUEST).len(), MAX_REQUEST);
        assert!(!matches!(json::assess(catalog, &request(MAX_REQUEST)), Err(banshi::Error::InputTooLarge { .. })));
        assert!(matches!(
            json::assess(catalog, &request(MAX_REQUEST + 1)),
            Err(banshi::Error::InputTooLarge { limit: MAX_REQUEST, .. })
        ));
    }

    fn lines(input: &[u8], keep: usize) -> Vec<Result<Vec<u8>, usize>> {
        let mut input = io::BufReader::with_capacity(4, input);
        std::iter::from_fn(|| read_line(&mut input, keep).unwrap())
            .map(|line| match line {
                Line::Bytes(b) => Ok(b),
                Line::TooLarge(size) => Err(size),
            })
            .collect()
    }

    #[test]
    fn lines_are_kept_up_to_the_limit_and_counted_beyond() {
        assert_eq!(lines(b"", 5), []);
        assert_eq!(lines(b"\n\n", 5), [Ok(vec![]), Ok(vec![])]);
        assert_eq!(lines(b"abcde\r\nabcdefg\nab", 6), [Ok(b"abcde\r".to_vec()), Err(7), Ok(b"ab".to_vec())]);
        assert_eq!(lines(b"abcdefghijklmnop\n\xff\n", 5), [Err(16), Ok(vec![0xff])]);
    }
}
