"""Every file the home page makes a browser fetch exists: its scripts and stylesheets, the source
maps they name (consoles fetch them), and its icon (without one, browsers ask for /favicon.ico,
which nothing serves) — no 404 in the browser's console."""

from __future__ import annotations

import posixpath
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db

STATIC = "/" + settings.STATIC_URL.lstrip("/")


def _static_refs(html: str) -> list[str]:
    return [
        url.removeprefix(STATIC)
        for url in re.findall(r'(?:src|href)="([^"]+)"', html)
        if url.startswith(STATIC)
    ]


def test_every_static_file_of_the_home_page_exists(client):
    html = client.get(reverse("home")).content.decode()
    refs = _static_refs(html)
    assert "vendor/bootstrap/bootstrap.min.css" in refs and "vendor/htmx/htmx.min.js" in refs
    missing = [ref for ref in refs if not finders.find(ref)]
    assert missing == [], f"the home page references missing static files: {missing}"


def test_source_maps_named_by_the_home_pages_files_exist(client):
    html = client.get(reverse("home")).content.decode()
    missing = []
    for ref in _static_refs(html):
        if not ref.endswith((".js", ".css")):
            continue
        with open(finders.find(ref), encoding="utf-8", errors="replace") as handle:
            tail = handle.read()[-500:]
        for name in re.findall(r"sourceMappingURL=([^\s*]+)", tail):
            mapped = posixpath.join(posixpath.dirname(ref), name)
            if not finders.find(mapped):
                missing.append(mapped)
    assert missing == [], f"source maps named but not vendored (see the Makefile): {missing}"


def test_home_page_declares_its_icon(client):
    html = client.get(reverse("home")).content.decode()
    icons = re.findall(r'<link rel="icon" href="([^"]+)"', html)
    assert len(icons) == 1 and finders.find(icons[0].removeprefix(STATIC))
