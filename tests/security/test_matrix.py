"""The permission matrix, generated from the URL configuration and the OpenAPI document: every
route with an object in its path × anonymous / participant / staff of another park / staff of
the owner (and the platform admin for the Django admin) × read / write.

Those who must be refused get 401, 403, 404, 405 or a redirect — or exactly the answer a
missing object gets (no oracle) — and a refused write changes nothing in the database (SQLite
counts every row written: ``total_changes``; elsewhere the row count of every table). The owner
gets through: a read answers 2xx (or a redirect that is not the sign-in page), a write is not
refused. Every request runs in a savepoint rolled back afterwards, so one data set serves all.

A route without a row in tests/security/routes.py fails ``test_every_route_has_a_row``.
"""

from __future__ import annotations

import difflib
import re
import time
import uuid

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import URLResolver, get_resolver, reverse

from maillage.api import api
from maillage.ecosystem.models import Organisation
from tests.ecosystem.factories import ParkFactory
from tests.security.routes import API, PAGES, Row
from tests.security.world import MISSING_INT, MISSING_SLUG, build

ROLES = ("anonymous", "participant", "stranger", "owner", "admin")
ALLOWED = {
    "staff": {"owner"},
    "participant": {"participant"},
    "member": {"owner", "participant"},
    "signed_in": {"participant", "stranger", "owner"},
    "public": set(ROLES),
    "key": set(),
    "admin": {"admin"},
}
# Who must be refused; the platform admin may do everything outside the Django admin, so the
# matrix only asserts their success there.
DENIED = {
    "staff": {"anonymous", "participant", "stranger"},
    "participant": {"anonymous", "stranger"},
    "member": {"anonymous", "stranger"},
    "signed_in": {"anonymous"},
    "public": set(),
    "key": {"anonymous", "participant", "stranger", "owner"},
    "admin": {"anonymous", "participant", "stranger", "owner"},
}
REFUSALS = {401, 403, 404, 405}
PARAM = re.compile(r"{(\w+)}")


def _walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, ns)
        elif pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, pattern


def url_routes() -> dict[str, list[str]]:
    """Named routes of the URL configuration whose path names something, with their params
    (the API's routes come from the OpenAPI document instead)."""
    routes: dict[str, list[str]] = {}
    for name, pattern in _walk(get_resolver().url_patterns):
        if name.startswith("api:"):
            continue
        params = list(
            getattr(pattern.pattern, "converters", {}) or pattern.pattern.regex.groupindex
        )
        if params:
            routes[name] = params
    return routes


def api_operations() -> dict[str, tuple[str, str]]:
    ops = {}
    for path, methods in api.get_openapi_schema()["paths"].items():
        for method, operation in methods.items():
            if "{" in path:
                ops[operation["operationId"]] = (method, path)
    return ops


def admin_rows(routes, *, instances=True) -> dict[str, tuple[Row, object]]:
    """The Django admin: every route of every registered model, for platform admins only."""
    rows = {}
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        instance = model._default_manager.order_by("pk").first() if instances else None
        for name in routes:
            if name.startswith(prefix):
                rows[name] = (
                    Row("admin_object", "admin", True, name.endswith("_delete")),
                    instance,
                )
    for name in routes:  # the site's own pages: an app's index, "view on site"
        if name.startswith("admin:") and name not in rows:
            rows[name] = (Row("admin_site", "admin"), None)
    return rows


def test_every_route_has_a_row():
    routes = url_routes()
    admin_names = {n for n in routes if n.startswith("admin:")}
    covered = set(admin_rows(routes, instances=False))
    pages = set(routes) - admin_names
    assert sorted(pages - set(PAGES)) == [], "add these routes to PAGES in tests/security/routes.py"
    assert sorted(set(PAGES) - pages) == [], "these rows of PAGES name no route any more"
    assert sorted(admin_names - covered) == [], "admin routes of no registered model"
    operations = set(api_operations())
    assert sorted(operations - set(API)) == [], (
        "add these operations to API in tests/security/routes.py"
    )
    assert sorted(set(API) - operations) == [], "these rows of API name no operation any more"


class Rollback(Exception):
    pass


def fingerprint() -> dict[str, int]:
    """Rows written: SQLite's count of this connection's writes, elsewhere each table's rows."""
    if connection.vendor == "sqlite":
        return {"rows written": connection.connection.total_changes}
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        cursor.execute(" UNION ALL ".join(f'SELECT COUNT(*) FROM "{t}"' for t in tables))
        return dict(zip(tables, (r[0] for r in cursor.fetchall()), strict=True))


def changes(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return [
        f"{name} {before.get(name)}→{count}"
        for name, count in after.items()
        if before.get(name) != count
    ]


class Matrix:
    def __init__(self, world):
        self.world = world
        self.clients = {"anonymous": Client()}
        for role in ROLES[1:]:
            self.clients[role] = Client()
            self.clients[role].force_login(getattr(world, role))
        self.failures: list[str] = []
        self.requests = 0
        self.cases = 0

    def send(self, role, method, url, *, api_call, data=None):
        """One request in a savepoint rolled back; (response, rows written)."""
        client = self.clients[role]
        before = fingerprint()
        result = {}
        try:
            with transaction.atomic():
                if method == "get":
                    result["r"] = client.get(url)
                elif api_call:
                    result["r"] = getattr(client, method)(
                        url, "{}", content_type="application/json"
                    )
                else:
                    result["r"] = client.post(url, {"post": "yes", **(data or {})})
                result["changed"] = changes(before, fingerprint())
                # A message of a rolled-back write must not show on the next page.
                client.cookies.pop("messages", None)
                raise Rollback
        except Rollback:
            pass
        except Exception as exc:  # a 500: the view raised
            result["error"] = f"{type(exc).__name__}: {exc}"
        self.requests += 1
        return result

    @staticmethod
    def refused(response) -> bool:
        if response.status_code in REFUSALS:
            return True
        return 300 <= response.status_code < 400

    @staticmethod
    def to_sign_in(response) -> bool:
        location = response.get("Location", "") if 300 <= response.status_code < 400 else ""
        return "/login" in location

    def check(self, key, row: Row, role, method, url, missing_url, *, api_call, data=None):
        self.cases += 1
        writes = method != "get"
        label = f"{key} {method.upper()} as {row.who}/{role}"
        result = self.send(role, method, url, api_call=api_call, data=data)
        if writes and role in DENIED[row.who] and result.get("changed"):
            # A view's write happens again on the same request; a count moved by another
            # connection (PostgreSQL's counts see committed rows of every session) does not.
            result = self.send(role, method, url, api_call=api_call, data=data)
        if "error" in result:
            self.failures.append(f"{label}: {result['error']}")
            return
        response = result["r"]
        if role in DENIED[row.who]:
            if writes and result["changed"]:
                self.failures.append(
                    f"{label}: a refused write changed the database ({', '.join(result['changed'])})"
                )
            if not self.refused(response):
                other = self.send(role, method, missing_url, api_call=api_call).get("r")
                same = (
                    other is not None
                    and other.status_code == response.status_code
                    and _normal(other, missing_url) == _normal(response, url)
                )
                if not same:
                    self.failures.append(
                        f"{label}: answered {response.status_code}, not refused"
                        + _difference(response, url, other, missing_url)
                    )
        elif role in ALLOWED[row.who] and not (row.heavy and not writes):
            if row.who == "admin" and key.endswith("_delete"):
                return  # read-only models refuse deletion to admins too: only refusals matter
            if writes:
                if response.status_code in (401, 403, 404) or self.to_sign_in(response):
                    self.failures.append(f"{label}: the owner was refused ({response.status_code})")
            elif not (200 <= response.status_code < 300) and (
                not 300 <= response.status_code < 400 or self.to_sign_in(response)
            ):
                self.failures.append(f"{label}: the owner got {response.status_code}")


CSRF = re.compile(rb'(csrfmiddlewaretoken" value="|X-CSRFToken": "|csrfToken": ")[^"]+"')


def _normal(response, url: str) -> bytes:
    """A body with what differs between two paths taken out: the path itself, CSRF tokens."""
    body = response.content
    body = body.replace(url.encode(), b"PATH")
    for part in url.strip("/").split("/"):
        if len(part) > 4:
            body = body.replace(part.encode(), b"PART")
    return CSRF.sub(b"CSRF", body)


def _difference(response, url, other, missing_url) -> str:
    if other is None:
        return ""
    if other.status_code != response.status_code:
        return f" (a missing object: {other.status_code})"
    a = _normal(response, url).decode(errors="replace").splitlines()
    b = _normal(other, missing_url).decode(errors="replace").splitlines()
    lines = list(difflib.unified_diff(a, b, lineterm="", n=0))[2:5]
    return " (a missing object differs: " + " | ".join(x[:120] for x in lines) + ")"


def _url(name, params, values):
    return reverse(name, kwargs={p: values[p] for p in params})


def _missing(values: dict) -> dict:
    """The same path naming nothing: ids and slugs that do not exist, another wrong secret."""
    out = {}
    for k, v in values.items():
        if isinstance(v, int) and k not in ("year", "month", "number"):
            out[k] = MISSING_INT
        elif k == "slug":
            out[k] = MISSING_SLUG
        elif k in ("token", "key", "code"):
            out[k] = "other-" + v
        elif isinstance(v, uuid.UUID):
            out[k] = uuid.UUID(int=v.int ^ 1)
        else:
            out[k] = v
    return out


def values_for(world, row: Row, instance=None) -> dict:
    if row.obj == "admin_object":
        pk = instance.pk if instance is not None else MISSING_INT
        return {"object_id": str(pk), "id": str(pk)}
    if row.obj == "admin_site":
        organisation = world.ids["organisation"]["organisation_id"]
        kind = ContentType.objects.get_for_model(Organisation).pk
        return {
            "app_label": "ecosystem",
            "content_type_id": kind,
            "object_id": str(organisation),
            "id": str(world.owner.pk),
        }
    return world.ids[row.obj or "key"]


def roles_for(row: Row):
    # The platform admin is asserted in the Django admin only (elsewhere they may do anything).
    return ROLES if row.who == "admin" else ROLES[:-1]


@pytest.mark.django_db
# Sessions in signed cookies: a session saved (on every request in production, for the idle
# expiry) is not a write of the data the matrix guards.
@override_settings(
    SESSION_SAVE_EVERY_REQUEST=False,
    SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies",
)
def test_permission_matrix():
    started = time.perf_counter()
    world = build()
    matrix = Matrix(world)
    routes = url_routes()
    rows: list[tuple[str, Row, list[str], object]] = []
    for name, (row, instance) in admin_rows(routes).items():
        rows.append((name, row, routes[name], instance))
    for name, row in PAGES.items():
        if row.who != "exempt":
            rows.append((name, row, routes[name], None))
    for key, row, params, instance in rows:
        values = values_for(world, row, instance)
        missing_params = [p for p in params if p not in values]
        if missing_params:
            matrix.failures.append(f"{key}: the data set names no {missing_params}")
            continue
        url = _url(key, params, values)
        missing_url = _url(key, params, _missing(values))
        for role in roles_for(row):
            if row.read:
                matrix.check(key, row, role, "get", url, missing_url, api_call=False)
            if row.write:
                data = {field: values[name] for field, name in row.data}
                matrix.check(key, row, role, "post", url, missing_url, api_call=False, data=data)
    for operation, (method, path) in api_operations().items():
        row = API[operation]
        values = world.ids[row.obj or "key"]
        params = PARAM.findall(path)
        missing_params = [p for p in params if p not in values]
        if missing_params:
            matrix.failures.append(f"{operation}: the data set names no {missing_params}")
            continue
        url = path.format(**{p: values[p] for p in params})
        missing_url = path.format(**{p: _missing(values)[p] for p in params})
        for role in roles_for(row):
            matrix.check(operation, row, role, method, url, missing_url, api_call=True)
    elapsed = time.perf_counter() - started
    print(
        f"\npermission matrix: {len(rows) + len(api_operations())} routes "
        f"({len(rows)} pages and admin, {len(api_operations())} API operations), "
        f"{matrix.cases} cases, {matrix.requests} requests, {elapsed:.1f} s"
    )
    assert matrix.failures == [], "\n".join(matrix.failures)


@pytest.mark.django_db
def test_the_write_detector_sees_a_write():
    before = fingerprint()
    ParkFactory(name="Written park", slug="written-park")
    assert changes(before, fingerprint()) != []
    assert changes(fingerprint(), fingerprint()) == []
