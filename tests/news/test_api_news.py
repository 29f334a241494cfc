"""The news review API: the queue, one proposal, accepting (corrected, merged), rejecting, bulk
acceptance and its undo, sources — for the staff concerned only."""

from __future__ import annotations

import pytest

from maillage.accounts.models import ApiToken
from maillage.ecosystem.models import Organisation
from maillage.news import ingest
from maillage.news.enums import ProposalStatus, ProposalType, SourceKind
from maillage.news.models import Proposal, Source
from tests.news.test_review import TEXT, proposal_of

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    _obj, token = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def article(parks):
    source = ingest.create_source(
        organisation=parks["genopole"], kind=SourceKind.PASTED, name="Press release"
    )
    (found,) = ingest.read_text(source, text=TEXT).added
    return found


def post(client, url, auth, body=None):
    return client.post(url, body or {}, content_type="application/json", **auth)


def test_the_queue_and_one_proposal_for_the_staff_concerned(client, article, genopole_staff):
    auth = bearer(genopole_staff)
    queue = client.get("/api/v1/news/proposals", **auth).json()
    assert {p["id"] for p in queue} == set(article.proposals.values_list("pk", flat=True))
    one = queue[0]
    assert client.get(f"/api/v1/news/proposals/{one['id']}", **auth).json()["title"] == one["title"]


def test_another_parks_staff_see_nothing(client, article, sophia_staff):
    auth = bearer(sophia_staff)
    assert client.get("/api/v1/news/proposals", **auth).json() == []
    some = article.proposals.first()
    assert client.get(f"/api/v1/news/proposals/{some.pk}", **auth).status_code == 404
    assert post(client, f"/api/v1/news/proposals/{some.pk}/reject", auth).status_code == 404
    assert Proposal.objects.get(pk=some.pk).status == ProposalStatus.PENDING


def test_anonymous_and_participants_are_refused(client, article):
    assert client.get("/api/v1/news/proposals").status_code == 401
    assert post(client, "/api/v1/news/bulk-accept", {}).status_code == 401


def test_accept_with_corrections_then_again_is_a_conflict(client, article, genopole_staff):
    auth = bearer(genopole_staff)
    cellmatix = proposal_of(article, ProposalType.ORGANISATION, name="Cellmatix")
    url = f"/api/v1/news/proposals/{cellmatix.pk}/accept"
    assert post(client, url, auth, {"payload": {"nonsense": "x"}}).status_code == 422
    response = post(client, url, auth, {"payload": {"country": "FR"}})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == ProposalStatus.ACCEPTED
    assert Organisation.objects.get(name="Cellmatix").country == "FR"
    assert post(client, url, auth).status_code == 409


def test_merge_into_an_organisation(client, article, genopole_staff, parks):
    auth = bearer(genopole_staff)
    cellmatix = proposal_of(article, ProposalType.ORGANISATION, name="Cellmatix")
    url = f"/api/v1/news/proposals/{cellmatix.pk}/accept"
    assert post(client, url, auth, {"into": 2_000_000}).status_code == 422
    response = post(client, url, auth, {"into": parks["sophia"].pk})
    assert response.json()["status"] == ProposalStatus.MERGED
    assert "Cellmatix" in Organisation.objects.get(pk=parks["sophia"].pk).alias_list


def test_reject(client, article, genopole_staff):
    auth = bearer(genopole_staff)
    twinning = proposal_of(article, ProposalType.AGREEMENT)
    url = f"/api/v1/news/proposals/{twinning.pk}/reject"
    assert post(client, url, auth).json()["status"] == ProposalStatus.REJECTED
    assert post(client, url, auth).status_code == 409


def test_bulk_accept_and_undo(client, article, genopole_staff, sophia_staff):
    auth = bearer(genopole_staff)
    result = post(client, "/api/v1/news/bulk-accept", auth).json()
    accepted = Proposal.objects.exclude(status=ProposalStatus.PENDING).count()
    assert result["accepted"] == accepted > 0 and result["batch"]
    other = client.delete(f"/api/v1/news/batches/{result['batch']}", **bearer(sophia_staff))
    assert other.status_code == 403
    undone = client.delete(f"/api/v1/news/batches/{result['batch']}", **auth)
    assert undone.json() == {"undone": accepted}
    assert not Proposal.objects.exclude(status=ProposalStatus.PENDING).exists()


def test_sources_list_and_add(client, parks, genopole_staff, sophia_staff):
    auth = bearer(genopole_staff)
    body = {
        "organisation": parks["genopole"].pk,
        "kind": "pasted",
        "name": "Newsletter",
        "text": TEXT,
    }
    response = post(client, "/api/v1/news/sources", auth, body)
    assert response.status_code == 201, response.content
    source = Source.objects.get(pk=response.json()["id"])
    assert source.articles.count() == 1  # the task ran at once (immediate backend)
    assert [s["name"] for s in client.get("/api/v1/news/sources", **auth).json()] == ["Newsletter"]
    assert client.get("/api/v1/news/sources", **bearer(sophia_staff)).json() == []
    theirs = post(client, "/api/v1/news/sources", bearer(sophia_staff), body)
    assert theirs.status_code == 422 and theirs.json()["errors"][0]["loc"][-1] == "organisation"
    bad = post(client, "/api/v1/news/sources", auth, {**body, "kind": "feed", "url": "file:///etc"})
    assert bad.status_code == 422
