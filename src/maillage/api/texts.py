"""Length limits of the free texts the API takes: every ``str`` of a request body is one of these
(or has its own ``max_length``), so a 5 MB note is refused with a sentence, not stored."""

from __future__ import annotations

from typing import Annotated

from ninja import Field

# A name, a title, a code, a place: one line.
Line = Annotated[str, Field(max_length=200)]
# A short value: a code, a language list, a country list.
Code = Annotated[str, Field(max_length=64)]
# A description, a note, a message: a few pages at most.
Text = Annotated[str, Field(max_length=10_000)]
# Items of a list given in a body (ids, codes).
MAX_ITEMS = 500
