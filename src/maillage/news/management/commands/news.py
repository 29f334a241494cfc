"""`python -m maillage news extract FILE... --json` and `news evaluate GOLD.json`: extraction
for scripting and for measuring it on an annotated set. Runs on an empty directory too."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.news import documents
from maillage.news.extraction import NoText, UnsupportedLanguage, extract
from maillage.news.extraction.evaluation import TYPES, evaluate
from maillage.news.selectors import directory_gazetteer


def _extract_file(path: Path, gazetteer, *, explain: bool) -> dict:
    try:
        document = documents.read_path(path)
        found = extract(document.text, gazetteer=gazetteer)
    except (documents.UnreadableDocument, NoText, UnsupportedLanguage) as exc:
        return {"file": str(path), "error": str(exc)}
    return {"file": str(path), **found.as_json(explain=explain)}


class Command(BaseCommand):
    help = "Read news files: extract facts (extract) or score extraction on a gold set (evaluate)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ex = sub.add_parser("extract", help="print what each file states")
        ex.add_argument("files", nargs="+")
        ex.add_argument("--json", action="store_true", help="print JSON (the only format)")
        ex.add_argument("--explain", action="store_true",
                        help="add sentences, spans, links to the directory and figures")
        ex.add_argument("--no-directory", action="store_true",
                        help="use an empty gazetteer instead of the directory")
        ev = sub.add_parser("evaluate", help="precision, recall and F1 per type on a gold set")
        ev.add_argument("gold")
        ev.add_argument("--split", default="", help="only documents of this split (dev, unseen)")
        ev.add_argument("--no-directory", action="store_true")

    def handle(self, *args, action, **options):
        gazetteer = directory_gazetteer(empty=options["no_directory"])
        if action == "extract":
            rows = []
            for name in options["files"]:
                path = Path(name)
                if not path.is_file():
                    raise CommandError(f"{name}: no such file")
                rows.append(_extract_file(path, gazetteer, explain=options["explain"]))
            self.stdout.write(json.dumps({"documents": rows}, ensure_ascii=False, indent=2))
            return
        gold_path = Path(options["gold"])
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{gold_path}: not a readable gold JSON file ({exc})") from exc
        pairs, words, started = [], 0, time.perf_counter()
        for doc in gold["documents"]:
            if options["split"] and doc.get("split") != options["split"]:
                continue
            path = gold_path.parent / doc["file"]
            found = _extract_file(path, gazetteer, explain=True)
            if "error" in found:
                print(f"{doc['file']}: {found['error']}", file=sys.stderr)
                found = {t: [] for t in TYPES}
            words += len(path.read_text(encoding="utf-8").split())
            pairs.append((doc, found))
        scores = evaluate(pairs)
        seconds = time.perf_counter() - started
        self.stdout.write(json.dumps({"documents": len(pairs), "words": words,
                                      "seconds": round(seconds, 2), "scores": scores}, indent=2))
