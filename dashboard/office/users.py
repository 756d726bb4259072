"""The office's accounts: a JSON file of names, roles and password hashes (scrypt, through
Werkzeug), and the secret that signs session cookies. Both live in the config folder,
by default `config/` beside the index folder (data/index -> data/config).

Roles, each with every right of the ones before it:
  viewer  searches, reads items and charts, downloads exports and the report pack
  editor  also changes data (label corrections, once the Review view offers them)
  admin   also manages accounts (`bulletins users ...`)
"""
from __future__ import annotations

import json
import os
import re
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

ROLES = ("viewer", "editor", "admin")
USERS_FILE = "users.json"
SECRET_FILE = "session.key"
NAME = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")
MIN_PASSWORD = 10
# Checked when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not a password", method="scrypt")


class UserError(ValueError):
    """A request the store refuses; the message says why."""


@dataclass(frozen=True)
class User:
    name: str
    role: str

    def may(self, role: str) -> bool:
        """True when this user has at least `role`'s rights."""
        return ROLES.index(self.role) >= ROLES.index(role)


def default_config_dir(index_root: Path) -> Path:
    return Path(index_root).resolve().parent / "config"


class UserStore:
    def __init__(self, config_dir: Path) -> None:
        self.dir = Path(config_dir)
        self.path = self.dir / USERS_FILE

    def _load(self) -> dict[str, dict]:
        try:
            users = json.loads(self.path.read_text(encoding="utf-8")).get("users", {})
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, AttributeError) as exc:  # damaged by hand or by a full disk
            raise UserError(f"{self.path}: cannot be read ({type(exc).__name__}); restore it from a backup") from None
        bad = [n for n, e in users.items() if not isinstance(e, dict) or e.get("role") not in ROLES]
        if bad:
            raise UserError(f"{self.path}: user {bad[0]!r} has no valid role; fix it with 'bulletins users set-role'")
        return users

    def _save(self, users: dict[str, dict]) -> None:
        write_private(self.path, json.dumps({"users": users}, indent=1, sort_keys=True))

    def list(self) -> list[User]:
        return [User(name, entry["role"]) for name, entry in sorted(self._load().items())]

    def get(self, name: str) -> User | None:
        entry = self._load().get(name)
        return User(name, entry["role"]) if entry else None

    def add(self, name: str, password: str, role: str) -> User:
        users = self._load()
        if name in users:
            raise UserError(f"user {name!r} exists already (use set-role or remove)")
        _check(name, password, role)
        users[name] = {"role": role, "password": generate_password_hash(password, method="scrypt")}
        self._save(users)
        return User(name, role)

    def remove(self, name: str) -> None:
        users = self._load()
        if users.pop(name, None) is None:
            raise UserError(f"no user {name!r}")
        self._save(users)

    def set_role(self, name: str, role: str) -> User:
        users = self._load()
        if name not in users:
            raise UserError(f"no user {name!r}")
        _check(name, None, role)
        users[name]["role"] = role
        self._save(users)
        return User(name, role)

    def verify(self, name: str, password: str) -> User | None:
        """The user when the password is right, else None (unknown names take as long)."""
        entry = self._load().get(name)
        ok = check_password_hash(entry["password"] if entry else _DUMMY_HASH, password)
        return User(name, entry["role"]) if entry and ok else None

    def session_secret(self) -> bytes:
        """The key that signs session cookies, made once: every worker and restart shares it."""
        path = self.dir / SECRET_FILE
        if not path.exists():
            write_private(path, secrets.token_hex(32), exclusive=True)
        return path.read_text(encoding="utf-8").strip().encode()


def _check(name: str, password: str | None, role: str) -> None:
    if not NAME.match(name):
        raise UserError("a user name is 1-64 letters, digits or . _ @ -")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if password is not None and len(password) < MIN_PASSWORD:
        raise UserError(f"a password has at least {MIN_PASSWORD} characters")


def write_private(path: Path, text: str, exclusive: bool = False) -> None:
    """Write readable by the owner only; replace atomically (or create once, when exclusive:
    two workers starting together must not make two different keys)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    if not exclusive:
        tmp.replace(path)
        return
    # The whole file appears at once or not at all: a worker that created the file empty and
    # then wrote it let another worker read it in between (an empty key: each worker then
    # signed sessions with its own, and a page's requests failed on the other worker).
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
