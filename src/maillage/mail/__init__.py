"""Outgoing e-mail: every mail of the platform is stored in an outbox and delivered by a task."""
