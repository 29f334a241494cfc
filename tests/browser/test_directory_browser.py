import pytest

from maillage.ecosystem.enums import OrganisationKind
from tests.ecosystem.factories import OrganisationFactory, ParkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory():
    park = ParkFactory(
        name="Génopole",
        city="Évry-Courcouronnes",
        latitude=48.62,
        longitude=2.43,
        description_en="A biocluster south of Paris.",
        description_fr="Un biocluster au sud de Paris.",
    )
    OrganisationFactory(name="Genethon", host_park=park, kind=OrganisationKind.LAB)
    OrganisationFactory(name="Sophia Antipolis Foundation", latitude=43.61, longitude=7.05)
    return park


def test_search_open_and_switch_to_french(live_server, page, directory):
    page.goto(f"{live_server.url}/directory/")
    # the vendored Bootstrap stylesheet is served and applied
    css = page.evaluate(
        "() => fetch(document.querySelector('link[href*=\"bootstrap\"]').href).then(r => r.status)"
    )
    assert css == 200
    assert page.eval_on_selector("body", "el => getComputedStyle(el).marginTop") == "0px"
    assert page.locator("#directory-map.leaflet-container").count() == 1

    # live search, accent-insensitive, with the query in the shareable address
    page.fill("#id_q", "genopole")
    page.wait_for_url("**/directory/?q=genopole*")
    results = page.locator("#results-list")
    results.get_by_role("link", name="Génopole").wait_for()
    assert "Sophia Antipolis Foundation" not in results.inner_text()
    page.wait_for_function("document.getElementById('directory-map').dataset.points === '1'")

    results.get_by_role("link", name="Génopole").click()
    page.wait_for_url(f"**{directory.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Génopole"
    assert "A biocluster south of Paris." in page.locator("#organisation-description").inner_text()
    assert "Genethon" in page.locator("#hosted").inner_text()

    with page.expect_navigation():
        page.select_option("select[name=language]", "fr")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert (
        "Un biocluster au sud de Paris." in page.locator("#organisation-description").inner_text()
    )
    assert page.locator("nav .nav-link", has_text="Annuaire").count() == 1
    page.get_by_role("link", name="Annuaire").first.click()
    assert page.locator("label[for=id_country]").inner_text() == "Pays"
