//! num-bigint vs dashu on the operations Python's `int` leans on: multiplication, division and
//! conversion to decimal text, for 10- to 10000-digit operands (issue 8 asks for the choice to
//! be made by measurement). Results: pylib/README.md.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// A deterministic decimal string of `n` digits (no leading zero).
fn digits(n: usize, seed: u64) -> String {
    let mut state = seed;
    (0..n)
        .map(|i| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let d = ((state >> 33) % 10) as u8;
            char::from(b'0' + if i == 0 { d.max(1) } else { d })
        })
        .collect()
}

const SIZES: [usize; 4] = [10, 100, 1000, 10000];

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("bigint");
    group.warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1)).sample_size(20);
    for &n in &SIZES {
        let (a, b, wide) = (digits(n, 1), digits(n, 2), digits(2 * n, 3));

        let (na, nb, nw): (num_bigint::BigInt, num_bigint::BigInt, num_bigint::BigInt) =
            (a.parse().unwrap(), b.parse().unwrap(), wide.parse().unwrap());
        group.bench_with_input(BenchmarkId::new("num-bigint/mul", n), &n, |bench, _| {
            bench.iter(|| black_box(&na) * black_box(&nb))
        });
        group.bench_with_input(BenchmarkId::new("num-bigint/div", n), &n, |bench, _| {
            bench.iter(|| black_box(&nw) / black_box(&nb))
        });
        group.bench_with_input(BenchmarkId::new("num-bigint/to_decimal", n), &n, |bench, _| {
            bench.iter(|| black_box(&na).to_string())
        });

        let (da, db, dw): (dashu_int::IBig, dashu_int::IBig, dashu_int::IBig) =
            (a.parse().unwrap(), b.parse().unwrap(), wide.parse().unwrap());
        group.bench_with_input(BenchmarkId::new("dashu/mul", n), &n, |bench, _| {
            bench.iter(|| black_box(&da) * black_box(&db))
        });
        group.bench_with_input(BenchmarkId::new("dashu/div", n), &n, |bench, _| {
            bench.iter(|| black_box(&dw) / black_box(&db))
        });
        group.bench_with_input(BenchmarkId::new("dashu/to_decimal", n), &n, |bench, _| {
            bench.iter(|| black_box(&da).to_string())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
