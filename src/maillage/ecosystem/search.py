"""Full-text matching and ranking of the directory search (the index: search_index.py).

`match(qs, words)` narrows a queryset of organisations to those whose index row holds every
word (each word also as a prefix: "genopol" finds "Génopole") and orders them best first:
a match in the name or an alias above a match in a description, then by name. When no
organisation holds every word, the query is taken as misspelt and the names closest to it are
returned instead ("sofia antipolis" finds "Sophia Antipolis"), when each word of the query is
near a word of the name: trigram word similarity (pg_trgm) on PostgreSQL, candidates from the
trigram FTS5 table scored the same way in Python on SQLite.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    F,
    FloatField,
    Func,
    IntegerField,
    QuerySet,
    Value,
    When,
)

from maillage.ecosystem.models import Organisation
from maillage.ecosystem.search_index import BM25_WEIGHTS, TRIGRAMS

MAX_QUERY_LENGTH = 200  # characters; longer is not a search someone typed
MAX_WORDS = 12
CLOSE_NAMES = 200  # how many closest names a misspelt query considers on SQLite
# Least trigram closeness of every word of a misspelt query to a word of a name ("sofia" to
# "sophia" is 0.3; a word that is in no name, such as "pekin" in "technopole pekin", is ~0).
WORD_CLOSENESS = 0.25


def usable(q: str, words: list[str]) -> bool:
    """False for a query that can match nothing: too long, or nothing but punctuation."""
    return len(q) <= MAX_QUERY_LENGTH and bool(words) and len(words) <= MAX_WORDS


def _document() -> F:
    return F("search_entry__document")


def _full_text(qs: QuerySet, words: list[str]) -> QuerySet:
    if connection.vendor == "postgresql":
        tsquery = Func(
            Value(" & ".join(f"{w}:*" for w in words)),
            function="to_tsquery",
            template="to_tsquery('simple', %(expressions)s)",
        )
        matched = Func(
            _document(),
            tsquery,
            template="%(expressions)s",
            arg_joiner=" @@ ",
            output_field=BooleanField(),
        )
        rank = Func(_document(), tsquery, function="ts_rank", output_field=FloatField())
        return qs.filter(matched, search_entry__isnull=False).annotate(relevance=-rank)
    expression = " ".join(f'"{w}"*' for w in words)
    matched = Func(
        _document(),
        Value(expression),
        template="%(expressions)s",
        arg_joiner=" MATCH ",
        output_field=BooleanField(),
    )
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    rank = Func(
        _document(), template=f"bm25(%(expressions)s, {weights})", output_field=FloatField()
    )
    return qs.filter(matched, search_entry__isnull=False).annotate(
        relevance=rank
    )  # bm25: lower is better


def _trigrams(word: str) -> set[str]:
    padded = f"  {word} "  # as pg_trgm pads a word
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def closeness(word: str, names: str) -> float:
    """How close a query word is to the nearest word of the names (trigram Jaccard, 0..1)."""
    mine = _trigrams(word)
    return max(
        (len(mine & theirs) / len(mine | theirs) for theirs in map(_trigrams, names.split())),
        default=0.0,
    )


def _close_names(qs: QuerySet, words: list[str]) -> QuerySet:
    """Organisations whose names come near every word of a query that matched nothing."""
    text = " ".join(words)
    if connection.vendor == "postgresql":
        names = F("search_entry__names")
        close = Func(
            Value(text),
            names,
            template="%(expressions)s",
            arg_joiner=" <%% ",
            output_field=BooleanField(),
        )
        qs = qs.filter(close, search_entry__isnull=False)
        for i, word in enumerate(words):
            qs = qs.alias(
                **{
                    f"near_{i}": Func(
                        Value(word), names, function="word_similarity", output_field=FloatField()
                    )
                }
            )
            qs = qs.filter(**{f"near_{i}__gte": WORD_CLOSENESS})
        similarity = Func(Value(text), names, function="word_similarity", output_field=FloatField())
        return qs.annotate(relevance=-similarity)
    grams = sorted({g for w in words for g in _trigrams(w) if g.strip() and " " not in g})
    if not grams:
        return qs.none().annotate(relevance=Value(0))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, names FROM {TRIGRAMS} WHERE {TRIGRAMS} MATCH %s "
            f"ORDER BY bm25({TRIGRAMS}) LIMIT {CLOSE_NAMES}",
            [" OR ".join(f'"{g}"' for g in grams)],
        )
        scored = []
        for pk, names in cursor.fetchall():
            nearness = [closeness(w, names) for w in words]
            if min(nearness) >= WORD_CLOSENESS:
                scored.append((-sum(nearness), pk))
    if not scored:
        return qs.none().annotate(relevance=Value(0))
    ids = [pk for _, pk in sorted(scored)]
    order = Case(
        *[When(pk=pk, then=Value(i)) for i, pk in enumerate(ids)], output_field=IntegerField()
    )
    return qs.filter(pk__in=ids).annotate(relevance=order)


def match(qs: QuerySet[Organisation], q: str, words: list[str]) -> QuerySet[Organisation]:
    """Organisations of `qs` matching the words, best first (see the module's docstring)."""
    if not usable(q, words):
        return qs.none()
    found = _full_text(qs, words)
    if not found.exists():
        found = _close_names(qs, words)
    return found.order_by("relevance", "name_key", "pk")
