//! Extraction throughput in MB/s on the repo's articles and on ~1 MB of concatenated
//! text, to show that time grows linearly with input. Run: `cargo bench -p eventlens-extract`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use eventlens_extract::{extract, ArticleMeta, Gazetteer};

/// The repo's articles, in directory order.
fn articles() -> Vec<String> {
    let mut texts = Vec::new();
    for f in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../articles"))
        .into_iter()
        .flatten()
        .flatten()
    {
        if f.path().extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(f.path()).unwrap_or_default());
        }
    }
    texts
}

/// All articles as one text, each corpus article followed by a newline.
fn corpus() -> String {
    let mut texts = articles().into_iter();
    let mut s = texts.next().unwrap_or_default();
    for t in texts {
        s.push_str(&t);
        s.push('\n');
    }
    s
}

fn meta(text: &str) -> ArticleMeta {
    ArticleMeta {
        id: "b".into(),
        title: String::new(),
        published: Some("2025-06-01".into()),
        source: None,
        text: text.to_string(),
    }
}

fn bench(c: &mut Criterion) {
    let gaz = Gazetteer::embedded();
    let base = corpus();
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    for target in [1_000usize, 10_000, 100_000, 1_000_000] {
        let mut text = String::new();
        while text.len() < target {
            text.push_str(&base);
        }
        let text: String = text.chars().take(target).collect();
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(text.len()), &text, |b, t| {
            b.iter(|| extract(meta(t), gaz))
        });
    }
    g.finish();
}

/// The case the app has: many articles, each extracted on its own (a collection of
/// news reports), rather than one huge text whose events all compete in coreference.
fn collection(c: &mut Criterion) {
    let gaz = Gazetteer::embedded();
    let texts = articles();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("collection");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("{}-articles", texts.len()), |b| {
        b.iter(|| {
            for t in &texts {
                let _ = extract(meta(t), gaz);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench, collection);
criterion_main!(benches);
