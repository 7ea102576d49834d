"""What the Slack channel must remember across restarts and replicas, kept where the conversations are.

Two kinds of keys, in one table of the tracker store's database (SQLite by default, PostgreSQL in the
scaled set-up), so that every Rasa server behind the same database agrees:
- claimed keys: Slack's event ids and (channel, ts) of messages. The first server to claim one
  answers it; Slack's retries of it, on this server after a restart or on another replica, are not.
- a conversation's live question: the ts of the last message with buttons the bot posted into it.
  A click counts only when it takes that ts, once (compare-and-clear), so a click on an older
  question, or the second of a double click, changes nothing.

Rows expire (claims after CLAIM_SECONDS, live questions after LIVE_SECONDS) and are purged as new
ones are written, so the table stays bounded. Without an SQL tracker store (Rasa's in-memory one)
the same rules hold in this process's memory only.
"""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from typing import Any, Callable, Hashable, Optional, Text, Tuple

import sqlalchemy as sa

logger = logging.getLogger(__name__)

# Slack retries an event three times within about five minutes; an hour covers that with room.
CLAIM_SECONDS = 3600.0
# An unanswered question's buttons stay live this long.
LIVE_SECONDS = 7 * 24 * 3600.0
# Expired rows are deleted on every this many writes: cheap, and the table never grows past
# what one expiry period writes.
PURGE_EVERY = 100
MAX_KEY = 255


class RecentKeys:
    """Remembers keys for `ttl` seconds, at most `size` of them, so memory stays bounded."""

    def __init__(self, ttl: float = CLAIM_SECONDS, size: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl, self.size, self.clock = ttl, size, clock
        self._seen: "OrderedDict[Hashable, float]" = OrderedDict()

    def add(self, key: Hashable) -> bool:
        """Records key; False when it was seen before."""
        now = self.clock()
        while self._seen and (len(self._seen) >= self.size
                              or next(iter(self._seen.values())) < now - self.ttl):
            self._seen.popitem(last=False)
        if key in self._seen:
            return False
        self._seen[key] = now
        return True

    def __len__(self) -> int:
        return len(self._seen)


class MemoryKeys:
    """The store's rules in this process only: for a tracker store that is not SQL."""

    def __init__(self) -> None:
        self.claimed = RecentKeys()
        self.live: "OrderedDict[Text, Tuple[Text, Text]]" = OrderedDict()

    def claim(self, key: Text) -> bool:
        return self.claimed.add(key)

    def set_live(self, conversation: Text, ts: Text, text: Text) -> None:
        self.live.pop(conversation, None)
        self.live[conversation] = (ts, text)
        while len(self.live) > 10_000:
            self.live.popitem(last=False)

    def take_live(self, conversation: Text, ts: Text) -> Optional[Text]:
        if ts and self.live.get(conversation, ("", ""))[0] == ts:
            return self.live.pop(conversation)[1]
        return None


class SQLKeys:
    """The store in an SQL database (the tracker store's engine): see the module docstring."""

    def __init__(self, engine: sa.engine.Engine) -> None:
        self.engine = engine
        self.table = sa.Table(
            "slack_keys", sa.MetaData(),
            sa.Column("key", sa.String(MAX_KEY), primary_key=True),
            sa.Column("value", sa.String(MAX_KEY), nullable=False, default=""),
            sa.Column("text", sa.Text, nullable=False, default=""),
            sa.Column("expires_at", sa.Float, nullable=False, index=True),
        )
        self.table.metadata.create_all(engine)
        self._writes = 0

    def _purge(self, connection: Any) -> None:
        self._writes += 1
        if self._writes % PURGE_EVERY == 1:
            connection.execute(self.table.delete().where(self.table.c.expires_at < time.time()))

    def claim(self, key: Text) -> bool:
        key = key[:MAX_KEY]
        now = time.time()
        table = self.table
        try:
            with self.engine.begin() as connection:
                self._purge(connection)
                # an expired claim of the same key counts as gone
                connection.execute(table.delete().where(table.c.key == key,
                                                        table.c.expires_at < now))
                connection.execute(table.insert().values(key=key, value="", text="",
                                                         expires_at=now + CLAIM_SECONDS))
            return True
        except sa.exc.IntegrityError:
            return False

    def set_live(self, conversation: Text, ts: Text, text: Text) -> None:
        key = f"live:{conversation}"[:MAX_KEY]
        with self.engine.begin() as connection:
            self._purge(connection)
            connection.execute(self.table.delete().where(self.table.c.key == key))
            connection.execute(self.table.insert().values(
                key=key, value=ts, text=text, expires_at=time.time() + LIVE_SECONDS))

    def take_live(self, conversation: Text, ts: Text) -> Optional[Text]:
        """The question's text when ts is the conversation's live question, which it no longer is."""
        if not ts:
            return None
        key = f"live:{conversation}"[:MAX_KEY]
        table = self.table
        with self.engine.begin() as connection:
            row = connection.execute(sa.select(table.c.text).where(
                table.c.key == key, table.c.value == ts)).first()
            # compare-and-clear in one statement: of two servers taking it, one changes the row
            taken = connection.execute(table.update().where(
                table.c.key == key, table.c.value == ts).values(value="")).rowcount
        return row.text if row is not None and taken == 1 else None


def for_tracker_store(tracker_store: Any) -> Any:
    """SQLKeys on the tracker store's database, or MemoryKeys when it has none."""
    # Rasa 3.6.21 (pinned) wraps the configured store in AwaitableTrackerStore, whose private
    # `_tracker_store` is the SQL store; tests/test_slack.py's restart test fails if that changes.
    inner = getattr(tracker_store, "_tracker_store", tracker_store)
    engine = getattr(inner, "engine", None)
    if isinstance(engine, sa.engine.Engine):
        return SQLKeys(engine)
    logger.warning("The tracker store is not SQL: Slack's retries and clicks are de-duplicated in "
                   "this process only.")
    return MemoryKeys()
