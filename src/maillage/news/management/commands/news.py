"""`python -m maillage news extract FILE... --json` and `news evaluate GOLD.json`: extraction
for scripting and for measuring it on an annotated set. Runs on an empty directory too."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.news import documents
from maillage.news.extraction import NoText, UnsupportedLanguage, extract_many
from maillage.news.extraction.evaluation import TYPES, evaluate
from maillage.news.selectors import directory_gazetteer


def _extract_files(paths: list[Path], gazetteer, *, explain: bool) -> list[dict]:
    """One row per file, in order: what it states, or why it could not be read."""
    rows: list[dict | None] = [None] * len(paths)
    texts, where = [], []
    for i, path in enumerate(paths):
        try:
            texts.append(documents.read_path(path).text)
            where.append(i)
        except documents.UnreadableDocument as exc:
            rows[i] = {"file": str(path), "error": str(exc)}
    for i, found in zip(where, extract_many(texts, gazetteer=gazetteer), strict=True):
        if isinstance(found, NoText | UnsupportedLanguage):
            rows[i] = {"file": str(paths[i]), "error": str(found)}
        else:
            rows[i] = {"file": str(paths[i]), **found.as_json(explain=explain)}
    return rows


class Command(BaseCommand):
    help = "Read news files: extract facts (extract) or score extraction on a gold set (evaluate)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ex = sub.add_parser("extract", help="print what each file states")
        ex.add_argument("files", nargs="+")
        ex.add_argument("--json", action="store_true", help="print JSON (the only format)")
        ex.add_argument(
            "--explain",
            action="store_true",
            help="add sentences, spans, links to the directory and figures",
        )
        ex.add_argument(
            "--no-directory",
            action="store_true",
            help="use an empty gazetteer instead of the directory",
        )
        ev = sub.add_parser("evaluate", help="precision, recall and F1 per type on a gold set")
        ev.add_argument("gold")
        ev.add_argument(
            "--split", default="", help="only documents of this split (dev, unseen, unseen2)"
        )
        ev.add_argument("--no-directory", action="store_true")
        ev.add_argument(
            "--show-errors",
            action="store_true",
            help="also list each document's missed and wrong agreements, events, delegations",
        )

    def handle(self, *args, action, **options):
        gazetteer = directory_gazetteer(empty=options["no_directory"])
        if action == "extract":
            paths = [Path(name) for name in options["files"]]
            for path in paths:
                if not path.is_file():
                    raise CommandError(f"{path}: no such file")
            rows = _extract_files(paths, gazetteer, explain=options["explain"])
            self.stdout.write(json.dumps({"documents": rows}, ensure_ascii=False, indent=2))
            return
        gold_path = Path(options["gold"])
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{gold_path}: not a readable gold JSON file ({exc})") from exc
        started = time.perf_counter()
        chosen = [
            d
            for d in gold["documents"]
            if not options["split"] or d.get("split") == options["split"]
        ]
        paths = [gold_path.parent / d["file"] for d in chosen]
        pairs, words = [], 0
        for doc, path, found in zip(
            chosen, paths, _extract_files(paths, gazetteer, explain=True), strict=True
        ):
            if "error" in found:
                print(f"{doc['file']}: {found['error']}", file=sys.stderr)
                found = {t: [] for t in TYPES}
            words += len(path.read_text(encoding="utf-8").split())
            pairs.append((doc, found))
        errors: dict[str, list[str]] | None = {} if options["show_errors"] else None
        scores = evaluate(pairs, errors)
        seconds = time.perf_counter() - started
        self.stdout.write(
            json.dumps(
                {
                    "documents": len(pairs),
                    "words": words,
                    "seconds": round(seconds, 2),
                    "scores": scores,
                    **({"errors": errors} if errors is not None else {}),
                },
                indent=2,
            )
        )
