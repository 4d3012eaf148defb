"""Schemathesis over the OpenAPI description, in process: no operation answers a server error."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402

from factcheck.web.app import create_app  # noqa: E402
sys.path.insert(0, str(Path(__file__).parent))  # the shared web fixtures, in any import mode
from test_web_fixtures import build_queue  # noqa: E402

STATE: dict = {}


@pytest.fixture(scope="module")
def web_schema(tmp_path_factory):
    wq = build_queue(tmp_path_factory.mktemp("schema") / "fuzz.queue", hostile=True, reviews_per_claim=2)
    # a high throttle limit: fuzzed log-ins must not lock the bearer requests out
    app = create_app(wq.path, secret_key="fuzz", throttle_limit=10_000, client_limit=10_000)
    STATE["editor"] = wq.secrets["ed"]
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_server_error(web_schema):
    """Every operation, fuzzed from its schema with an editor's bearer secret: no 5xx, and every
    /api error has the one error shape. Driven through hypothesis directly rather than the
    schemathesis pytest plugin, which does not follow every pytest release."""
    from hypothesis import given

    headers = {"Authorization": f"Bearer {STATE['editor']}"}
    operations = [result.ok() for result in web_schema.get_all_operations()]
    assert len(operations) >= 5
    for operation in operations:
        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def check(case):
            response = case.call(headers=headers)
            assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:300])
            if case.path.startswith("/api/") and response.status_code >= 400:
                assert set(response.json()) == {"error"}

        check()
