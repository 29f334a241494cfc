from django.shortcuts import get_object_or_404, render

from maillage.ecosystem.models import Organisation


def directory(request):
    # Replaced by the full directory (search, filters, map, export).
    organisations = Organisation.objects.order_by("name")[:50]
    return render(request, "ecosystem/directory.html", {"organisations": organisations})


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(request, "ecosystem/organisation_detail.html", {"organisation": organisation})
