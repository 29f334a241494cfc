"""News pages for park and network staff: sources, the review queue, one proposal."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.ecosystem.models import Organisation
from maillage.news import review
from maillage.news.enums import SourceStatus
from maillage.news.forms import ProposalEditForm, SourceForm
from maillage.news.models import Proposal
from maillage.news.selectors import review_queue, source_organisations, sources_for
from maillage.news.sources import add_source


def _require(user, perm, obj=None):
    if not user.has_perm(perm, obj):
        raise PermissionDenied(_("This page is for the staff of the park or network concerned."))


@login_required
def queue(request):
    _require(request.user, "news.review")
    proposals = list(review_queue(request.user)[:200])
    return render(
        request,
        "news/queue.html",
        {
            "proposals": proposals,
            "confident": sum(p.confidence >= review.BULK_CONFIDENCE for p in proposals),
            "undo_batch": request.session.get("news_undo_batch", ""),
        },
    )


@login_required
def sources(request):
    _require(request.user, "news.add_source")
    organisations = source_organisations(request.user)
    form = SourceForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.get("file")
        source = add_source(
            organisation=data["organisation"],
            kind=data["kind"],
            name=data["name"],
            url=data["url"],
            text=data.get("text") or "",
            content=upload.read() if upload else b"",
            filename=upload.name if upload else "",
            by=request.user,
        )
        if source.status == SourceStatus.NEW:
            messages.info(
                request,
                _("%(name)s is being read in the background; what it found will show here.")
                % {"name": source.name},
            )
        else:
            level = (
                messages.SUCCESS
                if source.status in (SourceStatus.OK, SourceStatus.PARTLY)
                else messages.ERROR
            )
            messages.add_message(request, level, f"{source.name}: {source.status_text}")
        return redirect("news:sources")
    return render(
        request, "news/sources.html", {"form": form, "sources": sources_for(request.user)}
    )


def _proposal(request, pk) -> Proposal:
    proposal = get_object_or_404(Proposal.objects.select_related("article__source"), pk=pk)
    _require(request.user, "news.review_proposal", proposal)
    return proposal


@login_required
def proposal(request, pk):
    item = _proposal(request, pk)
    form = ProposalEditForm(request.POST or None, proposal=item)
    if request.method == "POST" and form.is_valid():
        try:
            review.accept(proposal=item, user=request.user, payload=form.payload())
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, _("Accepted: %(title)s.") % {"title": item.title})
            return redirect("news:queue")
    return render(request, "news/proposal.html", {"proposal": item, "form": form})


@login_required
@require_POST
def decide(request, pk):
    item = _proposal(request, pk)
    action = request.POST.get("action")
    try:
        if action == "reject":
            review.reject(proposal=item, user=request.user)
            messages.success(request, _("Rejected; it will not be proposed again."))
        elif action == "merge":
            into = get_object_or_404(Organisation, pk=request.POST.get("into"))
            review.accept(proposal=item, user=request.user, into=into)
            messages.success(request, _("Merged with %(name)s.") % {"name": into.name})
        else:
            review.accept(proposal=item, user=request.user)
            messages.success(request, _("Accepted: %(title)s.") % {"title": item.title})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("news:queue")


@login_required
@require_POST
def bulk_accept(request):
    _require(request.user, "news.review")
    batch, count, problems = review.bulk_accept(
        proposals=list(review_queue(request.user)), user=request.user
    )
    request.session["news_undo_batch"] = batch if count else ""
    messages.success(request, _("%(n)d proposal(s) accepted.") % {"n": count})
    for problem in problems[:10]:
        messages.warning(request, problem)
    return redirect("news:queue")


@login_required
@require_POST
def undo(request):
    _require(request.user, "news.review")
    batch = request.session.pop("news_undo_batch", "")
    try:
        count = review.undo_batch(batch=batch, user=request.user)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(n)d acceptance(s) undone.") % {"n": count})
    return redirect("news:queue")
