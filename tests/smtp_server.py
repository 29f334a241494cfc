"""A real SMTP server for tests and benchmarks: aiosmtpd on a free port of 127.0.0.1.

It keeps every message it accepts (``messages``: email.message.EmailMessage) and can be stopped
and started again on the same port, to play an SMTP outage.
"""

from __future__ import annotations

import email
import email.policy
import socket
import threading
import time

from aiosmtpd.controller import Controller

REFUSED_DOMAIN = "@refused.invalid"  # the server refuses these recipients for good (550)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Keeper:
    def __init__(self, server: LocalSMTPServer):
        self.server = server

    async def handle_RCPT(self, smtp, session, envelope, address, rcpt_options):
        if address.endswith(REFUSED_DOMAIN):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.server._changed:
            self.server.messages.append(message)
            self.server.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self.server._changed.notify_all()
        return "250 Message accepted for delivery"


class LocalSMTPServer:
    host = "127.0.0.1"

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self._changed = threading.Condition()
        self._controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> LocalSMTPServer:
        if self._controller is None:
            self._controller = Controller(_Keeper(self), hostname=self.host, port=self.port)
            self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def wait_for(self, n: int, timeout: float = 5) -> list[email.message.EmailMessage]:
        """Wait until at least ``n`` messages arrived; AssertionError after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.messages) < n:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"expected {n} message(s) on the SMTP server within {timeout} s, "
                        f"got {len(self.messages)}"
                    )
                self._changed.wait(left)
            return list(self.messages)

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages if address in str(m["To"])]

    def __enter__(self) -> LocalSMTPServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
