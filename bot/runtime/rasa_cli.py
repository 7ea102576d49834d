"""The Rasa command line, lighter and faster: `python -m bot.runtime.rasa_cli run|train|shell|test ...`.

TensorFlow imports jax, when installed, for TFLite conversion only (tensorflow/lite/python/util.py,
inside try/except ImportError); Rasa never converts a model. Keeping jax out saves memory in every
Rasa process.

skops, which saves and loads the LogisticRegressionClassifier, works out at import which module each
of numpy's functions lives in by searching every loaded module. Imported before TensorFlow's modules
are, that search is much shorter, at start-up and in training.

And four of Rasa 3.6's hot spots are fixed, found by profiling a whole conversation:
- Every event read back from the tracker store is matched to its class by walking all of `Event`'s
  subclasses: most of the time to load a conversation. Here the classes are looked up by name.
- The reply of each custom action is checked with `jsonschema.validate`, which first checks Rasa's
  large schema itself against the meta-schema, every time. Here the checked validator is kept.
- Each message runs the model's graph several times (parse, predictions) through dask, which
  rebuilds and schedules the graph each time. Here the nodes are called in an order worked out once.
- Each call to the action server (and any other HTTP endpoint Rasa calls) opened a new session and
  TCP connection: connect, accept and close on both servers. Here the calls share a pool of
  kept-alive connections per event loop.
All four give the same results as Rasa's own code (tests/test_rasa_cli.py) and only take less time
(figures: docs/benchmarks.md, "Profiling behind the patches"). bot/runtime/patches.py lists each patch with
the versions it was written for.
One difference: a call that finds its kept-alive connection closed by the server in that instant
(a proxy or server restart) fails as any failed call does; Rasa's new connection would not have.
"""
from __future__ import annotations

import asyncio
import functools
import sys
from typing import Any, Dict, FrozenSet, List, Optional, Text, Tuple, Type

sys.modules.setdefault("jax", None)  # before anything imports TensorFlow: `import jax` fails
import skops.io  # noqa: E402,F401  (before TensorFlow: see above)

import aiohttp  # noqa: E402
import jsonschema  # noqa: E402
from rasa.core import processor  # noqa: E402
from rasa.core.actions.action import RemoteAction  # noqa: E402
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT  # noqa: E402
from rasa.engine.exceptions import GraphRunError  # noqa: E402
from rasa.engine.runner.dask import DaskGraphRunner  # noqa: E402
from rasa.shared.core import events  # noqa: E402
from rasa.shared.utils.common import all_subclasses  # noqa: E402
from rasa.utils.endpoints import EndpointConfig  # noqa: E402

from bot.runtime import patches  # noqa: E402

_event_classes: Dict[Text, Type[events.Event]] = {}


def resolve_by_type(type_name: Text, default: Optional[Type[events.Event]] = None
                    ) -> Optional[Type[events.Event]]:
    """Rasa's Event.resolve_by_type, from a table made once (and again for a name it lacks)."""
    if type_name not in _event_classes:
        for cls in all_subclasses(events.Event):  # in Rasa's order: the first class of a name wins
            _event_classes.setdefault(cls.type_name, cls)
    if type_name in _event_classes:
        return _event_classes[type_name]
    if type_name == "topic":
        return None  # as Rasa: old TopicSet events are dropped
    if default is not None:
        return default
    raise ValueError(f"Unknown event name '{type_name}'.")


@functools.lru_cache(maxsize=1)
def _action_result_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    """Rasa's RemoteAction._validate_action_result, with the schema checked once per process."""
    try:
        _action_result_validator().validate(result)
        return True
    except jsonschema.ValidationError as e:
        e.message += (". Failed to validate Action server response from API, make sure your "
                      "response from the Action endpoint is valid.")
        raise e


# Idle pooled connections are dropped before Sanic's default keep-alive (5 s) closes them on the
# server's side, so that timeout cannot close a connection as a request is written into it.
KEEPALIVE_S = 4.0
_connectors: Dict[asyncio.AbstractEventLoop, aiohttp.TCPConnector] = {}


def endpoint_session(self: EndpointConfig) -> aiohttp.ClientSession:
    """Rasa's EndpointConfig.session on a connection pool kept per event loop: Rasa made a session,
    and with it a new TCP connection, for every call (action server, NLG server, model server).
    As Rasa's: no cap on connections, no DNS cache (a restarted server may have a new address)."""
    loop = asyncio.get_running_loop()
    for old in [old for old in _connectors if old.is_closed()]:
        del _connectors[old]  # a pool dies with its loop (asyncio.run in tests and tools)
    connector = _connectors.get(loop)
    if connector is None or connector.closed:
        connector = _connectors[loop] = aiohttp.TCPConnector(
            limit=0, use_dns_cache=False, keepalive_timeout=KEEPALIVE_S)
    auth = (aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
            if self.basic_auth else None)
    return aiohttp.ClientSession(connector=connector, connector_owner=False, headers=self.headers,
                                 auth=auth, timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT))


class SequentialGraphRunner(DaskGraphRunner):
    """Rasa's DaskGraphRunner for the model's predict graph, without dask: the nodes a run needs are
    called in an order worked out once per targets and input names, each with its parents' outputs.
    Dask rebuilt and scheduled the graph for each run, several per message (parse, predictions)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._orders: Dict[Tuple[Tuple[Text, ...], FrozenSet[Text]], List[Text]] = {}

    def _order(self, targets: Tuple[Text, ...], inputs: FrozenSet[Text]) -> List[Text]:
        """The nodes `targets` need, each after the nodes it needs; as in dask, an input stands in
        for a node of its name."""
        if (targets, inputs) not in self._orders:
            nodes, order = self._graph_schema.nodes, []

            def visit(name: Text) -> None:
                if name in order or name in inputs or name not in nodes:
                    return
                for parent in nodes[name].needs.values():
                    visit(parent)
                order.append(name)

            for target in targets:
                visit(target)
            self._orders[(targets, inputs)] = order
        return self._orders[(targets, inputs)]

    def run(self, inputs: Optional[Dict[Text, Any]] = None, targets: Optional[List[Text]] = None
            ) -> Dict[Text, Any]:
        inputs = inputs or {}
        targets = targets or self._graph_schema.target_names
        order = self._order(tuple(targets), frozenset(inputs))
        outputs = {}  # node or input name -> (name, value), the shape GraphNode takes and returns
        for name, value in inputs.items():
            if isinstance(value, str) and value in order:
                raise GraphRunError(f"Input value '{value}' clashes with a node name. Make sure "
                                    f"that none of the input names are node names.")
            outputs[name] = (name, value)
        try:
            for name in order:
                parents = self._graph_schema.nodes[name].needs.values()
                outputs[name] = self._instantiated_nodes[name](*(outputs[p] for p in parents))
            return dict(outputs[target] for target in targets)
        except KeyError as e:
            raise GraphRunError(f"'{e.args[0]}' is neither a node nor an input of this run.") from e
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e


def apply() -> None:
    events.Event.resolve_by_type = staticmethod(resolve_by_type)
    RemoteAction._validate_action_result = validate_action_result
    processor.DaskGraphRunner = SequentialGraphRunner  # the runner of loaded models, not of training
    EndpointConfig.session = endpoint_session


def main() -> int:
    patches.require()  # the patches above are written for the versions of requirements.lock only
    apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
