"""A NUL character in a query or a body is refused with a sentence, on both databases."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_query_with_a_nul_character_is_refused_with_a_sentence(client):
    response = client.get("/api/v1/partnerships/agreements", {"kind": "a\x00b"})
    assert response.status_code == 422
    assert "NUL character" in response.json()["detail"]


def test_api_body_with_a_nul_character_is_refused(client):
    response = client.post(
        "/api/v1/organisations", '{"name": "A\\u0000B"}', content_type="application/json"
    )
    assert response.status_code == 422


def test_page_query_with_a_nul_character_is_refused(client):
    response = client.get("/directory/", {"q": "gen\x00opole"})
    assert response.status_code == 400
    assert b"NUL character" in response.content


def test_ordinary_queries_pass(client):
    assert client.get("/directory/", {"q": "genopole"}).status_code == 200
