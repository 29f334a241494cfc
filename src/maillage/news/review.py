"""Reviewing proposals: accept (creating or updating the directory entry, agreement, event or
delegation through their own services, with the article kept as the source), edit then
accept, merge an organisation into an existing entry, reject (remembered), bulk accept of the
confident ones and its undo. Each review is one transaction: all of it or nothing."""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.ecosystem import services as directory
from maillage.ecosystem.models import Organisation
from maillage.ecosystem.text import name_key as directory_key
from maillage.events import services as event_services
from maillage.events.enums import EventStatus
from maillage.events.models import Event
from maillage.news.enums import DIRECTORY_KINDS, ProposalStatus, ProposalType
from maillage.news.extraction import places
from maillage.news.extraction.gazetteer import name_key
from maillage.news.models import NewsSourceLink, Proposal, RejectedFact
from maillage.partnerships import services as partnership_services
from maillage.partnerships.enums import AgreementStatus, DelegationDirection
from maillage.partnerships.models import Agreement, Delegation

BULK_CONFIDENCE = 0.85


def _check(user, proposal: Proposal) -> None:
    if not user.has_perm("news.review_proposal", proposal):
        raise PermissionDenied(_("This proposal is not about your park or network."))
    if proposal.status != ProposalStatus.PENDING:
        raise ValidationError(_("This proposal was already reviewed."))


def find_existing(name: str, country: str = "") -> Organisation | None:
    """The directory entry for a name, whatever its accents, article or legal form: the same
    name key, or the name among an entry's aliases."""
    key = name_key(name)
    candidates = Organisation.objects.filter(name_key__in={key, directory_key(name)})
    found = candidates.filter(country=country).first() if country else None
    found = found or candidates.first()
    if found:
        return found
    folded = f" {key} "
    for org in Organisation.objects.filter(search_text__contains=key).only("id", "aliases", "name"):
        if any(f" {name_key(a)} " == folded for a in org.alias_list):
            return org
    return None


def _organisation_for(name: str, known_id=None) -> Organisation:
    org = Organisation.objects.filter(pk=known_id).first() if known_id else None
    org = org or find_existing(name)
    if org is None:
        raise ValidationError(
            _(
                "“%(name)s” is not in the directory yet: accept or merge that "
                "organisation's proposal first, or correct the name."
            )
            % {"name": name}
        )
    return org


def _day(value: str, what: str) -> dt.date:
    try:
        if len(value) == 7:
            return dt.date.fromisoformat(value + "-01")
        if len(value) == 4:
            return dt.date(int(value), 1, 1)
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationError(
            _("Give the %(what)s's date as YYYY-MM-DD before accepting.") % {"what": what}
        ) from None


def _accept_organisation(proposal: Proposal, user, payload: dict, into: Organisation | None):
    name = payload["name"].strip()
    into = into or find_existing(name)
    if into is not None:  # the same organisation: keep the new spelling as an alias
        before = into.aliases
        if name_key(name) != name_key(into.name) and name not in into.alias_list:
            directory.update_organisation(into, aliases="\n".join([*into.alias_list, name]))
        return into, {"organisation": into.pk, "created": False, "aliases_before": before}
    country = (payload.get("country") or "").upper()
    if not country:
        raise ValidationError(
            _(
                "Say the organisation's country (an ISO code such as FR) "
                "before accepting: edit the proposal."
            )
        )
    kind, subtype = DIRECTORY_KINDS.get(payload.get("kind", ""), ("company", ""))
    org = directory.create_organisation(
        name=name, kind=kind, subtype=subtype, country=country, city=payload.get("city", "")
    )
    return org, {"organisation": org.pk, "created": True}


def _accept_agreement(proposal, user, payload):
    ids = payload.get("party_ids") or [None] * len(payload["parties"])
    parties = [_organisation_for(n, i) for n, i in zip(payload["parties"], ids, strict=False)]
    existing = Agreement.objects.filter(kind=payload["kind"])
    for org in parties:
        existing = existing.filter(parties__organisation=org)
    agreement = existing.distinct().first()
    if agreement is not None:
        return agreement, {"agreement": agreement.pk, "created": False}
    signed = _day(payload["date"], _("agreement")) if payload.get("date") else None
    agreement = partnership_services.create_agreement(
        user=None,
        title=" – ".join(o.name for o in parties)[:200],
        kind=payload["kind"],
        parties=[(o, None) for o in parties],
        status=AgreementStatus.SIGNED if signed else AgreementStatus.NEGOTIATION,
        signed_on=signed,
        place=payload.get("place", "")[:200],
        description=_("Known from the news: %(title)s") % {"title": proposal.article.title},
    )
    Agreement.objects.filter(pk=agreement.pk).update(created_by=user)
    return agreement, {"agreement": agreement.pk, "created": True}


def _accept_event(proposal, user, payload):
    start = _day(payload.get("start", ""), _("event"))
    end = _day(payload["end"], _("event")) if payload.get("end") else start
    organisers = [
        _organisation_for(n, i)
        for n, i in zip(
            payload.get("organisers", []), payload.get("organiser_ids", []), strict=False
        )
    ]
    organisers = organisers or [proposal.article.source.organisation]
    city, country = "", ""
    if payload.get("place") and (found := places.place(payload["place"])):
        city, country = found
    zone = timezone.get_default_timezone()
    event = event_services.create_event(
        created_by=user,
        organisers=organisers,
        title=payload["name"][:200],
        kind=payload["kind"],
        status=EventStatus.PUBLISHED,
        city=city or payload.get("place", "")[:120],
        country=country,
        starts_at=dt.datetime.combine(start, dt.time(9), zone),
        ends_at=dt.datetime.combine(end, dt.time(18), zone),
        description=_("Known from the news: %(title)s") % {"title": proposal.article.title},
    )
    return event, {"event": event.pk, "created": True}


def _accept_delegation(proposal, user, payload):
    visitors = _organisation_for(payload["from"], payload.get("from_id"))
    host = _organisation_for(payload["to"], payload.get("to_id"))
    day = _day(payload.get("date", ""), _("delegation"))
    own = proposal.article.source.organisation_id
    delegation = partnership_services.create_delegation(
        user=None,
        hosts=[host],
        visitors=[visitors],
        title=f"{visitors} → {host}"[:200],
        direction=DelegationDirection.OUTGOING
        if visitors.pk == own
        else DelegationDirection.INCOMING,
        starts_on=day,
        ends_on=day,
        purpose=_("Known from the news: %(title)s") % {"title": proposal.article.title},
    )
    return delegation, {"delegation": delegation.pk, "created": True}


@transaction.atomic
def accept(
    *,
    proposal: Proposal,
    user,
    payload: dict | None = None,
    into: Organisation | None = None,
    batch: str = "",
) -> Proposal:
    """Accept a proposal as found, or with `payload` corrected, or (organisations) merged
    `into` an existing entry."""
    _check(user, proposal)
    payload = {**proposal.payload, **(payload or {})}
    link = NewsSourceLink(article=proposal.article, proposal=proposal)
    kind = proposal.type
    if kind == ProposalType.ORGANISATION:
        into = into or proposal.same_as
        link.organisation, outcome = _accept_organisation(proposal, user, payload, into)
    elif kind == ProposalType.AGREEMENT:
        link.agreement, outcome = _accept_agreement(proposal, user, payload)
    elif kind == ProposalType.EVENT:
        link.event, outcome = _accept_event(proposal, user, payload)
    elif kind == ProposalType.DELEGATION:
        link.delegation, outcome = _accept_delegation(proposal, user, payload)
    else:
        outcome = {"created": False}
    link.save()
    proposal.payload, proposal.outcome, proposal.batch = payload, outcome, batch
    proposal.status = (
        ProposalStatus.ACCEPTED
        if outcome.get("created") or kind == ProposalType.FIGURE
        else ProposalStatus.MERGED
    )
    proposal.reviewed_by, proposal.reviewed_at = user, timezone.now()
    proposal.save()
    return proposal


@transaction.atomic
def reject(*, proposal: Proposal, user) -> Proposal:
    """Reject, and remember it for every organisation concerned: not proposed again."""
    _check(user, proposal)
    for org_id in {o.pk for o in proposal.concerns.all()}:
        RejectedFact.objects.get_or_create(
            organisation_id=org_id, fingerprint=proposal.fingerprint, defaults={"rejected_by": user}
        )
    proposal.status, proposal.reviewed_by = ProposalStatus.REJECTED, user
    proposal.reviewed_at = timezone.now()
    proposal.save()
    return proposal


def bulk_accept(*, proposals, user) -> tuple[str, int, list[str]]:
    """Accept every confident proposal that can be accepted as it is; (batch, count, what
    could not be accepted). Each proposal in its own transaction."""
    batch, count, problems = secrets.token_hex(8), 0, []
    for proposal in proposals:
        if proposal.confidence < BULK_CONFIDENCE or proposal.status != ProposalStatus.PENDING:
            continue
        try:
            accept(proposal=proposal, user=user, batch=batch)
            count += 1
        except ValidationError as exc:
            problems.append(f"{proposal.title}: {' '.join(exc.messages)}")
    return batch, count, problems


@transaction.atomic
def undo_batch(*, batch: str, user) -> int:
    """Put a bulk acceptance back: what it created is deleted, aliases it added removed."""
    done = list(Proposal.objects.filter(batch=batch, reviewed_by=user).select_for_update())
    if not done:
        raise PermissionDenied(_("There is no bulk acceptance of yours to undo."))
    for proposal in reversed(done):
        outcome = proposal.outcome
        NewsSourceLink.objects.filter(proposal=proposal).delete()
        if outcome.get("created"):
            for field, model in (
                ("organisation", Organisation),
                ("agreement", Agreement),
                ("event", Event),
                ("delegation", Delegation),
            ):
                if not outcome.get(field):
                    continue
                if model is Organisation:
                    # Through the directory's service, which keeps its search index in step.
                    for org in Organisation.objects.filter(pk=outcome[field]):
                        directory.delete_organisation(org)
                else:
                    model.objects.filter(pk=outcome[field]).delete()
        elif "aliases_before" in outcome:
            for org in Organisation.objects.filter(pk=outcome["organisation"]):
                directory.update_organisation(org, aliases=outcome["aliases_before"])
        proposal.status, proposal.outcome, proposal.batch = ProposalStatus.PENDING, {}, ""
        proposal.reviewed_by = proposal.reviewed_at = None
        proposal.save()
    return len(done)
