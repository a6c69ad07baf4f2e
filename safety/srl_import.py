"""Make `data/srl.en.yaml`: phrases of the Suicide Risk Lexicon for the weak-signal families.

The Suicide Risk Lexicon v1.0 (Low, Rankin, Bentley, Nock and Ghosh; Apache-2.0) lists
phrases for 49 risk factors of suicidal thoughts and behaviour, each phrase rated by
clinicians; its "prototypical tokens" are the ones they judged most typical of their
construct. The screen does not use the lexicon's own scores or any model: this script
copies the prototypical phrases of the constructs that describe the writer's own
distress into the accumulator's families (`accumulate.py`), in the spelling the screen
reads (folded and normalised like a message), and writes them as YAML.

The choice of constructs and the phrases left out were made from the lexicon alone,
before any of it was measured on labelled text. Left out: constructs that are context
rather than distress (family, work, money, identity, physical health, substances, grief,
anxiety, guilt, lethal means, exposure to someone else's suicide), and phrases whose
everyday sense is not distress ("sleepy", "escape", "embarrassed", "doomed", "kill me").

Run from the repository with the CSV from the construct-tracker 1.0.16 wheel
(`construct_tracker/data/lexicons/suicide_risk_lexicon_v1-0/
suicide_risk_lexicon_validated_prototypical_tokens_24-08-07T16-25-19.csv`):

    python -m safety.srl_import THAT.csv > safety/data/srl.en.yaml

Not imported by the screen; `tests/unit/safety/test_safety_accumulate.py` checks it.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final

SOURCE_FILE: Final = "suicide_risk_lexicon_validated_prototypical_tokens_24-08-07T16-25-19.csv"

# accumulator family -> the lexicon's constructs whose phrases it takes
FAMILIES: Final[Mapping[str, tuple[str, ...]]] = {
    "mood": (
        "Depressed mood",
        "Emptiness",
        "Hopelessness",
        "Anhedonia & uninterested",
        "Emotional pain & psychache",
        "Existential meaninglessness & purposelessness",
    ),
    "worth": (
        "Defeat & feeling like a failure",
        "Burdensomeness",
        "Shame, self-disgust, & worthlessness",
    ),
    "alone": ("Loneliness & isolation", "Social withdrawal"),
    "drained": ("Fatigue & tired", "Sleep issues"),
    "care": (
        "Hospitalization",
        "Trauma & PTSD",
        "Bipolar Disorder",
        "Borderline Personality Disorder",
        "Psychosis & schizophrenia",
    ),
    "death": ("Passive suicidal ideation", "Other suicidal language"),
    # entrapment: the step from defeat to suicidal thoughts in the integrated
    # motivational-volitional model (O'Connor and Kirtley 2018)
    "trapped": ("Entrapment & desire to escape",),
    # being hurt by others: the "past abuse" is concern
    "hurt": ("Sexual abuse & harassment", "Physical abuse & violence", "Bullying"),
}

# Phrases whose everyday sense is not the writer's distress, or that name a topic
# (news, a sleep device) rather than what happened to the writer.
LEFT_OUT: Final = frozenset(
    {
        "escape", "snare", "entrap", "caged", "craving release", "to break free", "paralyzing",
        "drowsy", "groggy", "sleepy", "snooz", "yawn", "sluggish",
        "apnea", "sleep apnea", "bruxism", "c-pap", "cpap", "snoring", "narcolepsy",
        "circadian rhythm disorder",
        "human trafficking", "sex trafficking", "revenge porn", "rough sex", "sex offense",
        "sex slave", "sexual exploitation",
        "assault", "kidnap", "beatdown", "beating up", "rough up",
        "boss around", "bully", "bullies", "slander", "harassment", "name calling",
        "crushed", "inferior", "embarrassed", "mortified", "humiliation",
        "devoid", "hollow", "void", "doomed", "futile", "misanthropy",
        "uninspired", "no enthusiasm", "ennui", "kill me",
    }
)  # fmt: skip


def prototypical(rows: Sequence[Sequence[str]], construct: str) -> Iterator[str]:
    """The phrases of one construct: its column's cells in the numbered rows (the rows
    above them hold the prompt, definition, reference and examples)."""
    if construct not in rows[0]:
        raise ValueError(f"the lexicon has no construct {construct!r}")
    column = list(rows[0]).index(construct)
    for row in rows[1:]:
        if row and row[0].isdigit() and column < len(row) and row[column].strip():
            yield row[column].strip()


def families(rows: Sequence[Sequence[str]], spell: Callable[[str], str]) -> dict[str, list[str]]:
    """Each family's borrowed phrases, spelled as the screen reads text, each phrase once."""
    out: dict[str, list[str]] = {}
    seen: set[str] = set()
    for family, constructs in FAMILIES.items():
        for construct in constructs:
            for phrase in prototypical(rows, construct):
                if phrase.lower() in LEFT_OUT:
                    continue
                spelled = spell(phrase)
                if spelled and spelled not in seen:
                    seen.add(spelled)
                    out.setdefault(family, []).append(spelled)
    return out


def render(found: Mapping[str, Sequence[str]]) -> str:
    """The YAML file: provenance, licence, then one flow list per family."""
    lines = [
        "# Generated by `python -m safety.srl_import` (see that module for what was taken and",
        "# why). Do not edit by hand: change the script and run it again.",
        "#",
        "# Phrases from the Suicide Risk Lexicon v1.0, prototypical tokens, by Daniel M. Low,",
        "# Oliver Rankin, Kate H. Bentley, Matthew K. Nock and Satrajit S. Ghosh, distributed",
        "# in construct-tracker 1.0.16 under the Apache License 2.0 (LICENSE.srl beside this",
        "# file). Changed from the original: a subset of constructs, regrouped into Lumen's",
        "# weak-signal families, some phrases left out, and each phrase folded and normalised",
        '# as the screen reads a message ("I\'m" -> "i am", "can\'t" -> "can not").',
        "source:",
        '  name: "Suicide Risk Lexicon v1.0 (construct-tracker 1.0.16)"',
        f"  file: {json.dumps(SOURCE_FILE)}",
        '  licence: "Apache-2.0"',
        "families:",
    ]
    lines += [f"  {name}: {json.dumps(list(found[name]), ensure_ascii=False)}" for name in found]
    return "\n".join(lines) + "\n"


def spelling() -> Callable[[str], str]:
    """How the screen spells a phrase when it reads English: folded, normalised, one
    space between words. Built from the English lexicon without its borrowed families,
    because the file this module writes may not exist yet."""
    from safety.lexicon import compile_lexicon, load_common, read_data
    from safety.normalize import Normalizer, fold

    common = load_common()
    english = read_data("lexicon.en.yaml")
    for key in ("borrowed", "core", "min_families_with_core", "categories"):
        english["accumulate"].pop(key, None)
    normalize = Normalizer(common, compile_lexicon(english, common))
    return lambda phrase: " ".join(normalize(fold(phrase)).text.split())


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write(__doc__ or "")
        return 2
    with Path(argv[0]).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    sys.stdout.write(render(families(rows, spelling())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
