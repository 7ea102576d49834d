"""Rasa's Redis lock store, with every change of a conversation's lock made atomic.

Rasa Open Source 3.6's RedisLockStore changes a lock by reading it, changing it and writing it back.
When two Rasa servers do that at the same moment for one conversation, a ticket is lost or the same
number is issued twice: two messages of the conversation then run at once, or one fails with a
LockError (RasaHQ/rasa#9213; Rasa's fix, #11256, was withdrawn from Rasa Open Source).
tests/test_scale_out.py shows both. Here each read-change-write is one Redis transaction
(WATCH/MULTI/EXEC, run again when another server changed the lock in between). Keys and stored JSON
are Rasa's own; bot/endpoints-scaled.yml selects this class as the lock store type.
"""
from __future__ import annotations

import json
from typing import Callable, Optional, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

Change = Callable[[Optional[TicketLock]], Optional[TicketLock]]


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        # Rasa builds a custom lock store from its endpoint configuration alone.
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    def _change(self, conversation_id: Text, change: Change) -> None:
        """Applies `change` to the stored lock in one transaction; a lock changed to None is deleted.
        `change` may run more than once: only its last run counts."""
        key = self.key_prefix + conversation_id

        def transaction(pipe) -> None:
            stored = pipe.get(key)
            lock = change(TicketLock.from_dict(json.loads(stored)) if stored else None)
            pipe.multi()
            if lock is None:
                pipe.delete(key)
            else:
                pipe.set(key, lock.dumps())

        self.red.transaction(transaction, key)

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        issued = []

        def add_ticket(lock: Optional[TicketLock]) -> TicketLock:
            lock = lock or self.create_lock(conversation_id)
            issued[:] = [lock.issue_ticket(lock_lifetime)]
            return lock

        try:
            self._change(conversation_id, add_ticket)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error
        return issued[0]

    def update_lock(self, conversation_id: Text) -> None:
        def drop_expired(lock: Optional[TicketLock]) -> Optional[TicketLock]:
            if lock:
                lock.remove_expired_tickets()
            return lock

        self._change(conversation_id, drop_expired)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Removes the served ticket, and the lock with it when no one else waits."""
        def finish(lock: Optional[TicketLock]) -> Optional[TicketLock]:
            if lock:
                lock.remove_ticket_for(ticket_number)
            return lock if lock and lock.is_someone_waiting() else None

        self._change(conversation_id, finish)
