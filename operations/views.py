from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from operations.health import run_checks


@login_not_required
@never_cache
@require_safe
def health(request):
    """For the load balancer: 200 when every part works, 503 naming what does not. No personal data."""
    results = run_checks()
    failing = [name for name, ok in results.items() if not ok]
    return JsonResponse(
        {
            "status": "fail" if failing else "ok",
            "checks": {name: "ok" if ok else "fail" for name, ok in results.items()},
            "failing": failing,
        },
        status=503 if failing else 200,
    )
