"""The chat model (`safety/chat.py`): its features, its verdicts, how the screen uses it,
and what it may and may not change in the rules' labelled cases."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest

from safety import Category, Level, screen
from safety.chat import HEADS, PRIOR, WORD, ChatModel, Head, features
from safety.lexicon import load_common, load_lexicon
from safety.screen import CHAT_MODEL_FILE, SUPPORTED, Screen, build_screen, normal_form
from safety.screening import CHAT_RULE

HERE = Path(__file__).parent
COMMON = load_common()
LEXICONS = {lang: load_lexicon(lang, COMMON) for lang in SUPPORTED}
RULES = Screen(COMMON, LEXICONS)


def _english(weights: dict[str, float]) -> dict[str, float]:
    return {f"en|{feature}": weight for feature, weight in weights.items()}


def _model(
    risk: dict[str, float],
    *,
    about: dict[str, float] | None = None,
    crisis: dict[str, float] | None = None,
    **cats: Any,
) -> ChatModel:
    """A toy model: `risk` and `crisis` weights with threshold 1, category heads from
    `cats`."""
    heads: dict[str, dict[str, Any]] = {
        name: {"bias": 0.0, "threshold": 0.0, "weights": {}} for name in HEADS
    }
    heads["risk"] = {"bias": 0.0, "threshold": 1.0, "weights": _english(risk)}
    heads["crisis"] = {"bias": 0.0, "threshold": 1.0, "weights": _english(crisis or {})}
    heads["about_other"] = {"bias": -1.0, "threshold": 0.0, "weights": _english(about or {})}
    for category, weights in cats.items():
        heads[f"category.{category}"]["weights"] = _english(weights)
    return ChatModel.from_data({"max_words": 12, "prior": PRIOR, "heads": heads})


def test_a_word_is_weighed_with_its_four_letter_pieces_and_its_neighbours() -> None:
    assert features(["me"], "en") == {"en|me", "en| me "}
    assert features(["took", "pills"], "en") == {
        *("en|took", "en| too", "en|took", "en|ook "),
        *("en|pills", "en| pil", "en|pill", "en|ills", "en|lls "),
        "en|took pills",  # and no piece across the two words ("ok p")
    }


def test_a_word_said_twice_is_weighed_once_and_its_pairs_as_said() -> None:
    assert features(["so", "so", "sad"], "en") == {
        *("en|so", "en| so "),
        *("en|sad", "en| sad", "en|sad "),
        *("en|so so", "en|so sad"),
    }


def test_each_language_weighs_its_own_words() -> None:
    """English "garden" and Hinglish "gardan" (neck) share pieces, not weight."""
    assert features(["garden"], "en").isdisjoint(features(["gardan"], "hi"))
    assert features(["tabletten"], "de").isdisjoint(features(["tabletten"], "en"))


def test_the_log_odds_are_the_bias_plus_the_weights_over_the_root_of_their_number_and_prior() -> (
    None
):
    head = Head({"a": 1.0, "b": 2.0, "c": 5.0}, bias=-0.5, threshold=0.0)
    assert head.logit({"a", "b", "x"}) == pytest.approx(-0.5 + 3.0 / math.sqrt(2 + PRIOR))
    assert head.logit({"x"}) == -0.5


def test_the_model_speaks_above_its_threshold_and_names_the_words_that_weighed() -> None:
    model = _model({"zorbles": 10.0, "ready": 0.5, "the": -1.0})
    verdict = model.judge("the zorbles are ready", "en")
    assert verdict is not None
    assert verdict.spans == ((4, 11), (16, 21))  # "zorbles", "ready"; never "the"
    assert model.judge("the cat is ready", "en") is None
    assert model.judge("the zorbles are ready", "de") is None  # the weights are English


def test_the_kind_of_risk_and_whose_it_is_come_from_their_own_heads() -> None:
    model = _model(
        {"zorbles": 10.0},
        about={"friend": 6.0},
        medical_emergency={"breathing": 2.0},
    )
    mine = model.judge("zorbles", "en")
    theirs = model.judge("my friend zorbles not breathing", "en")
    assert mine is not None and theirs is not None
    assert (mine.category, mine.about_other) == (Category.SUICIDE_SELF_HARM, False)
    assert (theirs.category, theirs.about_other) == (Category.MEDICAL_EMERGENCY, True)


def test_the_crisis_head_speaks_only_behind_the_risk_head() -> None:
    model = _model({"zorbles": 10.0}, crisis={"roof": 10.0})
    on_the_roof = model.judge("the zorbles are on the roof", "en")
    ready = model.judge("the zorbles are ready", "en")
    assert on_the_roof is not None and on_the_roof.crisis
    assert ready is not None and not ready.crisis
    assert model.judge("the cat is on the roof", "en") is None  # no risk, so no crisis


def test_a_post_longer_than_chat_is_left_to_the_rules() -> None:
    model = _model({"zorbles": 10.0})
    assert model.judge("zorbles " * 12, "en") is not None
    assert model.judge("zorbles " * 13, "en") is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["heads"].pop("risk"), "heads: must be exactly"),
        (lambda d: d["heads"]["risk"]["weights"].update(x=math.inf), "must be finite"),
        (lambda d: d["heads"]["risk"].pop("bias"), "heads.risk"),
        (lambda d: d.pop("max_words"), "max_words"),
        (lambda d: d.update(prior=0.0), "another prior"),
    ],
)
def test_a_broken_model_file_is_refused(change: Any, message: str) -> None:
    data = {
        "max_words": 5,
        "prior": PRIOR,
        "heads": {name: {"bias": 0.0, "threshold": 0.0, "weights": {"a": 1.0}} for name in HEADS},
    }
    change(data)
    with pytest.raises(ValueError, match=message):
        ChatModel.from_data(data)


def test_the_screen_gives_the_models_concern_where_no_rule_reads_the_message() -> None:
    screen_with = Screen(COMMON, LEXICONS, _model({"zorbles": 10.0}, about={"friend": 6.0}))
    result = screen_with("the zorbles are ready", lang="en")
    assert result.level is Level.CONCERN
    assert [(e.rule, "the zorbles are ready"[e.start : e.end]) for e in result.evidence] == [
        (CHAT_RULE, "zorbles")
    ]
    assert result.third_party is False
    assert result.by_model_alone
    assert screen_with("my friend has the zorbles", lang="en").third_party is True
    assert RULES("the zorbles are ready", lang="en").level is Level.NONE
    assert not screen_with("I want to die", lang="en").by_model_alone
    assert not screen_with("hello", lang="en").by_model_alone


def test_the_screen_gives_the_models_crisis_only_where_no_rule_matched_at_all() -> None:
    """Where a rule read the words and found none (a novel's benign cue; a negation,
    which leaves no hit at all), its reading stands against the crisis head: the
    model's concern is the most it adds."""
    model = _model({"zorbles": 10.0}, crisis={"zorbles": 10.0})
    screen_with = Screen(COMMON, LEXICONS, model)
    alone = screen_with("the zorbles are ready", lang="en")
    assert alone.level is Level.CRISIS
    assert {e.rule for e in alone.evidence} == {CHAT_RULE}
    assert alone.by_model_alone
    novel = "in my novel she kills herself, zorbles"
    negated = "i'm not going to kill myself, zorbles"
    assert RULES.rules_fired(novel, lang="en") and RULES(novel, lang="en").level is Level.NONE
    assert RULES(negated, lang="en").level is Level.NONE
    for text in (novel, negated):
        read = screen_with(text, lang="en")
        assert read.level is Level.CONCERN, text
        assert {e.rule for e in read.evidence} == {CHAT_RULE}, text


def test_the_model_adds_nothing_where_the_rules_found_concern_or_made_a_crisis() -> None:
    screen_with = Screen(COMMON, LEXICONS, _model({"tonight": 10.0, "die": 10.0}))
    wish = screen_with("I want to die", lang="en")
    assert wish.level is Level.CONCERN
    assert CHAT_RULE not in {e.rule for e in wish.evidence}
    # a crisis made with an earlier message: the model's guess of a kind adds no category
    split = screen_with("tonight is the night", lang="en", recent=["I wrote the letters."])
    assert split.level is Level.CRISIS
    assert split.categories == (Category.SUICIDE_SELF_HARM,)
    assert CHAT_RULE not in {e.rule for e in split.evidence}


def test_the_shipped_screen_has_its_chat_model() -> None:
    assert build_screen().chat is not None


def _labelled() -> list[tuple[str | None, dict[str, Any]]]:
    cases: list[tuple[str | None, dict[str, Any]]] = []
    with (HERE / "screen_cases.jsonl").open(encoding="utf-8") as lines:
        cases += [(None, json.loads(line)) for line in lines if line.strip()]
    for path in sorted((HERE / "lang_cases").glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            cases += [(path.stem, json.loads(line)) for line in lines if line.strip()]
    return cases


def test_on_the_labelled_cases_the_model_adds_only_where_the_rules_found_none() -> None:
    """Every labelled case keeps the rules' level, except that a case the rules found
    none may be concern by the model alone, or a crisis where no rule matched at all:
    never lower. Of the cases labelled none (many of them the harmless twins of crises,
    written to trip a screen), the model makes at most twice the rate it was trained
    to (`crisis_rate` in its file: of the written none messages) a crisis."""
    rate = json.loads(CHAT_MODEL_FILE.read_text(encoding="utf-8"))["crisis_rate"]
    concerns, crises, crises_of_none, nones = [], [], [], 0
    for lang, case in _labelled():
        recent = tuple(case.get("recent", ()))
        text, lang = case["text"], case.get("lang", lang)
        nones += case["level"] == "none"
        rules, shipped = (
            RULES(text, lang=lang, recent=recent),
            screen(text, lang=lang, recent=recent),
        )
        if shipped.level is rules.level:
            continue
        assert rules.level is Level.NONE, text
        assert {e.rule for e in shipped.evidence} == {CHAT_RULE}, text
        if shipped.level is Level.CONCERN:
            concerns.append(text)
            continue
        assert shipped.level is Level.CRISIS, text
        assert not RULES.rules_fired(text, lang=lang), text
        crises.append(text)
        if case["level"] == "none":
            crises_of_none.append(text)
    assert concerns and crises  # the model does read these cases: the loop checked both
    assert len(crises_of_none) <= 2 * rate * nones, crises_of_none


def test_the_shipped_model_weighs_exactly_the_features_it_was_trained_on() -> None:
    """The screen looks a message's features up once for every head; the verdict, its
    kind, whose risk it is and whether it is a crisis are those the full features give
    (`chat_train` scores them so)."""
    model = build_screen().chat
    assert model is not None
    risk = model.heads["risk"]
    spoke = 0
    for lang, case in _labelled():
        text, lang = case["text"], case.get("lang", lang) or "en"
        said = WORD.findall(normal_form(text, lang))
        if not said or len(said) > model.max_words:
            continue
        present = features(said, lang)
        verdict = model.judge(normal_form(text, lang), lang)
        assert (verdict is not None) is (risk.logit(present) > risk.threshold), text
        if verdict is not None:
            heads = model.heads
            kind = max(Category, key=lambda c: heads[f"category.{c.value}"].logit(present))
            other = heads["about_other"].logit(present) > heads["about_other"].threshold
            crisis = heads["crisis"].logit(present) > heads["crisis"].threshold
            assert (verdict.category, verdict.about_other, verdict.crisis) == (
                kind,
                other,
                crisis,
            ), text
            spoke += 1
    assert spoke > 50  # the heads beyond `risk` were checked on many cases


def test_nothing_of_a_message_is_kept_after_it_is_judged() -> None:
    """A word of the person's (a name, a place) is weighed and forgotten with its
    message: every field of the model is as it was before."""
    model = _model({"zorbles": 10.0, " zor": 1.0}, suicide_self_harm={"zorbles": 1.0})
    fields = ChatModel.__slots__
    before = {name: copy.deepcopy(getattr(model, name)) for name in fields}
    assert model.judge("zorbleton and the zorbles", "en") is not None
    assert {name: getattr(model, name) for name in fields} == before
