"""Load and compile the per-language screen lexicons (package data) into immutable rule tables."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Final

import yaml

from safety.accumulate import Accumulator
from safety.distress import DistressModel
from safety.regex_source import pattern_chars
from safety.rules import (
    CUES,
    DATA_DIR,
    FACETS,
    SCRIPTS,
    SINCERE,
    Common,
    Escalation,
    Lexicon,
    LexiconError,
    Profile,
    Rule,
    after_space,
    word_start_regex,
)
from safety.screening import Category, Level
from safety.translit import Abugida, LetterMap, ScriptError, respells
from safety.trie import trie_regex

__all__ = [
    "DATA_DIR",
    "Common",
    "Lexicon",
    "LexiconError",
    "Rule",
    "compile_lexicon",
    "expand_macros",
    "in_rule_spelling",
    "load_common",
    "load_lexicon",
    "read_data",
    "word_start_regex",
]

_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_WORD = re.compile(r"[a-z]+")
_SHARED_HEAD = re.compile(r"\(\?:\{[A-Z][A-Z0-9_]*\}\) ")


# The C loader reads the big lexicons several times faster; PyYAML without libyaml still works.
_LOADER: Final[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(name: str) -> dict[str, Any]:
    """Parse one YAML file of `safety/data` whose top level is a mapping."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: top level must be a mapping")
    return data


def _words(value: object, where: str) -> frozenset[str]:
    """A list of words; YAML turns bare `no`/`on`/`off` into booleans, so those must be quoted."""
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: must be a list of strings (quote no/on/off/yes)")
    return frozenset(value)


def _level(value: object, where: str) -> Level:
    try:
        return Level(str(value))
    except ValueError:
        raise LexiconError(f"{where}: unknown level {value!r}") from None


def _compile(source: str, where: str, *, word_start: bool = False) -> re.Pattern[str]:
    try:
        return word_start_regex(source) if word_start else re.compile(source)
    except re.error as exc:
        raise LexiconError(f"{where}: bad pattern: {exc}") from None


def expand_macros(pattern: str, macros: Mapping[str, str], where: str) -> str:
    """Replace each `{NAME}` in a pattern by its macro; `where` names the pattern in errors."""

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise LexiconError(f"{where}: unknown macro {{{name}}}")
        return macros[name]

    for _ in range(8):  # macros may use macros; a fixed depth keeps cycles finite
        expanded = _MACRO.sub(sub, pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise LexiconError(f"{where}: macros nest too deep")


def load_common() -> Common:
    """Read `safety/data/common.yaml`."""
    data = read_data("common.yaml")
    profiles: dict[str, Profile] = {}
    for name, spec in dict(data["profiles"]).items():
        fields = {k: _level(v, f"profile {name}") for k, v in dict(spec or {}).items()}
        unknown = set(fields) - {*CUES, "negated", "hedged"}
        if unknown:
            raise LexiconError(f"profile {name}: unknown keys {sorted(unknown)}")
        profiles[str(name)] = Profile(**fields)
    escalations = []
    for spec in data["escalations"]:
        category = Category(spec["category"])
        for first, second in spec["pairs"]:
            if first not in FACETS or second not in FACETS:
                raise LexiconError(f"escalation: unknown facet in {first}+{second}")
            escalations.append(Escalation(str(first), str(second), category))
    return Common(
        emoji={str(k): f"emo_{v}" for k, v in dict(data["emoji"]).items()},
        leet={str(k): str(v) for k, v in dict(data["leet"]).items()},
        profiles=profiles,
        escalations=tuple(escalations),
    )


def _factor(patterns: list[str]) -> list[str]:
    """Merge patterns that open with the same macro ("(?:{THEY}) ..."), so `re` tries the
    macro's many alternatives once per position instead of once per pattern."""
    merged: dict[str, list[str]] = {}
    rest: list[str] = []
    for pattern in patterns:
        head = _SHARED_HEAD.match(pattern)
        if head is None or _top_level_bar(pattern):
            rest.append(pattern)
        else:
            merged.setdefault(head.group(), []).append(pattern[head.end() :])
    for prefix, tails in merged.items():
        rest.append(prefix + "(?:" + "|".join(f"(?:{t})" for t in tails) + ")")
    return rest


def _top_level_bar(pattern: str) -> bool:
    """Whether `pattern` is an alternation at its top level ("a|b"): merging would attach
    the shared head to the first alternative only."""
    depth = 0
    for _, ch, plain in pattern_chars(pattern):
        if not plain:
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def _category(value: object, where: str) -> Category:
    try:
        return Category(str(value))
    except ValueError:
        raise LexiconError(f"{where}: unknown category {value!r}") from None


def _strings(value: object, where: str) -> dict[str, str]:
    """A mapping of strings; a bare `no:` or `on:` key would silently become a boolean."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise LexiconError(f"{where}: must map strings to strings (quote no/on/off/yes)")
    return dict(value)


def _rule(spec: Mapping[str, Any], macros: Mapping[str, str], common: Common) -> Rule:
    name = str(spec["name"])
    if ("pattern" in spec) == ("patterns" in spec):
        raise LexiconError(f"{name}: give exactly one of `pattern` and `patterns`")
    parts = spec["patterns"] if "patterns" in spec else [spec["pattern"]]
    source = "|".join(
        f"(?:{expand_macros(p, macros, name)})" for p in _factor([str(p) for p in parts])
    )
    profile_name = str(spec.get("profile", "fixed"))
    if profile_name not in common.profiles:
        raise LexiconError(f"{name}: unknown profile {profile_name}")
    facet = spec.get("facet")
    if facet is not None and facet not in FACETS:
        raise LexiconError(f"{name}: unknown facet {facet}")
    anchors = _words(spec.get("any"), f"{name}.any")
    if not anchors:
        raise LexiconError(f"{name}: needs at least one anchor word")
    unless = spec.get("unless")
    return Rule(
        name=name,
        level=_level(spec["level"], name),
        category=_category(spec["category"], name),
        regex=_compile(source, name, word_start=True),
        anchors=anchors,
        profile=common.profiles[profile_name],
        facet=None if facet is None else str(facet),
        about_other=spec.get("about", "self") == "other",
        shadows=bool(spec.get("shadows", False)),
        examples=tuple(str(e) for e in spec.get("examples", ())),
        counter_examples=tuple(str(e) for e in spec.get("counter_examples", ())),
        unless=None
        if unless is None
        else _compile(expand_macros(str(unless), macros, name), f"{name}.unless"),
    )


def load_lexicon(lang: str, common: Common) -> Lexicon:
    """Read and compile `safety/data/lexicon.<lang>.yaml`."""
    data = read_data(f"lexicon.{lang}.yaml")
    if data.get("lang") != lang:
        raise LexiconError(f"lexicon.{lang}.yaml: lang field says {data.get('lang')!r}")
    return compile_lexicon(data, common)


def compile_lexicon(data: Mapping[str, Any], common: Common) -> Lexicon:
    """Compile one language's lexicon from its parsed YAML (see lexicon.en.yaml)."""
    try:
        return _compile_lexicon(in_rule_spelling(data), common)
    except KeyError as exc:
        raise LexiconError(f"lexicon {data.get('lang')!r}: missing key {exc}") from None
    except ScriptError as exc:
        raise LexiconError(f"lexicon {data.get('lang')!r}: {exc}") from None


# where an anchor with a hyphen or an apostrophe ends the anchor it stands for (_anchors)
_WORD_BREAK: Final = re.compile(r"\W")
# The parts of a lexicon that match normalised text, so are written in its letters.
_SPELLED_IN_RULE: Final = ("pattern", "patterns", "unless", "any")
_SPELLED: Final = ("macros", "cues", "negation", "clause_breaks", "scope_stops", "conditionals")


def in_rule_spelling(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Apply a lexicon's `letter_map` to its own patterns and words, so rules may be written
    as people write ("أريد أن أموت") and still match the mapped text ("اريد ان اموت").
    Stopwords and examples stay as written: they are read before the map."""
    mapping = data.get("letter_map")
    if not mapping or not isinstance(mapping, dict):
        return data
    table = str.maketrans({str(k): str(v) for k, v in mapping.items()})

    def spell(value: Any) -> Any:
        if isinstance(value, str):
            return value.translate(table)
        if isinstance(value, list):
            return [spell(v) for v in value]
        if isinstance(value, dict):
            return {k: spell(v) for k, v in value.items()}
        return value

    out = dict(data)
    for key in _SPELLED:
        if key in out:
            out[key] = spell(out[key])
    out["rules"] = [
        {k: spell(v) if k in _SPELLED_IN_RULE else v for k, v in dict(rule).items()}
        for rule in data.get("rules") or ()
    ]
    return out


def _anchors(
    index: Mapping[str, list[int]], *, stems: bool, prefix: str | None
) -> tuple[dict[str, tuple[int, ...]], re.Pattern[str]]:
    """The anchor lookup and the one regex that finds every anchor (as group "a").

    With `stems`, an anchor matches the start of a word ("intihar" in "intihara"), and the
    longest anchor found stands for every shorter anchor it begins with; without, only for
    those it begins with up to a hyphen or an apostrophe. `prefix` is a
    pattern for clitics written onto a word (Arabic "و", "ال") that the anchor may follow;
    the regex finds one reading of a word, and the screen reads the others with
    `_clitic_regexes` ("والانتحار" is "والا…" and "و" + "الانتحار").
    """

    def stands_for(word: str) -> set[str]:
        # the regex finds the longest anchor, so a word anchor with a hyphen or apostrophe
        # ("mata-lo", "vou-me") must stand for the anchor that ends there ("mata", "vou")
        ends = range(1, len(word)) if stems else (m.start() for m in _WORD_BREAK.finditer(word))
        return {word} | {word[:end] for end in ends if word[:end] in index}

    table = {
        word: tuple(sorted({r for other in stands_for(word) for r in index[other]}))
        for word in index
    }
    head = f"(?:{prefix})??" if prefix else ""  # lazy: the word as written comes first
    tail = "" if stems else r"\b"
    return table, _compile(rf" {head}(?P<a>{trie_regex(index)}){tail}", "anchors")


def _clitic_regexes(
    index: Mapping[str, list[int]], *, stems: bool, prefix: str | None
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """For a language with clitics: a regex for the clitics alone (full match) and one for
    an anchor at a given word start, without clitics (group "a")."""
    if not prefix:
        return None, None
    tail = "" if stems else r"\b"
    return (
        _compile(prefix, "anchor_prefix"),
        _compile(rf"(?P<a>{trie_regex(index)}){tail}", "anchors"),
    )


def _scripts(data: Mapping[str, Any]) -> dict[str, Any]:
    """The optional script fields of a lexicon: scripts, letters, maps, respells and the
    digits that are letters in its Latin spelling."""
    scripts = _words(data.get("scripts") or ["latin"], "scripts")
    if not scripts <= SCRIPTS:
        raise LexiconError(f"scripts: unknown {sorted(scripts - SCRIPTS)}")
    letter_map = _strings(data.get("letter_map"), "letter_map")
    abugida = data.get("abugida")
    if abugida is not None and not isinstance(abugida, dict):
        raise LexiconError("abugida: must be a mapping")
    letter_digits = frozenset(str(data.get("letter_digits") or ""))
    if not all(c in "0123456789" for c in letter_digits):
        raise LexiconError("letter_digits: must be ASCII digits")
    return {
        "scripts": scripts,
        "letters": frozenset(str(data.get("letters") or "")),
        "letter_map": LetterMap.build(letter_map) if letter_map else None,
        "abugida": Abugida.build(abugida) if abugida else None,
        "respell": respells(data.get("respell")),
        "letter_digits": letter_digits,
        "benign_examples": tuple(str(e) for e in data.get("benign_examples") or ()),
    }


def _accumulated(
    data: Mapping[str, Any], common: Common, negation_words: frozenset[str]
) -> dict[str, Any]:
    """The optional `accumulate` section: an Accumulator and the rule it reports under."""
    spec = data.get("accumulate")
    if spec is None:
        return {}
    if not isinstance(spec, dict):
        raise LexiconError("accumulate: must be a mapping")
    borrowed = spec.get("borrowed")
    try:
        families = read_data(str(borrowed)).get("families") if borrowed else None
        accumulator = Accumulator.build(spec, negation_words, families)
    except (ValueError, OSError) as exc:
        raise LexiconError(str(exc)) from None
    rule = Rule(
        name=str(spec.get("name", "distress.accumulated")),
        level=Level.CONCERN,
        category=Category.SUICIDE_SELF_HARM,
        regex=accumulator.cues,
        anchors=frozenset(),
        profile=common.profiles["fixed"],
        examples=tuple(str(e) for e in spec.get("examples", ())),
        counter_examples=tuple(str(e) for e in spec.get("counter_examples", ())),
    )
    categories = spec.get("categories") or {}
    try:
        accumulated_as = {
            str(family): replace(rule, category=Category(str(category)))
            for family, category in categories.items()
        }
    except (AttributeError, ValueError) as exc:
        raise LexiconError(f"accumulate.categories: {exc}") from None
    unknown = set(accumulated_as) - set(accumulator.family_of.values())
    if unknown:
        raise LexiconError(f"accumulate.categories names no family: {sorted(unknown)}")
    return {"accumulator": accumulator, "accumulated": rule, "accumulated_as": accumulated_as}


def _distress(data: Mapping[str, Any], common: Common) -> dict[str, Any]:
    """The optional `distress_model` section: the model file and the rule it reports under."""
    spec = data.get("distress_model")
    if spec is None:
        return {}
    if not isinstance(spec, dict) or "file" not in spec:
        raise LexiconError("distress_model: must be a mapping with a file")
    try:
        model = DistressModel.load(DATA_DIR / str(spec["file"]))
    except (ValueError, OSError) as exc:
        raise LexiconError(f"distress_model: {exc}") from None
    rule = Rule(
        name=str(spec.get("name", "distress.model")),
        level=Level.CONCERN,
        category=Category.SUICIDE_SELF_HARM,
        regex=re.compile("(?!)"),  # the model finds its own words
        anchors=frozenset(),
        profile=common.profiles["fixed"],
        examples=tuple(str(e) for e in spec.get("examples", ())),
        counter_examples=tuple(str(e) for e in spec.get("counter_examples", ())),
    )
    return {"distress": model, "distress_rule": rule}


def _compile_lexicon(data: Mapping[str, Any], common: Common) -> Lexicon:
    lang = str(data["lang"])
    macros = {str(k): f"(?:{v})" for k, v in dict(data.get("macros") or {}).items()}
    rules = tuple(_rule(spec, macros, common) for spec in data["rules"])
    names = [r.name for r in rules]
    if len(names) != len(set(names)):
        raise LexiconError(f"lexicon.{lang}.yaml: duplicate rule names")
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        for anchor in rule.anchors:
            index.setdefault(anchor, []).append(i)
    substitutions = {
        k: tuple(v.split()) for k, v in _strings(data.get("substitutions"), "substitutions").items()
    }
    compounds = _strings(data.get("compounds"), "compounds")
    vocab: set[str] = set(_words(data.get("vocab"), "vocab"))
    for rule in rules:
        vocab.update(rule.anchors)
        for example in rule.examples:
            vocab.update(_WORD.findall(example.lower()))
    vocab.update(substitutions)
    vocab.update(compounds.values())
    for words in substitutions.values():
        vocab.update(words)
    negation = dict(data["negation"])
    breaks = _words(data.get("clause_breaks"), "clause_breaks")
    break_source = rf" (?:{trie_regex(breaks)})\b" if breaks else "(?!)"
    cues = dict(data["cues"])
    if set(cues) != {*CUES, SINCERE}:
        raise LexiconError(f"lexicon.{lang}.yaml: cues must be exactly {(*CUES, SINCERE)}")
    stems, prefix = bool(data.get("anchor_stems", False)), data.get("anchor_prefix")
    anchor_index, anchor_regex = _anchors(index, stems=stems, prefix=prefix)
    clitics, bare_anchor = _clitic_regexes(index, stems=stems, prefix=prefix)
    return Lexicon(
        lang=lang,
        rules=rules,
        anchor_index=anchor_index,
        anchor_regex=anchor_regex,
        clitics=clitics,
        bare_anchor=bare_anchor,
        break_regex=_compile(break_source, "clause_breaks"),
        substitutions=substitutions,
        compounds=compounds,
        numeric_units=_words(data.get("numeric_units"), "numeric_units"),
        clause_breaks=breaks,
        scope_stops=_words(data.get("scope_stops"), "scope_stops"),
        conditionals=_words(data.get("conditionals"), "conditionals"),
        stopwords=_words(data.get("stopwords"), "stopwords"),
        vocab=frozenset(w for w in vocab if w.isalpha()),
        negation_strong=_compile(str(negation["strong"]), "negation.strong"),
        negation_hedge=_compile(str(negation["hedge"]), "negation.hedge"),
        negation_after=_compile(str(negation["after"]), "negation.after"),
        negation_words=_words(negation["words"], "negation.words"),
        negation_more=(
            _compile(str(negation["more"]), "negation.more") if "more" in negation else None
        ),
        cues={k: _compile(str(v), f"cues.{k}", word_start=True) for k, v in cues.items()},
        clause_cues=_compile(
            after_space("|".join(f"(?P<{k}>{cues[k]})" for k in CUES if k != "joke")), "cues"
        ),
        **_scripts(data),
        **_accumulated(data, common, _words(negation["words"], "negation.words")),
        **_distress(data, common),
    )
