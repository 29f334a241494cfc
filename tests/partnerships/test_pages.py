from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from maillage.partnerships import services
from maillage.partnerships.enums import AgreementStatus
from maillage.partnerships.models import (
    Agreement,
    AgreementDocument,
    AgreementNote,
    Commitment,
    Delegation,
)

PDF = b"%PDF-1.7\n%%EOF\n"


def test_staff_records_agreement_with_parties_and_commitments(client, parks, sophia_staff, sectors):
    client.force_login(sophia_staff)
    assert client.get(reverse("partnerships:agreement_create")).status_code == 200
    data = {
        "title": "China Innovation Center",
        "kind": "joint_programme",
        "status": "signed",
        "signed_on": "2025-07-02",
        "remind_days_before": 60,
        "domains": [sectors["it"].pk],
        "parties-TOTAL_FORMS": 4,
        "parties-INITIAL_FORMS": 0,
        "parties-0-organisation": parks["sophia"].pk,
        "parties-0-role": "signatory",
        "parties-1-organisation": parks["chengdu"].pk,
        "parties-1-role": "host",
        "commitments-TOTAL_FORMS": 3,
        "commitments-INITIAL_FORMS": 0,
        "commitments-0-action": "Joint seminar",
        "commitments-0-kind": "seminar",
        "commitments-0-owner": parks["chengdu"].pk,
        "commitments-0-due_on": "2026-03-01",
        "commitments-1-kind": "seminar",
    }
    for i in range(2, 4):
        data[f"parties-{i}-role"] = "signatory"
    data["commitments-2-kind"] = "seminar"
    response = client.post(reverse("partnerships:agreement_create"), data)
    agreement = Agreement.objects.get()
    assert response.status_code == 302 and response.url == agreement.get_absolute_url()
    assert agreement.status == AgreementStatus.SIGNED and agreement.parties.count() == 2
    assert agreement.commitments.get().owner == parks["chengdu"]
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "Joint seminar" in page and "Chengdu Hi-tech Zone" in page


def test_single_party_form_shows_error_and_saves_nothing(client, parks, sophia_staff):
    client.force_login(sophia_staff)
    data = {
        "title": "Alone",
        "kind": "mou",
        "status": "negotiation",
        "remind_days_before": 60,
        "parties-TOTAL_FORMS": 4,
        "parties-INITIAL_FORMS": 0,
        "parties-0-organisation": parks["sophia"].pk,
        "parties-0-role": "signatory",
        "commitments-TOTAL_FORMS": 3,
        "commitments-INITIAL_FORMS": 0,
    }
    for i in range(1, 4):
        data[f"parties-{i}-role"] = "signatory"
    for i in range(3):
        data[f"commitments-{i}-kind"] = "seminar"
    response = client.post(reverse("partnerships:agreement_create"), data)
    assert response.status_code == 200
    assert "at least two different parties" in response.content.decode()
    assert not Agreement.objects.exists()


def test_detail_actions_for_party_staff(client, agreement, sophia_staff, parks):
    client.force_login(sophia_staff)
    url = agreement.get_absolute_url()
    client.post(reverse("partnerships:agreement_status", args=[agreement.pk]), {"status": "signed"})
    client.post(
        reverse("partnerships:commitment_add", args=[agreement.pk]),
        {"c-action": "Delegation exchange", "c-kind": "delegation", "c-owner": parks["chengdu"].pk},
    )
    c = agreement.commitments.get(action="Joint seminar")
    r = client.post(
        reverse("partnerships:commitment_toggle", args=[agreement.pk, c.pk]), HTTP_HX_REQUEST="true"
    )
    assert r.status_code == 200 and "table-success" in r.content.decode()
    client.post(
        reverse("partnerships:note_add", args=[agreement.pk]), {"body": "Call with Chengdu"}
    )
    r = client.post(
        reverse("partnerships:document_upload", args=[agreement.pk]),
        {"title": "Signed", "file": SimpleUploadedFile("a.pdf", PDF)},
    )
    r = client.post(
        reverse("partnerships:document_upload", args=[agreement.pk]),
        {"title": "Word", "file": SimpleUploadedFile("a.pdf", b"\xd0\xcf\x11\xe0 doc")},
        follow=True,
    )
    assert "not a PDF" in r.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "signed" and agreement.commitments.count() == 2
    assert Commitment.objects.get(pk=c.pk).done
    assert agreement.documents.count() == 1
    doc = agreement.documents.get()
    r = client.get(reverse("partnerships:document", args=[agreement.pk, doc.pk]))
    assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"%PDF")
    page = client.get(url).content.decode()
    assert "Call with Chengdu" in page and "Signed" in page


@pytest.mark.parametrize("who", ["outsider", "participant", "anonymous"])
def test_strangers_cannot_see_or_touch_an_agreement(client, agreement, who, outsider, participant):
    if who == "outsider":
        client.force_login(outsider)
    elif who == "participant":
        client.force_login(participant)
    pk = agreement.pk
    c = agreement.commitments.get()
    assert client.get(reverse("partnerships:agreement", args=[pk])).status_code == 404
    assert "Sister Parks" not in client.get(reverse("partnerships:agreements")).content.decode()
    posts = [
        (reverse("partnerships:agreement_status", args=[pk]), {"status": "signed"}),
        (reverse("partnerships:commitment_add", args=[pk]), {"c-action": "x", "c-kind": "seminar"}),
        (reverse("partnerships:commitment_toggle", args=[pk, c.pk]), {}),
        (reverse("partnerships:note_add", args=[pk]), {"body": "x"}),
        (
            reverse("partnerships:document_upload", args=[pk]),
            {"file": SimpleUploadedFile("a.pdf", PDF)},
        ),
        (reverse("partnerships:agreement_edit", args=[pk]), {"title": "Hacked"}),
    ]
    for url, data in posts:
        status = client.post(url, data).status_code
        assert status in (302, 404) if who == "anonymous" else status == 404, url
    agreement.refresh_from_db()
    assert agreement.status == "negotiation" and agreement.title == "Sister Parks"
    assert agreement.commitments.count() == 1 and not agreement.commitments.get().done
    assert not AgreementNote.objects.exists() and not AgreementDocument.objects.exists()


def test_public_agreement_visible_but_not_editable(client, agreement, outsider):
    services.update_agreement(agreement=agreement, user=None, is_public=True)
    assert client.get(agreement.get_absolute_url()).status_code == 200
    client.force_login(outsider)
    assert client.get(agreement.get_absolute_url()).status_code == 200
    assert (
        client.post(
            reverse("partnerships:note_add", args=[agreement.pk]), {"body": "x"}
        ).status_code
        == 403
    )
    assert (
        client.get(reverse("partnerships:agreement_edit", args=[agreement.pk])).status_code == 403
    )
    assert not AgreementNote.objects.exists()


def test_admin_sees_everything(client, agreement, admin_user):
    client.force_login(admin_user)
    assert client.get(agreement.get_absolute_url()).status_code == 200
    assert "Sister Parks" in client.get(reverse("partnerships:agreements")).content.decode()


def test_agreement_list_queries_do_not_grow(
    client, parks, sophia_staff, django_assert_max_num_queries
):
    for i in range(12):
        services.create_agreement(
            user=sophia_staff,
            title=f"A{i}",
            kind="mou",
            parties=[(parks["sophia"], "signatory"), (parks["chengdu"], "signatory")],
        )
    client.force_login(sophia_staff)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("partnerships:agreements"))
    assert response.content.decode().count("Chengdu Hi-tech Zone") == 12


@pytest.fixture
def delegation(parks, sophia_staff):
    return services.create_delegation(
        user=sophia_staff,
        title="Mission to Chengdu",
        direction="outgoing",
        starts_on=dt.date(2026, 3, 2),
        ends_on=dt.date(2026, 3, 6),
        countries="CN",
        hosts=[parks["chengdu"]],
        visitors=[parks["sophia"]],
    )


def test_delegation_pages(client, delegation, sophia_staff, chengdu_staff, parks, agreement):
    client.force_login(chengdu_staff)  # a host's staff
    assert (
        client.get(reverse("partnerships:delegations")).content.decode().count("Mission to Chengdu")
        == 1
    )
    r = client.post(
        reverse("partnerships:visit_add", args=[delegation.pk]),
        {
            "v-organisation": parks["chengdu"].pk,
            "v-starts_at": "2026-03-03T09:00",
            "v-ends_at": "2026-03-03T11:00",
        },
    )
    assert r.status_code == 302
    r = client.post(
        reverse("partnerships:visit_add", args=[delegation.pk]),
        {"v-place": "Tianfu", "v-starts_at": "2026-03-03T09:00", "v-ends_at": "2026-03-03T08:00"},
        follow=True,
    )
    assert "ends before it starts" in r.content.decode()
    client.post(reverse("partnerships:contact_add", args=[delegation.pk]), {"p-name": "Li Wei"})
    client.force_login(sophia_staff)
    client.post(
        reverse("partnerships:follow_up_add", args=[delegation.pk]),
        {"f-kind": "agreement", "f-description": "Twinning", "f-agreement": agreement.pk},
    )
    page = client.get(delegation.get_absolute_url()).content.decode()
    assert "Chengdu Hi-tech Zone" in page and "Li Wei" in page and "Twinning" in page
    assert '"lat": 30.57' in page  # itinerary map point
    assert "09:00" in page  # shown in the platform's time zone, as typed


def test_itinerary_shown_and_typed_in_the_delegation_time_zone(client, delegation, sophia_staff):
    services.update_delegation(delegation=delegation, user=sophia_staff, time_zone="Asia/Shanghai")
    client.force_login(sophia_staff)
    client.post(
        reverse("partnerships:visit_add", args=[delegation.pk]),
        {
            "v-place": "Tianfu Software Park",
            "v-starts_at": "2026-03-03T09:00",
            "v-ends_at": "2026-03-03T11:00",
        },
    )
    visit = delegation.visits.get()
    assert visit.starts_at == dt.datetime(2026, 3, 3, 1, tzinfo=dt.UTC)  # 09:00 in Chengdu
    page = client.get(delegation.get_absolute_url()).content.decode()
    assert "09:00" in page and "times in Asia/Shanghai" in page


def test_delegation_create_with_bad_dates(client, parks, sophia_staff):
    client.force_login(sophia_staff)
    r = client.post(
        reverse("partnerships:delegation_create"),
        {
            "title": "X",
            "direction": "incoming",
            "starts_on": "2026-03-05",
            "ends_on": "2026-03-01",
            "hosts": [parks["sophia"].pk],
            "visitors": [parks["chengdu"].pk],
        },
    )
    assert r.status_code == 200 and "end date comes before" in r.content.decode()
    assert not Delegation.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_strangers_cannot_see_or_touch_a_delegation(client, delegation, who, outsider):
    if who == "outsider":
        client.force_login(outsider)
    expected = 404 if who == "outsider" else 302
    assert client.get(delegation.get_absolute_url()).status_code == expected
    for name, data in [
        (
            "visit_add",
            {"v-place": "x", "v-starts_at": "2026-03-03T09:00", "v-ends_at": "2026-03-03T10:00"},
        ),
        ("contact_add", {"p-name": "x"}),
        ("follow_up_add", {"f-kind": "other", "f-description": "x"}),
        ("delegation_edit", {"title": "Hacked"}),
    ]:
        assert (
            client.post(reverse(f"partnerships:{name}", args=[delegation.pk]), data).status_code
            == expected
        )
    if who == "outsider":
        assert "Mission" not in client.get(reverse("partnerships:delegations")).content.decode()
    delegation.refresh_from_db()
    assert delegation.title == "Mission to Chengdu" and not delegation.visits.exists()
    assert not delegation.contacts.exists() and not delegation.follow_ups.exists()


def test_edit_agreement_parties_and_dates(client, agreement, sophia_staff, parks):
    client.force_login(sophia_staff)
    url = reverse("partnerships:agreement_edit", args=[agreement.pk])
    assert client.get(url).status_code == 200
    data = {
        "title": "Sister Parks",
        "kind": "twinning",
        "remind_days_before": 30,
        "starts_on": "2026-01-01",
        "ends_on": "2025-01-01",
        "parties-TOTAL_FORMS": 4,
        "parties-INITIAL_FORMS": 0,
        "parties-0-organisation": parks["sophia"].pk,
        "parties-0-role": "signatory",
        "parties-1-organisation": parks["chengdu"].pk,
        "parties-1-role": "signatory",
        "parties-2-organisation": parks["genopole"].pk,
        "parties-2-role": "partner",
        "parties-3-role": "signatory",
    }
    r = client.post(url, data)
    assert r.status_code == 200 and "end date comes before" in r.content.decode()
    agreement.refresh_from_db()
    assert agreement.parties.count() == 2 and agreement.ends_on is None
    data["ends_on"] = "2028-12-31"
    assert client.post(url, data).status_code == 302
    agreement.refresh_from_db()
    assert agreement.parties.count() == 3 and agreement.ends_on == dt.date(2028, 12, 31)


def test_delegation_list_queries_do_not_grow(
    client, parks, sophia_staff, django_assert_max_num_queries
):
    for i in range(10):
        services.create_delegation(
            user=sophia_staff,
            title=f"D{i}",
            direction="incoming",
            starts_on=dt.date(2026, 3, 1),
            ends_on=dt.date(2026, 3, 2),
            hosts=[parks["sophia"]],
            visitors=[parks["chengdu"]],
        )
    client.force_login(sophia_staff)
    with django_assert_max_num_queries(10):
        r = client.get(reverse("partnerships:delegations"))
    assert r.content.decode().count("Chengdu Hi-tech Zone") == 10
