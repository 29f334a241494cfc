from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from maillage.core import health


def home(request):
    return render(request, "core/home.html")


@never_cache
def health_check(request):
    """For load balancers and monitoring: 200 when the database answers and every task queue
    has a working worker, 503 otherwise; the body says which part fails."""
    state = health.check()
    return JsonResponse(state.as_json(), status=200 if state.ok else 503)
