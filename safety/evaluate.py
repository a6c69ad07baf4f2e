"""Score the screen on a labelled JSONL set: miss rate, recall, false alarms, over-flags, speed."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from safety.screening import Level, Screening

Screener = Callable[..., Screening]
LABELS = frozenset({"crisis", "concern", "none", "risk"})
OUTCOMES = ("miss", "false_alarm", "over_flag")


@dataclass(slots=True)
class Tally:
    """Counts and screening times for one group of items (all, one source, one language)."""

    risky: int = 0  # labelled crisis or risk
    missed: int = 0  # ...and predicted none
    crisis: int = 0  # labelled crisis
    caught: int = 0  # ...and predicted crisis
    benign: int = 0  # labelled none
    false_alarms: int = 0  # ...and predicted crisis
    over_flags: int = 0  # ...and predicted concern or crisis
    items: int = 0
    nanos: list[int] = field(default_factory=list)  # time spent in the screener, per item

    def add(self, label: str, predicted: Level, nanos: int = 0) -> None:
        self.items += 1
        self.nanos.append(nanos)
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

    def percentile_us(self, q: float) -> float:
        """The q-quantile (0..1) of the per-item screening time, in microseconds."""
        if not self.nanos:
            return 0.0
        ordered = sorted(self.nanos)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] / 1000

    def throughput(self) -> float:
        """Messages screened per second of screening time."""
        total = sum(self.nanos)
        return self.items / (total / 1e9) if total else 0.0


@dataclass(slots=True)
class Report:
    """Tallies pooled, per source and per language, and the ids of wrong items by outcome."""

    pooled: Tally = field(default_factory=Tally)
    by_source: dict[str, Tally] = field(default_factory=dict)
    by_lang: dict[str, Tally] = field(default_factory=dict)
    wrong: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in OUTCOMES})

    def add(self, item: dict[str, object], predicted: Level, nanos: int = 0) -> None:
        label = str(item["label"])
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        self.pooled.add(label, predicted, nanos)
        self.by_source.setdefault(str(item.get("source", "?")), Tally()).add(
            label, predicted, nanos
        )
        self.by_lang.setdefault(str(item.get("lang", "?")), Tally()).add(label, predicted, nanos)
        ident = str(item.get("id", f"line-{self.pooled.items}"))
        if label in ("crisis", "risk") and predicted is Level.NONE:
            self.wrong["miss"].append(ident)
        if label == "none" and predicted is not Level.NONE:
            self.wrong["over_flag"].append(ident)
            if predicted is Level.CRISIS:
                self.wrong["false_alarm"].append(ident)

    def groups(self) -> list[tuple[str, Tally]]:
        groups = [("all", self.pooled)]
        groups += [(f"lang={k}", v) for k, v in sorted(self.by_lang.items())]
        groups += [(f"source={k}", v) for k, v in sorted(self.by_source.items())]
        return groups

    def lines(self) -> Iterator[str]:
        """A fixed-width table: one row per group, rates with counts, then the speed."""
        head = ("group", "n", *Tally().rows(), "p50 us", "p99 us")
        widths = (22, 6, 19, 17, 19, 19, 7, 7)
        yield _row(head, widths)
        for name, tally in self.groups():
            cells = (
                name,
                str(tally.items),
                *tally.rows().values(),
                f"{tally.percentile_us(0.5):.0f}",
                f"{tally.percentile_us(0.99):.0f}",
            )
            yield _row(cells, widths)
        pooled = self.pooled
        yield (
            f"speed: {pooled.throughput():,.0f} messages/s over {pooled.items} messages "
            f"(screening time only, one pass); latency p50 {pooled.percentile_us(0.5):.0f} us, "
            f"p99 {pooled.percentile_us(0.99):.0f} us, max {pooled.percentile_us(1.0):.0f} us"
        )


def _row(cells: Iterable[str], widths: Iterable[int]) -> str:
    out = []
    for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        out.append(cell.ljust(width) if i == 0 else cell.rjust(width))
    return "  ".join(out).rstrip()


def evaluate(lines: Iterable[str], screener: Screener, *, use_lang: bool = True) -> Report:
    """Screen every JSON line ({"text", "label", optional "lang", "source", "id"}) and tally.

    Each call to `screener` is timed on its own (`perf_counter_ns`), so reading and
    parsing the file do not count towards the latency figures.
    """
    report = Report()
    for line in lines:
        if not line.strip():
            continue
        item = json.loads(line)
        lang = item.get("lang") if use_lang else None
        text = str(item["text"])
        start = time.perf_counter_ns()
        result = screener(text, lang=lang)
        report.add(item, result.level, time.perf_counter_ns() - start)
    return report
