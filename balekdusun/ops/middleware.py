import logging
import re
import time
import uuid

from balekdusun.ops import context, metrics

access_log = logging.getLogger("balekdusun.request")
_GOOD_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def route_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unmatched"
    return match.view_name or match.route or "unnamed"


class RequestMiddleware:
    """Near the top of MIDDLEWARE: gives each request an id (the proxy's X-Request-ID when it sent a sane one),
    returns it in the X-Request-ID header, puts it and the user id on every log line of the request, and records
    the request's latency by route name for /metrics."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sent = request.META.get("HTTP_X_REQUEST_ID", "")
        request.request_id = sent if _GOOD_ID.match(sent) else uuid.uuid4().hex
        rid = context.request_id.set(request.request_id)
        uid = context.user_id.set(None)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            self._set_user(request)
            elapsed = time.perf_counter() - started
            route = route_name(request)
            metrics.REQUEST_LATENCY.labels(route=route, method=request.method).observe(elapsed)
            metrics.REQUESTS.labels(route=route, method=request.method,
                                    status=f"{response.status_code // 100}xx").inc()
            access_log.info("%s %s %s", request.method, route, response.status_code,
                            extra={"route": route, "method": request.method, "status": response.status_code,
                                   "duration_ms": round(elapsed * 1000, 1)})
            response["X-Request-ID"] = request.request_id
            return response
        finally:
            context.request_id.reset(rid)
            context.user_id.reset(uid)

    @staticmethod
    def _set_user(request) -> None:
        user = getattr(request, "user", None)
        # request.user is lazy: reading .is_authenticated loads it only if a later layer has not already.
        if user is not None and getattr(user, "is_authenticated", False):
            context.user_id.set(user.pk)

    def process_view(self, request, view_func, view_args, view_kwargs):
        self._set_user(request)  # every later middleware has run: the user is known for the view's log lines
