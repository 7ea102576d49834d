"""Every patch of a library's internals in this project, with the exact versions it was written for.

A patch is code that replaces a library's function or attribute at run time, overrides a method of
a library class beyond its documented extension points, or reads or sets a library's private state.
Each one here was read against the source of the versions it names and is pinned by the test it
names, which compares it with the library's own behaviour.

`check()` fails closed: on any other installed version it raises, naming each patch concerned, and
`require()` stops the process with that message. Start-up (bot/runtime/launch.py, bot/runtime/rasa_cli.py) and the
tests (tests/conftest.py, tests/run_all.py) call it, so an upgrade cannot change behaviour silently.
To upgrade a library: read each patch that names it against the new version's source, run its
test, then update its `versions` here.

tests/test_patches.py checks that this list is complete: every private method that a class of
bot/ or tests/validate_data.py overrides, and every attribute those files set on a library object,
must be a target of a patch here.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata
from typing import Callable, List, Mapping, Optional, Tuple

# The exact versions of requirements.lock that the patches were written for.
RASA = {"rasa": "3.6.21"}


@dataclass(frozen=True)
class Patch:
    name: str
    module: str  # where the patch lives
    # What it replaces, overrides or relies on, as importable dotted paths in the library.
    targets: Tuple[str, ...]
    versions: Mapping[str, str]  # distribution -> the exact version it was written for
    test: str  # pins it against the library's own behaviour
    note: str = ""  # private state it uses that the targets do not show

    def mismatches(self, installed: Callable[[str], Optional[str]]) -> List[str]:
        """`name==written-for (installed: other)` for each distribution installed in another version."""
        return [f"{dist}=={want} (installed: {installed(dist) or 'none'})"
                for dist, want in self.versions.items() if installed(dist) != want]


PATCHES: Tuple[Patch, ...] = (
    Patch("stored events matched to their classes by name", "bot/runtime/rasa_cli.py",
          ("rasa.shared.core.events.Event.resolve_by_type",), RASA,
          "tests/test_rasa_cli.py::test_every_event_type_resolves_to_the_class_rasa_finds"),
    Patch("action server replies checked by a validator built once", "bot/runtime/rasa_cli.py",
          ("rasa.core.actions.action.RemoteAction._validate_action_result",),
          {**RASA, "jsonschema": "3.2.0"},
          "tests/test_rasa_cli.py::test_an_invalid_action_reply_is_refused_as_rasa_refuses_it"),
    Patch("the model's graph run without dask", "bot/runtime/rasa_cli.py",
          ("rasa.core.processor.DaskGraphRunner", "rasa.engine.runner.dask.DaskGraphRunner.__init__",
           "rasa.engine.runner.dask.DaskGraphRunner.run"), RASA,
          "tests/test_rasa_cli.py::test_the_sequential_graph_runner_gives_the_dask_runner_s_results",
          note="reads DaskGraphRunner._graph_schema and _instantiated_nodes"),
    Patch("endpoint calls on a pool of kept-alive connections", "bot/runtime/rasa_cli.py",
          ("rasa.utils.endpoints.EndpointConfig.session",), {**RASA, "aiohttp": "3.9.5"},
          "tests/test_patches.py::test_a_pooled_session_sends_what_rasa_s_own_session_sends",
          note="relies on EndpointConfig.request closing each session it gets from session()"),
    Patch("jax kept out, skops imported before TensorFlow", "bot/runtime/rasa_cli.py",
          ("sys.modules",), {"tensorflow": "2.12.0", "skops": "0.9.0"},
          "tests/test_rasa_cli.py::test_the_rasa_command_runs_without_jax_and_loads_skops_before_"
          "tensorflow",
          note="TensorFlow imports jax inside try/except ImportError (tensorflow/lite/python/util.py)"),
    Patch("count vectors for sentences only", "bot/nlu/intents.py",
          ("rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer.CountVectorsFeaturizer."
           "_create_features",), RASA,
          "tests/test_intents.py::test_the_sentence_features_are_rasas_and_there_is_no_sequence",
          note="reads CountVectorsFeaturizer.vectorizers"),
    Patch("logistic regression input stacked once", "bot/nlu/intents.py",
          ("rasa.nlu.classifiers.logistic_regression_classifier.LogisticRegressionClassifier."
           "_create_X",), {**RASA, "scikit-learn": "1.1.3"},
          "tests/test_intents.py::test_the_input_rows_are_rasas_with_dense_features_too",
          note="reads LogisticRegressionClassifier.clf.n_features_in_"),
    Patch("SQL tracker store without the ORM", "bot/stores/tracker.py",
          ("rasa.core.tracker_store.SQLTrackerStore.__init__",
           "rasa.core.tracker_store.SQLTrackerStore._retrieve",
           "rasa.core.tracker_store.SQLTrackerStore.save"), {**RASA, "SQLAlchemy": "1.4.54"},
          "tests/test_tracker_store.py::test_what_one_store_writes_the_other_reads_back",
          note="replaces SQLTrackerStore.engine and sessionmaker; reads SQLEvent and Base"),
    Patch("Redis lock store with atomic changes", "bot/stores/lock.py",
          ("rasa.core.lock_store.RedisLockStore.__init__", "rasa.core.lock_store.LockStore.issue_ticket",
           "rasa.core.lock_store.LockStore.update_lock", "rasa.core.lock_store.LockStore.cleanup"),
          {**RASA, "redis": "4.6.0"},
          "tests/test_scale_out.py::test_two_servers_taking_tickets_at_once_each_get_their_own",
          note="reads RedisLockStore.red and key_prefix"),
    Patch("REST input checked, its channel name fixed", "bot/channels/rest.py",
          ("rasa.core.channels.rest.RestInput._extract_message",
           "rasa.core.channels.rest.RestInput._extract_input_channel"), RASA,
          "tests/test_patches.py::test_the_rest_channel_cleans_the_text_and_keeps_its_own_name"),
    Patch("socket.io handlers wrapped with the origin and input checks", "bot/channels/socketio.py",
          ("socketio.asyncio_server.AsyncServer.handlers",
           "engineio.async_server.AsyncServer.max_http_buffer_size"),
          {**RASA, "python-socketio": "5.8.0", "python-engineio": "4.8.0"},
          "tests/test_patches.py::test_the_socketio_handlers_rasa_registers_are_the_ones_wrapped",
          note="reads sio.handlers[namespace]['connect'] and [user_message_evt], replaces them "
               "with sio.on; sets sio.eio.max_http_buffer_size"),
    Patch("socket.io custom payloads emitted as data", "bot/channels/socketio.py",
          ("rasa.core.channels.socketio.SocketIOOutput.send_custom_json",
           "rasa.core.channels.socketio.SocketIOInput.get_output_channel"),
          {**RASA, "python-socketio": "5.8.0"},
          "tests/test_socketio.py::test_bot_replies_and_the_score_chart_arrive_over_socketio"),
    Patch("Slack channel: its own blueprint and replies", "bot/channels/slack.py",
          ("rasa.core.channels.slack.SlackInput.blueprint",
           "rasa.core.channels.slack.SlackInput.__init__",
           "rasa.core.channels.slack.SlackBot._post_message",
           "rasa.core.channels.slack.SlackInput._is_user_message",
           "rasa.core.channels.slack.SlackInput._is_direct_message",
           "rasa.core.channels.slack.SlackInput._is_app_mention",
           "rasa.core.channels.slack.SlackInput._sanitize_user_message",
           "rasa.core.channels.slack.SlackInput._is_interactive_message",
           "rasa.core.channels.slack.SlackInput._get_interactive_response",
           "rasa.core.channels.slack.SlackInput.is_request_from_slack_authentic"),
          {**RASA, "sanic": "21.12.2", "slack_sdk": "3.48.0"}, "tests/test_slack.py",
          note="uses SlackInput._background_tasks"),
    Patch("data validation counts the form's questions as used", "tests/validate_data.py",
          ("rasa.validator.Validator._gather_utterance_actions",), RASA,
          "tests/test_questions.py::test_validation_counts_the_questions_as_used_and_nothing_else"),
)


def installed_version(distribution: str) -> Optional[str]:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


class PatchedVersionError(RuntimeError):
    """A library is installed in a version that a patch was not written for."""


def check(installed: Optional[Callable[[str], Optional[str]]] = None) -> None:
    """Raises PatchedVersionError naming every patch whose library versions are not installed."""
    installed = installed or installed_version
    problems = [f"- {patch.name} ({patch.module}; {patch.test}) was written for "
                + ", ".join(patch.mismatches(installed))
                for patch in PATCHES if patch.mismatches(installed)]
    if problems:
        raise PatchedVersionError(
            "Refusing to run: library internals are patched for other versions than those installed.\n"
            + "\n".join(problems)
            + "\nInstall requirements.lock (make setup), or check each patch against the new version "
              "and update bot/runtime/patches.py.")


def require() -> None:
    """check(), ending the process with its message on a mismatch."""
    try:
        check()
    except PatchedVersionError as error:
        sys.exit(str(error))
