"""The crisis screen's time per message, by length, on texts that ship with the repository.

    python -m tests.bench.screen_speed [--rounds N] [FILE.jsonl ...]

Without a file it times texts anyone can reproduce: the screen's own test cases (the
English cases, the other languages' cases, every rule's examples and counter-examples),
which are chat-length, and longer posts made by joining those of one language in order.
Files add their "text" fields (such as the development set, which `python -m safety
bench` times alone).
Each text is screened as the bot screens it, without a language; per message the fastest
of several rounds (see `safety.benchmark`). Also prints how long compiling the lexicons
takes, which `import safety` pays once.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from safety.benchmark import measure
from safety.screen import build_screen, screen

CASES = Path(__file__).parents[1] / "unit" / "safety"
_POST_CHARS = (1000, 2000)  # joined posts: one of at most each length per starting case


def shipped_texts() -> list[str]:
    """The test cases and rule examples, then posts joined from those of one language."""
    groups = [list(_texts(CASES / "screen_cases.jsonl"))]
    groups += [list(_texts(path)) for path in sorted((CASES / "lang_cases").glob("*.jsonl"))]
    compiled = build_screen()
    for lang in compiled.languages():
        lexicon = compiled.lexicon(lang)
        examples = [e for rule in lexicon.rules for e in (*rule.examples, *rule.counter_examples)]
        groups.append([*examples, *lexicon.benign_examples])
    texts = [text for group in groups for text in group]
    return texts + [post for group in groups for post in _posts(group)]


def _texts(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield str(json.loads(line)["text"])


def _posts(texts: Sequence[str]) -> Iterator[str]:
    """Every 10th text and the ones after it, joined until the post is long enough."""
    for start in range(0, len(texts), 10):
        for size in _POST_CHARS:
            post = ""
            for text in texts[start:]:
                if len(post) + len(text) + 1 > size:
                    break
                post = f"{post}\n{text}" if post else text
            if len(post) > size // 2:
                yield post


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.screen_speed")
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    build_screen()
    print(f"compiling every lexicon: {time.perf_counter() - start:.2f} s")
    texts = shipped_texts()
    print(f"\nshipped test cases and posts joined from them ({len(texts)} texts)")
    for row in measure(texts, screen, args.rounds).lines():
        print(row)
    for path in args.files:
        with path.open(encoding="utf-8") as lines:
            found = [str(json.loads(line)["text"]) for line in lines if line.strip()]
        print(f"\n{path.name} ({len(found)} texts)")
        for row in measure(found, screen, args.rounds).lines():
            print(row)


if __name__ == "__main__":
    main()
