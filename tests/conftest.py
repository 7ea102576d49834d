"""Shared fixtures and the checks every test run makes first.

- The run stops before any test when a library is installed in another version than a patch of its
  internals was written for (bot/runtime/patches.py).
- Every test has one tier marker (pytest.ini): its own, or its module's from MODULE_TIERS. A module
  missing from the table fails the collection, so no test is left out of `-m` selections.
- `advisor`: one action server and Rasa server for the whole session, shared by the end-to-end
  tests that need nothing special of it (each test uses its own sender ids). Tests that need
  another set-up (environment, credentials, endpoints) start their own with
  tests.servers.running_advisor.
"""
from __future__ import annotations

import pytest
# Sanic 21.12 runs filterwarnings("once", category=DeprecationWarning) when imported, which would let
# deprecations pass as mere warnings in the test that imports it first. Imported here, while pytest
# loads this file, that filter is dropped with the rest of this file's warning settings.
import sanic  # noqa: F401

from bot.runtime import patches
from tests import servers
from tests.servers import Advisor, running_advisor


TIERS = ("unit", "e2e", "browser")
MODULE_TIERS = {
    "unit": {"test_actions", "test_answers", "test_comparisons", "test_conditions", "test_edits",
             "test_knowledge", "test_layout", "test_nlu_component", "test_patches", "test_questions",
             "test_thinking", "test_rasa_cli", "test_scoring", "test_system_deps", "test_tracker_store"},
    # test_intents trains two NLU pipelines: a third of the unit tier's time, so it runs with these;
    # test_deploy checks the deploy files against the trained model, which `make check` does not build
    "e2e": {"test_benchmark_smoke", "test_chat", "test_conversation", "test_deploy", "test_e2e_rest",
            "test_faults", "test_fuzz", "test_hostile", "test_insights", "test_intents",
            "test_knowledge_schema", "test_nlu", "test_persistence", "test_scale_out", "test_security",
            "test_serve", "test_slack", "test_socketio", "test_understanding"},
    "browser": {"test_widget"},
}


def module_tier(module_name: str) -> str:
    tiers = [tier for tier, modules in MODULE_TIERS.items() if module_name in modules]
    if len(tiers) != 1:
        raise pytest.UsageError(f"tests/{module_name}.py: list it under one tier in "
                                "tests/conftest.py's MODULE_TIERS")
    return tiers[0]


def pytest_configure(config: pytest.Config) -> None:
    try:
        patches.check()
    except patches.PatchedVersionError as error:
        pytest.exit(str(error), returncode=pytest.ExitCode.USAGE_ERROR)


def pytest_collection_modifyitems(items: list) -> None:
    for item in items:
        if not any(item.get_closest_marker(tier) for tier in TIERS):
            item.add_marker(module_tier(item.module.__name__.rsplit(".", 1)[-1]))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.failed:
        servers.KEEP_LOGS = True  # the servers' logs explain it


@pytest.fixture(scope="session")
def advisor() -> Advisor:
    with running_advisor() as running:
        yield running
