import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from maillage.ecosystem import exports, selectors
from maillage.ecosystem.selectors import DirectoryQuery
from tests.ecosystem import directory_data
from tests.ecosystem.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def d():
    return directory_data.build()


def names(qs):
    return [o.name for o in qs]


def results(html: str) -> str:
    """The result list of a directory page (the filters also name parks and networks)."""
    return html.split('id="results"', 1)[1]


def test_text_search_ignores_accents_and_case(d):
    assert names(selectors.search_organisations(DirectoryQuery(q="genopole"))) == ["Génopole"]
    assert names(selectors.search_organisations(DirectoryQuery(q="GÉNOPOLE"))) == ["Génopole"]
    assert names(selectors.search_organisations(DirectoryQuery(q="chateau gombert"))) == [
        "Technopôle de Château-Gombert"
    ]


def test_every_word_must_match(d):
    assert names(selectors.search_organisations(DirectoryQuery(q="technopole gombert"))) == [
        "Technopôle de Château-Gombert"
    ]
    assert names(selectors.search_organisations(DirectoryQuery(q="technopole pekin"))) == []


def test_text_matches_city_and_description(d):
    assert "Génopole" in names(selectors.search_organisations(DirectoryQuery(q="evry")))
    assert "Génopole" in names(selectors.search_organisations(DirectoryQuery(q="biocluster")))


def test_names_starting_with_the_query_come_first(d):
    # "genom" is in the lab's name but only in the middle; "Génopole" does not contain it
    OrganisationFactory(name="Genomic Vision")
    result = names(selectors.search_organisations(DirectoryQuery(q="genom")))
    assert result == ["Genomic Vision", "Laboratoire Génomique de Pékin"]


def test_filters(d):
    search = selectors.search_organisations
    assert names(search(DirectoryQuery(kind="lab"))) == ["Laboratoire Génomique de Pékin"]
    assert names(search(DirectoryQuery(country="cn"))) == ["Laboratoire Génomique de Pékin"]
    assert names(search(DirectoryQuery(park=d.park_a.slug))) == ["Planktovie"]
    assert names(search(DirectoryQuery(network=d.network.slug))) == [
        "Sophia Antipolis",
        "Technopôle de Château-Gombert",
    ]
    # a filière includes its specialities; a speciality only itself
    assert names(search(DirectoryQuery(sector="health"))) == ["Génopole", "Planktovie"]
    assert names(search(DirectoryQuery(sector="medtech"))) == ["Planktovie"]
    assert names(search(DirectoryQuery(q="planktovie", kind="company", sector="health"))) == [
        "Planktovie"
    ]
    assert names(search(DirectoryQuery(q="planktovie", kind="lab"))) == []


def test_pagination_without_counting_everything(d):
    for n in range(30):
        OrganisationFactory(name=f"Zeta {n:02d}")
    qs = selectors.search_organisations(DirectoryQuery(q="zeta"))
    first = selectors.paginate(qs, page=1, size=25)
    second = selectors.paginate(qs, page=2, size=25)
    assert len(first.items) == 25 and first.has_next and not first.has_previous
    assert [o.name for o in second.items] == [f"Zeta {n:02d}" for n in range(25, 30)]
    assert not second.has_next and second.has_previous
    assert selectors.capped_count(qs, cap=10) == (10, True)
    assert selectors.capped_count(qs) == (30, False)
    # the last page knows the total without counting; earlier pages count up to the cap
    assert selectors.page_count(qs, second) == (30, False)
    assert selectors.page_count(qs, first, cap=10) == (10, True)


def test_directory_page_lists_results_with_details(client, d):
    response = client.get(reverse("ecosystem:directory"), {"q": "planktovie"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Planktovie" in results(html) and "Génopole" not in results(html)
    assert "Medical technologies" in html and "France" in html
    assert "in Technopôle de Château-Gombert" in html
    # the search is in the URL and reused by the exports and the map
    assert "export.csv?q=planktovie" in html and "map.json?q=planktovie" in html


def test_directory_page_htmx_returns_only_results(client, d):
    response = client.get(
        reverse("ecosystem:directory"), {"q": "genopole"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "Génopole" in html and "<html" not in html


def test_directory_page_unknown_filter_value_is_ignored_and_shown(client, d):
    response = client.get(reverse("ecosystem:directory"), {"kind": "spaceship"})
    assert response.status_code == 200
    assert "is not in the list" in response.content.decode()


def test_directory_page_pages(client, d):
    for n in range(30):
        OrganisationFactory(name=f"Zeta {n:02d}")
    page2 = client.get(reverse("ecosystem:directory"), {"q": "zeta", "page": 2}).content.decode()
    assert "Zeta 29" in page2 and "Zeta 00" not in page2 and "Page 2" in page2
    assert "Zeta 24" not in results(page2)


def test_directory_query_count_is_bounded(client, d, django_assert_max_num_queries):
    for n in range(40):
        OrganisationFactory(name=f"Company {n}", host_park=d.park_a, sectors=[d.medtech, d.health])
    url = reverse("ecosystem:directory")
    # session-less anonymous request: choices (sectors, parks, networks), whether the words
    # match at all (else the misspelling fallback), page, sectors, count
    with django_assert_max_num_queries(8):
        client.get(url, {"q": "company", "kind": "company", "park": d.park_a.slug})


def test_directory_query_count_does_not_grow_with_results(client, d, django_assert_num_queries):
    url = reverse("ecosystem:directory")
    client.get(url)  # warm caches (content types, permissions)
    for n in range(5):
        OrganisationFactory(name=f"Company {n}", host_park=d.park_a, sectors=[d.medtech])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url, {"q": "company"})
    for n in range(5, 25):
        OrganisationFactory(name=f"Company {n}", host_park=d.park_a, sectors=[d.medtech])
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url, {"q": "company"})


def test_map_json_has_located_results_only(client, d):
    data = client.get(reverse("ecosystem:directory_map"), {"park": d.park_b.slug}).json()
    assert data["points"] == []  # Amadeus Sophia has no coordinates
    data = client.get(reverse("ecosystem:directory_map"), {"q": "genopole"}).json()
    assert data["points"] == [
        {
            "name": "Génopole",
            "kind": "park",
            "city": "Évry-Courcouronnes",
            "latitude": 48.6239,
            "longitude": 2.4294,
            "url": d.genopole.get_absolute_url(),
        }
    ]
    assert data["capped"] is False


def test_csv_export_has_the_same_results(client, d):
    response = client.get(reverse("ecosystem:export_csv"), {"sector": "health"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Name", "Kind", "Subtype"]
    assert [row[0] for row in rows[1:]] == ["Génopole", "Planktovie"]
    planktovie = rows[2]
    assert planktovie[3:6] == ["FR", "France", "Marseille"]
    assert planktovie[8] == "medtech" and planktovie[9] == "Technopôle de Château-Gombert"
    assert planktovie[12].endswith(d.biotech.get_absolute_url())


def test_excel_export_reads_back(client, d):
    response = client.get(reverse("ecosystem:export_xlsx"), {"country": "CN"})
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "Name"
    assert rows[1][0] == "Laboratoire Génomique de Pékin" and rows[1][4] == "China"
    assert len(rows) == 2 and "X-Maillage-Truncated" not in response


def test_excel_export_is_capped_with_a_note(d):
    qs = selectors.search_organisations(DirectoryQuery())
    content, truncated = exports.xlsx_bytes(qs, "http://testserver", cap=3)
    wb = load_workbook(io.BytesIO(content))
    assert truncated and len(list(wb.worksheets[0].iter_rows())) == 4
    assert "first 3 organisations" in wb.worksheets[1]["A1"].value


def test_organisation_page(client, d):
    html = client.get(d.biotech.get_absolute_url()).content.decode()
    assert "Planktovie" in html and "Medical technologies" in html
    assert "Technopôle de Château-Gombert" in html  # host park
    assert "Alice Visible" in html and "CEO" in html
    assert "Bob Hidden" not in html  # no public consent
    assert 'id="organisation-point"' in html  # small map


def test_park_page_lists_hosted_members_and_networks(client, d):
    html = client.get(d.park_a.get_absolute_url()).content.decode()
    assert "Planktovie" in html and "Club des Technopoles" in html
    network_html = client.get(d.network.get_absolute_url()).content.decode()
    assert "Sophia Antipolis" in network_html and "Founding member" in network_html


def test_organisation_page_parent_and_units(client, d):
    assert "Génopole" in client.get(d.lab.get_absolute_url()).content.decode()
    assert (
        "Laboratoire Génomique de Pékin"
        in client.get(d.genopole.get_absolute_url()).content.decode()
    )


def test_organisation_page_description_in_the_current_language(client, d):
    assert "south of Paris" in client.get(d.genopole.get_absolute_url()).content.decode()
    client.cookies["django_language"] = "fr"
    assert "au sud de Paris" in client.get(d.genopole.get_absolute_url()).content.decode()


def test_unknown_organisation_is_404(client, d):
    assert client.get("/directory/no-such-thing/").status_code == 404


def test_directory_in_french(client, d):
    html = client.get(
        reverse("ecosystem:directory"), headers={"Accept-Language": "fr"}
    ).content.decode()
    assert "Annuaire" in html and "Pays" in html and "Rechercher" in html
    client.cookies["django_language"] = "fr"
    html = client.get(reverse("ecosystem:directory"), {"q": "planktovie"}).content.decode()
    assert "Technologies médicales" in html and "Exporter" in html


def test_set_language_switch(client, d):
    client.post(reverse("set_language"), {"language": "fr", "next": "/directory/"})
    assert "Annuaire" in client.get(reverse("ecosystem:directory")).content.decode()


def test_csv_export_across_chunks_keeps_each_rows_sectors(client, d, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK", 2)  # several sector queries for a handful of rows
    for n in range(5):
        OrganisationFactory(
            name=f"Zeta {n}", sectors=[d.medtech] if n % 2 else [d.health, d.medtech]
        )
    response = client.get(reverse("ecosystem:export_csv"), {"q": "zeta"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [(row[0], row[8]) for row in rows[1:]] == [
        (f"Zeta {n}", "medtech" if n % 2 else "health; medtech") for n in range(5)
    ]
