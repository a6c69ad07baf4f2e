"""The distress model: when it runs, what it reports, the shipped file, and how it is made."""

from __future__ import annotations

import copy
import csv
import io
import json
import math
import zipfile
from pathlib import Path
from typing import Any

import pytest

from safety import screen
from safety.distress import WORD, DistressModel, features, logit, weighed, words
from safety.distress_train import (
    DISTRESS_FORUMS,
    EVALUATED_FORUMS,
    IDENTITY_WORDS,
    MAX_FEATURES,
    OTHER_FORUMS,
    RALLYPOINT_FILES,
    REDDIT_FILE,
    Post,
    dedupe,
    fit,
    read_posts,
    render,
    threshold_for,
    train,
    usable,
)
from safety.lexicon import DATA_DIR, LexiconError, compile_lexicon, load_common, read_data
from safety.screen import build_screen
from safety.screening import Category, Level

SPEC = read_data("lexicon.en.yaml")["distress_model"]
RULES_AND_DISTRESS = build_screen(chat=False)
FILLER = "the day went on and on as it does "  # 9 words, none of them weighed below


def toy(**weights: float) -> DistressModel:
    """A model that weighs only the given features; threshold 0, bias -1."""
    return DistressModel(
        weights={k.replace("_", " "): v for k, v in weights.items()},
        bias=-1.0,
        threshold=0.0,
        min_words=20,
        min_self=2,
    )


def test_features_are_words_and_adjacent_pairs() -> None:
    assert features(words("i am alone. i am")) == {
        "i",
        "am",
        "alone",
        "i am",
        "am alone",
        "alone i",
    }


@pytest.mark.parametrize(
    "text",
    [
        "i can't sleep, 3am again... 'tired' of it",
        "'' i'm  fine\n\tno_really emo_pills 42x",
        "i am tired и одинок, café",  # not ASCII: the other way, the same words
        "",
    ],
)
def test_words_are_runs_of_letters_and_apostrophes_found_either_way(text: str) -> None:
    assert words(text) == WORD.findall(text)


def test_the_score_is_scaled_by_the_square_root_of_the_features_weighed() -> None:
    weights = {"lonely": 2.0, "tired": 2.0, "work": -1.0}
    assert logit(0.5, weighed(weights, {"lonely", "tired", "bread"}).values()) == pytest.approx(
        0.5 + 4 / math.sqrt(2)
    )
    assert logit(0.5, weighed(weights, {"bread"}).values()) == 0.5  # nothing weighed: the bias


def test_a_message_shorter_than_min_words_is_never_weighed() -> None:
    model = toy(hopeless=9.0)
    words = "i feel hopeless and my " + FILLER + FILLER  # 23 words
    assert model.spans(words) == [(7, 15)]
    assert model.spans(" ".join(words.split()[:19])) == []


def test_a_message_with_fewer_than_min_self_first_person_words_is_not_weighed() -> None:
    model = toy(hopeless=9.0)
    assert model.spans("she feels hopeless and " + FILLER + FILLER) == []
    assert model.spans("she feels hopeless and my " + FILLER + FILLER) == []
    assert model.spans("i feel hopeless and my " + FILLER + FILLER) != []


def test_below_the_threshold_it_finds_nothing() -> None:
    model = toy(hopeless=0.5)  # -1 + 0.5 / 1 is below 0
    assert model.spans("i feel hopeless and my " + FILLER + FILLER) == []


def test_its_evidence_is_the_strongest_positive_features_at_their_first_occurrence() -> None:
    model = toy(hopeless=4.0, so_alone=3.0, tired=2.5, day=1.0, went=-3.0)
    text = "i am so alone and my day was hopeless, so alone, so tired " + FILLER
    assert [text[a:b] for a, b in model.spans(text)] == ["so alone", "hopeless", "tired"]


def test_a_pair_is_found_where_both_words_stand_together() -> None:
    model = toy(so_alone=9.0)
    text = "so i am so alone and my " + FILLER + FILLER
    ((start, end),) = model.spans(text)
    assert text[start:end] == "so alone"
    assert start == 8


def test_shipped_model_comes_from_public_posts_outside_the_development_set() -> None:
    data = json.loads((DATA_DIR / "distress.en.json").read_text(encoding="utf-8"))
    model = DistressModel.from_data(data)
    assert "construct-tracker" in data["source"]
    assert "LICENSE.srl" in data["licence"]
    assert (DATA_DIR / "LICENSE.srl").is_file()
    assert set(data["forums_not_trained_on"]) == EVALUATED_FORUMS
    assert 0 < len(model.weights) <= MAX_FEATURES
    assert all(math.isfinite(w) for w in model.weights.values())
    assert not any(IDENTITY_WORDS & set(f.split()) for f in model.weights)
    assert (model.min_words, model.min_self) == (20, 2)


@pytest.mark.parametrize("text", SPEC["examples"])
def test_long_posts_about_distress_that_no_rule_holds_are_concern_from_the_model(
    text: str,
) -> None:
    screening = screen(text)
    assert screening.level is Level.CONCERN
    assert screening.categories == (Category.SUICIDE_SELF_HARM,)
    assert {e.rule for e in screening.evidence} == {"distress.model"}
    for item in screening.evidence:
        assert item.level is Level.CONCERN
        assert text[item.start : item.end].strip()  # spans in what the person wrote


@pytest.mark.parametrize("text", SPEC["counter_examples"])
def test_ordinary_coaching_talk_about_oneself_is_not_weighed_as_distress(text: str) -> None:
    """The rules and the distress model; the chat model's over-flags are measured apart
    (`docs/safety.md`, "The chat model": it reads one of these as concern)."""
    assert RULES_AND_DISTRESS(text).level is Level.NONE


def test_the_model_adds_nothing_where_a_rule_already_found_concern() -> None:
    text = SPEC["examples"][0] + " Sometimes I just want to die."
    rules = {e.rule for e in screen(text).evidence}
    assert "distress.model" not in rules
    assert screen(text).level is Level.CONCERN


def test_the_model_never_makes_a_crisis_with_recent_messages() -> None:
    screening = screen(SPEC["examples"][0], recent=["I bought a rope yesterday."])
    assert screening.level is Level.CONCERN


def test_a_lexicon_naming_a_missing_model_file_fails_loudly() -> None:
    data: dict[str, Any] = copy.deepcopy(read_data("lexicon.en.yaml"))
    data["distress_model"]["file"] = "no-such-model.json"
    with pytest.raises(LexiconError, match="no-such-model"):
        compile_lexicon(data, load_common())


def test_a_model_file_with_a_weight_that_is_not_a_number_fails_loudly() -> None:
    good = {"weights": {"sad": 1.0}, "bias": 0, "threshold": 0, "min_words": 20, "min_self": 2}
    assert DistressModel.from_data(good).weights == {"sad": 1.0}
    with pytest.raises(ValueError, match="finite"):
        DistressModel.from_data({**good, "weights": {"sad": float("nan")}})
    with pytest.raises(ValueError, match="threshold"):
        DistressModel.from_data({k: v for k, v in good.items() if k != "threshold"})


# --- how the model is made ---------------------------------------------------------


def _csv(header: list[str], rows: list[list[str]]) -> str:
    text = io.StringIO()
    csv.writer(text).writerows([header, *rows])
    return text.getvalue()


def test_posts_are_read_from_the_wheel_and_labelled_by_their_forum(tmp_path: Path) -> None:
    wheel = tmp_path / "construct_tracker.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(
            REDDIT_FILE,
            _csv(
                ["", "subreddit", "post"],
                [
                    ["0", "lonely", "a post about my low mood"],
                    ["1", "legaladvice", "a post about a lease"],
                    ["2", "adhd", "a post about a diagnosis"],  # a forum left out
                    ["3", "depression", "a post the evaluation may hold"],
                    ["4", "personalfinance", "a control post it may hold"],
                ],
            ),
        )
        archive.writestr(
            RALLYPOINT_FILES[0],
            _csv(
                ["", "doc", "label", "source"],
                [
                    ["0", "a post about leave", "0.0", "rallypoint Set 2"],
                    ["1", "a post with thoughts of dying", "1.0", "rallypoint Set 6"],
                    ["2", "a short phrase", "1.0", "rallypoint rp_augment_phrases"],
                    ["3", "a post about being alone", "1.0", "reddit lonely"],
                    ["4", "a post in r/depression", "1.0", "reddit depression"],
                    ["5", "a post phrases were cut from", "1.0", "rallypoint first500"],
                ],
            ),
        )
        archive.writestr(RALLYPOINT_FILES[1], _csv(["", "doc", "label", "source"], []))
    assert read_posts(wheel) == [
        Post("a post about my low mood", True, "lonely"),
        Post("a post about a lease", False, "legaladvice"),
        Post("a post about leave", False, "rallypoint"),
        Post("a post with thoughts of dying", True, "rallypoint"),
        Post("a post about being alone", True, "lonely"),
    ]


def test_no_forum_the_evaluation_draws_from_is_trained_on() -> None:
    assert "suicidewatch" in EVALUATED_FORUMS and "guns" in EVALUATED_FORUMS
    assert EVALUATED_FORUMS.isdisjoint(DISTRESS_FORUMS | OTHER_FORUMS)


def test_posts_in_the_development_set_and_repeats_are_left_out() -> None:
    posts = [
        Post("I feel so low.", True, "depression"),
        Post("i feel   so LOW", True, "lonely"),  # the same post, spaced differently
        Post("Rates went up again", False, "ukpersonalfinance"),
        Post("Nobody would notice if I was gone", True, "suicidewatch"),
    ]
    kept, dropped = dedupe(posts, ["nobody would notice if i was gone..."])
    assert kept == posts[:1] + posts[2:3]
    assert dropped == 1


def test_words_that_say_who_someone_is_are_not_features() -> None:
    assert not usable("veteran")
    assert not usable("my wife")
    assert usable("so tired")


def test_fitting_separates_what_it_was_shown() -> None:
    examples = [(frozenset({"alone", "tired"}), True), (frozenset({"budget", "tax"}), False)] * 20
    weights, bias = fit(examples, frozenset({"alone", "tired", "budget", "tax"}))
    assert weights["alone"] > 0 > weights["tax"]
    assert (
        logit(bias, [weights["alone"], weights["tired"]])
        > 0
        > logit(bias, [weights["budget"], weights["tax"]])
    )


def test_the_threshold_is_exceeded_by_the_chosen_share_of_scores() -> None:
    scores = [float(n) for n in range(100)]
    threshold = threshold_for(scores, 0.05)
    assert sum(s > threshold for s in scores) == 5


def _corpus() -> list[Post]:
    sad = ["alone", "tired", "empty", "crying", "hopeless", "numb"]
    plain = ["mortgage", "tax", "pension", "budget", "council", "invoice"]
    posts = []
    for n in range(120):
        words = sad if n % 2 else plain
        said = " ".join(words[(n + k) % 6] for k in range(3))
        text = f"i wrote post {n} and my words were {said} " + FILLER + FILLER
        posts.append(Post(text, bool(n % 2), "lonely" if n % 2 else "legaladvice"))
    return posts


def test_training_is_deterministic_and_its_file_loads_as_a_model() -> None:
    posts = _corpus()
    normal = {p.text: p.text for p in posts}
    first, second = train(posts, normal), train(posts, normal)
    assert render(first, source="test", excluded=0) == render(second, source="test", excluded=0)
    data = json.loads(render(first, source="test", excluded=3))
    model = DistressModel.from_data(data)
    assert data["excluded_as_in_development_set"] == 3
    assert model.weights["hopeless"] > 0 > model.weights["pension"]
    found = {
        forum: tuple(int(n) for n in share.split("/"))
        for forum, share in data["report"]["held_out"].items()
    }
    assert found["lonely"] == (60, 60)  # every post scored by a model that never saw it
    assert found["legaladvice"][0] <= 3
