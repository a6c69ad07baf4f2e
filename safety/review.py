"""Review each mentor reply before delivery: local rules for what a coach must never say.

`review_output(text)` looks for method details of self-harm, encouragement of harm,
diagnoses, medication advice, and claims to be a therapist or a human. Rules live in
`data/review.<lang>.yaml`; every language's rules run on every reply (the mentor answers
in the person's language, which `lang` may not name), and `lang` picks the language of
the replacement. Each rule runs only on a sentence that holds one of its anchor words,
and a match is then judged in its clause: negation before it ("don't stop your meds"),
a negated predicate after it, contexts that make it the person's own words ("you
mentioned your depression"), a clinician referral in the sentence, or quotation marks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from safety.normalize import fold
from safety.review_rules import LANGS, Language, Rule, compile_rules, load_rule_files
from safety.review_text import original, prepare, searched, sentence_starts
from safety.trie import trie_regex

__all__ = ["LANGS", "OutputReview", "Reviewer", "build_reviewer", "compile_rules", "review_output"]

DEFAULT_LANG: Final = "en"
# what a rule may follow, besides a space: blanked (one for one) in the copy the rules scan
_GAP: Final = re.compile(r"[\n\t\r\f\v\"()\[\]{}/¿¡<]")
_NEGATION_WORDS: Final = 6  # words before a match looked at for "not", "never", "no" ...
_GUESS_CHARS: Final = 600
_WORD: Final = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class OutputReview:
    """The verdict on one mentor reply.

    `reasons` are rule names, most severe first; `evidence` holds (rule, start, end)
    spans of the reviewed text, for an admin reviewing the flag (never for logs: it
    points at what the mentor wrote to a person). `replacement` is set when not ok.
    """

    ok: bool
    reasons: tuple[str, ...] = ()
    evidence: tuple[tuple[str, int, int], ...] = ()
    replacement: str | None = None


class Reviewer:
    """The compiled review: every language's rules behind one anchor scan, and the replacements."""

    def __init__(
        self,
        rules: list[Rule],
        order: tuple[str, ...],
        groups: Mapping[str, str],
        replacements: Mapping[str, Mapping[str, str]],
    ) -> None:
        self.rules = tuple(rules)
        self._order = {reason: i for i, reason in enumerate(order)}
        self._groups = dict(groups)
        self._replacements = {k: dict(v) for k, v in replacements.items()}
        self._stopwords = {r.language.code: r.language.stopwords for r in rules}
        prefix: dict[str, set[int]] = {}
        whole: dict[str, set[int]] = {}
        for i, rule in enumerate(rules):
            for anchor in rule.anchors:
                if anchor.endswith("$"):
                    whole.setdefault(anchor[:-1], set()).add(i)
                else:
                    prefix.setdefault(anchor, set()).add(i)
        # an anchor matches a word start ("medic" finds "medication"), or a whole word when
        # written "do$"; the trie prefers the longest anchor, so each one also carries the
        # prefix rules of its own prefixes
        words = prefix.keys() | whole.keys()
        self._in_word = {
            word: tuple(sorted({i for a, ids in prefix.items() if word.startswith(a) for i in ids}))
            for word in words
        }
        self._whole_word = {
            word: tuple(sorted({*self._in_word[word], *whole.get(word, ())})) for word in words
        }
        self._anchors = re.compile(rf" (?P<word>{trie_regex(words)})(?P<more>\w?)")

    def __call__(self, text: str, *, lang: str | None = None) -> OutputReview:
        found = self.matches(text)
        if not found:
            return OutputReview(ok=True)
        reasons = sorted({rule.reason for rule, _, _ in found}, key=self._order.__getitem__)
        evidence = sorted({(rule.reason, s, e) for rule, s, e in found}, key=lambda x: (x[1], x[2]))
        return OutputReview(
            ok=False,
            reasons=tuple(reasons),
            evidence=tuple(evidence),
            replacement=self.replacement(reasons[0], self._language(lang, text, found)),
        )

    def replacement(self, reason: str, lang: str) -> str:
        """The text sent instead of a reply flagged for `reason` (English if `lang` has none)."""
        texts = self._replacements.get(lang) or self._replacements[DEFAULT_LANG]
        return texts[self._groups[reason]]

    def _language(self, lang: str | None, text: str, found: list[tuple[Rule, int, int]]) -> str:
        if lang:
            return lang.lower().replace("_", "-").split("-")[0]
        words = set(_WORD.findall(fold(text[:_GUESS_CHARS])))
        scores = {code: len(words & stop) for code, stop in self._stopwords.items()}
        best = max(scores, key=lambda code: (scores[code], code == found[0][0].language.code))
        return best if scores[best] else found[0][0].language.code

    def matches(self, text: str) -> list[tuple[Rule, int, int]]:
        """Every rule entry that flags `text`, with its span (for review and tests)."""
        padded, positions = prepare(text)
        scan = _GAP.sub(" ", padded)
        anchors = [
            (m.start("word"), (self._in_word if m["more"] else self._whole_word)[m["word"]])
            # anchors may follow an apostrophe or a hyphen ("l'anorexie", "c-ptsd")
            for m in self._anchors.finditer(scan.replace("'", " ").replace("-", " "))
        ]
        if not anchors:
            return []
        starts = sentence_starts(padded)
        tried: set[tuple[int, int, int]] = set()
        needs: dict[int, bool] = {}
        found: list[tuple[Rule, int, int]] = []
        for at, rule_ids in anchors:
            k = bisect_right(starts, at) - 1
            lo, hi = starts[k], starts[k + 1] if k + 1 < len(starts) else len(padded)
            lo, hi = searched(padded, lo, hi, at)
            for rid in rule_ids:
                if (rid, lo, hi) in tried:
                    continue
                tried.add((rid, lo, hi))
                rule = self.rules[rid]
                if rule.needs_text is not None:
                    key = id(rule.needs_text)
                    if key not in needs:
                        needs[key] = rule.needs_text.search(scan) is not None
                    if not needs[key]:
                        continue
                for match in rule.regex.finditer(scan, lo - 1, hi):
                    start, end = match.span("m")
                    if start < end and _flags(rule, padded, scan, start, end, lo, hi):
                        found.append((rule, *original(positions, start - 1, end - 1)))
        return _distinct(found)


def _flags(rule: Rule, text: str, scan: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether one match stands once its clause, sentence and quotes are considered.

    `text` is the prepared reply, `scan` its copy for word-start searches (same offsets).
    """
    if not rule.quoted_too and _quoted(text, start):
        return False
    if (rule.after or rule.imperative) and not (
        any(ctx.search(scan, max(lo - 1, 0), start) for ctx in rule.after)
        or (rule.imperative and _opens_clause(rule.language, text, lo, start))
    ):
        return False
    cut = lo
    for brk in rule.language.clause_break.finditer(text, lo, start):
        cut = brk.end()
    if rule.negatable and _negated(rule.language, text, cut, start, end):
        return False
    if any(ctx.search(scan, max(cut - 1, 0), start) for ctx in rule.unless_before):
        return False
    if any(ctx.search(scan, max(lo - 1, 0), hi) for ctx in rule.unless_sentence):
        return False
    needs = rule.needs_sentence
    return needs is None or needs.search(scan, max(lo - 1, 0), hi) is not None


def _opens_clause(language: Language, text: str, lo: int, start: int) -> bool:
    """Whether an imperative may start here: at the sentence start or after punctuation or
    "and"/"so", with only softeners ("just", "please") in between."""
    words = text[max(lo, start - 100) : start].split()
    while words and words[-1] in language.softeners:
        words.pop()
    if not words:
        return True
    last = words[-1]
    return not (last[-1].isalnum() or last[-1] == "'") or last in language.imperative_after


def _negated(language: Language, text: str, cut: int, start: int, end: int) -> bool:
    """Negation among the few words before a match (within its clause, not past a comma),
    or a negated predicate right after it."""
    window: list[str] = []
    for word in reversed(text[cut:start].split()[-_NEGATION_WORDS:]):
        if word.endswith((",", ":", "—", "-")):
            break
        window.append(word)
    if window and language.negation.search(" ".join(reversed(window))):
        return True
    return language.negated_after.match(text, end) is not None


def _quoted(text: str, start: int) -> bool:
    """Inside double quotation marks that opened earlier in the same paragraph."""
    paragraph = text.rfind("\n", 0, start) + 1
    return text.count('"', paragraph, start) % 2 == 1


def _distinct(found: list[tuple[Rule, int, int]]) -> list[tuple[Rule, int, int]]:
    """One match per reason and place: drop matches inside a longer one of the same reason."""
    ranked = sorted(found, key=lambda f: (f[1], -(f[2] - f[1])))
    kept: list[tuple[Rule, int, int]] = []
    for item in ranked:
        rule, start, end = item
        if any(k[0].reason == rule.reason and k[1] <= start and end <= k[2] for k in kept):
            continue
        kept.append(item)
    return kept


def build_reviewer() -> Reviewer:
    """Compile every shipped review file (done once, when `safety` is imported)."""
    rules, groups, replacements = load_rule_files()
    return Reviewer(rules, tuple(groups), groups, replacements)


_REVIEWER: Final = build_reviewer()


def review_output(text: str, *, lang: str | None = None) -> OutputReview:
    """Review one mentor reply before it is delivered; deterministic, local, fast.

    `lang` (ISO 639-1 or a locale such as "pt-BR") picks the replacement's language;
    without it the language is guessed from the reply. Rules of every language run
    whatever `lang` says.
    """
    return _REVIEWER(text, lang=lang)
