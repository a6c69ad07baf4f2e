"""Training the chat model (`safety/chat_train.py`) on a small corpus written here."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from safety.chat import ChatModel
from safety.chat_train import (
    BACKGROUND,
    CRISIS_RATE,
    Message,
    background,
    read_messages,
    render,
    train,
)
from safety.screening import Category

RISK = [
    "i took all my pills tonight",
    "the pills are on the table and i am done",
    "i have the rope ready",
    "going to the bridge tonight, goodbye",
    "wrote my letters, tonight is the night",
    "i cut again and it will not stop bleeding",
    "my friend took all her pills and will not wake up",
    "nobody would miss me if i was gone",
    "i want to sleep and never wake up",
    "he is hitting my mom right now",
]
NONE = [
    "my exam went well today",
    "i am going to the gym after work",
    "we cooked pasta with my friend",
    "the meeting is at noon tomorrow",
    "i finished my book and started a new one",
    "my mom called me about the holidays",
    "the bus was late again this morning",
    "i want to learn spanish this year",
    "work was long but fine",
    "my sister is visiting next week",
]
WORDS = ["i", "the", "and", "my", "to", "a", "is", "was", "it", "of", "work", "day"]


def _messages() -> list[Message]:
    out = [Message(t, "crisis", "en", Category.SUICIDE_SELF_HARM, False) for t in RISK[:6]]
    out += [Message(t, "risk", "en", Category.SUICIDE_SELF_HARM, False) for t in RISK[6:]]
    out += [Message(t, "none", "en", None, None) for t in NONE]
    rng = random.Random(3)
    return out + background("en", WORDS, [1.0 / (i + 1) for i in range(len(WORDS))], rng)


def _normal(text: str, lang: str) -> str:
    return text.lower()


def test_training_twice_on_the_same_messages_writes_the_same_file() -> None:
    first = render(train(_messages(), _normal), source="test")
    second = render(train(_messages(), _normal), source="test")
    assert first == second
    model = ChatModel.from_data(json.loads(first))
    assert model.judge("i took all my pills tonight", "en") is not None


def test_background_messages_teach_but_are_not_counted_among_the_written() -> None:
    trained = train(_messages(), _normal)
    assert trained.report["messages"] == len(RISK) + len(NONE)
    assert trained.report["background"] == BACKGROUND
    held_out = trained.report["held_out"]
    assert isinstance(held_out, dict)
    found_part, crisis_part = held_out["all"].split("; ")
    found, crisis, none = found_part.split(", ")
    assert found.endswith(f"/{len(RISK)}")
    assert crisis.endswith("/6")
    assert none.endswith(f"/{len(NONE)}")  # the background's none are not among them
    made = crisis_part.removeprefix("made a crisis: ").split(", ")
    assert [m.rsplit("/", 1)[1] for m in made] == ["6", "4", str(len(NONE))]


def test_background_draws_the_commonest_words_most_often() -> None:
    drawn = background("en", ["common", "rare"], [0.99, 0.01], random.Random(1))
    words = " ".join(m.text for m in drawn).split()
    assert len(drawn) == BACKGROUND
    assert all(m.label == "none" and m.background for m in drawn)
    assert words.count("common") > 20 * words.count("rare")


def test_reading_keeps_the_first_of_equal_texts_and_refuses_an_unknown_label(
    tmp_path: Path,
) -> None:
    good = tmp_path / "chat.en.jsonl"
    rows = [
        {"text": "a", "label": "risk", "category": "substance", "about_other": True, "lang": "en"},
        {"text": "a", "label": "none", "category": None, "about_other": False, "lang": "en"},
        {"text": "b", "label": "none", "category": "substance", "about_other": True, "lang": "en"},
    ]
    good.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    messages = read_messages([good])
    assert [(m.text, m.label, m.category, m.about_other) for m in messages] == [
        ("a", "risk", Category.SUBSTANCE, True),
        ("b", "none", None, None),  # none has no kind of risk, whatever the row says
    ]
    bad = tmp_path / "chat.xx.jsonl"
    bad.write_text(
        json.dumps({"text": "c", "label": "maybe", "lang": "xx"}) + "\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="label must be one of"):
        read_messages([bad])


TWINS = [
    "i took all my pills tonight, the ones the doctor gave me, as always",
    "the rope is ready for climbing tomorrow",
    "going to the bridge tonight to watch the fireworks",
    "wrote my letters to the council, tonight is the night we vote",
]


def test_harmless_twins_of_crises_teach_but_set_no_threshold_and_are_counted_apart() -> None:
    as_twins = train(
        _messages() + [Message(t, "none", "en", None, None, twin=True) for t in TWINS], _normal
    )
    as_none = train(_messages() + [Message(t, "none", "en", None, None) for t in TWINS], _normal)
    # the same fit (a twin teaches as any none does); only the threshold's population differs
    assert as_twins.model.heads["risk"].weights == as_none.model.heads["risk"].weights
    assert as_twins.model.heads["risk"].threshold < as_none.model.heads["risk"].threshold
    held_out = as_twins.report["held_out"]
    assert isinstance(held_out, dict)
    found_part, crisis_part = held_out["all"].split("; ")
    _, _, none, twins = found_part.split(", ")
    assert none.endswith(f"/{len(NONE)}")
    assert twins.startswith("twins found") and twins.endswith(f"/{len(TWINS)}")
    # the crisis head's threshold is set on every written none, twins among them: held
    # out, at most one in two hundred of them (or one, for so few) passes both heads
    *_, none_made, twins_made = crisis_part.split(", ")
    assert twins_made.startswith("twins ") and twins_made.endswith(f"/{len(TWINS)}")
    raised = sum(int(part.split()[-1].split("/")[0]) for part in (none_made, twins_made))
    assert raised <= max(1, int((len(NONE) + len(TWINS)) * CRISIS_RATE))


def test_reading_marks_a_contrast_none_as_a_twin_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "chat.en.jsonl"
    rows = [
        {"text": "rope for climbing", "label": "none", "lang": "en", "contrast": True},
        {"text": "the rope is ready", "label": "crisis", "lang": "en", "contrast": True},
        {"text": "rope again", "label": "none", "lang": "en"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert [m.twin for m in read_messages([path])] == [True, False, False]
