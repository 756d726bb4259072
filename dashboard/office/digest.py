"""The e-mail digest of saved searches: after an ingest, each saved search with an address
gets one message listing the items that match it now and did not at the last digest.

What each search matched last time is kept in `digest-state.json` in the config folder; the
first run only records it (nobody gets the whole archive). SMTP settings are read from
`smtp.toml` there:

    host = "mail.example.org"   port = 587   from = "explorer@example.org"
    starttls = true             username = "..."   password = "..."   # the last three optional
    base_url = "https://explorer.example.org"   # for the links in the messages
"""
from __future__ import annotations

import json
import smtplib
import tomllib
from dataclasses import dataclass, replace
from email.message import EmailMessage
from pathlib import Path

from indexer.search import QueryError, SearchIndex

from ..common.state import state_from_url, to_request
from .saved import SavedSearch, SavedStore
from .users import write_private

SMTP_FILE = "smtp.toml"
STATE_FILE = "digest-state.json"
MAX_LISTED = 50


class DigestError(ValueError):
    """Settings the digest cannot use; the message names the file and the field."""


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int
    sender: str
    base_url: str
    starttls: bool = False
    username: str = ""
    password: str = ""

    @classmethod
    def load(cls, config_dir: Path) -> "Smtp":
        path = Path(config_dir) / SMTP_FILE
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DigestError(f"{path}: missing (host, port, from, base_url; see README)") from None
        except tomllib.TOMLDecodeError as exc:
            raise DigestError(f"{path}: not valid TOML: {exc}") from None
        for key in ("host", "from", "base_url"):
            if not isinstance(data.get(key), str) or not data[key]:
                raise DigestError(f"{path}: '{key}' must be given as text")
        port = data.get("port", 25)
        if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
            raise DigestError(f"{path}: 'port' must be a number from 1 to 65535")
        return cls(data["host"], port, data["from"], data["base_url"].rstrip("/"),
                   bool(data.get("starttls", False)), str(data.get("username", "")), str(data.get("password", "")))


def matching_ids(index: SearchIndex, saved: SavedSearch) -> list[tuple[str, str, str]]:
    """(id, date, title) of every item the saved search matches, newest first."""
    try:
        request = replace(to_request(state_from_url(saved.search)), page=1)
        items = index.matching_items(request)
    except QueryError:
        return []
    return [(i.id, i.date.isoformat(), i.title) for i in sorted(items, key=lambda i: (i.date, i.id), reverse=True)]


def message(saved: SavedSearch, new: list[tuple[str, str, str]], smtp: Smtp) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = f"Bulletin Explorer: {len(new)} new item{'s' if len(new) != 1 else ''} for '{saved.name}'"
    msg["From"], msg["To"] = smtp.sender, saved.digest_to
    lines = [f"New since the last digest, matching your saved search '{saved.name}':", ""]
    for item_id, day, title in new[:MAX_LISTED]:
        lines += [f"{day}  {title}", f"  {smtp.base_url}/?view=item&id={item_id}"]
    if len(new) > MAX_LISTED:
        lines.append(f"... and {len(new) - MAX_LISTED} more: {smtp.base_url}/{saved.search}")
    lines += ["", f"The search: {smtp.base_url}/{saved.search}", f"Its feed: {smtp.base_url}/feeds/{saved.token}.atom"]
    msg.set_content("\n".join(lines))  # plain text: an item's markup is never HTML in a mail
    return msg


def send_digests(index: SearchIndex, config_dir: Path) -> list[tuple[str, int]]:
    """Send each due digest; (address, new items) per message sent. The state is saved
    after each message, so a failure part-way never sends one twice."""
    config_dir = Path(config_dir)
    wanted = [s for s in SavedStore(config_dir).all() if s.digest_to]
    smtp = Smtp.load(config_dir) if wanted else None
    state_path = config_dir / STATE_FILE
    state = json.loads(state_path.read_text(encoding="utf-8")) if state_path.exists() else {}
    sent = []
    for saved in wanted:
        now = matching_ids(index, saved)
        before = state.get(saved.token)
        seen = set(before or ())
        new = [row for row in now if before is not None and row[0] not in seen]
        if new:
            _send(smtp, message(saved, new, smtp))
            sent.append((saved.digest_to, len(new)))
        state[saved.token] = [row[0] for row in now]
        write_private(state_path, json.dumps(state))  # keyed by the feed tokens
    return sent


def _send(smtp: Smtp, msg: EmailMessage) -> None:
    with smtplib.SMTP(smtp.host, smtp.port, timeout=60) as server:
        if smtp.starttls:
            server.starttls()
        if smtp.username:
            server.login(smtp.username, smtp.password)
        server.send_message(msg)
