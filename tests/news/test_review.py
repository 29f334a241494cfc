"""Reviewing proposals: who may, what accepting creates (with its source), merging without
duplicates, rejection remembered, bulk accept and its undo."""

from __future__ import annotations

import base64

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django_tasks import TaskResultStatus, task_backends

from maillage.ecosystem.models import Organisation
from maillage.news import ingest, review, tasks
from maillage.news.enums import ProposalStatus, ProposalType, SourceKind
from maillage.news.models import NewsSourceLink, Proposal, Source
from maillage.partnerships.enums import AgreementKind, PartyRole
from maillage.partnerships.models import Agreement, Delegation
from maillage.partnerships.services import agreements
from tests.ecosystem.factories import PASSWORD

TEXT = (
    "Genopole accueille une délégation de Kawasaki\n\nGenopole a accueilli le 18 novembre "
    "2024 une délégation du Life Innovation Center, venue découvrir le biocluster. Les "
    "visiteurs ont rencontré la start-up Cellmatix (Évry). Genopole et le Life Innovation "
    "Center ont signé le 18 novembre 2024 un accord de jumelage."
)


@pytest.fixture
def article(parks):
    source = ingest.create_source(
        organisation=parks["genopole"], kind=SourceKind.PASTED, name="Press release"
    )
    (found,) = ingest.read_text(source, text=TEXT).added
    return found


def proposal_of(article, type_, **payload):
    for p in article.proposals.filter(type=type_):
        if all(p.payload.get(k) == v for k, v in payload.items()):
            return p
    raise AssertionError(f"no {type_} {payload} in {[p.payload for p in article.proposals.all()]}")


def test_known_organisations_are_not_proposed_and_facts_are_linked(article, parks):
    names = {p.payload["name"] for p in article.proposals.filter(type=ProposalType.ORGANISATION)}
    assert "Genopole" not in names and "Cellmatix" in names
    agreement = proposal_of(article, ProposalType.AGREEMENT)
    assert set(agreement.payload["party_ids"]) == {parks["genopole"].pk, parks["kawasaki"].pk}


def test_accepting_creates_the_entry_with_its_source(article, genopole_staff):
    cellmatix = proposal_of(article, ProposalType.ORGANISATION, name="Cellmatix")
    review.accept(proposal=cellmatix, user=genopole_staff, payload={"country": "FR"})
    org = Organisation.objects.get(name="Cellmatix")
    assert (org.kind, org.subtype, org.country) == ("company", "startup", "FR")
    assert NewsSourceLink.objects.get(organisation=org).article == article
    twinning = proposal_of(article, ProposalType.AGREEMENT)
    review.accept(proposal=twinning, user=genopole_staff)
    agreement = Agreement.objects.get(kind="twinning")
    assert agreement.signed_on.isoformat() == "2024-11-18"
    assert agreement.news_facts.get().article == article
    delegation = proposal_of(article, ProposalType.DELEGATION)
    review.accept(proposal=delegation, user=genopole_staff)
    assert Delegation.objects.get().hosts.get().name == "Genopole"


def test_an_organisation_without_country_asks_for_it(article, genopole_staff):
    cellmatix = proposal_of(article, ProposalType.ORGANISATION, name="Cellmatix")
    cellmatix.payload = {**cellmatix.payload, "country": ""}
    cellmatix.save()
    with pytest.raises(ValidationError, match="country"):
        review.accept(proposal=cellmatix, user=genopole_staff)
    assert not Organisation.objects.filter(name="Cellmatix").exists()


def test_accent_article_or_legal_form_never_make_a_second_entry(article, genopole_staff, parks):
    cellmatix = proposal_of(article, ProposalType.ORGANISATION, name="Cellmatix")
    cellmatix.payload = {**cellmatix.payload, "name": "Le Génopole SAS", "country": "FR"}
    cellmatix.save()
    review.accept(proposal=cellmatix, user=genopole_staff)
    assert Organisation.objects.filter(name_key__contains="genopole").count() == 1
    parks["genopole"].refresh_from_db()
    assert parks["genopole"].alias_list == []  # the same name: nothing to add
    assert Proposal.objects.get(pk=cellmatix.pk).status == ProposalStatus.MERGED
    kawasaki = proposal_of(article, ProposalType.AGREEMENT)  # any pending proposal's article
    other = Proposal.objects.create(
        article=kawasaki.article,
        type=ProposalType.ORGANISATION,
        payload={"name": "LIC Kawasaki", "kind": "park"},
        fingerprint="organisation:lic kawasaki",
    )
    other.concerns.set([parks["genopole"]])
    review.accept(proposal=other, user=genopole_staff, into=parks["kawasaki"])
    parks["kawasaki"].refresh_from_db()
    assert "LIC Kawasaki" in parks["kawasaki"].alias_list  # another spelling: kept as an alias


def test_rejected_is_not_proposed_again(article, genopole_staff, parks):
    cellmatix = proposal_of(article, ProposalType.ORGANISATION, name="Cellmatix")
    review.reject(proposal=cellmatix, user=genopole_staff)
    source = ingest.create_source(
        organisation=parks["genopole"], kind=SourceKind.PASTED, name="Another"
    )
    (again,) = ingest.read_text(
        source,
        text="La start-up Cellmatix, installée à Genopole, "
        "lève deux millions d'euros auprès de Bpifrance.",
    ).added
    assert not again.proposals.filter(
        type=ProposalType.ORGANISATION, payload__name="Cellmatix"
    ).exists()


def test_another_parks_staff_cannot_review(article, sophia_staff, client):
    cellmatix = proposal_of(article, ProposalType.ORGANISATION, name="Cellmatix")
    with pytest.raises(PermissionDenied):
        review.accept(proposal=cellmatix, user=sophia_staff, payload={"country": "FR"})
    client.login(email=sophia_staff.email, password=PASSWORD)
    response = client.post(reverse("news:decide", args=[cellmatix.pk]), {"action": "accept"})
    assert response.status_code == 403
    assert client.get(reverse("news:proposal", args=[cellmatix.pk])).status_code == 403
    assert cellmatix.title not in client.get(reverse("news:queue")).content.decode()
    assert not Organisation.objects.filter(name="Cellmatix").exists()


@pytest.mark.parametrize("name", ["news:queue", "news:sources"])
def test_anonymous_visitors_are_sent_to_sign_in(client, name, db):
    response = client.get(reverse(name))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_staff_review_through_the_pages(article, genopole_staff, client):
    client.login(email=genopole_staff.email, password=PASSWORD)
    page = client.get(reverse("news:queue")).content.decode()
    assert "Cellmatix" in page and "<mark>" in page
    cellmatix = proposal_of(article, ProposalType.ORGANISATION, name="Cellmatix")
    response = client.post(
        reverse("news:proposal", args=[cellmatix.pk]),
        {"name": "Cellmatix SAS", "kind": "startup", "country": "FR", "city": "Évry"},
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Cellmatix SAS").city == "Évry"


def test_bulk_accept_then_undo(article, genopole_staff, client):
    client.login(email=genopole_staff.email, password=PASSWORD)
    before = Agreement.objects.count()
    client.post(reverse("news:bulk_accept"))
    accepted = Proposal.objects.filter(status__in=[ProposalStatus.ACCEPTED, ProposalStatus.MERGED])
    assert accepted.exists()
    assert Agreement.objects.count() == before + 1
    client.post(reverse("news:undo"))
    assert not Proposal.objects.exclude(status=ProposalStatus.PENDING).exists()
    assert Agreement.objects.count() == before
    assert not NewsSourceLink.objects.exists()


def test_the_sources_page_refuses_a_file_address(genopole_staff, parks, client):
    client.login(email=genopole_staff.email, password=PASSWORD)
    response = client.post(
        reverse("news:sources"),
        {
            "organisation": parks["genopole"].pk,
            "kind": "feed",
            "name": "Local",
            "url": "file:///etc/passwd",
        },
    )
    assert response.status_code == 200
    assert "http:// or https://" in response.content.decode()
    assert not Source.objects.exists()


def test_staff_paste_an_article_through_the_sources_page(genopole_staff, parks, client):
    client.login(email=genopole_staff.email, password=PASSWORD)
    response = client.post(
        reverse("news:sources"),
        {
            "organisation": parks["genopole"].pk,
            "kind": "pasted",
            "name": "Communiqué",
            "text": "Genopole et la Technopole de Caen ont signé le 20 novembre 2024 une "
            "convention de soft landing pour accueillir les startups de chaque écosystème.",
        },
        follow=True,
    )
    assert "1 new article" in response.content.decode()
    assert Proposal.objects.filter(type=ProposalType.AGREEMENT).exists()


def _upload_form(parks):
    return {
        "organisation": parks["genopole"].pk,
        "kind": "upload",
        "name": "Communiqué",
        "file": SimpleUploadedFile(
            "communique.txt",
            "Genopole et la Technopole de Caen ont signé le 20 novembre 2024 une convention "
            "de soft landing pour accueillir les startups de chaque écosystème.".encode(),
        ),
    }


def test_a_source_added_through_the_page_is_read_by_a_task(genopole_staff, parks, client):
    """The ImmediateBackend of the tests runs the task at once: its result is on the page."""
    client.login(email=genopole_staff.email, password=PASSWORD)
    response = client.post(reverse("news:sources"), _upload_form(parks), follow=True)
    source = Source.objects.get(name="Communiqué")
    assert source.status == "ok" and source.articles.count() == 1
    assert "1 new article" in response.content.decode()


def test_the_page_only_enqueues_the_reading(genopole_staff, parks, client):
    """With a queue that does not run anything, the request reads nothing itself."""
    client.login(email=genopole_staff.email, password=PASSWORD)
    dummy = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "mail", "heavy"],
        }
    }
    with override_settings(TASKS=dummy):
        response = client.post(reverse("news:sources"), _upload_form(parks), follow=True)
        (queued,) = task_backends["default"].results
        task_backends["default"].clear()
    source = Source.objects.get(name="Communiqué")
    assert "being read in the background" in response.content.decode()
    assert source.status == "new" and not source.articles.exists()
    assert queued.task.name == "read_source" and queued.kwargs["source_id"] == source.pk
    result = tasks.read_source.enqueue(**queued.kwargs)  # what a worker does, here at once
    assert result.return_value.startswith("1 new article")
    assert source.articles.count() == 1


def test_the_read_source_task_reports_a_bad_file_and_a_deleted_source(parks):
    source = ingest.create_source(organisation=parks["genopole"], kind="upload", name="Scan")
    result = tasks.read_source.enqueue(
        source_id=source.pk,
        data_base64=base64.b64encode(b"%PDF-1.4 not really a pdf").decode(),
        filename="scan.pdf",
    )
    assert result.status == TaskResultStatus.SUCCESSFUL
    source.refresh_from_db()
    assert source.status == "failed" and source.status_text == result.return_value
    assert not source.articles.exists()
    assert tasks.read_source.enqueue(source_id=source.pk + 1000).return_value == ""


def test_the_partnership_map_marks_agreements_known_from_the_news(
    article, genopole_staff, parks, client
):
    twinning = proposal_of(article, ProposalType.AGREEMENT)
    review.accept(proposal=twinning, user=genopole_staff)
    from_news = Agreement.objects.get(news_facts__proposal=twinning)
    typed_in = agreements.create_agreement(
        user=genopole_staff,
        title="Typed by hand",
        kind=AgreementKind.COOPERATION,
        parties=[(parks["genopole"], PartyRole.SIGNATORY), (parks["sophia"], PartyRole.SIGNATORY)],
    )
    client.login(email=genopole_staff.email, password=PASSWORD)
    page = client.get(reverse("partnerships:network")).content.decode()
    rows = {row.split("</td>")[3]: row for row in page.split("<tr>") if "</td>" in row}
    (news_row,) = [r for label, r in rows.items() if from_news.title in label]
    (typed_row,) = [r for label, r in rows.items() if typed_in.title in label]
    assert "known from the news" in news_row
    assert "known from the news" not in typed_row
