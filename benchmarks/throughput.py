"""Coding throughput against spaCy parsing alone, and peak memory of one process.

    python benchmarks/throughput.py [--articles 240] [--model NAME]

The corpus is generated from the bundled examples: their sentences are recombined into new
articles with actor names swapped among a list of countries, so no two articles are equal.
Prints articles/s and sentences/s for parse-only and for full coding, their ratio, and peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from eventwire import Pipeline, Settings
from eventwire.nlp.prepare import prepare
from eventwire.records import Article

ROOT = Path(__file__).resolve().parents[1]
SWAPS = [
    ("Belarus", "Georgia"), ("Nicaragua", "Bolivia"), ("Chad", "Niger"), ("India", "Nepal"),
    ("Somalia", "Kenya"), ("Egypt", "Libya"), ("Germany", "Austria"), ("Iran", "Iraq"),
    ("Colombia", "Peru"), ("Haiti", "Cuba"), ("Yemen", "Oman"), ("Sudan", "Eritrea"),
]  # fmt: skip


def make_corpus(n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    sentences = [
        line.strip()
        for path in sorted((ROOT / "examples").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
        if line.strip()
    ]
    corpus = []
    for i in range(n):
        picked = rng.sample(sentences, k=min(len(sentences), rng.randint(6, 12)))
        text = "\n".join(picked)
        for a, b in rng.sample(SWAPS, k=3):
            text = text.replace(a, b)
        corpus.append(Article(text=f"GENEVA – {text}", id=f"bench-{i}"))
    return corpus


def gazetteer_load_seconds() -> float:
    """Time to load the (cached) gazetteer in a fresh interpreter, as every worker does once."""
    code = (
        "import time; from eventwire.geo.gazetteer import load_gazetteer;"
        "t = time.perf_counter(); load_gazetteer(); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=240)
    ap.add_argument("--model", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pipeline = Pipeline(Settings.load(model=args.model))
    assert pipeline.nlp is not None
    corpus = make_corpus(args.articles)
    texts = [prepare(a.text).text for a in corpus]
    list(pipeline.code_many(corpus[:20]))  # warm up
    batch = pipeline.settings.batch_size

    def parse_only() -> int:
        assert pipeline.nlp is not None
        return sum(len(list(d.sents)) for d in pipeline.nlp.pipe(texts, batch_size=batch))

    def full() -> int:
        return sum(len(r.events) for r in pipeline.code_many(corpus))

    timings: dict[str, float] = {}
    counts: dict[str, int] = {}
    for name, fn in (("parse", parse_only), ("code", full)):
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            counts[name] = fn()
            best = min(best, time.perf_counter() - t0)
        timings[name] = best
    sents = counts["parse"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(corpus)} articles, {sents} sentences, model {pipeline.settings.model}")
    for name in ("parse", "code"):
        t = timings[name]
        print(
            f"{name:6s} {t:7.2f} s  {len(corpus) / t:8.1f} articles/s  {sents / t:8.1f} sentences/s"
        )
    print(f"events coded: {counts['code']}")
    ratio = timings["code"] / timings["parse"]
    print(f"total/parse-only ratio: {ratio:.3f} (target <= 1.25 coding only, <= 1.35 with context)")
    print(f"peak memory (RSS): {peak_mb:.0f} MB (target <= 500 MB)")
    print(f"gazetteer load in a new process: {gazetteer_load_seconds():.2f} s (target < 2 s)")
    sys.exit(0)


if __name__ == "__main__":
    main()
