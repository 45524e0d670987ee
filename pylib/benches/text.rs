//! Throughput of the hot paths the object layer calls: float repr and formatting, float and
//! int parsing, and list.sort on ints, each over 1000 (sort: 10000) varied inputs.

use criterion::{Criterion, criterion_group, criterion_main};
use pyrt_pylib::{float, format_spec, int_text, sort};
use std::hint::black_box;
use std::time::Duration;

fn inputs() -> Vec<f64> {
    let mut state = 7u64;
    (0..1000)
        .map(|i| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let unit = (state >> 11) as f64 / (1u64 << 53) as f64;
            match i % 4 {
                0 => unit,
                1 => (unit * 1e6).round() / 100.0,
                2 => unit * 10f64.powi((i % 40) - 20),
                _ => f64::from_bits(state | 0x3000_0000_0000_0000 & !0x4000_0000_0000_0000),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let xs = inputs();
    let reprs: Vec<String> = xs.iter().map(|&x| float::repr_string(x)).collect();
    let ints: Vec<String> = (0..1000).map(|i: i64| (i * 7919 - 3_000_000).to_string()).collect();
    let mut group = c.benchmark_group("text");
    group.warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1)).sample_size(20);
    let mut out = String::with_capacity(64);
    group.bench_function("float_repr_x1000", |b| {
        b.iter(|| {
            for &x in &xs {
                out.clear();
                float::repr(black_box(x), &mut out);
            }
        })
    });
    group.bench_function("format_.2f_x1000", |b| {
        b.iter(|| {
            for &x in &xs {
                out.clear();
                format_spec::format_float(black_box(x), ".2f", "float", &mut out).unwrap();
            }
        })
    });
    group.bench_function("format_,.3e_width20_x1000", |b| {
        b.iter(|| {
            for &x in &xs {
                out.clear();
                format_spec::format_float(black_box(x), ">20,.3e", "float", &mut out).unwrap();
            }
        })
    });
    group.bench_function("float_parse_x1000", |b| {
        b.iter(|| reprs.iter().map(|s| float::parse(black_box(s)).unwrap()).sum::<f64>())
    });
    group.bench_function("int_parse_x1000", |b| {
        b.iter(|| ints.iter().filter(|s| int_text::parse_int(black_box(s), 10, 4300).is_ok()).count())
    });
    let keys: Vec<u64> = (0..10000u64).map(|i| i.wrapping_mul(2654435761) % 100_000).collect();
    group.bench_function("listsort_10000_ints", |b| {
        b.iter(|| {
            let mut v = keys.clone();
            sort::sort_copy(&mut v, false, |a, b| Ok::<_, ()>(a < b)).unwrap();
            v
        })
    });
    group.bench_function("std_sort_10000_ints", |b| {
        b.iter(|| {
            let mut v = keys.clone();
            v.sort();
            v
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
