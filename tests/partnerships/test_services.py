from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from maillage.partnerships import services
from maillage.partnerships.enums import AgreementKind, AgreementStatus, FollowUpKind, PartyRole
from maillage.partnerships.models import Agreement, AgreementDocument, Commitment, Delegation

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_create_agreement_with_parties_and_commitments(agreement, parks):
    assert agreement.status == AgreementStatus.NEGOTIATION
    assert {p.organisation for p in agreement.parties.all()} == {parks["sophia"], parks["chengdu"]}
    assert agreement.commitments.get().owner == parks["sophia"]


def test_single_party_is_refused_and_nothing_saved(parks, sophia_staff):
    with pytest.raises(ValidationError) as exc:
        services.create_agreement(
            user=sophia_staff,
            title="Alone",
            kind=AgreementKind.MOU,
            parties=[(parks["sophia"], PartyRole.SIGNATORY), (parks["sophia"], PartyRole.PARTNER)],
        )
    assert "at least two different parties" in str(exc.value)
    assert not Agreement.objects.exists()


def test_dates_in_wrong_order_refused(parks, sophia_staff):
    with pytest.raises(ValidationError, match="end date comes before the start"):
        services.create_agreement(
            user=sophia_staff,
            title="Backwards",
            kind=AgreementKind.MOU,
            parties=[(parks["sophia"], "signatory"), (parks["chengdu"], "signatory")],
            starts_on=dt.date(2026, 5, 1),
            ends_on=dt.date(2026, 1, 1),
        )
    assert not Agreement.objects.exists()


def test_bad_commitment_rolls_back_the_whole_agreement(parks, sophia_staff):
    with pytest.raises(ValidationError, match="owner of a commitment"):
        services.create_agreement(
            user=sophia_staff,
            title="Half",
            kind=AgreementKind.MOU,
            parties=[(parks["sophia"], "signatory"), (parks["chengdu"], "signatory")],
            commitments=[{"action": "Seminar", "owner": parks["genopole"]}],
        )
    assert not Agreement.objects.exists() and not Commitment.objects.exists()


def test_user_must_be_party(parks, outsider):
    with pytest.raises(ValidationError, match="organisation you work for"):
        services.create_agreement(
            user=outsider,
            title="Not mine",
            kind=AgreementKind.MOU,
            parties=[(parks["sophia"], "signatory"), (parks["chengdu"], "signatory")],
        )


def test_status_transitions(agreement, sophia_staff):
    with pytest.raises(ValidationError, match="cannot become"):
        services.change_agreement_status(
            agreement=agreement, status=AgreementStatus.EXPIRED, user=sophia_staff
        )
    agreement = services.change_agreement_status(
        agreement=agreement, status=AgreementStatus.SIGNED, user=sophia_staff
    )
    assert agreement.signed_on is not None
    agreement = services.change_agreement_status(
        agreement=agreement, status=AgreementStatus.ACTIVE, user=sophia_staff
    )
    assert agreement.notes.count() == 2
    services.change_agreement_status(
        agreement=agreement, status=AgreementStatus.TERMINATED, user=sophia_staff
    )
    with pytest.raises(ValidationError, match="Possible next statuses: none"):
        services.change_agreement_status(
            agreement=agreement, status=AgreementStatus.ACTIVE, user=sophia_staff
        )


def test_pdf_upload_checked_by_content_and_size(agreement, sophia_staff):
    doc = services.add_document(
        agreement=agreement,
        title="Signed",
        user=sophia_staff,
        file=SimpleUploadedFile("signed.pdf", PDF, content_type="application/pdf"),
    )
    assert doc.size == len(PDF) and doc.file.read().startswith(b"%PDF")
    with pytest.raises(ValidationError, match="not a PDF"):
        services.add_document(
            agreement=agreement,
            title="Fake",
            user=sophia_staff,
            file=SimpleUploadedFile("fake.pdf", b"PK\x03\x04 zip", content_type="application/pdf"),
        )
    big = SimpleUploadedFile("big.pdf", b"", content_type="application/pdf")
    big.file = io.BytesIO(PDF)
    big.size = 21 * 1024 * 1024
    with pytest.raises(ValidationError, match="at most 20 MB"):
        services.add_document(agreement=agreement, title="Big", user=sophia_staff, file=big)
    assert AgreementDocument.objects.count() == 1


def _signed(agreement, user, ends_on):
    services.change_agreement_status(
        agreement=agreement, status=AgreementStatus.SIGNED, user=user, signed_on=dt.date(2025, 7, 2)
    )
    return services.update_agreement(
        agreement=agreement, user=user, ends_on=ends_on, remind_days_before=30
    )


def test_reminder_sent_once_to_party_staff(
    agreement, sophia_staff, chengdu_staff, outsider, django_capture_on_commit_callbacks
):
    _signed(agreement, sophia_staff, dt.date(2026, 6, 30))
    assert services.send_expiry_reminders(today=dt.date(2026, 5, 1)) == 0  # window not open yet
    with django_capture_on_commit_callbacks(execute=True):  # mails leave after commit
        assert services.send_expiry_reminders(today=dt.date(2026, 6, 1)) == 2
    # one mail per person: no address sees the others
    assert sorted(m.to[0] for m in mail.outbox) == sorted([chengdu_staff.email, sophia_staff.email])
    assert all(len(m.to) == 1 for m in mail.outbox)
    assert "Sister Parks" in mail.outbox[0].subject and "29 days" in mail.outbox[0].subject
    assert "http://127.0.0.1:8000/partnerships/agreements/" in mail.outbox[0].body
    assert services.send_expiry_reminders(today=dt.date(2026, 6, 2)) == 0  # once per end date
    services.update_agreement(agreement=agreement, user=sophia_staff, ends_on=dt.date(2027, 6, 30))
    assert services.send_expiry_reminders(today=dt.date(2027, 6, 10)) == 2  # renewal re-arms


def test_remind_agreements_command_runs_task_and_expires(agreement, sophia_staff, settings):
    _signed(agreement, sophia_staff, dt.date(2025, 12, 31))
    out = io.StringIO()
    call_command("remind_agreements", stdout=out)  # ImmediateBackend in tests: runs at once
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.EXPIRED
    assert "queued" in out.getvalue()
    out = io.StringIO()
    call_command("remind_agreements", "--now", stdout=out)
    assert "0 agreement(s) expired" in out.getvalue()


def test_delegation_with_itinerary_contacts_and_follow_ups(parks, sophia_staff, agreement, person):
    delegation = services.create_delegation(
        user=sophia_staff,
        title="Mission to Chengdu",
        direction="outgoing",
        purpose="Meet parks",
        starts_on=dt.date(2026, 3, 2),
        ends_on=dt.date(2026, 3, 6),
        countries="cn",
        hosts=[parks["chengdu"]],
        visitors=[parks["sophia"]],
        members=[person],
    )
    assert delegation.countries == "CN"
    visit = services.add_visit(
        delegation=delegation,
        organisation=parks["chengdu"],
        starts_at=dt.datetime(2026, 3, 3, 9, tzinfo=dt.UTC),
        ends_at=dt.datetime(2026, 3, 3, 11, tzinfo=dt.UTC),
    )
    assert visit.coordinates == (30.57, 104.06)
    with pytest.raises(ValidationError, match="outside the delegation"):
        services.add_visit(
            delegation=delegation,
            place="Beijing",
            starts_at=dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC),
            ends_at=dt.datetime(2026, 4, 1, 10, tzinfo=dt.UTC),
        )
    with pytest.raises(ValidationError, match="ends before it starts"):
        services.add_visit(
            delegation=delegation,
            place="Beijing",
            starts_at=dt.datetime(2026, 3, 3, 9, tzinfo=dt.UTC),
            ends_at=dt.datetime(2026, 3, 3, 8, tzinfo=dt.UTC),
        )
    services.add_contact(delegation=delegation, name="Li Wei", organisation=parks["chengdu"])
    with pytest.raises(ValidationError, match="Choose the agreement"):
        services.add_follow_up(
            delegation=delegation, description="MoU", kind=FollowUpKind.AGREEMENT
        )
    services.add_follow_up(
        delegation=delegation,
        description="Twinning",
        kind=FollowUpKind.AGREEMENT,
        agreement=agreement,
    )
    assert delegation.visits.count() == 1 and delegation.contacts.count() == 1
    assert agreement.follow_ups.count() == 1


def test_delegation_bad_input(parks, sophia_staff):
    base = dict(
        user=sophia_staff,
        title="X",
        direction="incoming",
        hosts=[parks["sophia"]],
        visitors=[parks["chengdu"]],
    )
    with pytest.raises(ValidationError, match="end date comes before"):
        services.create_delegation(
            starts_on=dt.date(2026, 3, 5), ends_on=dt.date(2026, 3, 1), **base
        )
    with pytest.raises(ValidationError, match="Unknown country"):
        services.create_delegation(
            starts_on=dt.date(2026, 3, 1), ends_on=dt.date(2026, 3, 1), countries="XX", **base
        )
    assert not Delegation.objects.exists()


def test_itinerary_days_counted_in_the_delegation_time_zone(parks, sophia_staff):
    base = dict(
        user=sophia_staff,
        title="Beijing",
        direction="outgoing",
        starts_on=dt.date(2026, 9, 8),
        ends_on=dt.date(2026, 9, 8),
        hosts=[parks["chengdu"]],
        visitors=[parks["sophia"]],
    )
    with pytest.raises(ValidationError, match="Unknown time zone"):
        services.create_delegation(time_zone="Mars/Olympus", **base)
    delegation = services.create_delegation(time_zone="Asia/Shanghai", **base)
    import zoneinfo

    shanghai = zoneinfo.ZoneInfo("Asia/Shanghai")
    # 07:00 in Beijing is still the 7th in Paris: fine, the day counts where the visit happens.
    services.add_visit(
        delegation=delegation,
        place="Haidian",
        starts_at=dt.datetime(2026, 9, 8, 7, tzinfo=shanghai),
        ends_at=dt.datetime(2026, 9, 8, 9, tzinfo=shanghai),
    )
    assert delegation.visits.count() == 1


def test_reminders_grouped_by_language(
    agreement, sophia_staff, chengdu_staff, compiled_catalogues, django_capture_on_commit_callbacks
):
    sophia_staff.language = "fr"
    sophia_staff.save()
    _signed(agreement, sophia_staff, dt.date(2026, 6, 30))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_expiry_reminders(today=dt.date(2026, 6, 1)) == 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert "ends in 29 days" in by_recipient[chengdu_staff.email].subject
    assert "prend fin dans 29 jours" in by_recipient[sophia_staff.email].subject
