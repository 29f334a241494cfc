"""Account pages: the participant's own profile and their API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts import services
from maillage.accounts.forms import ProfileForm, TokenForm
from maillage.accounts.models import ApiToken
from maillage.core.forms import add_service_errors

NEW_TOKEN_SESSION_KEY = "accounts.new_token"


@login_required
def profile(request):
    person = getattr(request.user, "person", None)
    if person is not None:
        initial = {name: getattr(person, name) for name in ProfileForm.base_fields}
    else:
        initial = {"first_name": request.user.first_name, "last_name": request.user.last_name}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(user=request.user, **form.profile_fields())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("accounts:profile")
    affiliations = person.affiliations.select_related("organisation") if person else []
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "person": person, "affiliations": affiliations},
    )


@login_required
def tokens(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _token, clear = services.issue_token(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            # Shown on the next page only, then forgotten: only its hash is kept.
            request.session[NEW_TOKEN_SESSION_KEY] = clear
            return redirect("accounts:tokens")
    context = {
        "form": form,
        "tokens": ApiToken.objects.filter(user=request.user).order_by("-created_at"),
        "new_token": request.session.pop(NEW_TOKEN_SESSION_KEY, None),
    }
    return render(request, "accounts/tokens.html", context)


@login_required
@require_POST
def revoke_token(request, token_id: int):
    try:
        services.revoke_token(user=request.user, token_id=token_id)
    except ApiToken.DoesNotExist:
        raise Http404(_("You have no token with this number.")) from None
    messages.success(request, _("The token was revoked; scripts using it can no longer sign in."))
    return redirect("accounts:tokens")
