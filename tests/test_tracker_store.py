"""bot/stores/tracker.py: the same conversations as Rasa's SQLTrackerStore, in the same table.

Both stores work on one SQLite file here: what one writes the other must read back event for event,
with Rasa's rules for sessions (a retrieve returns the latest session; a save appends only what is
not stored yet). The endpoints files must really name it: Rasa falls back to an in-memory store,
with only a warning, when a custom tracker store cannot be imported.
"""
from __future__ import annotations

import asyncio
import sqlite3

import pytest
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.core.utils import AvailableEndpoints
from rasa.shared.core.domain import Domain
from rasa.core.brokers.broker import EventBroker
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.runtime import launch
from bot.stores.tracker import FastSQLTrackerStore

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [greet, answer]
slots:
  stage:
    type: text
    mappings: [{type: custom}]
""")


def run(coroutine):
    return asyncio.run(coroutine)


def conversation(sender: str, turns: int, start: float = 1000.0):
    """A tracker with `turns` user turns, each with a slot set, in one session."""
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    tracker.update(ActionExecuted("action_session_start", timestamp=start))
    tracker.update(SessionStarted(timestamp=start))
    tracker.update(ActionExecuted("action_listen", timestamp=start))
    for turn in range(turns):
        at = start + 1 + turn
        tracker.update(UserUttered(f"message {turn}", {"name": "answer", "confidence": 0.9},
                                   parse_data={"text": f"message {turn}",
                                               "intent": {"name": "answer", "confidence": 0.9}},
                                   timestamp=at))
        tracker.update(SlotSet("stage", f"stage {turn}", timestamp=at))
        tracker.update(ActionExecuted("action_listen", timestamp=at))
    return tracker


@pytest.fixture
def stores(tmp_path):
    db = str(tmp_path / "tracker.db")
    return (FastSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=db),
            SQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=db), db)


def dumped(tracker):
    return [event.as_dict() for event in tracker.events]


@pytest.mark.parametrize("writer, reader", [(0, 1), (1, 0), (0, 0)])
def test_what_one_store_writes_the_other_reads_back(stores, writer, reader):
    original = conversation("ana", turns=3)
    run(stores[writer].save(original))
    back = run(stores[reader].retrieve("ana"))
    assert dumped(back) == dumped(original)
    assert back.get_slot("stage") == "stage 2"
    assert run(stores[reader].retrieve("nobody")) is None


def test_the_rows_are_those_rasa_writes(stores, tmp_path):
    fast, rasa, db = stores
    run(fast.save(conversation("ana", turns=2)))
    run(rasa.save(conversation("bea", turns=2)))
    with sqlite3.connect(db) as connection:
        rows = {sender: connection.execute(
            "SELECT type_name, timestamp, intent_name, action_name, data FROM events "
            "WHERE sender_id = ? ORDER BY id", (sender,)).fetchall() for sender in ("ana", "bea")}
    assert len(rows["ana"]) == 3 + 2 * 3
    assert rows["ana"] == [tuple(c.replace("bea", "ana") if isinstance(c, str) else c for c in row)
                           for row in rows["bea"]]
    assert ("user", 1001.0, "answer", None) == rows["ana"][3][:4]


def test_sqlite_is_opened_once_in_write_ahead_log_mode(stores):
    fast, _, db = stores
    run(fast.save(conversation("ana", turns=1)))
    with fast.engine.connect() as first, fast.engine.connect() as second:
        assert first.connection.dbapi_connection is second.connection.dbapi_connection
        assert first.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    with sqlite3.connect(db) as reader:  # another process's view, while the store stays open
        assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert reader.execute("SELECT COUNT(*) FROM events").fetchone() == (6,)


def test_a_save_appends_only_the_new_events(stores):
    fast, rasa, db = stores
    tracker = conversation("ana", turns=1)
    run(fast.save(tracker))
    run(fast.save(tracker))  # nothing new: nothing written
    tracker = run(fast.retrieve("ana"))
    tracker.update(UserUttered("again", {"name": "greet", "confidence": 1.0}, timestamp=2000.0))
    run(fast.save(tracker))
    with sqlite3.connect(db) as connection:
        (count,) = connection.execute("SELECT COUNT(*) FROM events").fetchone()
    assert count == len(tracker.events) == 3 + 3 + 1
    assert dumped(run(rasa.retrieve("ana"))) == dumped(tracker)


def test_each_sender_reads_and_counts_only_its_own_events(stores):
    fast, rasa, _ = stores
    ana, ben = conversation("ana", turns=2), conversation("ben", turns=1, start=1500.0)
    run(fast.save(ana))
    run(fast.save(ben))
    run(fast.save(ana))  # ben's rows must not count as ana's stored events
    for store in (fast, rasa):
        assert dumped(run(store.retrieve("ana"))) == dumped(ana)
        assert dumped(run(store.retrieve("ben"))) == dumped(ben)
    assert run(fast.retrieve("carl")) is None


def test_a_retrieve_returns_the_latest_session_and_the_full_tracker_all(stores):
    fast, rasa, _ = stores
    first = conversation("ana", turns=2, start=1000.0)
    run(fast.save(first))
    second = run(fast.retrieve("ana"))
    second.update(ActionExecuted("action_session_start", timestamp=5000.0))
    second.update(SessionStarted(timestamp=5000.0))
    second.update(ActionExecuted("action_listen", timestamp=5000.0))
    run(fast.save(second))
    for store in (fast, rasa):
        latest = run(store.retrieve("ana"))
        assert dumped(latest) == dumped(second)[-3:]
        assert dumped(run(store.retrieve_full_tracker("ana"))) == dumped(second)
    # a save after a session start appends to the new session only
    latest = run(fast.retrieve("ana"))
    latest.update(UserUttered("hi", {"name": "greet", "confidence": 1.0}, timestamp=5001.0))
    run(fast.save(latest))
    assert dumped(run(rasa.retrieve_full_tracker("ana"))) == dumped(second) + dumped(latest)[-1:]
    assert sorted(run(fast.keys())) == ["ana"]


class RecordingBroker(EventBroker):
    def __init__(self):
        self.published = []

    def publish(self, event):
        self.published.append(event)


def test_new_events_go_to_the_event_broker_as_rasa_sends_them(tmp_path):
    published = []
    for store_class in (FastSQLTrackerStore, SQLTrackerStore):
        broker = RecordingBroker()
        db = str(tmp_path / f"{store_class.__name__}.db")
        store = store_class(domain=DOMAIN, dialect="sqlite", db=db, event_broker=broker)
        tracker = conversation("ana", turns=1)
        run(store.save(tracker))
        tracker.update(UserUttered("again", {"name": "greet", "confidence": 1.0}, timestamp=2000.0))
        run(store.save(tracker))
        published.append(broker.published)
    assert len(published[0]) == len(conversation("ana", turns=1).events) + 1
    assert published[0] == published[1]


def test_an_in_memory_sqlite_store_works():
    store = FastSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=":memory:")
    run(store.save(conversation("ana", turns=1)))
    assert dumped(run(store.retrieve("ana"))) == dumped(conversation("ana", turns=1))


@pytest.mark.parametrize("endpoints", [launch.ENDPOINTS, launch.SCALED_ENDPOINTS])
def test_the_endpoints_files_name_this_store(endpoints, monkeypatch, tmp_path):
    for name in ("ACTION_SERVER_URL", "DB_HOST", "DB_PORT", "DB_DATABASE", "DB_USER", "DB_PASSWORD",
                 "REDIS_HOST", "REDIS_PORT", "REDIS_DB", "REDIS_PASSWORD", "ACTION_PORT"):
        monkeypatch.setenv(name, "1")
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "tracker.db"))
    config = AvailableEndpoints.read_endpoints(str(endpoints)).tracker_store
    assert config.type == "bot.stores.tracker.FastSQLTrackerStore"
    if config.kwargs["dialect"] == "sqlite":  # PostgreSQL is tests/test_scale_out.py's
        store = TrackerStore.create(config, domain=DOMAIN)
        assert isinstance(store, FastSQLTrackerStore)
