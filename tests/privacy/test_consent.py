"""The consent log: record_consent is the only path, and only the person gives consent."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from maillage.privacy.enums import ConsentMethod, ConsentPurpose
from maillage.privacy.models import ConsentRecord
from maillage.privacy.services import record_consent
from tests.ecosystem.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db
PUBLIC = ConsentPurpose.PUBLIC_DIRECTORY
TEXT = "Show my name and biography in the public directory"


def test_the_signed_in_person_gives_and_withdraws_consent_and_both_are_logged():
    user = UserFactory()
    person = PersonFactory(user=user)
    first = record_consent(
        person=person,
        purpose=PUBLIC,
        granted=True,
        how=ConsentMethod.SIGNED_IN,
        text=TEXT,
        user=user,
    )
    person.refresh_from_db()
    assert person.public_consent and person.consent_at == first.created_at
    assert (first.granted, first.how, first.text, first.user) == (True, "signed_in", TEXT, user)
    # Saying the same again writes nothing new.
    assert (
        record_consent(
            person=person, purpose=PUBLIC, granted=True, how="signed_in", text=TEXT, user=user
        )
        is None
    )
    record_consent(
        person=person, purpose=PUBLIC, granted=False, how="signed_in", text=TEXT, user=user
    )
    person.refresh_from_db()
    assert not person.public_consent and person.consent_at is None
    assert list(ConsentRecord.objects.filter(person=person).values_list("granted", flat=True)) == [
        True,
        False,
    ]


def test_someone_else_signed_in_cannot_give_the_persons_consent():
    person = PersonFactory(user=UserFactory())
    staff = UserFactory()
    with pytest.raises(PermissionDenied):
        record_consent(
            person=person, purpose=PUBLIC, granted=True, how="signed_in", text=TEXT, user=staff
        )
    with pytest.raises(PermissionDenied):
        record_consent(person=person, purpose=PUBLIC, granted=True, how="signed_in", text=TEXT)
    person.refresh_from_db()
    assert not person.public_consent and not ConsentRecord.objects.exists()


def test_erasure_withdraws_but_never_grants():
    person = PersonFactory()
    with pytest.raises(PermissionDenied):
        record_consent(person=person, purpose=PUBLIC, granted=True, how="erasure", text="")
    person.public_consent = True
    person.save()
    assert record_consent(person=person, purpose=PUBLIC, granted=False, how="erasure", text="")


def test_unknown_purpose_or_method_is_refused_with_a_sentence():
    person = PersonFactory()
    with pytest.raises(ValidationError, match="Unknown consent purpose"):
        record_consent(person=person, purpose="marketing", granted=True, how="signed_in", text="")
    with pytest.raises(ValidationError, match="Unknown way"):
        record_consent(person=person, purpose=PUBLIC, granted=True, how="phone", text="")
