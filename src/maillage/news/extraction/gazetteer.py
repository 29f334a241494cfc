"""The directory as a gazetteer: every name, alias and acronym of its organisations, folded, so
a name is found in an article whatever its accents, case, leading article or legal form.

Pure Python: built from plain rows (maillage.news.selectors builds it from the database; the
command line can use an empty one)."""

from __future__ import annotations

from dataclasses import dataclass, field

from maillage.ecosystem.text import fold
from maillage.news.extraction.vocabulary import ARTICLES, LEGAL_FORMS

_ACRONYM_SKIP = ARTICLES | {"of", "and", "et", "for", "pour", "en", "in", "sur", "on", "&"}


def name_key(name: str) -> str:
    """'La Technopôle de l'Arbois SAS' -> 'technopole de l arbois': one key for one name."""
    words = fold(name).split()
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words = words[:-1]
    return " ".join(words)


def acronym(name: str) -> str:
    """'Research Triangle Park' -> 'rtp'; '' when the name has fewer than three words."""
    words = [w for w in fold(name).split() if w not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


@dataclass(frozen=True)
class Entry:
    id: int
    name: str
    kind: str = ""
    country: str = ""
    city: str = ""
    aliases: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """Folded term -> entries. `terms` maps every name and alias key; `acronyms` the computed
    initials (only those of a single entry: an acronym two entries share names neither)."""

    entries: dict[int, Entry] = field(default_factory=dict)
    terms: dict[str, set[int]] = field(default_factory=dict)
    acronyms: dict[str, set[int]] = field(default_factory=dict)
    words: dict[str, set[int]] = field(default_factory=dict)  # word of 4+ letters -> entries
    longest: int = 1
    lowercase_words: set[str] = field(default_factory=set)  # 'inovallée': a name written so

    @classmethod
    def build(cls, entries) -> Gazetteer:
        gazetteer = cls()
        for entry in entries:
            gazetteer.add(entry)
        return gazetteer

    def add(self, entry: Entry) -> None:
        self.entries[entry.id] = entry
        for i, term in enumerate((entry.name, *entry.aliases)):
            if term[:1].islower():
                self.lowercase_words.add(term.split()[0])
            key = name_key(term)
            if len(key) < 2:
                continue
            self.terms.setdefault(key, set()).add(entry.id)
            self.longest = max(self.longest, len(key.split()))
            for word in key.split():
                if len(word) >= 4:
                    self.words.setdefault(word, set()).add(entry.id)
            if i == 0 and (initials := acronym(term)):
                self.acronyms.setdefault(initials, set()).add(entry.id)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, key: str) -> set[int]:
        return self.terms.get(key, set())

    def sharing_a_word(self, words, limit: int = 200) -> set[int]:
        """Entries with one of these words in a name (none when a word is too common)."""
        found: set[int] = set()
        for word in words:
            ids = self.words.get(word, set())
            if len(ids) <= limit:
                found |= ids
        return found

    def lookup_acronym(self, key: str) -> set[int]:
        ids = self.acronyms.get(key, set())
        return ids if len(ids) == 1 else set()
