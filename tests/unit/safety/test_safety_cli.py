"""`python -m safety` as a subprocess: JSON lines in order, flushed, errors without user text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from safety.evaluate import Tally, evaluate
from safety.screening import Level, Screening

ROOT = Path(__file__).resolve().parents[3]
TIMEOUT_S = 60


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def _run(args: list[str], stdin: str, **env: str) -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, "-m", "safety", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(**env),
        timeout=TIMEOUT_S,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_screen_writes_one_json_line_per_input_in_order() -> None:
    lines = [
        {"text": "I'm going to kill myself tonight"},
        {"text": "this deadline is killing me"},
        {"text": "tonight is the night", "recent": ["I wrote the letters."]},
        {"text": "me quiero morir", "lang": "es"},
        {"text": "my sister says she wants to end it"},
    ]
    out = _run(["screen"], "".join(json.dumps(x) + "\n" for x in lines))
    assert out == [
        {"level": "crisis", "categories": ["suicide_self_harm"]},
        {"level": "none", "categories": []},
        {"level": "crisis", "categories": ["suicide_self_harm"]},
        {"level": "concern", "categories": ["suicide_self_harm"]},
        {"level": "concern", "categories": ["suicide_self_harm"]},
    ]


def test_bad_lines_get_an_error_line_without_the_users_text_and_do_not_stop_the_run() -> None:
    stdin = "\n".join(
        [
            "not json canary-4711",
            json.dumps({"text": 5, "note": "canary-4712"}),
            json.dumps({"text": "ok", "recent": "canary-4713"}),
            json.dumps({"text": "ok", "lang": 7}),
            json.dumps(["canary-4714"]),
            json.dumps({"text": "I want to die"}),
        ]
    )
    out = _run(["screen"], stdin + "\n")
    assert [sorted(o) for o in out[:5]] == [["error"]] * 5
    assert "canary" not in json.dumps(out)
    assert out[5] == {"level": "concern", "categories": ["suicide_self_harm"]}


def test_screen_flushes_each_answer_before_reading_the_next_line() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "safety", "screen"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=_env(),
    ) as proc:
        assert proc.stdin is not None
        assert proc.stdout is not None
        for text, level in [("I took 30 pills", "crisis"), ("hello", "none")]:
            proc.stdin.write(json.dumps({"text": text}) + "\n")
            proc.stdin.flush()
            assert json.loads(proc.stdout.readline())["level"] == level
        proc.stdin.close()
        assert proc.wait(timeout=TIMEOUT_S) == 0


def test_evidence_flag_adds_rules_and_spans() -> None:
    (out,) = _run(["screen", "--evidence"], json.dumps({"text": "ok. I took 30 pills"}) + "\n")
    assert out["evidence"] == [
        {"rule": "suicide.overdose", "level": "crisis", "start": 4, "end": 19}
    ]


def test_results_do_not_depend_on_the_hash_seed() -> None:
    texts = [
        "I have the pills ready and I wrote the letters",
        "he's outside with a knife and I haven't eaten in days",
        "no sé, kms, ya no quiero vivir",
        "my friend is suicidal and I hate myself",
    ]
    stdin = "".join(json.dumps({"text": t, "recent": ["I bought a rope"]}) + "\n" for t in texts)
    runs = [_run(["screen", "--evidence"], stdin, PYTHONHASHSEED=seed) for seed in ("1", "2", "3")]
    assert runs[0] == runs[1] == runs[2]


TINY = Path(__file__).with_name("eval_tiny.jsonl")


def _eval_stdout(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "safety", "eval", str(TINY), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(),
        timeout=TIMEOUT_S,
        check=True,
    )
    return done.stdout.splitlines()


def _cells(lines: list[str], group: str) -> list[str]:
    (row,) = [line for line in lines if line.split()[0] == group]
    return row.split()


def test_eval_prints_every_metric_with_counts_pooled_per_language_and_per_source() -> None:
    lines = _eval_stdout()
    assert lines[0].split()[:2] == ["group", "n"]
    for name in ("miss rate", "crisis recall", "false-alarm rate", "over-flag rate", "p99 us"):
        assert name in lines[0]
    # n, then each rate followed by its count: miss, crisis recall, false alarm, over-flag
    assert _cells(lines, "all")[1:10] == [
        "8",
        "0.250",
        "(1/4)",
        "1.000",
        "(1/1)",
        "0.250",
        "(1/4)",
        "0.500",
        "(2/4)",
    ]
    assert _cells(lines, "lang=es")[1:10] == [
        "2", "0.000", "(0/1)", "-", "(0/0)", "0.000", "(0/1)", "0.000", "(0/1)"
    ]  # fmt: skip
    assert _cells(lines, "source=b")[1:4] == ["3", "1.000", "(1/1)"]
    assert {line.split()[0] for line in lines[1:-1]} == {
        "all", "lang=en", "lang=es", "source=a", "source=b", "source=c"
    }  # fmt: skip


def test_eval_prints_throughput_and_latency_percentiles() -> None:
    speed = _eval_stdout()[-1]
    assert speed.startswith("speed: ")
    assert "messages/s over 8 messages" in speed
    assert " p50 " in speed
    assert " p99 " in speed
    for cell in _cells(_eval_stdout(), "all")[-2:]:  # p50 and p99 columns, in microseconds
        assert float(cell) >= 0


def test_eval_lists_ids_of_wrong_items_but_never_their_text() -> None:
    lines = _eval_stdout("--show", "miss", "--show", "over_flag", "--show", "false_alarm")
    assert "miss (1): t-3" in lines
    assert "over_flag (2): t-5 t-8" in lines
    assert "false_alarm (1): t-5" in lines
    assert "lovely" not in "\n".join(lines)


def test_evaluate_counts_each_metric_by_its_definition() -> None:
    levels = {"c": Level.CRISIS, "k": Level.CONCERN, "n": Level.NONE}

    def fake(text: str, *, lang: str | None = None) -> Screening:
        return Screening(levels[text[0]])

    rows = [
        ("c1", "crisis"),
        ("k1", "crisis"),
        ("n1", "risk"),
        ("k2", "risk"),
        ("c2", "none"),
        ("k3", "none"),
        ("n2", "none"),
        ("n3", "concern"),
    ]
    lines = [json.dumps({"text": t, "label": label, "source": "s"}) for t, label in rows]
    tally = evaluate(lines, fake).pooled
    assert (tally.missed, tally.risky) == (1, 4)
    assert (tally.caught, tally.crisis) == (1, 2)
    assert (tally.false_alarms, tally.over_flags, tally.benign) == (1, 2, 3)


def test_evaluate_times_each_call_and_reports_throughput_and_percentiles() -> None:
    tally = Tally()
    for micros in range(1, 101):  # 1..100 us
        tally.add("none", Level.NONE, micros * 1000)
    assert tally.percentile_us(0.5) == 51
    assert tally.percentile_us(0.99) == 100
    assert round(tally.throughput()) == round(100 / (5050e-6))
    report = evaluate(
        [json.dumps({"text": "x", "label": "none"})], lambda text, lang: Screening(Level.NONE)
    )
    assert len(report.pooled.nanos) == 1
    assert report.pooled.nanos[0] > 0


def test_bench_prints_percentiles_by_message_length() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "safety", "bench", str(TINY), "--rounds", "2"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(),
        timeout=TIMEOUT_S,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0] == "per message, fastest of 2 rounds (us)"
    assert lines[1].split() == ["messages", "n", "p50", "p90", "p99", "max", "msg/s"]
    chat = lines[2].split()
    assert chat[:3] == ["chat", "<=300", "8"]  # every tiny message is chat-length
    assert lines[-1].split()[:2] == ["all", "8"]


def test_a_file_that_cannot_be_read_is_named_in_one_line_without_a_traceback(
    tmp_path: Path,
) -> None:
    for command in ("eval", "bench"):
        done = subprocess.run(
            [sys.executable, "-m", "safety", command, str(tmp_path / "missing.jsonl")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=_env(),
            timeout=TIMEOUT_S,
        )
        assert done.returncode == 2
        assert done.stderr == f"python -m safety: cannot read {tmp_path / 'missing.jsonl'}: " + (
            "No such file or directory\n"
        )


def test_a_reader_that_stops_early_leaves_no_traceback() -> None:
    """`python -m safety eval FILE | head -1`: the pipe closes before the report is out."""
    with subprocess.Popen(
        [sys.executable, "-m", "safety", "eval", str(TINY), "--show", "miss"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=_env(),
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # before the screen is even loaded
        errors = process.stderr.read()
        assert process.wait(timeout=TIMEOUT_S) == 1
    assert errors == b""
