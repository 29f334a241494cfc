"""Sign-in link pages: open a link, ask for a new one. Both answer the same whatever the
address, and an unusable link (expired, revoked, altered, for another purpose) changes nothing
and shows nothing but the offer of a new link."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from maillage.accounts import links, rate_limits, sign_in_links
from maillage.accounts.forms import SignInLinkForm


def link(request):
    next_url = request.GET.get("next", "")
    user = links.user_from_link(request, scope=request.GET.get("scope", ""), next_url=next_url)
    if user is None:
        form = SignInLinkForm(initial={"next": links.safe_next(next_url)})
        return render(request, "accounts/link_invalid.html", {"form": form}, status=400)
    links.sign_in(request, user)
    return redirect(links.safe_next(next_url))


@require_http_methods(["GET", "POST"])
def request_link(request):
    form = SignInLinkForm(request.POST or None, initial={"next": request.GET.get("next", "")})
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not rate_limits.allow_mail(purpose="sign-in", address=email, request=request):
            return render(request, "accounts/link_throttled.html", status=429)
        sign_in_links.send_sign_in_link(
            email=email, next_url=links.safe_next(form.cleaned_data["next"])
        )
        return render(request, "accounts/link_sent.html", {"email": email})
    return render(request, "accounts/link_request.html", {"form": form})
