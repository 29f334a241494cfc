from pathlib import Path

import pytest
from openpyxl import Workbook

from maillage.ecosystem.importing import (
    ImportFileError,
    guess_mapping,
    read_table,
    run_import,
)
from maillage.ecosystem.importing.files import MAX_BYTES
from maillage.ecosystem.models import Organisation
from tests.ecosystem.factories import OrganisationFactory, ParkFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = "Nom;Pays;Ville;Site web;Type;Secteurs;Latitude;Longitude;Description\n"


def write(tmp_path: Path, content: str, *, name="members.csv", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


def do_import(path, **kwargs):
    table = read_table(path)
    return run_import(table, guess_mapping(table.headers), **kwargs)


def test_french_semicolon_csv_creates_organisations(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "Planète Bleue;France;Marseille;www.planete-bleue.example;startup;Solaire, ai;;;Panneaux\n"
        + "Lab Océan;FR;Brest;;laboratoire;ocean-tech;48.39;-4.49;\n",
    )
    report = do_import(path)
    assert (report.applied, report.created, report.updated, report.errors) == (True, 2, 0, [])
    planete = Organisation.objects.get(name="Planète Bleue")
    assert (planete.kind, planete.subtype, planete.website) == (
        "company",
        "startup",
        "https://www.planete-bleue.example",
    )
    assert planete.latitude == pytest.approx(43.297, abs=0.01)  # Marseille, from the city
    assert set(planete.sectors.values_list("code", flat=True)) == {"solar", "ai"}
    assert planete.slug == "planete-bleue" and "panneaux" in planete.search_text
    assert Organisation.objects.get(name="Lab Océan").latitude == 48.39


def test_header_guessing_in_english_and_french():
    mapping = guess_mapping(["Name", "Country", "City", "Website", "Kind", "Sectors", "Park"])
    assert mapping["name"] == 0 and mapping["host_park"] == 6 and mapping["website"] == 3
    mapping = guess_mapping(
        ["Raison sociale", "Pays", "Commune", "Site internet", "Parc d'accueil"]
    )
    assert (
        mapping["name"],
        mapping["country"],
        mapping["city"],
        mapping["website"],
        mapping["host_park"],
    ) == (0, 1, 2, 3, 4)
    assert mapping["latitude"] is None


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("Acme;Narnia;;;;;;;", "Unknown country “Narnia”"),
        ("Acme;FR;;;;;95;3;", "latitude goes from -90 to 90"),
        ("Acme;FR;;;;;abc;3;", "Invalid coordinates"),
        ("Acme;FR;;;spaceship;;;;", "Unknown kind “spaceship”"),
        ("Acme;FR;;;;quantum-baking;;;", "Unknown sector(s): quantum-baking"),
        ("Acme;FR;Gotham;;;;;;", "Unknown city “Gotham” in France"),
        (";FR;;;;;;;", "The name is missing"),
        ("Acme;FR;;not a url;;;;;", "not a valid address"),
    ],
)
def test_every_error_names_its_row_and_reason_and_nothing_is_written(tmp_path, row, reason):
    path = write(tmp_path, HEADER + "Fine Company;FR;Lyon;;;;;;\n" + row + "\n")
    report = do_import(path)
    assert not report.applied and report.created == 0
    assert [e.row for e in report.errors] == [3]
    assert reason in report.errors[0].reason
    assert not Organisation.objects.exists()


def test_duplicate_rows_in_the_file(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "Acme;FR;Lyon;;;;;;\nACMÉ;France;Paris;;;;;;\n"
        + "Other;FR;;acme.example;;;;;\nThird;FR;;https://www.acme.example/x;;;;;\n",
    )
    report = do_import(path)
    assert [(e.row, e.reason[:29]) for e in report.errors] == [
        (3, "Same organisation as row 2 (s"),
        (5, "Same organisation as row 4 (s"),
    ]


def test_valid_rows_only_imports_the_rest_and_reports_skipped_rows(tmp_path):
    path = write(
        tmp_path, HEADER + "Good One;FR;Lyon;;;;;;\nBad;Narnia;;;;;;;\nGood Two;DE;Berlin;;;;;;\n"
    )
    report = do_import(path, valid_only=True)
    assert report.applied and report.created == 2
    assert [(e.row, "Narnia" in e.reason) for e in report.skipped] == [(3, True)]
    assert set(Organisation.objects.values_list("name", flat=True)) == {"Good One", "Good Two"}


def test_reimport_updates_instead_of_duplicating(tmp_path):
    first = write(
        tmp_path, HEADER + "Acme;FR;Lyon;acme.example;pme;ai;;;Old text\nBeta;FR;Lyon;;;;;;\n"
    )
    assert do_import(first).created == 2
    acme = Organisation.objects.get(name="Acme")
    lyon_latitude = acme.latitude
    second = write(
        tmp_path,
        HEADER
        + "ACME SAS;FR;Lyon;https://www.acme.example;;data;;;New text\n"
        + "Beta;France;;;;;;;\nGamma;FR;;;;;;;\n",
        name="again.csv",
    )
    report = do_import(second)
    assert (report.created, report.updated, report.unchanged) == (1, 1, 1)
    acme.refresh_from_db()
    assert acme.name == "ACME SAS" and acme.description_en == "New text" and acme.subtype == "sme"
    assert acme.latitude == lyon_latitude and "new text" in acme.search_text
    assert list(acme.sectors.values_list("code", flat=True)) == ["data"]
    assert Organisation.objects.count() == 3


def test_windows_1252_file_from_excel(tmp_path):
    path = write(
        tmp_path,
        HEADER + "Société Générale d'Études;France;Évry;;École;;;;Accentué\n",
        encoding="cp1252",
    )
    table = read_table(path)
    assert table.encoding == "windows-1252" and table.delimiter == ";"
    report = run_import(table, guess_mapping(table.headers))
    assert report.created == 1
    org = Organisation.objects.get()
    assert (org.name, org.city, org.kind, org.description_en) == (
        "Société Générale d'Études",
        "Évry",
        "school",
        "Accentué",
    )


def test_utf8_bom_and_comma_delimiter(tmp_path):
    path = write(tmp_path, '\ufeffname,country,city,kind\n"Dupont, fils",FR,Caen,company\n')
    table = read_table(path)
    assert table.headers[0] == "name" and table.delimiter == ","
    assert run_import(table, guess_mapping(table.headers)).created == 1
    assert Organisation.objects.get().name == "Dupont, fils"


def test_xlsx_file(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Country", "City", "Latitude", "Longitude", "Founded"])
    sheet.append(["Excel Lab", "Japan", "Kawasaki", None, None, 2015])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["Excel Two", "US", "", 35.9, -78.9, None])
    path = tmp_path / "orgs.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert [r[0] for r in table.rows] == [2, 4]
    report = run_import(table, guess_mapping(table.headers))
    assert report.created == 2
    assert Organisation.objects.get(name="Excel Lab").founded_year == 2015


def test_unreadable_and_oversized_files_are_refused(tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.write(b"name;country\n")
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ImportFileError, match="limit is 20 MB"):
        read_table(big)
    fake = write(tmp_path, "not a workbook", name="fake.xlsx")
    with pytest.raises(ImportFileError, match="Excel"):
        read_table(fake)
    with pytest.raises(ImportFileError, match=".csv or .xlsx"):
        read_table(write(tmp_path, "x", name="notes.pdf"))
    with pytest.raises(ImportFileError, match="no rows"):
        read_table(write(tmp_path, "name;country\n", name="empty.csv"))


def test_mapping_needs_name_and_country(tmp_path):
    table = read_table(write(tmp_path, "Company;Where\nAcme;FR\n"))
    mapping = guess_mapping(table.headers)
    mapping["country"] = None
    with pytest.raises(ImportFileError, match="country"):
        run_import(table, mapping)
    mapping["country"] = 1
    assert run_import(table, mapping).created == 1


def test_park_staff_imports_into_their_park_and_cannot_overwrite_others(tmp_path):
    park, other_park = ParkFactory(name="Home Park"), ParkFactory(name="Other Park")
    OrganisationFactory(name="Theirs", host_park=other_park, country="FR")
    staff = UserFactory(staff_of=[park])
    path = write(tmp_path, "name;country;park\nMine;FR;\nElsewhere;FR;Other Park\nTheirs;FR;\n")
    report = do_import(path, by=staff, default_host_park=park, valid_only=True)
    assert report.created == 2 and [e.row for e in report.errors] == [4]
    assert "does not manage it" in report.errors[0].reason
    assert Organisation.objects.get(name="Mine").host_park == park
    assert Organisation.objects.get(name="Elsewhere").host_park == other_park
    assert Organisation.objects.get(name="Theirs").description_en == ""
