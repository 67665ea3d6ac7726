"""The /api/v1 root: session authentication, default-deny, errors as JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.urls import URLPattern, URLResolver
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.openapi.schema import REF_TEMPLATE
from ninja.operation import PathView
from ninja.schema import NinjaGenerateJsonSchema
from ninja.security import django_auth

from werkvrede.accounts.api import router as accounts_router
from werkvrede.agenda.api import router as agenda_router
from werkvrede.api.advice import router as advice_router
from werkvrede.api.body import BodyRefused, BodyTooLarge, JsonParser, NotSentAsJson, max_body_bytes
from werkvrede.api.schemas import ErrorOut, IdempotentReplayOut, MeOut, ValidationErrorOut
from werkvrede.audit.api import router as audit_router
from werkvrede.cases.api import router as cases_router
from werkvrede.confidential.public_api import router as reporting_router
from werkvrede.consent.api import router as consent_router
from werkvrede.core.access import (
    ACCESS_ATTRIBUTE,
    api_requires,
    classification_of,
    refuse_undeclared,
    requires,
)
from werkvrede.core.api_findings import InvalidOut, RefusalOut, refusal_body
from werkvrede.core.idempotency import HEADER, KEY_MAX
from werkvrede.core.policy import AccessDenied, NotVisible
from werkvrede.core.refusals import Refusal
from werkvrede.core.types import CODE_PATTERN, Out
from werkvrede.erasure.api import router as erasure_router
from werkvrede.fairness.api import router as fairness_router
from werkvrede.interventions.api import router as interventions_router
from werkvrede.mediation.api import router as mediation_router
from werkvrede.mydata.api import router as mydata_router
from werkvrede.notifications.api import router as notifications_router
from werkvrede.protocol.api import router as protocol_router
from werkvrede.retention.api import router as retention_router
from werkvrede.sickness.api import router as sickness_router
from werkvrede.supporters.api import router as supporters_router
from werkvrede.whistleblower.public_api import router as whistleblower_router

# Every operation can answer these; the document says so, so clients (and the fuzz tests) can rely on it.
COMMON_ERRORS: dict[str, tuple[str, type[Out]]] = {
    "400": ("The body is not JSON sent as `application/json` in UTF-8; `detail` says what.", ErrorOut),
    "401": ("Not logged in.", ErrorOut),
    "403": ("Logged in, but this action is not allowed for you (the code says which).", ErrorOut),
    "404": ("Not found — or not yours to know about: the two are answered alike.", ErrorOut),
    "413": ("The body is larger than the API reads (1 MB unless configured otherwise).", ErrorOut),
    "409": ("The rules refuse this step now; `detail` says how, `findings` why.", RefusalOut),
    "422": (
        "The request does not fit: the schema (each item of `detail` names a field, `loc`, and why, `msg`), "
        "or a rule about what was entered (`errors`: each field, `path`, and why, `message`).",
        ValidationErrorOut,
    ),
}
# The 422 of a rule about what was entered (an `Invalid` refusal), beside the schema's own.
INVALID_422 = InvalidOut


def _component(model: type[Out], components: dict[str, Any]) -> dict[str, str]:
    """Add a model (and what it refers to) to the document's components; return a reference to it."""
    schema = model.model_json_schema(
        ref_template=REF_TEMPLATE, schema_generator=NinjaGenerateJsonSchema, mode="serialization"
    )
    components.update(schema.pop("$defs", {}))
    components[model.__name__] = schema
    return {"$ref": REF_TEMPLATE.format(model=model.__name__)}


class WerkvredeAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        common = {
            status: (text, _component(model, components)) for status, (text, model) in COMMON_ERRORS.items()
        }
        invalid = _component(INVALID_422, components)
        replay = _component(IdempotentReplayOut, components)
        for operations in schema.get("paths", {}).values():
            for method, operation in operations.items():
                # django-ninja keys responses by int, JSON by string: one key per status.
                responses = operation["responses"] = {str(k): v for k, v in operation["responses"].items()}
                for status, (description, ref) in common.items():
                    declared = responses.get(status, {}).get("content", {}).get("application/json")
                    if declared is None:
                        content = {"application/json": {"schema": ref}}
                        responses[status] = {"description": description, "content": content}
                    elif status == "422" and declared["schema"] != ref:
                        # The operation's own refusals, and the schema validation every operation does.
                        declared["schema"] = {"anyOf": [declared["schema"], ref]}
                responses["422"]["content"]["application/json"]["schema"] = _with_invalid(
                    responses["422"]["content"]["application/json"]["schema"], invalid
                )
                # Only a logged-in person has keys kept (ADR 0143); not the anonymous, nor a receipt's holder.
                if method == "post" and {"SessionAuth": []} in operation.get("security", []):
                    _idempotent(operation, replay)
        return schema

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # One answer for each kind of refusal, the same for every router and operation.
        handlers: list[tuple[type[Exception], Callable[..., HttpResponse]]] = [
            (BodyRefused, self._body_refused),
            (HttpError, self._http_error),
            (RequestDataTooBig, self._too_big),
            (MultiPartParserError, self._not_parsable),
            (AccessDenied, self._access_denied),
            (Http404, self._not_found),
            (Refusal, self._refused),
        ]
        for exception, handler in handlers:
            self.add_exception_handler(exception, handler)

    def _body_refused(self, request: HttpRequest, exc: BodyRefused) -> HttpResponse:
        return self.create_response(request, exc.content(), status=exc.status)

    def _http_error(self, request: HttpRequest, exc: HttpError) -> HttpResponse:
        # django-ninja answers any failure of the body parser with a bare 400; the refusal says more.
        if isinstance(exc.__cause__, BodyRefused):
            return self._body_refused(request, exc.__cause__)
        return self.create_response(request, {"detail": str(exc)}, status=exc.status_code)

    def _too_big(self, request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        refusal = BodyTooLarge(f"the request body is larger than {max_body_bytes()} bytes")
        return self._body_refused(request, refusal)

    def _not_parsable(self, request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
        # Raised when the CSRF check reads a form body whose Content-Type has no boundary.
        return self._body_refused(request, NotSentAsJson(f"Content-Type: {exc}"))

    def _access_denied(self, request: HttpRequest, exc: AccessDenied) -> HttpResponse:
        exc.record()
        return self.create_response(request, {"detail": "forbidden", "code": exc.action}, status=403)

    def _not_found(self, request: HttpRequest, exc: Http404) -> HttpResponse:
        if isinstance(exc, NotVisible):
            exc.record()
        return self.create_response(request, {"detail": "not found"}, status=404)

    def _refused(self, request: HttpRequest, exc: Refusal) -> HttpResponse:
        return self.create_response(request, refusal_body(exc), status=exc.status)


def _idempotent(operation: dict[str, Any], replay: dict[str, str]) -> None:
    """A POST takes an `Idempotency-Key`; sent again with it, its success is answered as a replay."""
    operation.setdefault("parameters", []).append(
        {
            "in": "header",
            "name": HEADER,
            "required": False,
            "description": (
                "Sent again with the same key (kept 24 hours by default), the request writes nothing and "
                "is answered with the first answer's status and the id it named; with another body: 422."
            ),
            "schema": {"type": "string", "minLength": 1, "maxLength": KEY_MAX, "pattern": CODE_PATTERN},
        }
    )
    for status, response in operation["responses"].items():
        content = response.get("content", {}).get("application/json")
        if status.startswith("2") and content is not None:
            content["schema"] = {"anyOf": [content["schema"], replay]}


def _with_invalid(schema: dict[str, Any], invalid: dict[str, str]) -> dict[str, Any]:
    """Every operation's 422 may also be a rule about what was entered (`InvalidOut`)."""
    alternatives = schema.get("anyOf", [schema])
    if invalid in alternatives:
        return schema
    return {"anyOf": [*alternatives, invalid]}


api = WerkvredeAPI(
    title="Werkvrede API",
    version="1",
    description=(
        "Werkvrede's JSON API. Every operation is authenticated and scoped to the active organisation, "
        "except the anonymous reports to the vertrouwenspersoon and the whistleblower channel under "
        "`/public/`: sending one needs no "
        "log-in, reading and replying need its receipt code (the `Receipt` scheme)."
    ),
    urls_namespace="api",
    auth=django_auth,
    docs_decorator=requires("api.docs.view", hide=False),
    parser=JsonParser(),
)


@api.get("/me", response={200: MeOut, 401: ErrorOut}, tags=["accounts"], url_name="me")
@api_requires("api.me.view")
def me(request: HttpRequest) -> MeOut:
    """Who am I: name, active organisation and roles in it."""
    actor = request.actor  # type: ignore[attr-defined]
    return MeOut(
        user_id=actor.user_id,
        name=actor.display_name,
        organisation_id=actor.organisation_id,
        organisation_name=actor.organisation_name,
        roles=sorted(str(role) for role in actor.roles),
    )


api.add_router("", advice_router)
api.add_router("", cases_router)
api.add_router("", protocol_router)
api.add_router("", consent_router)
api.add_router("", sickness_router)
api.add_router("", interventions_router)
api.add_router("", mediation_router)
api.add_router("", supporters_router)
api.add_router("", notifications_router)
api.add_router("", accounts_router)
api.add_router("", agenda_router)
api.add_router("", audit_router)
api.add_router("", mydata_router)
api.add_router("", fairness_router)
api.add_router("", erasure_router)
api.add_router("", retention_router)
# Anonymous reporting: public operations (no log-in), each marked `public` (docs/anonymous-reporting.md).
api.add_router("", reporting_router)
api.add_router("", whistleblower_router)


def _operations_access(callback: object) -> str | None:
    """The joined actions of the operations behind one ninja URL, or None if one is unclassified."""
    for cell in getattr(callback, "__closure__", None) or ():
        path_view = cell.cell_contents
        if isinstance(path_view, PathView):
            actions = [classification_of(op.view_func) for op in path_view.operations]
            if not actions or None in actions:
                return None
            return ",".join(sorted(str(a) for a in actions))
    return None


def _refuse_undeclared_operations(callback: object) -> None:
    """Deny by default at run time: an operation that declares no access is replaced by a refusal."""
    for cell in getattr(callback, "__closure__", None) or ():
        path_view = cell.cell_contents
        if isinstance(path_view, PathView):
            for operation in path_view.operations:
                if classification_of(operation.view_func) is None:
                    operation.view_func = refuse_undeclared(operation.view_func)


def api_urls() -> tuple[list[URLPattern | URLResolver], str, str]:
    """The API's URL patterns, each carrying the access its operations declare.

    Log-in is enforced by the API's own auth (401 JSON), not by a redirect to the log-in page.
    """
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if not isinstance(pattern, URLPattern) or pattern.callback is None:
            continue
        if pattern.name != "api-root":
            _refuse_undeclared_operations(pattern.callback)
        if pattern.name == "api-root":
            pattern.callback = requires("api.docs.view", hide=False)(pattern.callback)
        elif classification_of(pattern.callback) is None:
            access = _operations_access(pattern.callback)
            if access is not None:
                setattr(pattern.callback, ACCESS_ATTRIBUTE, access)
        pattern.callback = login_not_required(pattern.callback)
    return patterns, app_name, namespace
