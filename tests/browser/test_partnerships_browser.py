"""Browser journey of partnerships: a park's staff member records an agreement with its
commitments, finds it on the network map, then moves a soft-landing application through the
pipeline board to "landed"."""

import datetime as dt

import pytest

from maillage.partnerships.models import Agreement
from maillage.softlanding import services as softlanding
from maillage.softlanding.enums import ApplicationStatus
from maillage.softlanding.models import Application
from tests.ecosystem.factories import (
    PASSWORD,
    OrganisationFactory,
    ParkFactory,
    SectorFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    sophia = ParkFactory(
        name="Sophia Antipolis", country="FR", city="Valbonne", latitude=43.62, longitude=7.05
    )
    chengdu = ParkFactory(
        name="Chengdu Hi-tech Zone", country="CN", city="Chengdu", latitude=30.57, longitude=104.06
    )
    SectorFactory(code="digital-b", name_en="Digital")
    staff = UserFactory(email="claire@sophia.example", staff_of=[sophia])
    programme = softlanding.create_programme(
        user=None, name="Sophia ⇄ Chengdu soft landing", organisers=[sophia, chengdu]
    )
    offer = softlanding.create_offer(
        programme=programme,
        host=chengdu,
        desks=2,
        available_from=dt.date(2030, 1, 1),
        available_until=dt.date(2030, 12, 31),
        services=["desk"],
    )
    startup = OrganisationFactory(name="Azur Robotics", host_park=sophia)
    app = softlanding.submit_application(
        user=None,
        programme=programme,
        startup=startup,
        home_park=sophia,
        starts_on=dt.date(2030, 3, 1),
        ends_on=dt.date(2030, 8, 31),
        preferences=[offer],
    )
    return {"staff": staff, "programme": programme, "application": app, "chengdu": chengdu}


def test_record_agreement_find_it_on_the_map_and_land_a_startup(live_server, page, world):
    page.goto(f"{live_server.url}/accounts/login/?next=/partnerships/")
    page.fill("input[name=username]", world["staff"].email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("#login-form button[type=submit]").click()
    page.wait_for_url("**/partnerships/")

    # record the agreement with two commitments
    page.get_by_role("link", name="Record an agreement").click()
    page.fill("#id_title", "Sister Parks")
    page.select_option("#id_kind", "twinning")
    page.select_option("#id_status", "signed")
    page.fill("#id_signed_on", "2025-07-02")
    page.select_option("#id_parties-0-organisation", label="Sophia Antipolis")
    page.select_option("#id_parties-1-organisation", label="Chengdu Hi-tech Zone")
    page.fill("#id_commitments-0-action", "Joint seminar on cleantech")
    page.select_option("#id_commitments-0-owner", label="Chengdu Hi-tech Zone")
    page.fill("#id_commitments-0-due_on", "2026-05-15")
    page.fill("#id_commitments-1-action", "Reciprocal delegations")
    page.select_option("#id_commitments-1-kind", "delegation")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector("#commitments")
    assert "Joint seminar on cleantech" in page.locator("#commitments").inner_text()
    assert "Reciprocal delegations" in page.locator("#commitments").inner_text()
    agreement = Agreement.objects.get(title="Sister Parks")
    assert agreement.commitments.count() == 2 and agreement.status == "signed"

    # mark a commitment done with htmx, in place
    page.locator("#commitments tbody tr").first.get_by_role("button", name="Mark done").click()
    page.wait_for_selector("#commitments tr.table-success")

    # find it on the network map: a line on the Leaflet map and a row among the ties
    page.get_by_role("link", name="Network map").click()
    page.wait_for_selector("#network-map.leaflet-container")
    page.select_option("#id_kind", "twinning")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**kind=twinning*")  # the filtered page, not the one before it
    page.wait_for_selector("#network-relations")
    assert "Sister Parks" in page.locator("#network-relations").inner_text()
    page.wait_for_selector("#network-map path.leaflet-interactive")  # the tie, drawn
    page.get_by_role("tab", name="Graph").click()
    assert page.locator("#network-graph line").count() == 1

    # move the soft-landing application along the board to "landed"
    page.goto(f"{live_server.url}/softlanding/programmes/{world['programme'].pk}/board/")
    card = f"[data-application='{world['application'].pk}']"
    for step in ["screening", "matched", "agreed", "landed"]:
        page.locator(f"{card} button[data-move='{step}']").click()
        page.wait_for_selector(f"[data-column='{step}'] {card}")
    app = Application.objects.get()
    assert app.status == ApplicationStatus.LANDED and app.assigned_offer.host == world["chengdu"]
    assert "Chengdu Hi-tech Zone" in page.locator(card).inner_text()
