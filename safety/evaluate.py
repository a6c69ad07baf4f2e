"""Score the screen on a labelled JSONL set: miss rate, crisis recall, false alarms, over-flags."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from safety.screening import Level, Screening

Screener = Callable[..., Screening]
LABELS = frozenset({"crisis", "concern", "none", "risk"})


@dataclass(slots=True)
class Tally:
    """Counts for one group of items (all, one source, one language)."""

    risky: int = 0  # labelled crisis or risk
    missed: int = 0  # ...and predicted none
    crisis: int = 0  # labelled crisis
    caught: int = 0  # ...and predicted crisis
    benign: int = 0  # labelled none
    false_alarms: int = 0  # ...and predicted crisis
    over_flags: int = 0  # ...and predicted concern or crisis
    items: int = 0

    def add(self, label: str, predicted: Level) -> None:
        self.items += 1
        if label in ("crisis", "risk"):
            self.risky += 1
            self.missed += predicted is Level.NONE
        if label == "crisis":
            self.crisis += 1
            self.caught += predicted is Level.CRISIS
        if label == "none":
            self.benign += 1
            self.false_alarms += predicted is Level.CRISIS
            self.over_flags += predicted is not Level.NONE

    def rows(self) -> dict[str, str]:
        def rate(num: int, den: int) -> str:
            return f"{num / den:.3f} ({num}/{den})" if den else "- (0/0)"

        return {
            "miss rate": rate(self.missed, self.risky),
            "crisis recall": rate(self.caught, self.crisis),
            "false-alarm rate": rate(self.false_alarms, self.benign),
            "over-flag rate": rate(self.over_flags, self.benign),
        }


@dataclass(slots=True)
class Report:
    """Tallies pooled, per source and per language."""

    pooled: Tally = field(default_factory=Tally)
    by_source: dict[str, Tally] = field(default_factory=dict)
    by_lang: dict[str, Tally] = field(default_factory=dict)

    def add(self, item: dict[str, object], predicted: Level) -> None:
        label = str(item["label"])
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        self.pooled.add(label, predicted)
        self.by_source.setdefault(str(item.get("source", "?")), Tally()).add(label, predicted)
        self.by_lang.setdefault(str(item.get("lang", "?")), Tally()).add(label, predicted)

    def lines(self) -> Iterator[str]:
        groups = [("all", self.pooled)]
        groups += [(f"source={k}", v) for k, v in sorted(self.by_source.items())]
        groups += [(f"lang={k}", v) for k, v in sorted(self.by_lang.items())]
        for name, tally in groups:
            cells = "  ".join(f"{k}: {v}" for k, v in tally.rows().items())
            yield f"{name:<24} n={tally.items:<5} {cells}"


def evaluate(lines: Iterable[str], screener: Screener, *, use_lang: bool = True) -> Report:
    """Screen every JSON line ({"text", "label", optional "lang", "source"}) and tally."""
    report = Report()
    for line in lines:
        if not line.strip():
            continue
        item = json.loads(line)
        lang = item.get("lang") if use_lang else None
        result = screener(str(item["text"]), lang=lang)
        report.add(item, result.level)
    return report
