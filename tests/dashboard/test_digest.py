"""The e-mail digest after an ingest (dashboard.office.digest, `bulletins alerts`), sent to a local
SMTP server (aiosmtpd) started by the test: the first run records, a run after an ingest
mails the new matching items once, a run with nothing new sends nothing."""
from __future__ import annotations

import shutil
import subprocess
import sys
from email import message_from_bytes, policy

import pytest

from dashboard.office.saved import SavedStore
from indexer.search.ingest import ingest

from .live_server import free_port


@pytest.fixture
def smtp_server():
    pytest.importorskip("aiosmtpd", reason="aiosmtpd is missing: pip install aiosmtpd")
    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
            return "250 OK"

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, inbox.messages
    controller.stop()


def _alerts(index, config):
    return subprocess.run([sys.executable, "-m", "indexer.cli", "alerts", "--index", str(index), "--config", str(config)],
                          capture_output=True, text=True, timeout=300)


def test_a_digest_mails_the_items_new_since_the_last_ingest_once(dash_corpus, tmp_path, smtp_server):
    port, inbox = smtp_server
    config, corpus, index = tmp_path / "config", tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    files = sorted(dash_corpus.glob("*.txt"))
    for path in files[:-2]:
        shutil.copy(path, corpus / path.name)
    ingest([corpus], index, workers=1)
    config.mkdir()
    (config / "smtp.toml").write_text(f'host = "127.0.0.1"\nport = {port}\nfrom = "explorer@example.org"\n'
                                      'base_url = "https://explorer.example.org"\n', encoding="utf-8")
    SavedStore(config).save("vera", "Everything", "", digest_to="vera@example.org")
    SavedStore(config).save("vera", "No mail", "?q=children")

    first = _alerts(index, config)
    assert first.returncode == 0 and first.stdout.endswith("0 digest(s) sent\n") and inbox == []

    for path in files[-2:]:
        shutil.copy(path, corpus / path.name)
    report = ingest([corpus], index, workers=1)
    assert report.items_added > 0
    second = _alerts(index, config)
    assert second.returncode == 0, second.stderr
    [(to, mail)] = inbox
    assert to == ["vera@example.org"]
    assert mail["Subject"] == f"Bulletin Explorer: {report.items_added} new items for 'Everything'"
    body = mail.get_content()
    assert body.count("https://explorer.example.org/?view=item&id=") == report.items_added
    assert "https://explorer.example.org/feeds/" in body

    third = _alerts(index, config)
    assert third.stdout.endswith("0 digest(s) sent\n") and len(inbox) == 1


def test_alerts_without_smtp_settings_name_the_file(dash_index_root, tmp_path):
    SavedStore(tmp_path).save("vera", "x", "?q=children", digest_to="vera@example.org")
    r = _alerts(dash_index_root, tmp_path)
    assert r.returncode == 1
    errors = [line for line in r.stderr.splitlines() if "error:" in line]  # the sample notice may come first
    assert errors == [f"bulletins: error: {tmp_path / 'smtp.toml'}: missing (host, port, from, base_url; see README)"]


def test_an_smtp_port_that_is_not_a_number_names_the_file_and_field(tmp_path):
    from dashboard.office.digest import DigestError, Smtp

    for port in ('"587"', "0", "true", "70000"):
        (tmp_path / "smtp.toml").write_text(f'host = "h"\nport = {port}\nfrom = "a@b.org"\nbase_url = "https://x"\n',
                                            encoding="utf-8")
        with pytest.raises(DigestError, match=r"smtp.toml: 'port' must be a number"):
            Smtp.load(tmp_path)
