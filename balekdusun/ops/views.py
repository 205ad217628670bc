import hmac
import ipaddress

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from balekdusun.ops import metrics as ops_metrics
from balekdusun.ops import readiness


@never_cache
@require_GET
def readyz(request):
    """200 when the database, the cache and every registered check answer; 503 (with each check's status)
    otherwise, so a load balancer stops sending traffic here."""
    from balekdusun import __version__

    ok, checks = readiness.run()
    return JsonResponse({"status": "ok" if ok else "error", "version": __version__, "checks": checks},
                        status=200 if ok else 503)


def _client_allowed(request) -> bool:
    """METRICS_TOKEN (Authorization: Bearer …) and/or METRICS_ALLOWED_IPS (addresses or networks). Both set:
    both must hold. Neither set: /metrics is closed."""
    token, networks = settings.METRICS_TOKEN, settings.METRICS_ALLOWED_IPS
    if not token and not networks:
        return False
    if token:
        sent = request.META.get("HTTP_AUTHORIZATION", "")
        scheme, _sep, value = sent.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            return False
    if networks:
        try:
            address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
        except ValueError:
            return False
        if not any(address in ipaddress.ip_network(n, strict=False) for n in networks):
            return False
    return True


@never_cache
@require_GET
def metrics(request):
    if not _client_allowed(request):
        response = JsonResponse({"detail": "Metrics need METRICS_TOKEN as a bearer token from an address in "
                                           "METRICS_ALLOWED_IPS."}, status=403)
        if settings.METRICS_TOKEN:
            response.status_code = 401
            response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    from prometheus_client import CONTENT_TYPE_LATEST

    return HttpResponse(ops_metrics.exposition(), content_type=CONTENT_TYPE_LATEST)
