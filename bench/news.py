"""Speed of reading park news: extraction words per second on one core, and 1,000 articles
ingested (stored, read, proposals saved) into a fresh SQLite database.

    MAILLAGE_DEBUG=true .venv/bin/python bench/news.py [--articles 1000] [--passes 3]

Text: the 36 articles of tests/news/data (French and English), read `--passes` times after a
warm-up; spaCy alone (tokenizer, sentences, named entities) is timed beside the whole
extraction so the cost of our rules shows. Ingestion: `--articles` distinct articles made from
the same texts (each with its own closing line, so each is stored), through
maillage.news.ingest.add_article with the directory of the database as gazetteer. Targets:
2,000 words/s; 1,000 articles in under 10 minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(name, "1")  # one core

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "news" / "data"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    database = Path(tempfile.mkdtemp()) / "news-bench.sqlite3"
    os.environ["MAILLAGE_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    from maillage.ecosystem.models import Organisation
    from maillage.news import documents, ingest
    from maillage.news.enums import SourceKind
    from maillage.news.extraction import extract, extract_many
    from maillage.news.extraction.language import detect, word_count
    from maillage.news.extraction.pipelines import pipeline
    from maillage.news.models import Article, Proposal
    from maillage.news.selectors import directory_gazetteer

    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    texts = [documents.read_path(DATA / d["file"]).text for d in gold["documents"]]
    words = sum(word_count(t) for t in texts)
    langs = [detect(t) for t in texts]
    for t, lang in zip(texts, langs, strict=True):  # warm-up: models loaded, caches filled
        extract(t, language=lang)

    def rate(run) -> tuple[float, float]:
        """Words per second of wall-clock time and per second of this process's CPU time
        (the second does not depend on what else the machine runs)."""
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.passes):
            run()
        return (
            words * args.passes / (time.perf_counter() - started),
            words * args.passes / (time.process_time() - cpu),
        )

    by_language = {
        lang: [t for t, x in zip(texts, langs, strict=True) if x == lang] for lang in set(langs)
    }
    rates = {
        "spaCy alone, one article at a time": rate(
            lambda: [pipeline(x)(t) for t, x in zip(texts, langs, strict=True)]
        ),
        "spaCy alone, in batches (nlp.pipe)": rate(
            lambda: [list(pipeline(x).pipe(ts, batch_size=32)) for x, ts in by_language.items()]
        ),
        "whole extraction, one article at a time (extract)": rate(
            lambda: [extract(t) for t in texts]
        ),
        "whole extraction, in batches (extract_many)": rate(lambda: extract_many(texts)),
    }
    print(f"{len(texts)} articles, {words} words, {args.passes} passes, one core")
    for what, (wall, cpu) in rates.items():
        print(f"{what}: {wall:,.0f} words/s (wall clock), {cpu:,.0f} words per CPU second")
    if not args.articles:
        return 0

    call_command("migrate", verbosity=0)
    park = Organisation.objects.create(name="Genopole", kind="park", country="FR", city="Évry")
    source = ingest.create_source(organisation=park, kind=SourceKind.PASTED, name="bench")
    gazetteer = directory_gazetteer()
    started, cpu = time.perf_counter(), time.process_time()
    total_words = 0
    for i in range(args.articles):
        text = texts[i % len(texts)] + f"\n\nCommuniqué n° {i + 1}."
        total_words += word_count(text)
        ingest.add_article(source=source, text=text, gazetteer=gazetteer)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"ingested {Article.objects.count()} articles ({total_words:,} words) with "
        f"{Proposal.objects.count()} proposals in {seconds:.1f} s ({cpu:.1f} s of CPU; "
        f"{args.articles / seconds:.1f} articles/s; target 1,000 in 600 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
