"""What the Slack channel must remember across restarts and replicas, kept where the conversations are.

In the tracker store's database (SQLite by default, PostgreSQL in the scaled set-up), so that every
Rasa server behind the same database agrees. Two kinds of keys, in the table `slack_keys`:
- claimed keys: Slack's event ids and (channel, ts) of messages. The first server to claim one
  answers it; Slack's retries of it, on this server after a restart or on another replica, are not.
- a conversation's live question: the ts of the last message with buttons the bot posted into it.
  A click counts only when it takes that ts, once (compare-and-clear), so a click on an older
  question, or the second of a double click, changes nothing.
And, in the table `slack_kept`, the messages Slack would not take: per conversation, in the order
they were sent, at most MAX_KEPT_MESSAGES (past that the oldest go). Whoever delivers one claims it
first (`claim_kept`), so two servers never post the same one at the same time.

Rows expire (claims after CLAIM_SECONDS, live questions after LIVE_SECONDS, kept messages after
KEPT_SECONDS) and are purged as new ones are written, so the tables stay bounded. Without an SQL
tracker store (Rasa's in-memory one) the same rules hold in this process's memory only.
"""
from __future__ import annotations

import itertools
import json
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any, Callable, Dict, Hashable, List, Optional, Text, Tuple

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
# Undelivered messages kept per conversation: past this the oldest go, with a warning.
MAX_KEPT_MESSAGES = 50
# A kept message not delivered within a day is dropped: the conversation itself stays saved.
KEPT_SECONDS = 24 * 3600.0
# How long a claim on a kept message holds: longer than one post with slack_sdk's retries takes. A
# server that stops while holding one (a crash; a normal stop lets go) delays that conversation's
# kept messages this long.
KEPT_CLAIM_SECONDS = 300.0


@dataclass
class Kept:
    """A message Slack would not take, as the store keeps it."""

    id: int  # its place in the order: a later message has a higher id
    place: Dict[Text, Any]  # where it goes (the channel's Place, as a dict)
    post: Dict[Text, Any]  # what goes: chat.postMessage's arguments
    private: bool
    apologised: bool = False  # the apology for this failure went out before it
    created_at: float = 0.0
    claimed_until: Optional[float] = None


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
        self.kept_messages: Dict[Text, List[Kept]] = {}
        self._ids = itertools.count(1)
        self._writes = 0

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

    def keep(self, conversation: Text, place: Dict[Text, Any], post: Dict[Text, Any],
             private: bool) -> int:
        """Appends a message Slack would not take; returns how many older ones were dropped."""
        now = time.time()
        self._writes += 1
        if self._writes % PURGE_EVERY == 1:  # the expired, in every conversation
            for other, queue in list(self.kept_messages.items()):
                self._set_queue(other, [k for k in queue if not expired(k, now)])
        queue = self.kept_messages.setdefault(conversation, [])
        queue.append(Kept(next(self._ids), place, post, private, created_at=now))
        dropped = max(0, len(queue) - MAX_KEPT_MESSAGES)
        del queue[:dropped]
        return dropped

    def kept(self, conversation: Text) -> List[Kept]:
        """The conversation's kept messages, oldest first."""
        now = time.time()
        return [replace(k) for k in self.kept_messages.get(conversation, []) if not expired(k, now)]

    def kept_conversations(self) -> List[Text]:
        return [c for c in self.kept_messages if self.kept(c)]

    def claim_kept(self, kept_id: int) -> bool:
        """True for the one caller that may deliver the message now (see SQLKeys.claim_kept)."""
        now = time.time()
        for kept in self._find(kept_id):
            if kept.claimed_until is None or kept.claimed_until < now:
                kept.claimed_until = now + KEPT_CLAIM_SECONDS
                return True
        return False

    def release_kept(self, kept_id: int, apologised: bool) -> None:
        """Lets go of a claimed message Slack did not take; apologised: the apology went out."""
        for kept in self._find(kept_id):
            kept.claimed_until = None
            kept.apologised = kept.apologised or apologised

    def delete_kept(self, kept_id: int) -> None:
        for conversation, queue in list(self.kept_messages.items()):
            self._set_queue(conversation, [k for k in queue if k.id != kept_id])

    def _find(self, kept_id: int) -> List[Kept]:
        return [k for queue in self.kept_messages.values() for k in queue if k.id == kept_id]

    def _set_queue(self, conversation: Text, queue: List[Kept]) -> None:
        if queue:
            self.kept_messages[conversation] = queue
        else:
            del self.kept_messages[conversation]


def expired(kept: Kept, now: float) -> bool:
    return kept.created_at < now - KEPT_SECONDS


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
        # the autoincrement id orders a conversation's messages: never reused, in SQLite too
        self.kept_table = sa.Table(
            "slack_kept", self.table.metadata,
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("conversation", sa.String(MAX_KEY), nullable=False, index=True),
            sa.Column("place", sa.Text, nullable=False),
            sa.Column("post", sa.Text, nullable=False),
            sa.Column("private", sa.Boolean, nullable=False),
            sa.Column("apologised", sa.Boolean, nullable=False, default=False),
            sa.Column("created_at", sa.Float, nullable=False, index=True),
            sa.Column("claimed_until", sa.Float, nullable=True),
            sqlite_autoincrement=True,
        )
        self.table.metadata.create_all(engine)
        self._writes = 0

    def _purge(self, connection: Any) -> None:
        self._writes += 1
        if self._writes % PURGE_EVERY == 1:
            now = time.time()
            connection.execute(self.table.delete().where(self.table.c.expires_at < now))
            gone = connection.execute(self.kept_table.delete().where(
                self.kept_table.c.created_at < now - KEPT_SECONDS)).rowcount
            if gone:
                logger.warning("Slack: dropped %d messages not delivered within %.0f hours",
                               gone, KEPT_SECONDS / 3600)

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

    def keep(self, conversation: Text, place: Dict[Text, Any], post: Dict[Text, Any],
             private: bool) -> int:
        """Appends a message Slack would not take; returns how many older ones were dropped."""
        conversation = conversation[:MAX_KEY]
        table = self.kept_table
        with self.engine.begin() as connection:
            self._purge(connection)
            connection.execute(table.insert().values(
                conversation=conversation, place=json.dumps(place), post=json.dumps(post),
                private=private, apologised=False, created_at=time.time(), claimed_until=None))
            surplus = connection.execute(
                sa.select(table.c.id).where(table.c.conversation == conversation)
                .order_by(table.c.id.desc()).offset(MAX_KEPT_MESSAGES)).scalars().all()
            if surplus:
                connection.execute(table.delete().where(table.c.id.in_(surplus)))
        return len(surplus)

    def kept(self, conversation: Text) -> List[Kept]:
        """The conversation's kept messages, oldest first."""
        table = self.kept_table
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(table).where(
                table.c.conversation == conversation[:MAX_KEY],
                table.c.created_at >= time.time() - KEPT_SECONDS).order_by(table.c.id)).all()
        return [Kept(row.id, json.loads(row.place), json.loads(row.post), row.private, row.apologised,
                     row.created_at, row.claimed_until) for row in rows]

    def kept_conversations(self) -> List[Text]:
        table = self.kept_table
        with self.engine.connect() as connection:
            return connection.execute(sa.select(table.c.conversation).distinct().where(
                table.c.created_at >= time.time() - KEPT_SECONDS)).scalars().all()

    def claim_kept(self, kept_id: int) -> bool:
        """True for the one caller that may deliver the message now.

        Compare-and-set in one statement: the row is taken when it is unclaimed or its claim ran out,
        and of two servers running this at once the database lets one change the row (rowcount 1);
        the other sees it claimed (rowcount 0) and leaves the conversation to the first. The claim
        is let go (release_kept) when Slack refuses the post and the row deleted once it is taken, so
        a message is posted twice only when a server stops between Slack's answer and the delete (or
        one post outlasts KEPT_CLAIM_SECONDS).
        """
        now = time.time()
        table = self.kept_table
        with self.engine.begin() as connection:
            return connection.execute(table.update().where(
                table.c.id == kept_id,
                sa.or_(table.c.claimed_until.is_(None), table.c.claimed_until < now),
            ).values(claimed_until=now + KEPT_CLAIM_SECONDS)).rowcount == 1

    def release_kept(self, kept_id: int, apologised: bool) -> None:
        """Lets go of a claimed message Slack did not take; apologised: the apology went out."""
        table = self.kept_table
        values = {"claimed_until": None, **({"apologised": True} if apologised else {})}
        with self.engine.begin() as connection:
            connection.execute(table.update().where(table.c.id == kept_id).values(**values))

    def delete_kept(self, kept_id: int) -> None:
        with self.engine.begin() as connection:
            connection.execute(self.kept_table.delete().where(self.kept_table.c.id == kept_id))


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
