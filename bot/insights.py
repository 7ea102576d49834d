"""Insights for whoever runs the advisor: where people leave the assessment, what the bot misunderstood,
what it recommends. Read from the conversations already in the tracker store.

    GET /insights                 one HTML page, its charts drawn here as inline SVG (no script, no CDN)
    GET /insights.json            the same figures
    GET /insights/to_label.yml    the misunderstood messages as Rasa NLU training data, to relabel

All three take `?since=` and `?until=` (ISO dates or date-times, UTC; a date alone as `until` counts
that whole day) and `?channel=` (shell, rest, socketio, slack), and need the Rasa server's API token
(`?token=` as Rasa's HTTP API, or `Authorization: Bearer`): a 401 without it.

The figures come from plain SQL over Rasa's `events` table (SQLite or PostgreSQL), reading only the
columns and the few JSON fields each figure needs; no tracker is ever rebuilt. What counts as what:
- a conversation: a sender with a user message in the window; its channel is its first message's;
- an assessment started: the form activated (an `active_loop` event named assessment_form);
- completed: a `recommendation` slot set by action_recommend after a start (a result carried over
  into a new session by action_session_start is not a new one);
- stopped: no result, and after the last start the user said stop (or goodbye) and the form closed;
- dropped_at: neither; the question last asked (the last `requested_slot` value);
- recommendations: each conversation's latest result; `decided_by_constraint`: those whose message
  says the answers alone leaned the other way (the knowledge file's `constrained_startup_advice`),
  i.e. a hard constraint changed the outcome, not merely held;
- unread answers: `unclear_slot` set to a question (the first miss; the user text is the message
  before it);
- fallbacks: user messages whose intent is nlu_fallback or out_of_scope;
- changed answers: a `change_answer` message and the question slot cleared in its turn or, when it
  named none and the form asked which, in the next one;
- factors asked: `ask_factor` messages by their factor entity (`unnamed` without one);
- median turns to result: user messages after the start that led to the first result, up to and
  including the one that produced it.

User text appears only on the page and in the export, with emails, phone numbers and URLs masked;
nothing here logs it. TRACKER_RETENTION_DAYS (unset: keep everything) deletes conversations whose
last event is older than that, when the server starts and then daily.

    python -m bot.insights export [--out var/to_label.yml]   # make insights-export
    python -m bot.insights retention                         # TRACKER_RETENTION_DAYS, once
"""
from __future__ import annotations

import argparse
import asyncio
import bisect
import functools
import hmac
import html
import json
import logging
import os
import re
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import sqlalchemy as sa
import yaml

from actions.knowledge import default


logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
NLU_DATA = ROOT / "data" / "nlu"
KNOWLEDGE = ROOT / "knowledge" / "career.yml"
EXPORT = ROOT / "var" / "to_label.yml"
FORM = "assessment_form"
# Query names the filter accepts -> the input_channel Rasa stores (the shell is Rasa's "cmdline").
CHANNELS = {"shell": "cmdline", "rest": "rest", "socketio": "socketio", "slack": "slack"}
CHANNEL_NAMES = {stored: name for name, stored in CHANNELS.items()}
FALLBACK_INTENTS = ("nlu_fallback", "out_of_scope")
STOP_INTENTS = ("stop", "goodbye")
RECOMMENDATIONS = ("startup", "big_tech", "either")
MAX_EXAMPLES = 10
# Events looked up by id per statement (the ids are written into it), and senders per statement
# (bound: SQLite's old builds take at most 999 parameters).
CHUNK = 5000
SENDER_CHUNK = 900
RETENTION_INTERVAL_SECONDS = 24 * 60 * 60
INDEX_NAME = "ix_events_insights"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+"
                 r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|ai|dev|co|edu|gov|app|me|info|uk|de)\b(?:/\S*)?",
                 re.IGNORECASE)
# digits with the separators people type; mask() takes seven digits or more as a phone number.
# One unbounded repeat only: nested ones backtrack exponentially on a long run of digits.
PHONE = re.compile(r"(?<![\w.])\+?\(?\d[\d ().-]*\d(?!\w)")


def mask(text: str) -> str:
    """The text with emails, URLs and phone numbers replaced by <email>, <url>, <phone>."""
    text = EMAIL.sub("<email>", text)
    text = URL.sub("<url>", text)
    return PHONE.sub(lambda m: "<phone>" if sum(c.isdigit() for c in m.group()) >= 7 else m.group(),
                     text)


# ---------------------------------------------------------------------------------------------------
# The query window


@dataclass(frozen=True)
class Window:
    since: Optional[datetime] = None
    until: Optional[datetime] = None
    channel: Optional[str] = None  # a key of CHANNELS

    @property
    def bounds(self) -> Dict[str, float]:
        return {"since": self.since.timestamp() if self.since else float("-inf"),
                "until": self.until.timestamp() if self.until else float("inf")}

    def as_dict(self) -> Dict[str, Optional[str]]:
        return {"since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "channel": self.channel}


def _parse_time(value: str, end_of_day: bool) -> datetime:
    value = value.strip()
    try:
        if len(value) == 10:  # a date alone
            day = date.fromisoformat(value)
            moment = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
            return moment + timedelta(days=1) if end_of_day else moment
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (2026-12-01) or date-time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def parse_window(args: Dict[str, Sequence[str]]) -> Window:
    """The window from query arguments; ValueError names what is wrong."""
    def one(name: str) -> Optional[str]:
        values = args.get(name)
        if isinstance(values, (list, tuple)):
            values = values[0] if values else None
        return values or None

    channel = one("channel")
    if channel is not None and channel not in CHANNELS:
        raise ValueError(f"channel must be one of: {', '.join(CHANNELS)}")
    since = one("since")
    until = one("until")
    window = Window(_parse_time(since, False) if since else None,
                    _parse_time(until, True) if until else None, channel)
    if window.since and window.until and window.since >= window.until:
        raise ValueError("since must be before until")
    return window


# ---------------------------------------------------------------------------------------------------
# Reading the events table


class Insights:
    """The figures, from one SQL database holding Rasa's `events` table."""

    def __init__(self, engine: sa.engine.Engine) -> None:
        self.engine = engine
        self.postgres = engine.dialect.name == "postgresql"

    def json(self, column: str, path: str) -> str:
        """SQL for a JSON field of a text column, as text (SQL NULL for JSON null)."""
        if self.postgres:
            return f"(CAST({column} AS json) #>> '{{{path.replace('.', ',')}}}')"
        return f"json_extract({column}, '$.{path}')"

    def ensure_index(self) -> None:
        """An index on the columns every figure filters by, so that none reads the whole table.

        Rasa indexes the events by sender only; this one costs each stored event one more index
        entry. A new database gets Rasa's table first, as the store would create it."""
        from rasa.core.tracker_store import SQLTrackerStore

        try:
            SQLTrackerStore.Base.metadata.create_all(self.engine)
            with self.engine.begin() as connection:
                connection.execute(sa.text(
                    f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON events "
                    "(type_name, action_name, intent_name, sender_id, timestamp)"))
        except sa.exc.DBAPIError as error:
            # Several servers starting on one PostgreSQL database race to create it; one wins.
            # Without it the figures are the same, only slower.
            logger.warning("Insights index %s not created here: %s", INDEX_NAME,
                           type(error.orig).__name__)

    def _rows(self, connection, sql: str, window: Window, **params: Any) -> List[tuple]:
        # The driver's own cursor: SQLAlchemy's row objects cost more than the query here.
        if self.postgres:  # psycopg2 names parameters %(name)s
            sql = re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql)
        cursor = connection.connection.cursor()
        try:
            cursor.execute(sql, {**window.bounds, **params})
            return cursor.fetchall()
        finally:
            cursor.close()

    def _by_ids(self, connection, columns: str, ids: Iterable[int]) -> Dict[int, tuple]:
        # ids are integers read from the table: written into the statement, no parameter limit
        ids = sorted({int(i) for i in ids})
        found: Dict[int, tuple] = {}
        for start in range(0, len(ids), CHUNK):
            listed = ",".join(map(str, ids[start:start + CHUNK]))
            for row in self._rows(connection, f"SELECT id, {columns} FROM events WHERE id IN ({listed})",
                                  Window()):
                found[row[0]] = tuple(row[1:])
        return found

    def _read(self, window: Window) -> "_Read":
        time = "timestamp >= :since AND timestamp < :until"
        read = _Read()
        with self.engine.connect() as connection:
            users: Dict[str, List[int]] = defaultdict(list)
            for sender, event_id, intent in self._rows(connection, f"""
                    SELECT sender_id, id, intent_name FROM events
                    WHERE type_name = 'user' AND {time} ORDER BY id""", window):
                users[sender].append(event_id)
                read.intent[event_id] = intent
            # a conversation's channel is its first message's in the window
            first = self._by_ids(connection, self.json("data", "input_channel"),
                                 [ids[0] for ids in users.values()])
            for sender, ids in users.items():
                channel = first.get(ids[0], (None,))[0]
                name = CHANNEL_NAMES.get(channel, channel or "unknown")
                if window.channel is None or name == window.channel:
                    read.channel[sender] = name
                    read.users[sender] = ids
            wanted = read.channel
            for sender, event_id, type_name, name in self._rows(connection, f"""
                    SELECT sender_id, id, type_name, action_name FROM events
                    WHERE (type_name = 'active_loop' OR (type_name = 'action' AND action_name IN
                           ('action_recommend', 'action_session_start', 'action_change_answer')))
                      AND {time} ORDER BY id""", window):
                if sender in wanted:
                    read.markers[sender].append((event_id, type_name, name))
            for sender, event_id, slot, value in self._rows(connection, f"""
                    SELECT sender_id, id, action_name, {self.json('data', 'value')} FROM events
                    WHERE type_name = 'slot' AND action_name IN ('recommendation', 'unclear_slot')
                      AND {time} ORDER BY id""", window):
                if sender in wanted and value is not None:
                    read.slots[sender].append((event_id, slot, value))
            # the last question asked; its value is read below, only where someone left
            for sender, event_id in self._rows(connection, f"""
                    SELECT sender_id, MAX(id) FROM events
                    WHERE type_name = 'slot' AND action_name = 'requested_slot' AND {time}
                    GROUP BY sender_id""", window):
                if sender in wanted:
                    read.last_asked_event[sender] = event_id
            changers = [s for s, ids in read.users.items()
                        if any(read.intent[i] == "change_answer" for i in ids)]
            if changers:
                questions = ", ".join(f"'{q}'" for q in default().questions)
                statement = sa.text(f"""
                    SELECT sender_id, id, action_name FROM events
                    WHERE type_name = 'slot' AND action_name IN ({questions})
                      AND sender_id IN :senders AND {self.json('data', 'value')} IS NULL
                      AND {time} ORDER BY id""").bindparams(sa.bindparam("senders", expanding=True))
                for start in range(0, len(changers), SENDER_CHUNK):
                    for sender, event_id, slot in connection.execute(
                            statement, {**window.bounds, "senders": changers[start:start + SENDER_CHUNK]}):
                        read.cleared[sender].append((event_id, slot))
            read.compute(self, window, connection)
        return read

    def last_asked(self, connection, sender: str, window: Window) -> Optional[str]:
        """The last question asked in a conversation whose latest requested_slot event is null."""
        return connection.execute(sa.text(f"""
            SELECT {self.json('data', 'value')} FROM events
            WHERE sender_id = :sender AND type_name = 'slot' AND action_name = 'requested_slot'
              AND {self.json('data', 'value')} IS NOT NULL
              AND timestamp >= :since AND timestamp < :until
            ORDER BY id DESC LIMIT 1"""), {**window.bounds, "sender": sender}).scalar()

    def figures(self, window: Window = Window()) -> Dict[str, Any]:
        """The figures of /insights.json."""
        return self._read(window).figures

    def misunderstood(self, window: Window = Window()) -> List[Dict[str, Any]]:
        """Every fallback and unread answer: masked text, the intent given, why, how often."""
        return self._read(window).misunderstood

    def delete_older_than(self, days: float, now: Optional[datetime] = None) -> int:
        """Deletes the conversations whose last event is older than `days`; returns how many."""
        cutoff = ((now or datetime.now(timezone.utc)) - timedelta(days=days)).timestamp()
        old = "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"
        with self.engine.begin() as connection:
            senders = connection.execute(sa.text(old), {"cutoff": cutoff}).scalars().all()
            for start in range(0, len(senders), SENDER_CHUNK):
                connection.execute(
                    sa.text("DELETE FROM events WHERE sender_id IN :senders").bindparams(
                        sa.bindparam("senders", expanding=True)),
                    {"senders": senders[start:start + SENDER_CHUNK]})
        return len(senders)


@functools.lru_cache(maxsize=1)
def _constrained_text() -> Optional[str]:
    """What the result's message says when a constraint, not the answers, decided it."""
    try:
        advice = yaml.safe_load(KNOWLEDGE.read_text())["recommendation"]["constrained_startup_advice"]
    except (OSError, KeyError, TypeError):
        return None
    return " ".join(str(advice).split())


class _Read:
    """What the queries returned, per conversation, and the figures made from it."""

    def __init__(self) -> None:
        self.channel: Dict[str, str] = {}
        self.users: Dict[str, List[int]] = defaultdict(list)
        self.intent: Dict[int, Optional[str]] = {}
        self.markers: Dict[str, List[Tuple[int, str, Optional[str]]]] = defaultdict(list)
        self.slots: Dict[str, List[Tuple[int, str, Any]]] = defaultdict(list)
        self.last_asked_event: Dict[str, int] = {}
        self.cleared: Dict[str, List[Tuple[int, str]]] = defaultdict(list)
        self.texts: Dict[int, tuple] = {}
        self.misunderstood: List[Dict[str, Any]] = []
        self.unread: List[Tuple[int, str]] = []  # (user event id, question)
        self.factor_messages: List[int] = []

    def compute(self, insights: Insights, window: Window, connection) -> None:
        """The figures and the misunderstood messages, reading a few more events by id."""
        self.fetch = lambda ids, columns: insights._by_ids(connection, columns, ids)
        self.ask = lambda sender: insights.last_asked(connection, sender, window)
        self.figure_texts(insights)
        self.figures = self.count(insights, window)

    def figure_texts(self, insights: Insights) -> None:
        """Reads the texts and entities of the few messages the figures show, by id."""
        questions = default().questions
        for sender, slots in self.slots.items():
            users = self.users.get(sender, [])
            for event_id, slot, value in slots:
                if slot == "unclear_slot" and value in questions:
                    before = bisect.bisect_left(users, event_id)
                    if before:
                        self.unread.append((users[before - 1], value))
        fallbacks = [i for ids in self.users.values() for i in ids
                     if self.intent[i] in FALLBACK_INTENTS]
        self.factor_messages = [i for ids in self.users.values() for i in ids
                                if self.intent[i] == "ask_factor"]
        wanted = fallbacks + [i for i, _ in self.unread] + self.factor_messages
        self.texts = self.fetch(wanted, ", ".join([
            insights.json("data", "text"), insights.json("data", "parse_data.intent_ranking"),
            insights.json("data", "parse_data.entities")]))
        grouped: Dict[Tuple[str, str, Optional[str]], Counter] = defaultdict(Counter)
        given: Dict[Tuple[str, str, Optional[str]], str] = {}
        for event_id in fallbacks:
            text, ranking, _ = self.texts.get(event_id, (None, None, None))
            key = (mask(text or ""), self.intent[event_id], None)
            grouped[key]["count"] += 1
            given[key] = _given_intent(self.intent[event_id], ranking)
        for event_id, question in self.unread:
            text, ranking, _ = self.texts.get(event_id, (None, None, None))
            key = (mask(text or ""), "unread_answer", question)
            grouped[key]["count"] += 1
            given[key] = _given_intent(self.intent[event_id], ranking)
        self.misunderstood = sorted(
            ({"text": text, "reason": reason, "question": question, "intent": given[(text, reason, question)],
              "count": counts["count"]}
             for (text, reason, question), counts in grouped.items() if text),
            key=lambda m: (-m["count"], m["reason"], m["text"]))

    def count(self, insights: Insights, window: Window) -> Dict[str, Any]:
        started = completed = stopped = 0
        dropped: List[str] = []  # senders
        turns: List[int] = []
        latest_result: Dict[str, Tuple[str, int, int]] = {}  # value, its action's id, its own id
        for sender in self.channel:
            users = self.users.get(sender, [])
            markers = self.markers.get(sender, [])
            starts = [i for i, t, n in markers if t == "active_loop" and n == FORM]
            ends = [i for i, t, n in markers if t == "active_loop" and n is None]
            actions = [(i, n) for i, t, n in markers if t == "action"]
            results = []
            for event_id, slot, value in self.slots.get(sender, []):
                if slot != "recommendation":
                    continue
                # the closest action before it: action_recommend, or a new session carrying it over
                before = [(i, n) for i, n in actions if i < event_id and n != "action_change_answer"]
                if before and before[-1][1] == "action_recommend":
                    results.append((event_id, value))
                    latest_result[sender] = (value, before[-1][0], event_id)
            if not starts:
                continue
            started += 1
            after_start = [(i, v) for i, v in results if i > starts[0]]
            if after_start:
                completed += 1
                first_id = after_start[0][0]
                start = max(i for i in starts if i < first_id)
                turns.append(bisect.bisect_left(users, first_id) - bisect.bisect_right(users, start))
                continue
            last_start = starts[-1]
            stops = [i for i in users if i > last_start and self.intent[i] in STOP_INTENTS]
            if stops and any(i > stops[0] for i in ends):
                stopped += 1
            else:
                dropped.append(sender)
        dropped_at = self._dropped_at(insights, window, dropped)

        # The result's message lies between its action and its slot event: one look-up by id each.
        between = {i: sender for sender, (_, action_id, slot_id) in latest_result.items()
                   for i in range(action_id + 1, slot_id)}
        marker = _constrained_text()
        decided = {between[i] for i, (sender, text, _) in self.fetch(
                       between, f"sender_id, {insights.json('data', 'text')}, type_name").items()
                   if sender == between[i] and marker and marker in " ".join(str(text).split())}
        recommendations = Counter(value for value, _, _ in latest_result.values())
        unread = Counter(question for _, question in self.unread)
        examples: Dict[str, List[str]] = defaultdict(list)
        for m in self.misunderstood:
            if m["reason"] == "unread_answer" and len(examples[m["question"]]) < MAX_EXAMPLES:
                examples[m["question"]].append(m["text"])
        fallback_counts = Counter(self.intent[i] for ids in self.users.values() for i in ids
                                  if self.intent[i] in FALLBACK_INTENTS)
        factors: Counter = Counter()
        for event_id in self.factor_messages:
            _, _, entities = self.texts.get(event_id, (None, None, None))
            named = [e.get("value") for e in _json_list(entities) if e.get("entity") == "factor"]
            factors[named[0] if named else "unnamed"] += 1
        return {
            "window": window.as_dict(),
            "conversations": len(self.channel),
            "user_messages": sum(len(ids) for ids in self.users.values()),
            "assessments": {"started": started, "completed": completed, "stopped": stopped,
                            "dropped_at": _ordered(dropped_at, default().questions)},
            "unread_answers": _ordered(unread, default().questions),
            "unread_examples": {q: examples[q] for q in default().questions if examples.get(q)},
            "fallbacks": {
                "total": sum(fallback_counts.values()),
                **{intent: fallback_counts[intent] for intent in FALLBACK_INTENTS},
                "examples": [{"text": m["text"], "intent": m["reason"], "count": m["count"]}
                             for m in self.misunderstood if m["reason"] in FALLBACK_INTENTS
                             ][:MAX_EXAMPLES],
            },
            "recommendations": {**{r: recommendations[r] for r in RECOMMENDATIONS},
                                "decided_by_constraint": len(decided)},
            "changed_answers": _ordered(self._changed(), default().questions),
            "median_turns_to_result": statistics.median(turns) if turns else None,
            "factors_asked": dict(factors.most_common()),
            "channels": dict(Counter(self.channel.values()).most_common()),
        }

    def _dropped_at(self, insights: Insights, window: Window, senders: List[str]) -> Counter:
        asked = self.fetch([self.last_asked_event[s] for s in senders if s in self.last_asked_event],
                           f"sender_id, {insights.json('data', 'value')}")
        last = {sender: value for sender, value in asked.values()}
        counts: Counter = Counter()
        for sender in senders:
            question = last.get(sender)
            if question is None and sender in self.last_asked_event:  # rare: the form closed
                question = self.ask(sender)
            counts[question or "unknown"] += 1
        return counts

    def _changed(self) -> Counter:
        changed: Counter = Counter()
        for sender, cleared in self.cleared.items():
            users = self.users[sender]
            for index, event_id in enumerate(users):
                if self.intent[event_id] != "change_answer":
                    continue
                # its own turn, or the next one when the form had to ask which answer
                until = users[index + 2] if index + 2 < len(users) else float("inf")
                named = next((slot for i, slot in cleared if event_id < i < until), None)
                if named:
                    changed[named] += 1
        return changed


def _ordered(counts: Counter, order: Sequence[str]) -> Dict[str, int]:
    known = {key: counts[key] for key in order if counts.get(key)}
    return {**known, **{key: n for key, n in counts.items() if key not in known and n}}


def _json_list(value: Any) -> List[Dict[str, Any]]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return [v for v in value or [] if isinstance(v, dict)]


def _given_intent(intent: Optional[str], ranking: Any) -> str:
    """The intent the message was given; for a fallback, the classifier's best guess below it."""
    if intent == "nlu_fallback":
        guesses = [r.get("name") for r in _json_list(ranking) if r.get("name") != "nlu_fallback"]
        if guesses and guesses[0]:
            return guesses[0]
    return intent or "nlu_fallback"


# ---------------------------------------------------------------------------------------------------
# The export: misunderstood messages as Rasa NLU training data


def known_examples(nlu_dir: Path = NLU_DATA) -> set:
    """The normalised texts of the training examples in nlu_dir; none where it is not deployed."""
    from rasa.shared.nlu.training_data.loading import load_data

    if not nlu_dir.is_dir():  # a server image holds the model, not its training data
        logger.warning("%s not found: the export is not de-duplicated against it.", nlu_dir)
        return set()
    data = load_data(str(nlu_dir))
    return {_normal(example.get("text") or "") for example in data.training_examples}


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def to_label_yaml(messages: List[Dict[str, Any]], known: set) -> str:
    """The messages as NLU YAML, one example per distinct text, each marked for review."""
    by_intent: Dict[str, List[Dict[str, Any]]] = defaultdict(list)
    seen = set(known)
    # an unread answer that also fell to the fallback is kept as the answer: it names its question
    for m in sorted(messages, key=lambda m: m["reason"] != "unread_answer"):
        key = _normal(m["text"])
        if not key or key in seen:
            continue
        seen.add(key)
        metadata = {"review": True, "reason": m["reason"], "seen": m["count"]}
        if m.get("question"):
            metadata["question"] = m["question"]
        by_intent[m["intent"]].append({"text": m["text"], "metadata": metadata})
    document = {"version": "3.1",
                "nlu": [{"intent": intent, "examples": examples}
                        for intent, examples in sorted(by_intent.items())]}
    header = ("# Messages the advisor misunderstood (make insights-export), masked. Each example\n"
              "# carries the intent it was given and `review: true`. Move each one under the\n"
              "# intent it should have had, then move the file into data/nlu/ and run make train.\n")
    return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


# ---------------------------------------------------------------------------------------------------
# The page


PALETTE = {"startup": "#2a9d8f", "big_tech": "#3d5a80", "either": "#8d99ae"}


def _bars(title: str, items: List[Tuple[str, int]], color: str = "#3d5a80",
          colors: Optional[Dict[str, str]] = None) -> str:
    """A horizontal bar chart as inline SVG."""
    row, label_w, bar_w = 22, 170, 300
    height = row * max(len(items), 1) + 8
    peak = max([v for _, v in items] + [1])
    parts = [f'<figure class="chart"><figcaption>{html.escape(title)}</figcaption>'
             f'<svg role="img" aria-label="{html.escape(title)}" width="{label_w + bar_w + 60}" '
             f'height="{height}" viewBox="0 0 {label_w + bar_w + 60} {height}">']
    if not items:
        parts.append('<text x="0" y="16" class="none">nothing in this window</text>')
    for n, (label, value) in enumerate(items):
        y = n * row + 4
        width = round(bar_w * value / peak, 1)
        fill = (colors or {}).get(label, color)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{html.escape(label)}</text>'
            f'<rect class="bar" x="{label_w}" y="{y}" width="{width}" height="{row - 6}" '
            f'fill="{fill}" data-value="{value}"><title>{html.escape(label)}: {value}</title></rect>'
            f'<text x="{label_w + width + 6}" y="{y + 14}">{value}</text>')
    parts.append("</svg></figure>")
    return "".join(parts)


def _link(path: str, query: Dict[str, str]) -> str:
    from urllib.parse import urlencode

    return html.escape(path + ("?" + urlencode({k: v for k, v in query.items() if v}) if query else ""))


def render_page(f: Dict[str, Any], token_query: Dict[str, str]) -> str:
    a = f["assessments"]
    window = f["window"]
    query = {**token_query, **{k: v for k, v in window.items() if v}}
    dropped = sum(a["dropped_at"].values())
    funnel = [("started", a["started"]), ("completed", a["completed"]), ("stopped", a["stopped"]),
              ("dropped", dropped)]
    def per_question(counts):
        questions = default().questions
        return [(q, counts.get(q, 0)) for q in questions] + [
            (q, n) for q, n in counts.items() if q not in questions]
    recs = f["recommendations"]
    fb = f["fallbacks"]
    channel_options = "".join(
        f'<option value="{c}"{" selected" if window["channel"] == c else ""}>{c or "all"}</option>'
        for c in ["", *CHANNELS])
    def rows(items):
        return "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in item) + "</tr>"
            for item in items) or '<tr><td colspan="3">none</td></tr>'
    unread_rows = [(text, q) for q, texts in f["unread_examples"].items() for text in texts]
    median = f["median_turns_to_result"]
    since = (window["since"] or "")[:10]
    until_shown = ""
    if window["until"]:
        until_shown = (datetime.fromisoformat(window["until"]) - timedelta(days=1)).date().isoformat() \
            if window["until"].endswith("T00:00:00+00:00") else window["until"][:10]
    hidden = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                     for k, v in token_query.items())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Advisor insights</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1d2433; max-width: 1100px; }}
h1 {{ font-size: 22px; }} h2 {{ font-size: 16px; margin-top: 28px; }}
.figures {{ display: flex; gap: 24px; flex-wrap: wrap; }}
.figure {{ background: #f1f3f7; padding: 10px 16px; border-radius: 6px; }}
.figure b {{ display: block; font-size: 22px; }}
.charts {{ display: flex; flex-wrap: wrap; gap: 24px; }}
figure.chart {{ margin: 0; }} figcaption {{ font-weight: 600; margin-bottom: 4px; }}
svg text {{ font: 12px system-ui, sans-serif; fill: #1d2433; }}
table {{ border-collapse: collapse; }} td, th {{ border-bottom: 1px solid #dde1e8; padding: 4px 10px;
  text-align: left; }}
form {{ display: flex; gap: 12px; align-items: end; flex-wrap: wrap; margin-bottom: 20px; }}
</style></head><body>
<h1>Advisor insights</h1>
<form method="get" action="/insights">{hidden}
<label>Since<br><input type="date" name="since" value="{html.escape(since)}"></label>
<label>Until<br><input type="date" name="until" value="{html.escape(until_shown)}"></label>
<label>Channel<br><select name="channel">{channel_options}</select></label>
<button type="submit">Show</button>
<a href="{_link('/insights.json', query)}">JSON</a>
<a href="{_link('/insights/to_label.yml', query)}" download="to_label.yml">
Misunderstood messages to label (NLU YAML)</a>
</form>
<div class="figures">
<div class="figure"><b id="conversations">{f['conversations']}</b>conversations</div>
<div class="figure"><b>{a['started']}</b>assessments started</div>
<div class="figure"><b>{a['completed']}</b>completed</div>
<div class="figure"><b>{fb['total']}</b>fallbacks</div>
<div class="figure"><b>{median if median is not None else '–'}</b>median turns to a result</div>
<div class="figure"><b>{recs['decided_by_constraint']}</b>results decided by a hard constraint</div>
</div>
<h2>The assessment</h2>
<div class="charts">
{_bars('Funnel', funnel)}
{_bars('Where people left (last question asked)', per_question(a['dropped_at']), '#e07a5f')}
{_bars('Answers not understood, by question', per_question(f['unread_answers']), '#f2a541')}
{_bars('Answers changed, by question', per_question(f['changed_answers']), '#81b29a')}
</div>
<h2>Results and interest</h2>
<div class="charts">
{_bars('Recommendations (latest per conversation)', [(r, recs[r]) for r in RECOMMENDATIONS], colors=PALETTE)}
{_bars('Factors asked about', list(f['factors_asked'].items()), '#6d597a')}
{_bars('Conversations by channel', list(f['channels'].items()), '#457b9d')}
</div>
<h2>Messages that fell to fallback or out of scope
({fb['nlu_fallback']} fallback, {fb['out_of_scope']} out of scope)</h2>
<table><tr><th>message (masked)</th><th>intent</th><th>times</th></tr>
{rows((e['text'], e['intent'], e['count']) for e in fb['examples'])}</table>
<h2>Answers the assessment could not read</h2>
<table><tr><th>answer (masked)</th><th>question</th></tr>{rows(unread_rows)}</table>
</body></html>"""


# ---------------------------------------------------------------------------------------------------
# Served by the Rasa server


def retention_days(env: Optional[Dict[str, str]] = None) -> Optional[float]:
    """TRACKER_RETENTION_DAYS as a number of days, None when unset; ValueError when not positive."""
    value = (env if env is not None else os.environ).get("TRACKER_RETENTION_DAYS", "").strip()
    if not value:
        return None
    try:
        days = float(value)
    except ValueError:
        days = -1
    if not days > 0:
        raise ValueError(f"TRACKER_RETENTION_DAYS={value!r} must be a positive number of days")
    return days


def _argument(name: str) -> Optional[str]:
    """A `--name value` (or `--name=value`) of this process's command line: the Rasa server's."""
    argv = sys.argv
    for n, arg in enumerate(argv):
        if arg == name and n + 1 < len(argv):
            return argv[n + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _server_token() -> Optional[str]:
    """The token this Rasa server's HTTP API takes: its --auth-token, else RASA_AUTH_TOKEN."""
    return _argument("--auth-token") or os.environ.get("RASA_AUTH_TOKEN") or None


try:
    from rasa.core.channels.channel import InputChannel
except ImportError:  # the export script runs without the server's imports
    InputChannel = object


class InsightsChannel(InputChannel):
    """/insights, /insights.json and the export on the Rasa server, behind its API token."""

    @classmethod
    def name(cls) -> str:
        return "insights"

    def url_prefix(self) -> str:
        return "/"  # the page lives at /insights, not under /webhooks/

    def blueprint(self, on_new_message):
        from sanic import Blueprint, response

        blueprint = Blueprint("insights", __name__)
        state: Dict[str, Any] = {"insights": None, "token": _server_token()}

        @blueprint.listener("before_server_start")
        async def start(app, _loop) -> None:
            days = retention_days()  # a wrong value stops the server here, naming the variable
            # the store as the server's --endpoints name it: Rasa loads its agent after this runs
            engine = engine_for_endpoints(Path(_argument("--endpoints") or "endpoints.yml"))
            if engine is None:
                logger.warning("Insights need the SQL tracker store; /insights answers 503.")
                return
            insights = state["insights"] = Insights(engine)
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, insights.ensure_index)
            if days is not None:
                await _apply_retention(insights, days)  # before the first message is served
                app.add_task(_retention_daily(insights, days))

        def authorised(request) -> bool:
            token = state["token"]
            given = request.args.get("token") or ""
            header = request.headers.get("authorization", "")
            if header.lower().startswith("bearer "):
                given = header[7:].strip()
            return bool(token) and hmac.compare_digest(given.encode(), token.encode())

        async def answer(request, make):
            if not authorised(request):
                return response.json({"error": "unauthorised: the Rasa server's token is needed "
                                               "(?token=... or Authorization: Bearer)"}, status=401)
            insights = state["insights"]
            if insights is None:
                return response.json({"error": "insights need the SQL tracker store"}, status=503)
            try:
                window = parse_window(request.args)
            except ValueError as error:
                return response.json({"error": str(error)}, status=400)
            loop = asyncio.get_running_loop()
            # in a worker thread: the chat keeps being answered while the figures are counted
            return await loop.run_in_executor(None, make, insights, window, request)

        headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
                   "Referrer-Policy": "no-referrer",
                   "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                                              "form-action 'self'; frame-ancestors 'none'"}

        def page(insights, window, request):
            token_query = {"token": request.args.get("token")} if request.args.get("token") else {}
            body = render_page(insights.figures(window), token_query)
            return response.html(body, headers=headers)

        def figures(insights, window, request):
            return response.json(insights.figures(window), headers=headers)

        def export(insights, window, request):
            body = to_label_yaml(insights.misunderstood(window), _known())
            return response.text(body, content_type="application/x-yaml; charset=utf-8",
                                 headers={**headers,
                                          "Content-Disposition": 'attachment; filename="to_label.yml"'})

        @blueprint.route("/insights", methods=["GET"])
        async def insights_page(request):
            return await answer(request, page)

        @blueprint.route("/insights.json", methods=["GET"])
        async def insights_json(request):
            return await answer(request, figures)

        @blueprint.route("/insights/to_label.yml", methods=["GET"])
        async def insights_export(request):
            return await answer(request, export)

        return blueprint


_known_cache: Dict[str, set] = {}


def _known() -> set:
    """The NLU examples in data/nlu/, read once per server run (they change with a new model)."""
    if "examples" not in _known_cache:
        _known_cache["examples"] = known_examples()
    return _known_cache["examples"]


async def _apply_retention(insights: Insights, days: float) -> None:
    deleted = await asyncio.get_running_loop().run_in_executor(
        None, insights.delete_older_than, days)
    logger.info("Retention (%s days): %d conversation(s) deleted.", f"{days:g}", deleted)


async def _retention_daily(insights: Insights, days: float, sleep=asyncio.sleep) -> None:
    while True:
        await sleep(RETENTION_INTERVAL_SECONDS)
        try:
            await _apply_retention(insights, days)
        except Exception:  # a database hiccup must not end the daily runs
            logger.exception("Retention run failed; trying again in a day.")


# ---------------------------------------------------------------------------------------------------
# The command line: make insights-export


def engine_for_endpoints(path: Path) -> Optional[sa.engine.Engine]:
    """The SQL tracker store's database named in an endpoints file; None for another store."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.core.utils import read_endpoints_from_path

    store = read_endpoints_from_path(str(path)).tracker_store if path.exists() else None
    if store is None or not (store.type == "sql" or "SQLTrackerStore" in str(store.type)):
        return None
    kwargs = store.kwargs
    url = SQLTrackerStore.get_db_url(kwargs.get("dialect", "sqlite"), store.url, kwargs.get("port"),
                                     kwargs.get("db", "rasa.db"), kwargs.get("username"),
                                     kwargs.get("password"))
    return sa.create_engine(url, future=True)


def engine_from_environment() -> sa.engine.Engine:
    """The tracker store's database, as `make serve` would open it (bot/endpoints*.yml)."""
    from bot.runtime import launch

    env = launch.environment()
    os.environ.update(env)  # the endpoints file names its settings as ${VARIABLES}
    engine = engine_for_endpoints(launch.endpoints_file(env))
    if engine is None:
        raise SystemExit("The tracker store is not an SQL store: no insights.")
    return engine


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description="Advisor insights from the command line.")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="misunderstood messages as NLU YAML to label")
    export.add_argument("--out", type=Path, default=EXPORT)
    export.add_argument("--since")
    export.add_argument("--until")
    export.add_argument("--channel", choices=list(CHANNELS))
    commands.add_parser("retention", help="delete conversations older than TRACKER_RETENTION_DAYS")
    args = parser.parse_args(argv)
    insights = Insights(engine_from_environment())
    insights.ensure_index()
    if args.command == "retention":
        days = retention_days()
        if days is None:
            print("TRACKER_RETENTION_DAYS is not set: nothing deleted.")
            return 0
        print(f"{insights.delete_older_than(days)} conversation(s) older than {days:g} days deleted.")
        return 0
    window = parse_window({k: v for k, v in
                           {"since": args.since, "until": args.until, "channel": args.channel}.items() if v})
    messages = insights.misunderstood(window)
    text = to_label_yaml(messages, known_examples())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    written = sum(len(block["examples"]) for block in (yaml.safe_load(text)["nlu"] or []))
    # counts only: the messages themselves stay in the file
    print(f"{written} message(s) to label written to {args.out} "
          f"({len(messages) - written} already in data/nlu/ or repeated).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
