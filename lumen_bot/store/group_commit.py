"""Group commit: writes waiting for SQLite's thread together share one COMMIT.

With `synchronous=FULL` every COMMIT waits for the disk, and the connection has one
thread: under load each write's wait delays every read and write queued behind it.
Writes that are waiting at the same moment are therefore committed together, each in
a savepoint of one transaction, so that the disk is waited for once. Each caller hears
of its own write only after that COMMIT, so "done" still means "on the disk".

Nothing else changes for a caller: a write that fails is undone alone (back to its
savepoint) and its error is raised to its caller; if the shared COMMIT itself fails
(a deferred constraint, a full disk), every write of the group runs again in a
transaction of its own, exactly as if they had come one at a time.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

Work = Callable[[sqlite3.Connection], Any]
# (True, the work's result) or (False, the exception it raised)
Outcome = tuple[bool, Any]


class WriteGroup:
    """The writes waiting for the connection's thread, taken there all at once.

    The event loop adds a write and sends `drain` to the thread for it. A drain takes
    every write waiting at that moment, its own and those added since the last drain;
    a drain that finds none left (an earlier one took them) does nothing. Since the
    thread runs drains in the order they were sent, a write has been committed or has
    failed by the time its own drain returns.
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._waiting: list[tuple[Work, asyncio.Future[Any]]] = []

    def add(self, work: Work, done: asyncio.Future[Any]) -> None:
        with self._guard:
            self._waiting.append((work, done))

    def withdraw(self, done: asyncio.Future[Any]) -> None:
        """Forget a write whose drain never reached the thread (the connection closed)."""
        with self._guard:
            self._waiting = [(w, d) for w, d in self._waiting if d is not done]

    def drain(self, raw: sqlite3.Connection) -> None:
        """On the connection's thread: commit every waiting write, then settle each one's
        future on its event loop (one wake-up of the loop for the whole group)."""
        with self._guard:
            taken, self._waiting = self._waiting, []
        if not taken:
            return
        try:
            outcomes = _commit(raw, [work for work, _ in taken])
        except BaseException as exc:  # noqa: BLE001 - even a failed ROLLBACK settles them all
            outcomes = [(False, exc)] * len(taken)
        settled = [(done, outcome) for (_, done), outcome in zip(taken, outcomes, strict=True)]
        taken[0][1].get_loop().call_soon_threadsafe(_settle, settled)


def _commit(raw: sqlite3.Connection, works: list[Work]) -> list[Outcome]:
    if len(works) == 1:
        return [_alone(raw, works[0])]
    outcomes: list[Outcome] = []
    try:
        raw.execute("BEGIN IMMEDIATE")
        for work in works:
            raw.execute("SAVEPOINT one_write")
            try:
                outcomes.append((True, work(raw)))
            except BaseException as exc:  # noqa: BLE001 - it is its caller's to raise
                raw.execute("ROLLBACK TO one_write")
                outcomes.append((False, exc))
            raw.execute("RELEASE one_write")
        raw.execute("COMMIT")
    except sqlite3.Error:
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        return [_alone(raw, work) for work in works]
    return outcomes


def _alone(raw: sqlite3.Connection, work: Work) -> Outcome:
    try:
        return True, _whole_transaction(raw, work)
    except BaseException as exc:  # noqa: BLE001 - it is its caller's to raise
        return False, exc


def _whole_transaction(raw: sqlite3.Connection, work: Work) -> Any:
    """One work as a transaction of its own, rolled back whole if it or its COMMIT fails."""
    raw.execute("BEGIN IMMEDIATE")
    try:
        result = work(raw)
        raw.execute("COMMIT")
    except BaseException:
        # A COMMIT that fails (a deferred constraint, a full disk) leaves the
        # transaction open; every later write would then fail to BEGIN.
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        raise
    return result


def _settle(settled: list[tuple[asyncio.Future[Any], Outcome]]) -> None:
    for done, (ok, value) in settled:
        if done.done():  # its caller was cancelled meanwhile
            continue
        if ok:
            done.set_result(value)
        else:
            done.set_exception(value)
