"""Programme API: the organisers add, change and delete the items of an event's programme
(talks, testimonials, breaks…). The programme itself is read with the event
(GET /events/{slug}). Speakers are people the caller may see (maillage.api.lookups)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja import Router, Status

from maillage.api import lookups
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, invalid, not_found
from maillage.api.event_access import managed_event
from maillage.api.event_schemas import ProgrammeItemIn, ProgrammeItemOut, ProgrammeItemPatch
from maillage.events import services
from maillage.events.models import ProgrammeItem

router = Router(tags=["events"])


def _item(request, slug: str, item_id: int) -> ProgrammeItem:
    event = managed_event(request, slug)
    item = ProgrammeItem.objects.select_related("event").filter(pk=item_id, event=event).first()
    if item is None:
        raise not_found(_("programme item"))
    return item


def _speakers(request, data: dict) -> dict:
    if data.get("speakers") is not None:
        data["speakers"] = lookups.people(request.user, data["speakers"], field="speakers")
    return data


@router.post(
    "/events/{slug}/programme",
    response=answers({201: ProgrammeItemOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_item(request, slug: str, payload: ProgrammeItemIn):
    event = managed_event(request, slug)
    item = services.add_programme_item(event=event, **_speakers(request, payload.model_dump()))
    return Status(201, item)


@router.patch(
    "/events/{slug}/programme/{item_id}",
    response=answers({200: ProgrammeItemOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def update_item(request, slug: str, item_id: int, payload: ProgrammeItemPatch):
    item = _item(request, slug, item_id)
    data = _speakers(request, payload.model_dump(exclude_unset=True))
    for name in ("title", "starts_at", "ends_at", "kind"):
        if name in data and data[name] is None:
            raise invalid(name, _("cannot be cleared; give a value or leave the field out."))
    for name in ("room", "description"):
        if name in data and data[name] is None:
            data[name] = ""
    if "speakers" in data and data["speakers"] is None:
        data["speakers"] = []
    return services.update_programme_item(item=item, **data)


@router.delete(
    "/events/{slug}/programme/{item_id}",
    response=answers({204: None}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def delete_item(request, slug: str, item_id: int):
    services.delete_programme_item(item=_item(request, slug, item_id))
    return Status(204, None)
