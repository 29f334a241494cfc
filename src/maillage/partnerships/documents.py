"""Agreement documents are PDF files: checked by their content, not by their name."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024
# The PDF header may be preceded by a few bytes of junk; readers look in the first kilobyte.
HEADER_WINDOW = 1024


def check_pdf(upload) -> None:
    """Raise ValidationError with a sentence for the user unless `upload` is a PDF of ≤ 20 MB."""
    size = upload.size
    if size == 0:
        raise ValidationError(_("The file is empty. Choose the PDF of the signed agreement."))
    if size > MAX_BYTES:
        raise ValidationError(
            _("The file is %(size).1f MB; documents may be at most 20 MB. Compress it or split it.")
            % {"size": size / (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(HEADER_WINDOW)
    upload.seek(0)
    if b"%PDF-" not in head:
        raise ValidationError(
            _(
                "This file is not a PDF (its content does not start like one). Export it as PDF and try again."
            )
        )
