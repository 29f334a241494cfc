"""queue_mail and delivery against a real SMTP server (aiosmtpd, started by the test)."""

from __future__ import annotations

import pytest

from maillage.mail import tasks
from maillage.mail.enums import MailStatus
from maillage.mail.models import OutgoingMail
from maillage.mail.services import queue_mail, resend

pytestmark = pytest.mark.django_db


def test_a_queued_mail_is_delivered_after_commit(smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue_mail(
            to="ada@example.org",
            subject="Your agenda",
            body="Hello Ada",
            html="<p>Hello <b>Ada</b></p>",
            reply_to="team@park.example",
            kind="test",
        )
        assert smtp_server.messages == []  # nothing leaves before the transaction commits
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "ada@example.org" and message["Subject"] == "Your agenda"
    assert message["Reply-To"] == "team@park.example"
    assert message.get_body(("plain",)).get_content().strip() == "Hello Ada"
    assert "<b>Ada</b>" in message.get_body(("html",)).get_content()
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.last_error) == (MailStatus.SENT, 1, "")
    assert mail.sent_at is not None


def test_a_rolled_back_transaction_sends_nothing(smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue_mail(to="ada@example.org", subject="s", body="b")
    assert len(callbacks) == 1  # the delivery waits for the commit; dropped with a rollback
    assert smtp_server.messages == []


def test_the_same_key_stores_and_sends_once(smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = queue_mail(to="ada@example.org", subject="Reminder", body="b", key="rem:1")
        second = queue_mail(to="ada@example.org", subject="Reminder", body="b", key="rem:1")
    assert first.pk == second.pk
    assert OutgoingMail.objects.filter(key="rem:1").count() == 1
    assert len(smtp_server.wait_for(1)) == 1
    # a delivery task run twice (two workers, a retry) sends nothing more
    assert tasks.deliver_mail.call(mail_id=first.pk) == "skipped"
    assert len(smtp_server.messages) == 1


def test_a_recipient_is_required():
    with pytest.raises(ValueError, match="recipient"):
        queue_mail(to="  ", subject="s", body="b")


def test_smtp_down_the_mail_waits_then_goes_out_once(
    smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.MAIL_RETRY_SECONDS = 0  # the next attempt is due at once (back-off: tested below)
    smtp_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue_mail(to="ada@example.org", subject="s", body="b")  # never raises
    mail.refresh_from_db()
    assert mail.status == MailStatus.QUEUED and mail.attempts == 1
    assert "Connection refused" in mail.last_error or "Errno" in mail.last_error
    assert tasks.retry_due_mails.call(grace_seconds=0) == 1  # still down: one more attempt
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (MailStatus.QUEUED, 2)
    smtp_server.start()
    assert tasks.retry_due_mails.call(grace_seconds=0) == 1
    smtp_server.wait_for(1)
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (MailStatus.SENT, 3)
    assert tasks.retry_due_mails.call(grace_seconds=0) == 0
    assert len(smtp_server.messages) == 1


def test_after_the_last_attempt_the_mail_fails_and_can_be_resent(
    smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.MAIL_RETRY_SECONDS = 0
    settings.MAIL_MAX_ATTEMPTS = 2
    smtp_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue_mail(to="ada@example.org", subject="s", body="b")
    tasks.retry_due_mails.call(grace_seconds=0)
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (MailStatus.FAILED, 2)
    assert mail.last_error
    assert tasks.retry_due_mails.call(grace_seconds=0) == 0  # failed: no more automatic tries
    smtp_server.start()
    with django_capture_on_commit_callbacks(execute=True):
        resend(mail=mail)
    smtp_server.wait_for(1)
    mail.refresh_from_db()
    assert mail.status == MailStatus.SENT


def test_a_permanent_refusal_fails_at_once(smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue_mail(to="nobody@refused.invalid", subject="s", body="b")
    mail.refresh_from_db()
    assert mail.status == MailStatus.FAILED and mail.attempts == 1
    assert "550" in mail.last_error and "No such mailbox" in mail.last_error


def test_back_off_covers_more_than_an_hour(settings):
    from maillage.mail.delivery import retry_delay

    settings.MAIL_RETRY_SECONDS = 60
    waits = [retry_delay(n).total_seconds() for n in range(1, settings.MAIL_MAX_ATTEMPTS)]
    assert waits[:4] == [60, 120, 240, 480]
    assert max(waits) == 7200  # capped at two hours
    assert sum(waits) > 5 * 3600  # an outage of several hours loses nothing
