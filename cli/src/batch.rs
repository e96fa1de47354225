//! JSONL batch mode: one request per line in, one response per line out, in
//! order, spread over threads.

use std::io::{self, BufRead, Write};

use banshi::{Catalog, json};

/// Lines handed to the threads at a time.
const CHUNK: usize = 16 * 1024;

/// Processes every line; returns how many failed. A failed line's output is
/// its error JSON, so output lines always match input lines.
pub(crate) fn run(
    catalog: &Catalog,
    call: fn(&Catalog, &str) -> Result<String, banshi::Error>,
    mut input: Box<dyn BufRead + '_>,
    out: &mut impl Write,
    threads: usize,
    progress: bool,
) -> io::Result<u64> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let (mut done, mut failed) = (0u64, 0u64);
    let mut lines = Vec::with_capacity(CHUNK);
    loop {
        lines.clear();
        for _ in 0..CHUNK {
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                break;
            }
            lines.push(line);
        }
        if lines.is_empty() {
            break;
        }
        let per_thread = lines.len().div_ceil(threads);
        let results: Vec<Vec<(bool, String)>> = std::thread::scope(|s| {
            let handles: Vec<_> = lines
                .chunks(per_thread)
                .map(|chunk| {
                    s.spawn(move || {
                        chunk
                            .iter()
                            .map(|line| match call(catalog, line.trim_end_matches(['\n', '\r'])) {
                                Ok(response) => (true, response),
                                Err(e) => (false, json::error(&e)),
                            })
                            .collect()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("batch worker panicked")).collect()
        });
        for (ok, response) in results.iter().flatten() {
            failed += u64::from(!ok);
            out.write_all(response.as_bytes())?;
            out.write_all(b"\n")?;
        }
        done += lines.len() as u64;
        if progress {
            eprint!("\r已处理 {done} 条，失败 {failed} 条");
        }
    }
    if progress {
        eprintln!();
    }
    out.flush()?;
    Ok(failed)
}
