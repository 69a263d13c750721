//! How long the seasons take to compute: the target is all 24 solar terms of the 201
//! years 1900–2100 in under 50 ms on one core.
#![allow(clippy::unwrap_used)] // a test may stop at what it did not expect

use criterion::{criterion_group, criterion_main, Criterion};
use iyashi_core::season::{self, SolarTerm};
use std::hint::black_box;

fn all_solar_terms_1900_to_2100() -> usize {
    let mut count = 0;
    for year in 1900..=2100 {
        for term in SolarTerm::in_year_order() {
            black_box(season::term_in_year(black_box(year), term).unwrap());
            count += 1;
        }
    }
    count
}

fn bench(c: &mut Criterion) {
    assert_eq!(all_solar_terms_1900_to_2100(), 24 * 201);
    c.bench_function("24 solar terms x 201 years (1900-2100)", |b| {
        b.iter(all_solar_terms_1900_to_2100)
    });
    c.bench_function("one year: 24 terms and 72 micro-seasons", |b| {
        b.iter(|| season::year(black_box(2026)).unwrap())
    });
    let at = "2026-11-25T10:00:00Z".parse().unwrap();
    c.bench_function("season_at (now, with next transition)", |b| {
        b.iter(|| season::season_at(black_box(at)).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
