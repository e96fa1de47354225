//! A loop for profilers (callgrind, perf): `cargo run --release --example
//! profile -p banshi -- <request file> [iterations]` runs json::assess.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile <request file> [iterations]");
    let n: usize = args.next().map_or(10_000, |s| s.parse().expect("a number"));
    let request = std::fs::read_to_string(path).expect("readable request");
    let catalog = banshi::Catalog::embedded();
    let mut bytes = 0;
    for _ in 0..n {
        bytes += banshi::json::assess(catalog, &request).expect("a valid request").len();
    }
    println!("{n} calls, {bytes} bytes out");
}
