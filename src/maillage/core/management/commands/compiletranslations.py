"""Compile every .po file of maillage into .mo with polib, so no gettext tools are needed."""

from pathlib import Path

import polib
from django.core.management.base import BaseCommand

import maillage


class Command(BaseCommand):
    help = "Compile the French (and any other) translations of every maillage app (.po -> .mo)."

    def handle(self, *args, **options):
        root = Path(maillage.__file__).resolve().parent
        count = 0
        for po_path in sorted(root.glob("**/locale/*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
        self.stdout.write(f"{count} translation file(s) compiled.")
