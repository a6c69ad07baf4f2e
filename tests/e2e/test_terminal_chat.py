"""`lumen chat`, the mentor in a terminal: its commands, a crisis, and a command that is
really a message, through the real process and an Anthropic-protocol server."""

from __future__ import annotations

import queue
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Mapping
from pathlib import Path

import pytest

from lumen_bot.harness.prompts import PromptBook, default_prompts_dir
from lumen_bot.texts import text

from .conftest import lumen_command
from .llm_proxy import Fault, LlmProxy
from .processes import child_env
from .servers import free_port

pytestmark = pytest.mark.e2e

COMMANDS_HINT = "/end closes the session"


def chat_env(
    tmp_path: Path, llm_url: str, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    return child_env(
        {
            "ANTHROPIC_API_KEY": "test",
            "ANTHROPIC_BASE_URL": llm_url,
            "LUMEN_DATA_DIR": str(tmp_path / "data"),
            "LUMEN_KEYRING_FILE": str(tmp_path / "keyring.json"),
            **(extra or {}),
        }
    )


def run_chat(
    tmp_path: Path, llm: LlmProxy, *lines: str, llm_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`lumen chat` with `lines` typed one after another, talking to `llm`, or to
    `llm_url` instead when given."""
    return subprocess.run(
        [*lumen_command()[:-1], "chat"],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        env=chat_env(tmp_path, llm_url or llm.url),
        cwd=tmp_path,
        timeout=90,
        check=True,
    )


def chat(tmp_path: Path, llm: LlmProxy, *lines: str, llm_url: str | None = None) -> str:
    """Everything `lumen chat` printed for `lines` (see `run_chat`)."""
    return run_chat(tmp_path, llm, *lines, llm_url=llm_url).stdout


def test_country_and_unknown_commands_stay_in_the_terminal_and_a_crisis_gets_local_lines(
    tmp_path: Path, llm: LlmProxy
) -> None:
    out = chat(
        tmp_path, llm, "/country", "/country gb", "/help", "he's outside my door with a knife"
    )
    assert "Send /country followed by its name or two-letter code" in out
    assert "I'll show crisis lines for United Kingdom (GB)" in out
    assert out.count(COMMANDS_HINT) == 2, "once at the start, once for /help"
    assert "call 999" in out and "National Domestic Abuse Helpline" in out
    assert llm.requests == [], "no command and no crisis reached the LLM"


def test_a_command_whose_words_carry_risk_is_a_message_answered_with_care(
    tmp_path: Path, llm: LlmProxy
) -> None:
    out = chat(tmp_path, llm, "/kms")
    assert "MENTOR-MARKER" in out
    assert COMMANDS_HINT in out and out.count(COMMANDS_HINT) == 1, "only the opening line"
    [request] = llm.requests
    assert PromptBook.load(default_prompts_dir()).concern_addendum.text in request.system


def test_crisis_words_after_a_known_command_get_crisis_care_and_the_command_does_not_run(
    tmp_path: Path, llm: LlmProxy
) -> None:
    out = chat(
        tmp_path,
        llm,
        "/country gb",
        "hello",
        "/end I'm going to kill myself tonight",
        "/country i want to kill myself tonight",
        "/quit now",
        "still there?",
    )
    assert out.count("call 999") == 2, "crisis care, with the local lines, for both"
    assert "Send /country followed by its name or two-letter code" not in out, "not asked again"
    assert "Let me write my notes" not in out, "the open session was not closed"
    assert len(llm.requests) == 1, "only the greeting: never a crisis, nothing after /quit"


def test_end_without_a_session_says_so_and_with_the_llm_down_does_not_keep_the_person_waiting(
    tmp_path: Path, llm: LlmProxy
) -> None:
    assert "There's no open session right now" in chat(tmp_path, llm, "/end")
    chat(tmp_path, llm, "hello")
    nobody_listens = f"http://127.0.0.1:{free_port()}"
    ended = run_chat(tmp_path, llm, "/end", llm_url=nobody_listens)
    assert "Let me write my notes" in ended.stdout
    assert "I'll finish them, with my parting words, the next time" in ended.stdout
    assert ended.stderr == "", "the failure is logged, but not amid the conversation"
    assert "closing_retry" in (tmp_path / "data" / "chat.log").read_text()
    later = chat(tmp_path, llm, "/quit")
    assert "This session is closed" in later, "the closing finished on the next start"
    assert "start lumen chat again" in later and "/remind" not in later, "no Telegram command"


def _ctrl_c_as_in_a_terminal() -> None:
    """In the child before `exec`: Ctrl-C with its default meaning, as a person's terminal
    gives it. A suite started in the background (`cmd &` in a script) ignores SIGINT, and
    every process it starts would inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def open_chat(tmp_path: Path, env: dict[str, str], *, stderr: int) -> subprocess.Popen[str]:
    """`lumen chat` running, its input and output pipes held by the test."""
    return subprocess.Popen(
        [*lumen_command()[:-1], "chat"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env=env,
        cwd=tmp_path,
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )


def test_ctrl_c_at_the_prompt_ends_the_chat_at_once(tmp_path: Path, llm: LlmProxy) -> None:
    """Nobody should have to press Enter after Ctrl-C: the process ends with 130 while
    its input is still open and nothing more is typed."""
    with open_chat(tmp_path, chat_env(tmp_path, llm.url), stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        seen = ""
        while COMMANDS_HINT not in seen:  # up, and waiting at the prompt
            seen += process.stdout.readline()
        process.send_signal(signal.SIGINT)
        try:
            code = process.wait(timeout=20)
        finally:
            process.kill()
        stderr = process.stderr.read() if process.stderr else ""
    assert code == 130, stderr[-600:]
    assert "Traceback" not in stderr


def test_an_answer_the_llm_could_not_give_arrives_while_the_terminal_stays_open(
    tmp_path: Path, llm: LlmProxy
) -> None:
    """The terminal says what Lumen does: it keeps the message and answers it by itself,
    once, without the person typing it again."""
    llm.inject(Fault.server_error())
    env = chat_env(
        tmp_path,
        llm.url,
        {"LUMEN_LLM_MAX_RETRIES": "0", "LUMEN_ANSWER_RETRY_BASE": "1", "LUMEN_RHYTHM_TICK": "0.5"},
    )
    with open_chat(tmp_path, env, stderr=subprocess.DEVNULL) as process:
        assert process.stdin is not None and process.stdout is not None
        stdout = process.stdout
        lines: queue.Queue[str] = queue.Queue()

        def read_lines() -> None:
            for line in stdout:
                lines.put(line)

        reader = threading.Thread(target=read_lines, daemon=True)
        reader.start()
        process.stdin.write("a thing that took courage\n")
        process.stdin.flush()
        out = ""
        deadline = time.monotonic() + 60
        while "MENTOR-MARKER" not in out:
            out += lines.get(timeout=max(0.1, deadline - time.monotonic()))
        time.sleep(2)  # nothing more comes: one answer
        process.stdin.close()  # the end of input: /quit
        assert process.wait(timeout=30) == 0
        reader.join(timeout=10)
        while not lines.empty():
            out += lines.get()
    assert "will answer it as soon as I can" in out
    assert out.count("MENTOR-MARKER") == 1
    tries = llm.requests_containing("a thing that took courage")
    assert [r.fault is not None for r in tries] == [True, False]
    assert tries[-1].conversation.count("a thing that took courage") == 1


def test_a_turn_that_does_not_open_is_set_aside_and_the_chat_goes_on(
    tmp_path: Path, llm: LlmProxy
) -> None:
    """One stored turn's ciphertext is damaged in the real database file: it is set
    aside, each later line is answered, and no error text reaches anyone."""
    chat(tmp_path, llm, "hello")
    with sqlite3.connect(tmp_path / "data" / "lumen.db") as db:
        turn_id, body = db.execute("SELECT id, body FROM turns ORDER BY id LIMIT 1").fetchone()
        damaged = bytearray(body)
        damaged[len(damaged) // 2] ^= 0x01
        db.execute("UPDATE turns SET body = ? WHERE id = ?", (bytes(damaged), turn_id))
    finished = run_chat(tmp_path, llm, "are you there?", "still there?", "/country gb")
    assert finished.stdout.count("MENTOR-MARKER") == 2, "each line answered"
    assert text("record_unreadable") not in finished.stdout
    assert "I'll show crisis lines for United Kingdom (GB)" in finished.stdout, "the chat went on"
    assert "DecryptionError" not in finished.stdout, "the person sees our words"
    log = (tmp_path / "data" / "chat.log").read_text()
    for leaked in ("authentication", "Traceback", "are you there?"):
        assert leaked not in finished.stdout + finished.stderr + log, "no error text anywhere"
    assert "chat_line_failed" not in log
    assert "record_unreadable person=1 table=turns" in log
    assert f"turn_set_aside person=1 session=1 turn={turn_id}" in log
