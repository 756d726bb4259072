"""Saved searches: a signed-in user keeps the current view (its URL's query string) under a
name. Each has a private feed token: its Atom feed is read without a session by feed readers
and e-mail clients, the unguessable token standing for the sign-in.

Stored in `saved.json` in the config folder beside `users.json` (so they survive restarts and
re-ingests), written under a file lock: several workers may save at once.
"""
from __future__ import annotations

import fcntl
import json
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from .users import UserStore, write_private

SAVED_FILE = "saved.json"
MAX_PER_USER = 100
MAX_NAME = 80
MAX_SEARCH = 2000


class SavedError(ValueError):
    """A save the store refuses; the message says why."""


@dataclass(frozen=True)
class SavedSearch:
    owner: str
    name: str
    search: str  # the view's query string, "?q=...&partner=..." ("" for every item)
    token: str
    created: float
    digest_to: str = ""  # an e-mail address for the digest after each ingest ("" for none)


class SavedStore:
    def __init__(self, config_dir: Path) -> None:
        self.path = Path(config_dir) / SAVED_FILE

    def _load(self) -> list[dict]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8")).get("saved", [])
        except FileNotFoundError:
            return []

    @contextmanager
    def _changing(self) -> Iterator[list[dict]]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(SAVED_FILE + ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            entries = self._load()
            yield entries
            # the feed tokens stand in for a sign-in: owner-only, like users.json
            write_private(self.path, json.dumps({"saved": entries}, indent=1))

    def all(self) -> list[SavedSearch]:
        """The saved searches of accounts that still exist: a removed user's feeds stop
        answering and their digests stop (all are kept where no account store exists)."""
        users = UserStore(self.path.parent)
        owners = {u.name for u in users.list()} if users.path.exists() else None
        return [SavedSearch(**e) for e in self._load() if owners is None or e["owner"] in owners]

    def of(self, owner: str) -> list[SavedSearch]:
        return [s for s in self.all() if s.owner == owner]

    def by_token(self, token: str) -> SavedSearch | None:
        return next((s for s in self.all() if secrets.compare_digest(s.token.encode(), token.encode())), None)

    def save(self, owner: str, name: str, search: str, digest_to: str = "") -> SavedSearch:
        """Save (or replace, keeping its feed token) the search `name` of `owner`."""
        name, search = " ".join(name.split()), clean_search(search)
        _check(name, search, digest_to)
        with self._changing() as entries:
            old = next((e for e in entries if e["owner"] == owner and e["name"] == name), None)
            if old is None and sum(e["owner"] == owner for e in entries) >= MAX_PER_USER:
                raise SavedError(f"at most {MAX_PER_USER} saved searches each: remove one first")
            saved = SavedSearch(owner, name, search, old["token"] if old else secrets.token_urlsafe(24),
                                old["created"] if old else time.time(), digest_to)
            entries[:] = [e for e in entries if e is not old] + [asdict(saved)]
        return saved

    def remove(self, owner: str, name: str) -> bool:
        with self._changing() as entries:
            kept = [e for e in entries if not (e["owner"] == owner and e["name"] == name)]
            removed, entries[:] = len(kept) < len(entries), kept
        return removed


def clean_search(search: str) -> str:
    """The query string alone ("?..." or ""), from a query string or a whole URL."""
    search = search.strip()
    if "?" not in search:
        return ""
    return "?" + search.split("?", 1)[1].split("#", 1)[0]


_EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;.]+(?:\.[^@\s<>,;.]+)+$")
MAX_EMAIL = 254  # the longest address SMTP allows


def _check(name: str, search: str, digest_to: str) -> None:
    if not name or len(name) > MAX_NAME:
        raise SavedError(f"give the search a name of 1 to {MAX_NAME} characters")
    if len(search) > MAX_SEARCH:
        raise SavedError(f"the view's address is too long to save (over {MAX_SEARCH} characters)")
    if digest_to and (len(digest_to) > MAX_EMAIL or not _EMAIL.match(digest_to)):  # long input: slow match
        raise SavedError(f"not an e-mail address: {digest_to[:80]!r}")
