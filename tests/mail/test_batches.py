"""queue_mails and batch delivery against a real SMTP server (aiosmtpd, started by the test)."""

from __future__ import annotations

from collections import Counter

import pytest

from maillage.mail import delivery, tasks
from maillage.mail.enums import MailStatus
from maillage.mail.models import OutgoingMail
from maillage.mail.services import queue_mails

pytestmark = pytest.mark.django_db


def _mailing(n: int, *, refused: int | None = None) -> list[dict]:
    return [
        {
            "to": f"p{i}@refused.invalid" if i == refused else f"p{i}@example.org",
            "subject": f"Invitation {i}",
            "body": f"Hello {i}",
            "kind": "test",
            "key": f"batch:{i}",
        }
        for i in range(n)
    ]


def test_a_batch_with_one_refused_address_delivers_the_others(
    smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        mails = queue_mails(mails=_mailing(5, refused=2))
    assert len(callbacks) == 1  # one delivery task for the whole batch
    smtp_server.wait_for(4)
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(
        f"p{i}@example.org" for i in (0, 1, 3, 4)
    )
    statuses = {m.to: m.status for m in OutgoingMail.objects.filter(pk__in=[m.pk for m in mails])}
    assert statuses.pop("p2@refused.invalid") == MailStatus.FAILED
    assert set(statuses.values()) == {MailStatus.SENT}
    assert "550" in OutgoingMail.objects.get(to="p2@refused.invalid").last_error


def test_a_batch_cut_short_sends_nothing_twice_when_retried(
    smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        mails = queue_mails(mails=_mailing(6))
    ids = [m.pk for m in mails]
    delivery.deliver_many(mail_ids=ids[:3])  # the worker stopped after the third mail
    smtp_server.wait_for(3)
    tasks.deliver_mails.enqueue(mail_ids=ids)  # the whole batch again
    smtp_server.wait_for(6)
    assert Counter(m["To"] for m in smtp_server.messages) == Counter(
        f"p{i}@example.org" for i in range(6)
    )
    assert set(OutgoingMail.objects.filter(pk__in=ids).values_list("status", flat=True)) == {
        MailStatus.SENT
    }


def test_queue_mails_keeps_one_mail_per_key(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as first:
        before = queue_mails(mails=_mailing(3))
    with django_capture_on_commit_callbacks(execute=False) as second:
        again = queue_mails(mails=_mailing(4) + _mailing(1))
    assert [m.pk for m in again[:3]] == [m.pk for m in before] and again[4].pk == before[0].pk
    assert OutgoingMail.objects.count() == 4
    assert len(first) == len(second) == 1  # the second batch holds only the new mail


def test_a_mail_without_recipient_is_refused():
    with pytest.raises(ValueError, match="recipient"):
        queue_mails(mails=[{"to": " ", "subject": "s", "body": "b"}])
