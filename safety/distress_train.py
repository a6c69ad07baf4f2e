"""Make `data/distress.en.json`: train the distress model (`distress.py`) on public posts.

Source: the construct-tracker 1.0.16 wheel from PyPI (Daniel M. Low; Apache-2.0), which
ships two sets of English posts with their forum:

- 7,020 posts of the Reddit Mental Health Dataset, 260 from each of 27 subreddits (Low et
  al. 2020, J Med Internet Res 22(10):e22635);
- posts of the veterans' forum RallyPoint labelled for suicidal thoughts and behaviour,
  mixed with more Reddit posts.

Labels come from the forum, as in the development set:

- *distress* (1): posts in forums where people write about their own loneliness,
  trauma, self-harm, mood, eating disorders and addiction;
- *other* (0): posts in forums about law and mindfulness, and RallyPoint posts labelled
  as no risk (ordinary personal talk between veterans, the nearest thing in the source
  to a conversation).

Never trained on: every post of a forum the evaluation sets draw from
(`EVALUATED_FORUMS`: r/SuicideWatch, r/depression and the seven control forums), because
the sealed evaluation set holds other posts of the same forums from the same file, and
every RallyPoint post that evaluation phrases were cut from. Left out on purpose as well:
forums whose posts are about a condition more than distress (ADHD, autism,
schizophrenia, health anxiety, anxiety, social anxiety) and divorce, where distress is
common but the forum says nothing about it; the RallyPoint sets built from short
phrases; every post whose text is also in a file given with `--exclude` (the
development set); and every feature that holds a word saying *who* someone is (service
in the military, a spouse, a profession, a country), because the forums differ in who
writes in them and the model must not learn that a veteran or a lawyer is less likely
to be in distress.

Every post is hashed into one of five folds. Five models, each fitted without one fold,
score the posts of that fold; the threshold is the score that `FALSE_ALARM_RATE` of the
*other* forums' posts, so scored, exceed, and what the five find at that threshold is
printed and written into the file. The shipped model is then fitted on every post. The
other forums are ones the development set leaves out as not benign (legal trouble,
mindfulness practice that often meets low mood), so the threshold is a strict one.

Run from the repository with the wheel downloaded by `pip download --no-deps
construct-tracker==1.0.16`:

    python -m safety.distress_train construct_tracker-1.0.16-py3-none-any.whl \
        --exclude ../shared/eval/safety/dev.jsonl --output safety/data/distress.en.json

(`--output`, not a shell redirect: importing the screen reads the current file, so it
must stay whole until the new one is ready.)

Deterministic: the same wheel and exclusions give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import random
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from safety.distress import DistressModel, features, logit, weighed, words

SOURCE: Final = "construct-tracker 1.0.16 (PyPI, Apache-2.0)"
_DATASETS: Final = "construct_tracker/data/datasets/"
REDDIT_FILE: Final = _DATASETS + "reddit_27_subreddits/rmhd_27subreddits_260posts_test.csv"
RALLYPOINT_FILES: Final = tuple(
    _DATASETS + f"rally_point_reddit_mental_health/rallypoint_reddit_mentalhealth_{part}.csv"
    for part in ("train_3632", "test_908")
)

# The forums the evaluation sets draw their Reddit posts from (`sdcnl`, `rmhd`): no post
# of theirs is trained on, from either file, whether or not it is in the development set.
# The sealed evaluation set takes other posts of the same forums, from the same file; a
# model that has read the posts it is scored on measures nothing.
EVALUATED_FORUMS: Final = frozenset(
    {
        "depression",
        "suicidewatch",
        "personalfinance",
        "ukpersonalfinance",
        "teaching",
        "ukpolitics",
        "unitedkingdom",
        "conspiracy",
        "guns",
    }
)
DISTRESS_FORUMS: Final = frozenset(
    {
        "lonely",
        "foreveralone",
        "bpd",
        "ptsd",
        "edanonymous",
        "mentalhealth",
        "addiction",
        "alcoholism",
        "bipolarreddit",
    }
)
OTHER_FORUMS: Final = frozenset({"legaladvice", "mindfulness"})
# RallyPoint sets of whole posts. Left out: the sets built from short phrases, and the
# posts of `first500` and `nock2000`, from which the evaluation sets' highlighted and
# augmented phrases (`ct_stb_phrases`) were cut.
RALLYPOINT_SETS: Final = frozenset({f"Set {n}" for n in range(1, 7)})

# Words that say who someone is, not how they are (see the module docstring).
IDENTITY_WORDS: Final = frozenset(
    {
        "veteran",
        "veterans",
        "vet",
        "vets",
        "va",
        "military",
        "army",
        "navy",
        "marine",
        "marines",
        "airman",
        "soldier",
        "soldiers",
        "troops",
        "deployed",
        "deployment",
        "deployments",
        "combat",
        "iraq",
        "afghanistan",
        "service",
        "served",
        "sir",
        "sgt",
        "sfc",
        "nco",
        "officer",
        "officers",
        "unit",
        "rank",
        "wife",
        "wives",
        "husband",
        "husbands",
        "boyfriend",
        "girlfriend",
        "partner",
        "spouse",
        "teacher",
        "teachers",
        "teaching",
        "student",
        "students",
        "pupils",
        "classroom",
        "nurse",
        "lawyer",
        "uk",
        "british",
        "britain",
        "england",
        "english",
        "london",
        "america",
        "american",
        "americans",
        "usa",
    }
)

MIN_DOCUMENTS: Final = 5  # a feature seen in fewer training posts is left out
MAX_FEATURES: Final = 8000  # the strongest of the first fit, kept for the final fit
L2: Final = 1e-4
EPOCHS: Final = 12
LEARNING_RATE: Final = 0.5
SEED: Final = 7
FOLDS: Final = 5
FALSE_ALARM_RATE: Final = 0.05  # of the other forums' posts, each scored held out
MIN_WORDS: Final = 20
MIN_SELF: Final = 2
DIGITS: Final = 4  # decimals kept in the file


@dataclass(frozen=True, slots=True)
class Post:
    text: str
    distress: bool
    forum: str  # a subreddit's name in lower case, or "rallypoint"


def dedupe_key(text: str) -> str:
    """Letters and digits of the opening, lower case: survives trimming and re-spacing."""
    return re.sub(r"\W+", "", text.lower())[:200]


def _rows(archive: zipfile.ZipFile, member: str) -> Iterable[dict[str, str]]:
    with archive.open(member) as raw:
        yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))


def read_posts(wheel: Path) -> list[Post]:
    """The posts of both sets, labelled by forum; posts of forums left out are skipped."""
    csv.field_size_limit(sys.maxsize)
    posts: list[Post] = []
    with zipfile.ZipFile(wheel) as archive:
        for row in _rows(archive, REDDIT_FILE):
            forum = row["subreddit"].lower()
            if forum in DISTRESS_FORUMS or forum in OTHER_FORUMS:
                posts.append(Post(row["post"], forum in DISTRESS_FORUMS, forum))
        for member in RALLYPOINT_FILES:
            for row in _rows(archive, member):
                site, _, part = row["source"].partition(" ")
                if site == "reddit" and part.lower() in DISTRESS_FORUMS:
                    posts.append(Post(row["doc"], True, part.lower()))
                elif site == "rallypoint" and part in RALLYPOINT_SETS:
                    posts.append(Post(row["doc"], float(row["label"]) > 0, "rallypoint"))
    return posts


def dedupe(posts: Iterable[Post], excluded: Iterable[str]) -> tuple[list[Post], int]:
    """Posts without repeats and without any whose text is excluded, and how many of the
    latter there were."""
    left_out = {dedupe_key(t) for t in excluded}
    seen: set[str] = set()
    kept: list[Post] = []
    dropped = 0
    for post in posts:
        key = dedupe_key(post.text)
        if key in left_out:
            dropped += 1
        elif key and key not in seen:
            seen.add(key)
            kept.append(post)
    return kept, dropped


def fold_of(post: Post) -> int:
    """Which of the `FOLDS` parts a post is held out in, from a hash of its text."""
    digest = hashlib.sha256(post.text.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % FOLDS


def usable(feature: str) -> bool:
    return IDENTITY_WORDS.isdisjoint(feature.split())


def fit(
    examples: Sequence[tuple[frozenset[str], bool]],
    vocabulary: frozenset[str],
    *,
    prior: float = 0.0,
    l2: float = L2,
) -> tuple[dict[str, float], float]:
    """Logistic regression on feature presence (scaled as in `distress.logit`), by
    Adagrad with an `l2` penalty, in a seeded order."""
    weights: dict[str, float] = dict.fromkeys(sorted(vocabulary), 0.0)
    squares: dict[str, float] = dict.fromkeys(weights, 0.0)
    bias, bias_square = 0.0, 0.0
    rows = [(sorted(f & vocabulary), float(y)) for f, y in examples]
    order = list(range(len(rows)))
    rng = random.Random(SEED)  # noqa: S311 - a repeatable order of examples, not a secret
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            present, y = rows[i]
            scale = 1 / math.sqrt(len(present) + prior) if present else 1.0
            z = bias + scale * math.fsum(weights[f] for f in present)
            error = 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - y
            for f in present:
                gradient = error * scale + l2 * weights[f]
                squares[f] += gradient * gradient
                weights[f] -= LEARNING_RATE * gradient / math.sqrt(squares[f] + 1e-8)
            bias_square += error * error
            bias -= LEARNING_RATE * error / math.sqrt(bias_square + 1e-8)
    return weights, bias


def threshold_for(scores: Sequence[float], rate: float) -> float:
    """The score that a `rate` share of `scores` exceed (at least one of them)."""
    ranked = sorted(scores, reverse=True)
    return ranked[min(len(ranked) - 1, max(1, math.floor(len(ranked) * rate)))]


@dataclass(frozen=True, slots=True)
class Trained:
    weights: Mapping[str, float]
    bias: float
    threshold: float
    report: Mapping[str, object]


def fit_pruned(
    examples: Sequence[tuple[frozenset[str], bool]],
    *,
    min_documents: int = MIN_DOCUMENTS,
    kept: int = MAX_FEATURES,
    digits: int = DIGITS,
    prior: float = 0.0,
    l2: float = L2,
    allowed: Callable[[str], bool] = usable,
) -> tuple[dict[str, float], float]:
    """Fit on features of at least `min_documents` examples that are `allowed`, keep the
    `kept` strongest, fit again; weights rounded to `digits` as the file keeps them.
    (The defaults are the distress model's; the chat model brings its own.)"""
    counts: Counter[str] = Counter()
    for present, _ in examples:
        counts.update(present)
    vocabulary = frozenset(f for f, n in counts.items() if n >= min_documents and allowed(f))
    first, _ = fit(examples, vocabulary, prior=prior, l2=l2)
    strongest = frozenset(sorted(first, key=lambda f: (-abs(first[f]), f))[:kept])
    weights, bias = fit(examples, strongest, prior=prior, l2=l2)
    return {f: round(w, digits) for f, w in weights.items()}, round(bias, digits)


def train(posts: Sequence[Post], normal_form: Mapping[str, str]) -> Trained:
    """Cross-fit to set the threshold and measure, then fit the shipped model on every post.

    Each of `FOLDS` models is fitted without one fold and scores the posts of that fold,
    so every post is scored by a model that never saw it. The threshold is the score that
    `FALSE_ALARM_RATE` of the other forums' posts exceed, so scored; the report counts
    what each fold's model, at that threshold and behind the shipped gate, finds in its
    fold. `normal_form` maps each post's text to its normalised form
    (`Screen.normal_form`)."""
    featured = [(p, frozenset(features(words(normal_form[p.text]))), fold_of(p)) for p in posts]
    held_out = [
        fit_pruned([(f, p.distress) for p, f, fold in featured if fold != k]) for k in range(FOLDS)
    ]
    other = [
        logit(held_out[fold][1], weighed(held_out[fold][0], f).values())
        for p, f, fold in featured
        if not p.distress and p.forum in OTHER_FORUMS
    ]
    threshold = round(threshold_for(other, FALSE_ALARM_RATE), DIGITS)
    models = [DistressModel(w, b, threshold, MIN_WORDS, MIN_SELF) for w, b in held_out]
    found = [(p, bool(models[fold].spans(normal_form[p.text]))) for p, _, fold in featured]
    weights, bias = fit_pruned([(f, p.distress) for p, f, _ in featured])
    report: dict[str, object] = {
        "posts": len(posts),
        "features": len(weights),
        "held_out": _report(found),
    }
    return Trained(weights, bias, threshold, report)


def _report(found: Sequence[tuple[Post, bool]]) -> dict[str, str]:
    """Share of held-out posts found, by forum (RallyPoint by its label)."""
    by_forum: dict[str, list[bool]] = {}
    for post, yes in found:
        forum = post.forum if post.forum != "rallypoint" else f"rallypoint/{int(post.distress)}"
        by_forum.setdefault(forum, []).append(yes)
    return {forum: f"{sum(yes)}/{len(yes)}" for forum, yes in sorted(by_forum.items())}


def render(trained: Trained, *, source: str, excluded: int) -> str:
    """The model file: settings and provenance first, then the weights in sorted order."""
    data = {
        "about": "Distress model of the crisis screen: see safety/distress.py",
        "made_by": "python -m safety.distress_train",
        "source": source,
        "licence": "Apache-2.0, as the source (LICENSE.srl beside this file)",
        "forums_not_trained_on": sorted(EVALUATED_FORUMS),
        "excluded_as_in_development_set": excluded,
        "report": trained.report,
        "min_words": MIN_WORDS,
        "min_self": MIN_SELF,
        "threshold": trained.threshold,
        "bias": trained.bias,
        "weights": dict(sorted(trained.weights.items())),
    }
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def write_model(text: str, output: Path | None) -> None:
    """The model file to `output` (whole, once it is ready: importing the screen reads the
    current file), or to stdout."""
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _excluded_texts(paths: Sequence[Path]) -> list[str]:
    texts: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            texts.extend(str(json.loads(line)["text"]) for line in lines if line.strip())
    return texts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m safety.distress_train")
    parser.add_argument("wheel", type=Path, help="construct_tracker-1.0.16-py3-none-any.whl")
    parser.add_argument(
        "--exclude", type=Path, action="append", default=[], help="JSONL whose texts to leave out"
    )
    parser.add_argument("--output", type=Path, help="the model file to write (default: stdout)")
    args = parser.parse_args(argv)
    from safety.screen import normal_form  # compiles every lexicon: only when run

    posts, excluded = dedupe(read_posts(args.wheel), _excluded_texts(args.exclude))
    trained = train(posts, {p.text: normal_form(p.text, "en") for p in posts})
    print(json.dumps(trained.report, indent=1), file=sys.stderr)  # noqa: T201 - a command
    digest = hashlib.sha256(args.wheel.read_bytes()).hexdigest()
    write_model(
        render(trained, source=f"{SOURCE}, wheel sha256 {digest}", excluded=excluded), args.output
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
