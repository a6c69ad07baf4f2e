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
from typing import Any, Final

import yaml

from safety.lexicon import DATA_DIR, LexiconError
from safety.normalize import fold
from safety.regex_source import pattern_chars
from safety.trie import trie_regex

LANGS: Final = ("en", "es", "pt", "de", "fr", "ru")
DEFAULT_LANG: Final = "en"
_IGNORABLE: Final = re.compile("[\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff]")
# what a rule may follow, besides a space: blanked (one for one) in the copy the rules scan
_GAP: Final = re.compile(r"[\n\t\r\f\v\"()\[\]{}/¿¡<]")
_SENTENCE_END: Final = re.compile(r"[.!?\n]")
_SENTENCE_AFTER: Final = frozenset(" \t\r\n\"')]\u00a0")
_BLOCK: Final = 400  # longer sentences are searched in blocks, each with its anchors
_OVERLAP: Final = 200  # a block is searched this far beyond its ends (longest match)
_NEGATION_WORDS: Final = 6  # words before a match looked at for "not", "never", "no" ...
_GUESS_CHARS: Final = 600
_MACRO: Final = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_WORD: Final = re.compile(r"\w+")
_RULE_KEYS: Final = frozenset(
    {"reason", "any", "patterns", "negatable", "quoted_too", "after", "imperative", "unless_before"}
    | {"unless_sentence", "needs_sentence", "needs_text", "examples", "allowed"}
)


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


@dataclass(frozen=True, slots=True)
class _Language:
    """How one language marks negation, clause breaks and its own words."""

    code: str
    stopwords: frozenset[str]
    negation: re.Pattern[str]  # searched in the few words before a match
    negated_after: re.Pattern[str]  # matched right after it ("... is not the answer")
    clause_break: re.Pattern[str]  # "but", "however": the judged prefix starts after it
    imperative_after: frozenset[str]  # "and", "so": an imperative may follow
    softeners: frozenset[str]  # "just", "please": may stand between those and an imperative


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled rule entry: a reason, where it may run, and what excuses a match."""

    reason: str
    language: _Language
    regex: re.Pattern[str]
    anchors: frozenset[str]
    negatable: bool
    quoted_too: bool  # also flag inside quotation marks (method details stay unsafe there)
    after: tuple[re.Pattern[str], ...]  # one must end where the match starts, if any given
    imperative: bool  # with `after`: the match may also open a clause ("Stop taking ...")
    unless_before: tuple[re.Pattern[str], ...]  # each must end where the match starts
    unless_sentence: tuple[re.Pattern[str], ...]
    needs_sentence: re.Pattern[str] | None
    needs_text: re.Pattern[str] | None
    examples: tuple[str, ...]  # must be flagged with `reason`
    allowed: tuple[str, ...]  # must not be


def _spaced(source: str) -> str:
    """Let each literal space in a pattern match any run of spaces (Markdown leaves gaps)."""
    out: list[str] = []
    for i, ch, plain in pattern_chars(source):
        if plain and ch == " ":  # " ?" stays optional: one whitespace class under the quantifier
            out.append(r"\s" if source[i + 1 : i + 2] in ("?", "*", "+", "{") else r"\s+")
            continue
        out.append(ch)
    return "".join(out)


def _expand(pattern: str, macros: Mapping[str, str], where: str) -> str:
    def sub(match: re.Match[str]) -> str:
        if match.group(1) not in macros:
            raise LexiconError(f"{where}: unknown macro {{{match.group(1)}}}")
        return macros[match.group(1)]

    for _ in range(8):  # macros may use macros; a fixed depth keeps cycles finite
        expanded = _MACRO.sub(sub, pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise LexiconError(f"{where}: macros nest too deep")


def _compile(
    source: str, macros: Mapping[str, str], where: str, *, word_start: bool = False
) -> re.Pattern[str]:
    """Compile a pattern; `word_start` ones become " (?=(?P<m>...))".

    `re` scans fast for a literal first character, so a rule is only tried right after a
    space (the scanned copy has one in front and blanks line breaks and brackets); the
    real match is group `m`.
    """
    try:
        body = _spaced(_expand(source, macros, where))
        return re.compile(rf" (?=(?P<m>{body}))" if word_start else body)
    except re.error as exc:
        raise LexiconError(f"{where}: bad pattern: {exc}") from None


def _strings(value: object, where: str) -> tuple[str, ...]:
    """A list of strings, lists flattened (for shared YAML lists); YAML turns bare `no`/`on`
    into booleans, so those must be quoted."""
    if value is None:
        return ()
    if isinstance(value, list):
        flat = [w for v in value for w in (v if isinstance(v, list) else [v])]
        if all(isinstance(w, str) for w in flat):
            return tuple(flat)
    raise LexiconError(f"{where}: must be a list of strings (quote no/on/off/yes)")


def _read(name: str) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
    data = yaml.load((DATA_DIR / name).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: top level must be a mapping")
    return data


def compile_rules(
    data: Mapping[str, Any], shared: Mapping[str, str], reasons: frozenset[str]
) -> list[Rule]:
    """Compile one language's review rules from its parsed YAML (see review.en.yaml)."""
    code = str(data.get("lang"))
    macros = {k: f"(?:{v})" for k, v in shared.items()}
    macros |= {str(k): f"(?:{v})" for k, v in dict(data.get("macros") or {}).items()}
    # contexts begin with a word, so like the rules they are tried at word starts only
    sources = {
        str(k): _spaced(_expand(str(v), macros, f"{code}.contexts.{k}"))
        for k, v in dict(data.get("contexts") or {}).items()
    }
    contexts = {k: _compile(f" (?:{v})", {}, f"{code}.contexts.{k}") for k, v in sources.items()}
    before = {
        k: _compile(rf" (?:{v})\s*\Z", {}, f"{code}.contexts.{k}") for k, v in sources.items()
    }
    language = _Language(
        code=code,
        stopwords=frozenset(_strings(data.get("stopwords"), f"{code}.stopwords")),
        negation=_compile(str(data["negation"]), macros, f"{code}.negation"),
        negated_after=_compile(str(data["negated_after"]), macros, f"{code}.negated_after"),
        clause_break=_compile(str(data["clause_break"]), macros, f"{code}.clause_break"),
        imperative_after=frozenset(_strings(data.get("imperative_after"), f"{code}.imperative")),
        softeners=frozenset(_strings(data.get("softeners"), f"{code}.softeners")),
    )

    def named(table: Mapping[str, re.Pattern[str]], names: object, where: str) -> tuple[Any, ...]:
        missing = [n for n in _strings(names, where) if n not in table]
        if missing:
            raise LexiconError(f"{where}: unknown contexts {missing}")
        return tuple(table[n] for n in _strings(names, where))

    rules = []
    for i, spec in enumerate(data["rules"]):
        where = f"{code}.rules[{i}]"
        unknown = set(spec) - _RULE_KEYS
        if unknown:
            raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
        if spec.get("reason") not in reasons:
            raise LexiconError(f"{where}: unknown reason {spec.get('reason')!r}")
        anchors = frozenset(fold(a) for a in _strings(spec.get("any"), f"{where}.any"))
        patterns = _strings(spec.get("patterns"), f"{where}.patterns")
        if not anchors or not patterns:
            raise LexiconError(f"{where}: needs anchor words and patterns")
        source = "|".join(f"(?:{p})" for p in patterns)
        sentence = named(
            contexts, [spec["needs_sentence"]] if "needs_sentence" in spec else [], where
        )
        text = named(contexts, [spec["needs_text"]] if "needs_text" in spec else [], where)
        rules.append(
            Rule(
                reason=str(spec["reason"]),
                language=language,
                regex=_compile(source, macros, where, word_start=True),
                anchors=anchors,
                negatable=bool(spec.get("negatable", True)),
                quoted_too=bool(spec.get("quoted_too", False)),
                after=named(before, spec.get("after"), f"{where}.after"),
                imperative=bool(spec.get("imperative", False)),
                unless_before=named(before, spec.get("unless_before"), f"{where}.unless_before"),
                unless_sentence=named(contexts, spec.get("unless_sentence"), f"{where}.unless"),
                needs_sentence=sentence[0] if sentence else None,
                needs_text=text[0] if text else None,
                examples=_strings(spec.get("examples"), f"{where}.examples"),
                allowed=_strings(spec.get("allowed"), f"{where}.allowed"),
            )
        )
    return rules


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
        padded, positions = _prepare(text)
        scan = _GAP.sub(" ", padded)
        anchors = [
            (m.start("word"), (self._in_word if m["more"] else self._whole_word)[m["word"]])
            # anchors may follow an apostrophe or a hyphen ("l'anorexie", "c-ptsd")
            for m in self._anchors.finditer(scan.replace("'", " ").replace("-", " "))
        ]
        if not anchors:
            return []
        starts = _sentence_starts(padded)
        tried: set[tuple[int, int, int]] = set()
        needs: dict[int, bool] = {}
        found: list[tuple[Rule, int, int]] = []
        for at, rule_ids in anchors:
            k = bisect_right(starts, at) - 1
            lo, hi = starts[k], starts[k + 1] if k + 1 < len(starts) else len(padded)
            if hi - lo > _BLOCK + 2 * _OVERLAP:
                lo, hi = _block(padded, lo, hi, at)
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
                        found.append((rule, *_original(positions, start - 1, end - 1)))
        return _distinct(found)


def _rewrites() -> dict[str, str]:
    """One-for-one rewrites after lower-casing: letters as `fold` folds them (accents, full
    width, mathematical letters, dashes), Markdown marks blanked, quotation marks kept.

    The screen's `fold` blanks quotation marks; the review keeps them as '"' and "'" to tell
    quoted words from the mentor's own ("I'm" with a curly apostrophe must still read
    "i'm"). Applied in one regex pass, far cheaper on non-ASCII text than `str.translate`.
    """
    table = {c: " " for c in "*_~#|>"}
    codes = (*range(0x80, 0x2100), *range(0xFF01, 0xFF5F), *range(0x1D400, 0x1D800))
    for char in map(chr, codes):
        lower = char.lower()
        if len(lower) == 1 and fold(lower) != lower:
            table[lower] = fold(lower)
    table |= dict.fromkeys("\u2018\u2019\u201b\u2032\u00b4", "'")
    table |= dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"')
    return table


def _char_class(chars: list[str]) -> re.Pattern[str]:
    """A character class of runs ("[a-z]"): `re` tests it in one step when all are in the BMP."""
    codes = sorted(map(ord, chars))
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs
    )
    return re.compile(f"[{body}]")


_REWRITES: Final = _rewrites()
_REWRITE: Final = _char_class([c for c in _REWRITES if c <= "\uffff"])
# full-width and mathematical letters beyond the BMP would make one class slow for every text
_REWRITE_ASTRAL: Final = _char_class([c for c in _REWRITES if c > "\uffff"])
_ASTRAL: Final = re.compile("[\U00010000-\U0010ffff]")


def _rewrite(match: re.Match[str]) -> str:
    return _REWRITES[match.group()]


def _prepare(text: str) -> tuple[str, list[int] | None]:
    """Fold case and accents, blank Markdown marks, drop invisible characters, and put
    one space in front (so every word follows a non-word character).

    Returns the padded text and, only when characters were dropped, each remaining
    character's index in `text` (otherwise index i of the padded text is i - 1 of `text`).
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character lower-cases to two ("İ")
        lowered = fold(text)
    prepared = _REWRITE.sub(_rewrite, lowered)
    if not prepared.isascii() and _ASTRAL.search(prepared):
        prepared = _REWRITE_ASTRAL.sub(_rewrite, prepared)
    if prepared.isascii() or not _IGNORABLE.search(prepared):
        return " " + prepared, None
    positions = [i for i, c in enumerate(prepared) if not _IGNORABLE.fullmatch(c)]
    return " " + "".join(prepared[i] for i in positions), positions


def _original(positions: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """Map a span of the prepared text (without the pad) back to the reviewed text."""
    if positions is None:
        return start, end
    return positions[start], positions[end - 1] + 1


def _sentence_starts(padded: str) -> list[int]:
    """Where sentences start: after a line break, and after . ! ? followed by a space or a
    quote ("2.5 mg" is one sentence; a ";" only breaks a clause)."""
    starts = [0]
    size = len(padded)
    for match in _SENTENCE_END.finditer(padded):
        at = match.end()
        ends = match.group() == "\n" or at == size or padded[at] in _SENTENCE_AFTER
        if ends and at > starts[-1]:
            starts.append(at)
    return starts


def _block(text: str, lo: int, hi: int, at: int) -> tuple[int, int]:
    """The stretch of a long sentence searched for an anchor at `at`: its fixed block with
    overlap, cut at spaces. Anchors in one block share it, so the work stays linear."""
    first = lo + (at - lo) // _BLOCK * _BLOCK
    start, stop = max(lo, first - _OVERLAP), min(hi, first + _BLOCK + _OVERLAP)
    if start > lo:
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    if stop < hi:
        space = text.rfind(" ", first + _BLOCK, stop)
        stop = space if space >= 0 else stop
    return start, stop


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


def _opens_clause(language: _Language, text: str, lo: int, start: int) -> bool:
    """Whether an imperative may start here: at the sentence start or after punctuation or
    "and"/"so", with only softeners ("just", "please") in between."""
    words = text[max(lo, start - 100) : start].split()
    while words and words[-1] in language.softeners:
        words.pop()
    if not words:
        return True
    last = words[-1]
    return not (last[-1].isalnum() or last[-1] == "'") or last in language.imperative_after


def _negated(language: _Language, text: str, cut: int, start: int, end: int) -> bool:
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
    common = _read("review.yaml")
    groups: dict[str, str] = {}
    for group, members in dict(common["groups"]).items():
        for reason in _strings(members, f"groups.{group}"):
            groups[reason] = str(group)
    shared = {str(k): str(v) for k, v in dict(common.get("macros") or {}).items()}
    rules: list[Rule] = []
    for code in LANGS:
        data = _read(f"review.{code}.yaml")
        if data.get("lang") != code:
            raise LexiconError(f"review.{code}.yaml: lang field says {data.get('lang')!r}")
        rules.extend(compile_rules(data, shared, frozenset(groups)))
    replacements = {str(k): dict(v) for k, v in dict(common["replacements"]).items()}
    for code, texts in replacements.items():
        if set(texts) != set(groups.values()):
            raise LexiconError(f"review.yaml: replacements.{code} must cover every group")
    return Reviewer(rules, tuple(groups), groups, replacements)


_REVIEWER: Final = build_reviewer()


def review_output(text: str, *, lang: str | None = None) -> OutputReview:
    """Review one mentor reply before it is delivered; deterministic, local, fast.

    `lang` (ISO 639-1 or a locale such as "pt-BR") picks the replacement's language;
    without it the language is guessed from the reply. Rules of every language run
    whatever `lang` says.
    """
    return _REVIEWER(text, lang=lang)
