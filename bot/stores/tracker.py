"""Rasa's SQL tracker store with its two per-message queries in SQLAlchemy Core instead of the ORM.

Every message reads the conversation's latest session and writes the new events back. Rasa 3.6's
`SQLTrackerStore` does both through the ORM: an `SQLEvent` object per stored event on read, and on
write a `count()` of the stored events wrapped around the same session query, then one ORM object
per new event. Profiled over whole assessments that took more of the server's time per message than
the NLU and the policies together. Here the same statements are issued as plain SELECT, COUNT and
one multi-row INSERT on the same engine, each statement built once with the sender as a bound
parameter (not rebuilt, cache key and all, per message), and the rows read are decoded as one JSON
array: same table, same rows, same session rules, so a database written by either store reads the
same in the other (tests/test_tracker_store.py). Figures: docs/benchmarks.md, "Profiling behind the
patches".

On SQLite (bot/endpoints.yml) the file is opened once, not twice per message, in write-ahead-log
mode with `synchronous=NORMAL`: a commit no longer waits for the disk, readers (tests, `sqlite3`) do
not block the server, and a committed message survives the server being killed; only a power cut
or an OS crash can lose the last ones.

Used by bot/endpoints.yml (SQLite) and bot/endpoints-scaled.yml (PostgreSQL) as
`type: bot.stores.tracker.FastSQLTrackerStore`, with the SQL store's own settings.
"""
from __future__ import annotations

import functools
import itertools
import json
from typing import Any, Dict, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY


class FastSQLTrackerStore(SQLTrackerStore):
    """Rasa's `SQLTrackerStore` (same constructor, same table), read and written without the ORM."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            url = self.engine.url
            self.engine.dispose()
            # one connection, kept: the server runs its store in one thread
            self.engine = sa.create_engine(url, future=True, poolclass=sa.pool.SingletonThreadPool)
            sa.event.listen(self.engine, "connect", _write_ahead_log)
            self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)
            self.Base.metadata.create_all(self.engine)  # a new ":memory:" database has no table yet
        else:
            with self.session_scope():  # Rasa's check that POSTGRESQL_SCHEMA exists, once
                pass

    def _events_statement(self, all_sessions: bool, *columns: Any) -> sa.sql.Select:
        """Rasa's `_event_query`: the sender's events in id order, from the latest `SessionStarted`
        on (or all of them when there is none, or `all_sessions`). The sender is bound at execution,
        so the statement is built once per store."""
        events = self.SQLEvent.__table__
        sender_id = sa.bindparam("sender_id")
        statement = sa.select(*columns).where(events.c.sender_id == sender_id)
        if not all_sessions:
            session_start = (
                sa.select(sa.func.max(events.c.timestamp))
                .where(events.c.sender_id == sender_id,
                       events.c.type_name == SessionStarted.type_name)
                .scalar_subquery()
            )
            statement = statement.where(
                sa.or_(events.c.timestamp >= session_start, session_start.is_(None)))
        return statement

    @functools.cached_property
    def _statements(self) -> Dict[Text, sa.sql.Select]:
        events = self.SQLEvent.__table__
        return {
            "latest_session": self._events_statement(False, events.c.data).order_by(events.c.id),
            "all_sessions": self._events_statement(True, events.c.data).order_by(events.c.id),
            "count": self._events_statement(False, sa.func.count()),
        }

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool
                        ) -> Optional[DialogueStateTracker]:
        statement = self._statements["all_sessions" if fetch_events_from_all_sessions
                                     else "latest_session"]
        with self.engine.connect() as connection:
            rows = connection.execute(statement, {"sender_id": sender_id}).scalars().all()
        if not (self.domain and rows):
            return None
        # one JSON array instead of a json.loads per event: half the decoding time
        events = json.loads("[" + ",".join(rows) + "]")
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Appends the events not stored yet: those past the count stored for the latest session."""
        await self.stream_events(tracker)
        with self.engine.begin() as connection:
            stored = connection.execute(self._statements["count"],
                                        {"sender_id": tracker.sender_id}).scalar_one()
            rows = [self._row(tracker.sender_id, event)
                    for event in itertools.islice(tracker.events, stored, None)]
            if rows:
                connection.execute(self.SQLEvent.__table__.insert(), rows)

    @staticmethod
    def _row(sender_id: Text, event: Event) -> Dict[Text, Any]:
        """The columns Rasa's `save` writes for an event."""
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }


def _write_ahead_log(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
