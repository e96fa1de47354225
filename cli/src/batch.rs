//! JSONL batch mode: one request per line in, one response per line out, in
//! input order. A pipeline keeps every core busy: this thread reads chunks of
//! lines, worker threads answer them (each chunk into one buffer), and a
//! writer thread puts the chunks back in order.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::{Arc, Mutex, mpsc};

use banshi::{Catalog, json};

/// Lines per chunk: large enough to amortise the hand-offs, small enough to
/// keep the writer busy early.
const CHUNK: usize = 512;

type Call = fn(&Catalog, &str) -> Result<String, banshi::Error>;

/// Answers one chunk: every response (or error JSON) followed by a newline.
fn answer(catalog: &Catalog, call: Call, lines: &[String]) -> (Vec<u8>, u64) {
    let mut out = Vec::with_capacity(lines.len() * 4096);
    let mut failed = 0;
    for line in lines {
        match call(catalog, line.trim_end_matches(['\n', '\r'])) {
            Ok(response) => out.extend_from_slice(response.as_bytes()),
            Err(e) => {
                failed += 1;
                out.extend_from_slice(json::error(&e).as_bytes());
            }
        }
        out.push(b'\n');
    }
    (out, failed)
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
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, Vec<String>)>(threads * 2);
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
                    let Ok((seq, lines)) = next else { break };
                    let (bytes, failed) = answer(catalog, call, &lines);
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

        let mut seq = 0u64;
        let read = loop {
            let mut lines = Vec::with_capacity(CHUNK);
            for _ in 0..CHUNK {
                let mut line = String::new();
                match input.read_line(&mut line) {
                    Ok(0) => break,
                    Ok(_) => lines.push(line),
                    Err(e) => return Err(Error::Read(e)),
                }
            }
            if lines.is_empty() {
                break Ok(());
            }
            if work_tx.send((seq, lines)).is_err() {
                break Ok(());
            }
            seq += 1;
        };
        drop(work_tx);
        let written = writer.join().expect("batch writer panicked").map_err(Error::Write);
        read.and(written)
    })
}
