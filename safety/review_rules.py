"""Compile the output review's rule files: per-language rules, their contexts and negation.

Rules live in `data/review.<lang>.yaml`, reasons, their groups and the replacements in
`data/review.yaml`. A malformed file raises `LexiconError` at import, never at review time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from safety.lexicon import LexiconError, expand_macros, read_data
from safety.normalize import fold
from safety.regex_source import pattern_chars

LANGS: Final = ("en", "es", "pt", "de", "fr", "ru")
_RULE_KEYS: Final = frozenset(
    {"reason", "any", "patterns", "negatable", "quoted_too", "after", "imperative", "unless_before"}
    | {"unless_sentence", "needs_sentence", "needs_text", "examples", "allowed"}
)


@dataclass(frozen=True, slots=True)
class Language:
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
    language: Language
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


def _compile(
    source: str, macros: Mapping[str, str], where: str, *, word_start: bool = False
) -> re.Pattern[str]:
    """Compile a pattern; `word_start` ones become " (?=(?P<m>...))".

    `re` scans fast for a literal first character, so a rule is only tried right after a
    space (the scanned copy has one in front and blanks line breaks and brackets); the
    real match is group `m`.
    """
    try:
        body = _spaced(expand_macros(source, macros, where))
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


def compile_rules(
    data: Mapping[str, Any], shared: Mapping[str, str], reasons: frozenset[str]
) -> list[Rule]:
    """Compile one language's review rules from its parsed YAML (see review.en.yaml)."""
    code = str(data.get("lang"))
    macros = {k: f"(?:{v})" for k, v in shared.items()}
    macros |= {str(k): f"(?:{v})" for k, v in dict(data.get("macros") or {}).items()}
    # contexts begin with a word, so like the rules they are tried at word starts only
    sources = {
        str(k): _spaced(expand_macros(str(v), macros, f"{code}.contexts.{k}"))
        for k, v in dict(data.get("contexts") or {}).items()
    }
    contexts = {k: _compile(f" (?:{v})", {}, f"{code}.contexts.{k}") for k, v in sources.items()}
    before = {
        k: _compile(rf" (?:{v})\s*\Z", {}, f"{code}.contexts.{k}") for k, v in sources.items()
    }
    language = Language(
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


def load_rule_files() -> tuple[list[Rule], dict[str, str], dict[str, dict[str, str]]]:
    """Every shipped language's rules, each reason's group (most severe reason first) and
    the replacement texts per language and group."""
    common = read_data("review.yaml")
    groups: dict[str, str] = {}
    for group, members in dict(common["groups"]).items():
        for reason in _strings(members, f"groups.{group}"):
            groups[reason] = str(group)
    shared = {str(k): str(v) for k, v in dict(common.get("macros") or {}).items()}
    rules: list[Rule] = []
    for code in LANGS:
        data = read_data(f"review.{code}.yaml")
        if data.get("lang") != code:
            raise LexiconError(f"review.{code}.yaml: lang field says {data.get('lang')!r}")
        rules.extend(compile_rules(data, shared, frozenset(groups)))
    replacements = {str(k): dict(v) for k, v in dict(common["replacements"]).items()}
    for code, texts in replacements.items():
        if set(texts) != set(groups.values()):
            raise LexiconError(f"review.yaml: replacements.{code} must cover every group")
    return rules, groups, replacements
