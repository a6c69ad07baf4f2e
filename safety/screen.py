"""The baseline crisis screen: deterministic, local rules over normalised text, per language."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from safety.chat import ChatModel
from safety.detect import Choice, LanguageGuesser
from safety.lexicon import DATA_DIR, Common, Lexicon, Rule, load_common, load_lexicon
from safety.normalize import Normalized, Normalizer, fold
from safety.rules import SINCERE
from safety.screening import CHAT_RULE, Category, Evidence, Level, Screening

CHAT_MODEL_FILE: Final = DATA_DIR / "chat.json"
SUPPORTED: Final = ("en", "es", "pt", "de", "fr", "id", "tr", "ru", "uk", "ar", "fa", "hi")
DEFAULT_LANG: Final = "en"
_NEGATION_WINDOW: Final = 6  # words looked at before a match for "not", "never", ...
_COMPARED_AFTER: Final = 4  # words after a negated match that may compare ("this much")
_LONG_CLAUSE: Final = 400  # longer clauses are searched in a window around each anchor
_WINDOW_BEFORE: Final = 160
_WINDOW_AFTER: Final = 240
# sentence ends, also the Arabic question mark and semicolon and the Devanagari danda,
# but not a decimal point ("a fever of 40.5", "2.5 mg"); "[ends][ends]*", not
# "[ends]+": `re` skips fast to a pattern's first character only when the pattern opens
# with a character class
_ENDS: Final = "[.!?;\n\u061f\u061b\u06d4\u0964\u0965]"
_SENTENCE_END: Final = re.compile(f"{_ENDS}(?!(?<=[0-9]\\.)[0-9]){_ENDS}*")
_COMMAS: Final = (",", "\u060c")
_CLITIC_MAX: Final = 4  # letters of clitics written onto a word: "وبال" (and with the)
# Levels and their ranks as plain values: in Python 3.11 `Level.NONE` and `.rank` each cost
# about 0.1 us, and the screen reads them for every hit
_NONE: Final = Level.NONE
_CRISIS: Final = Level.CRISIS
_RANK: Final = {level: level.rank for level in Level}


@dataclass(slots=True)
class _Hit:
    rule: Rule
    level: Level
    start: int  # in the original text
    end: int
    eligible: bool  # may combine with other facets (not negated, hedged, past, joking, fiction)
    lang: str  # the lexicon that found it


def _cap(level: Level, cap: Level | None) -> Level:
    return level if cap is None or _RANK[level] <= _RANK[cap] else cap


class _Clause:
    """One clause (or a window of a long one), as " " + its text, with cached cues.

    Index j of `text` is index `offset + j` of the padded message (" " + normal form).
    """

    __slots__ = ("_cues", "after", "offset", "text")

    def __init__(self, text: str, offset: int, after: str | None = None) -> None:
        self.text = text
        self.offset = offset
        self.after = after  # the next clause, when only a "but" separates them
        self._cues: set[str | None] | None = None

    def cue(self, name: str, lexicon: Lexicon) -> bool:
        if self._cues is None:  # one scan finds every cue of the clause
            self._cues = {m.lastgroup for m in lexicon.clause_cues.finditer(self.text)}
        if name in self._cues:
            return True
        # "I used to cut, but I've been clean for two years": resolution may follow a "but"
        return (
            name == "resolved"
            and self.after is not None
            and lexicon.cues["resolved"].search(self.after) is not None
        )


class _Tone:
    """Whether a match is said in a tone: laughing ("kms lol") or, cancelling that,
    sincerely ("kms lol no cap", "me mato hoy, no es broma"). The tone's words count in
    the match's own stretch of its clause (from the comma before it on), in a stretch of
    nothing but them right before it ("jaja, me mato"), at the start of the clause ("lmao
    my brother ate my fries, im gonna kill him"), or as all the message says after the
    clause ("i want to die. lol"). Elsewhere they say nothing about the match: not in
    another sentence ("haha anyway. I want to die", "I took 30 pills. lol my cat just
    walked in"), nor about another thing earlier in a long message strung with commas ("we
    lost the match again haha, mum made pasta, and tonight im going to kill myself").
    Searched once per clause; a window of a long clause counts as the clause."""

    __slots__ = ("_by_clause", "_padded", "_regex")

    def __init__(self, padded: str, regex: re.Pattern[str]) -> None:
        self._padded = padded
        self._regex = regex  # a cue: matches the space before a word, the word in group `m`
        # (offset, length) -> (where the tone's words start in the clause, all after is them)
        self._by_clause: dict[tuple[int, int], tuple[list[int], bool]] = {}

    def said_with(self, clause: _Clause, start: int) -> bool:
        key = (clause.offset, len(clause.text))  # windows of a long clause may share a start
        found = self._by_clause.get(key)
        if found is None:
            found = self._by_clause[key] = self._search(clause)
        words, after = found
        if after:
            return True
        if not words:
            return False
        stretch = _comma_before(clause.text, start)
        if words[-1] >= stretch or words[0] == 1:  # or the clause opens in the tone
            return True
        if stretch == 0:
            return False
        before = _comma_before(clause.text, stretch - 1)
        return any(before <= at < stretch for at in words) and self._only_tone(
            clause.text[before : stretch - 1]
        )

    def _search(self, clause: _Clause) -> tuple[list[int], bool]:
        words = [m.start("m") for m in self._regex.finditer(clause.text)]
        rest = self._padded[clause.offset + len(clause.text) :]
        return words, self._regex.search(rest) is not None and self._only_tone(rest)

    def _only_tone(self, text: str) -> bool:
        """Whether `text` says nothing but the tone's words (and punctuation)."""
        kept, at = [], 0
        for m in self._regex.finditer(text):
            kept.append(text[at : m.start("m")])
            at = max(at, m.end("m"))
        kept.append(text[at:])
        return not any(c.isalnum() for part in kept for c in part)


@dataclass(frozen=True, slots=True)
class _Laughing:
    """Laughter that softens a match: said laughing, and not sincerely as well (a
    "no es broma" holds the joke word, and "lol no cap" is meant)."""

    laughter: _Tone
    sincerity: _Tone

    def said_with(self, clause: _Clause, start: int) -> bool:
        return self.laughter.said_with(clause, start) and not self.sincerity.said_with(
            clause, start
        )


def _comma_before(text: str, at: int) -> int:
    """Where the comma-separated stretch of `text` that holds position `at` starts."""
    return max(text.rfind(comma, 0, at) for comma in _COMMAS) + 1


def _compared(clause: _Clause, before: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a negation only compares ("I've never wanted to die this much", "never been
    closer to ending it"): a measure of degree between it and the match, in the match, or
    in the few words after the match up to a comma. Such a sentence says more, not less."""
    if lexicon.negation_more is None:
        return False
    tail = clause.text[end:]
    for comma in _COMMAS:
        tail = tail.split(comma, 1)[0]
    after = " ".join(tail.split(None, _COMPARED_AFTER)[:_COMPARED_AFTER])
    said = f"{before} {clause.text[start:end]} {after}"
    return lexicon.negation_more.search(said) is not None


def _negation(clause: _Clause, start: int, end: int, lexicon: Lexicon) -> tuple[bool, bool]:
    """(strong, hedged) negation around a match: the few words before it within its scope
    ("I'd never kill myself"), a conditional that opens the scope ("if I did it"), or a
    negated predicate right after it ("killing myself wouldn't help")."""
    window: list[str] = []
    conditional = False
    for word in reversed(clause.text[:start].rsplit(None, _NEGATION_WINDOW)[-_NEGATION_WINDOW:]):
        if word.endswith(_COMMAS):
            break
        if word in lexicon.scope_stops:
            conditional = word in lexicon.conditionals
            break
        window.append(word)
    if not lexicon.negation_words.isdisjoint(window):
        text = " ".join(reversed(window))
        if lexicon.negation_hedge.search(text):
            return False, True
        strong = lexicon.negation_strong.search(text) is not None
        if strong and not _compared(clause, text, start, end, lexicon):
            return True, False
    if lexicon.negation_after.match(clause.text, end):
        return True, False
    return False, conditional


def _judge(
    rule: Rule, clause: _Clause, start: int, end: int, lexicon: Lexicon, joke: _Laughing
) -> tuple[Level, bool] | None:
    """Apply the rule's profile to one match: (level, eligible), or None if negated away."""
    profile = rule.profile
    strong, hedged = False, False
    if profile.negated is not None or profile.hedged is not None:
        strong, hedged = _negation(clause, start, end, lexicon)
    level = rule.level
    if strong and profile.negated is not None:
        level = _cap(level, profile.negated)
        return (level, False) if level is not _NONE else None
    eligible = True
    if hedged and profile.hedged is not None:
        level, eligible = _cap(level, profile.hedged), False
    if profile.now is not None and clause.cue("now", lexicon):
        level = level if _RANK[level] >= _RANK[profile.now] else profile.now
    for name, cap in (
        ("benign", profile.benign),
        ("accident", profile.accident),
        ("resolved", profile.resolved),
        ("past", profile.past),
    ):
        if cap is not None and clause.cue(name, lexicon):
            level, eligible = _cap(level, cap), False
    if profile.joke is not None and joke.said_with(clause, start):
        level, eligible = _cap(level, profile.joke), False
    return level, eligible


def _clauses(padded: str, lexicon: Lexicon) -> tuple[list[int], list[int], list[bool]]:
    """Starts and ends (in `padded`) of the clauses between sentence ends and "but"s, and
    for each clause whether a "but" (not a sentence end) closes it."""
    cuts = [(m.start(), m.end(), False) for m in _SENTENCE_END.finditer(padded)]
    breaks = [(m.start(), m.end(), True) for m in lexicon.break_regex.finditer(padded)]
    if breaks:  # rare; the sentence ends alone are found in order
        cuts += breaks
        cuts.sort()
    starts, ends, soft = [0], [], []
    for cut_start, cut_end, is_break in cuts:
        ends.append(cut_start)
        soft.append(is_break)
        starts.append(cut_end)
    ends.append(len(padded))
    soft.append(False)
    return starts, ends, soft


def _window(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """A stretch of a long clause around position `at`, cut at spaces."""
    lo, hi = max(start, at - _WINDOW_BEFORE), min(end, at + _WINDOW_AFTER)
    if lo > start:
        lo = max(start, text.rfind(" ", start, lo))
    if hi < end:
        cut = text.rfind(" ", at + 1, hi)
        hi = cut if cut > at else hi
    return lo, hi


def _clause(padded: str, lo: int, hi: int, after: str | None = None) -> _Clause:
    """The clause padded[lo:hi], re-padded with one leading space for the rules."""
    body = padded[lo:hi]
    stripped = body.lstrip(" ")
    return _Clause(" " + stripped, lo + len(body) - len(stripped) - 1, after)


def _analyse(norm: Normalized, lexicon: Lexicon) -> tuple[list[_Hit], bool]:
    """Every rule match near an anchor word, judged in its clause, spans in the original;
    and whether a match was negated away (no hit, but the rules read the words)."""
    padded = " " + norm.text
    # anchors follow a space; a word that opens a line follows a newline (same length)
    scan = padded.replace("\n", " ") if "\n" in padded else padded
    anchors = _anchor_words(scan, lexicon)
    if not anchors:
        return [], False
    starts, ends, soft = _clauses(padded, lexicon)
    joke = _Laughing(_Tone(padded, lexicon.cues["joke"]), _Tone(padded, lexicon.cues[SINCERE]))
    clauses: dict[tuple[int, int], tuple[_Clause, set[int]]] = {}  # and the rules tried
    found: set[tuple[int, int, int]] = set()
    hits: list[_Hit] = []
    negated = False
    for at, word in anchors:
        k = bisect_right(starts, at) - 1
        lo, hi = starts[k], ends[k]
        if hi - lo > _LONG_CLAUSE:
            lo, hi = _window(padded, lo, hi, at)
        known = clauses.get((lo, hi))
        if known is None:
            after = " " + padded[starts[k + 1] : ends[k + 1]].strip(" ") if soft[k] else None
            known = clauses[(lo, hi)] = (_clause(padded, lo, hi, after), set())
        clause, tried = known
        for rid in lexicon.anchor_index[word]:
            if rid in tried:
                continue
            tried.add(rid)
            rule = lexicon.rules[rid]
            for match in rule.regex.finditer(clause.text):
                if rule.unless is not None and rule.unless.search(clause.text):
                    break  # read only once the rule has matched: most never do
                start, end = match.span(1)
                key = (rid, clause.offset + start, clause.offset + end)
                if key in found:
                    continue
                found.add(key)
                judged = _judge(rule, clause, start, end, lexicon, joke)
                if judged is None:
                    negated = True
                    continue
                span = norm.span(key[1] - 1, key[2] - 1)
                hits.append(_Hit(rule, judged[0], span[0], span[1], judged[1], lexicon.lang))
    return hits, negated


def _anchor_words(scan: str, lexicon: Lexicon) -> list[tuple[int, str]]:
    """(position of the space before, anchor) for every anchor word in `scan`, a word with
    clitics read every way it splits."""
    anchors = [(m.start(), m.group("a")) for m in lexicon.anchor_regex.finditer(scan)]
    if anchors and lexicon.clitics is not None:
        anchors += _clitic_readings(scan, anchors, lexicon)
    return anchors


def _clitic_readings(
    scan: str, anchors: list[tuple[int, str]], lexicon: Lexicon
) -> list[tuple[int, str]]:
    """The other anchors a word with clitics holds: "والانتحار" is found as "والا…" (an
    anchor that begins it) and is also "و" + "الانتحار"; "وهخلص" is "و" + "هخلص" as well
    as "وه" + "خلص". Each split after up to `_CLITIC_MAX` letters that are clitics is read
    for the longest anchor it starts with."""
    clitics, bare = lexicon.clitics, lexicon.bare_anchor
    if clitics is None or bare is None:
        return []
    more: list[tuple[int, str]] = []
    for at, found in anchors:
        end = scan.find(" ", at + 1)
        word = scan[at + 1 : end if end != -1 else len(scan)]
        for cut in range(1, min(_CLITIC_MAX, len(word) - 1) + 1):
            if clitics.fullmatch(word, 0, cut) is None:
                continue
            reading = bare.match(word, cut)
            if reading is not None and reading.group("a") != found:
                more.append((at, reading.group("a")))
    return more


def _accumulated(norm: Normalized, lexicon: Lexicon) -> list[_Hit]:
    """Concern from weak signals that add up (see safety/accumulate.py); never escalates."""
    if lexicon.accumulator is None or lexicon.accumulated is None:
        return []
    default = lexicon.accumulated
    hits = []
    for start, end, family in lexicon.accumulator.spans(norm.text):
        rule = lexicon.accumulated_as.get(family, default)  # being hurt: danger from others
        hits.append(
            _Hit(rule, rule.level, *norm.span(start, end), eligible=False, lang=lexicon.lang)
        )
    return hits


def _weighed(norm: Normalized, lexicon: Lexicon) -> list[_Hit]:
    """Concern from the distress model (see safety/distress.py); never escalates."""
    if lexicon.distress is None or lexicon.distress_rule is None:
        return []
    rule = lexicon.distress_rule
    return [
        _Hit(rule, rule.level, *norm.span(start, end), eligible=False, lang=lexicon.lang)
        for start, end in lexicon.distress.spans(norm.text)
    ]


def _overlaps(a: _Hit, b: _Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _apart(firsts: list[_Hit], seconds: list[_Hit]) -> list[_Hit]:
    """A hit of each list, as a pair, whose phrases do not overlap, or [] when none.

    A facet's overlapping hits are one phrase ("💊💊🪦" inside "💊💊💊🪦"), and one
    phrase read as two facets is still one signal; a phrase elsewhere in the message is
    another ("decidi q hj é o dia" is a plan and a time, "ja ta tudo aqui" a second plan).
    """
    for a_start, a_end, a in _phrases(firsts):
        for b_start, b_end, b in _phrases(seconds):
            if a_start >= b_end or b_start >= a_end:
                return [a, b]
    return []


def _phrases(hits: list[_Hit]) -> list[tuple[int, int, _Hit]]:
    """Overlapping hits merged: (start, end, the first hit) for each stretch they cover."""
    merged: list[tuple[int, int, _Hit]] = []
    for hit in sorted(hits, key=lambda h: h.start):
        if merged and hit.start < merged[-1][1]:
            start, end, first = merged[-1]
            merged[-1] = (start, max(end, hit.end), first)
        else:
            merged.append((hit.start, hit.end, hit))
    return merged


def _unshadowed(hits: list[_Hit]) -> list[_Hit]:
    """Drop hits inside reported speech ("he told me to kill myself") and first-person
    hits inside third-person ones ("she says she wants to die")."""
    reported = [h for h in hits if h.rule.shadows]
    others = [h for h in hits if h.rule.about_other and not h.rule.shadows]
    if not reported and not others:
        return hits
    kept = []
    for hit in hits:
        if not hit.rule.shadows:
            if any(_overlaps(hit, r) for r in reported):
                continue
            if not hit.rule.about_other and any(_overlaps(hit, o) for o in others):
                continue
        kept.append(hit)
    return kept


def _reportable(hits: list[_Hit]) -> list[_Hit]:
    """Hits of at least concern, without weaker overlapping hits of the same category."""
    ranked = sorted(hits, key=lambda h: (-_RANK[h.level], -(h.end - h.start), h.start))
    result: list[_Hit] = []
    for hit in ranked:
        if hit.level is _NONE:
            continue
        if any(r.rule.category is hit.rule.category and _overlaps(r, hit) for r in result):
            continue
        result.append(hit)
    return result


class _ChatRules:
    """The rules the chat model's verdicts report under (`chat.model`), one per category,
    whether the risk is someone else's and whether it is a crisis, made once."""

    def __init__(self, common: Common) -> None:
        self._fixed = common.profiles["fixed"]
        self._made: dict[tuple[Category, bool, bool], Rule] = {}

    def __call__(self, category: Category, about_other: bool, *, crisis: bool) -> Rule:
        key = (category, about_other, crisis)
        rule = self._made.get(key)
        if rule is None:
            rule = self._made[key] = Rule(
                name=CHAT_RULE,
                level=Level.CRISIS if crisis else Level.CONCERN,
                category=category,
                regex=re.compile("(?!)"),  # the model finds its own words
                anchors=frozenset(),
                profile=self._fixed,
                about_other=about_other,
            )
        return rule


class Screen:
    """The compiled screen: per-language lexicons and normalisers, the escalation pairs,
    and the chat model (None: rules alone)."""

    def __init__(
        self, common: Common, lexicons: Mapping[str, Lexicon], chat: ChatModel | None = None
    ) -> None:
        self._common = common
        self._lexicons = dict(lexicons)
        self._normalizers = {k: Normalizer(common, v) for k, v in self._lexicons.items()}
        self._guess = LanguageGuesser(self._lexicons, DEFAULT_LANG)
        self._chat = chat
        self._chat_rules = _ChatRules(common)

    @property
    def chat(self) -> ChatModel | None:
        return self._chat

    def languages(self) -> tuple[str, ...]:
        return tuple(self._lexicons)

    def lexicon(self, lang: str) -> Lexicon:
        return self._lexicons[lang]

    def rules_fired(self, text: str, *, lang: str | None = None) -> frozenset[str]:
        """Names of the rules that matched `text`, whatever their level (for review and tests)."""
        folded = fold(text)
        langs = self._guess.choose(folded, lang).langs
        return frozenset(h.rule.name for h in self._hits(folded, langs))

    def normal_form(self, text: str, lang: str) -> str:
        """`text` as the rules of `lang` read it: folded, then normalised."""
        return self._normalizers[lang](fold(text)).text

    def choose(self, text: str, *, lang: str | None = None) -> Choice:
        """The lexicons `screen` runs on `text`, most likely language first."""
        return self._guess.choose(fold(text), lang)

    def _hits(self, folded: str, langs: Sequence[str], *, weigh: bool = True) -> list[_Hit]:
        """Every hit in each of `langs`; with `weigh`, also the models' (in the language
        the message is read in). Recent messages are read for facets, which the models
        never give, so they are not weighed."""
        hits: list[_Hit] = []
        chatted: list[_Hit] = []  # after the shadows: the model's "someone else" shadows nothing
        for lang in langs:
            lexicon = self._lexicons[lang]
            norm = self._normalizers[lang](folded)
            found, negated = _analyse(norm, lexicon)
            if not any(h.level is not _NONE for h in found):
                found.extend(_accumulated(norm, lexicon))
                if weigh and lang == langs[0] and not any(h.level is not _NONE for h in found):
                    found.extend(_weighed(norm, lexicon))  # the language it is read in
            if weigh and lang == langs[0] and self._chat is not None:
                chatted = self._chatted(self._chat, norm, lexicon, found, negated=negated)
            hits.extend(found)
        return _unshadowed(hits) + chatted

    def _chatted(
        self,
        chat: ChatModel,
        norm: Normalized,
        lexicon: Lexicon,
        found: list[_Hit],
        *,
        negated: bool,
    ) -> list[_Hit]:
        """The chat model's concern where the rules found none, and its crisis where no
        rule matched at all: no hit, and no match a negation took away (`negated`), so a
        rule that matched and read the words as none stands against the model's crisis
        (see safety/chat.py)."""
        if any(h.level is not _NONE for h in found):
            return []
        verdict = chat.judge(norm.text, lexicon.lang)
        if verdict is None:
            return []
        crisis = verdict.crisis and not found and not negated
        rule = self._chat_rules(verdict.category, verdict.about_other, crisis=crisis)
        return [
            _Hit(rule, rule.level, *norm.span(start, end), eligible=False, lang=lexicon.lang)
            for start, end in verdict.spans
        ]

    def __call__(
        self, text: str, *, lang: str | None = None, recent: Sequence[str] = ()
    ) -> Screening:
        folded = fold(text)
        choice = self._guess.choose(folded, lang)
        langs = choice.langs
        hits = self._hits(folded, langs)
        escalation, escalated = self._escalate(hits, langs, recent)
        reportable = _reportable(hits)
        if escalation or any(h.rule.name != CHAT_RULE for h in reportable):
            # the chat model speaks only alone: a crisis made with an earlier message, or a
            # rule of another language, does not take on the model's guess of a kind
            hits = [h for h in hits if h.rule.name != CHAT_RULE]
            reportable = [h for h in reportable if h.rule.name != CHAT_RULE]
        evidence = [
            Evidence(h.rule.name, h.level, h.rule.category, h.start, h.end) for h in reportable
        ]
        evidence.extend(escalation)
        evidence.sort(key=lambda e: (e.start, e.end, e.rule))
        said_in = langs[0]
        # a guess: the language whose rule fired first, or whose facets made the crisis
        fired = reportable or escalated
        if not choice.sure and fired:
            said_in = min(fired, key=lambda h: (-_RANK[h.level], langs.index(h.lang))).lang
        return _result(evidence, said_in, hits)

    def _escalate(
        self, hits: list[_Hit], langs: Sequence[str], recent: Sequence[str]
    ) -> tuple[list[Evidence], list[_Hit]]:
        """Crisis evidence for two facets that meet in this message, or here and in `recent`,
        and this message's hits that made it."""
        current: dict[str, list[_Hit]] = {}
        for hit in hits:
            if hit.rule.facet is not None and hit.eligible and not hit.rule.about_other:
                current.setdefault(hit.rule.facet, []).append(hit)
        if not current:
            return [], []
        earlier: set[str] | None = None
        out: list[Evidence] = []
        made: list[_Hit] = []
        pairs = [p for p in self._common.escalations if p.first in current or p.second in current]
        for pair in pairs:
            if pair.first in current and pair.second in current:
                # one phrase read two ways is still one signal: two that do not overlap
                here = _apart(current[pair.first], current[pair.second])
                if not here:
                    continue
                name = f"escalate.{pair.first}+{pair.second}"
            else:
                present, absent = pair.first, pair.second
                if present not in current:
                    present, absent = absent, present
                if earlier is None:
                    earlier = self._recent_facets(recent, langs)
                if absent not in earlier:
                    continue
                here = [current[present][0]]
                name = f"context.{pair.first}+{pair.second}"
            out.extend(Evidence(name, _CRISIS, pair.category, h.start, h.end) for h in here)
            made.extend(here)
        return out, made

    def _recent_facets(self, recent: Sequence[str], langs: Sequence[str]) -> set[str]:
        facets: set[str] = set()
        for message in recent:
            for hit in self._hits(fold(message), langs, weigh=False):
                if hit.rule.facet is not None and hit.eligible and not hit.rule.about_other:
                    facets.add(hit.rule.facet)
        return facets


def _result(evidence: list[Evidence], lang: str, hits: list[_Hit]) -> Screening:
    if not evidence:
        return Screening(level=_NONE, lang=lang)
    level = max((e.level for e in evidence), key=_RANK.__getitem__)
    categories: list[Category] = []
    for item in sorted(evidence, key=lambda e: (-_RANK[e.level], e.start)):
        if item.category not in categories:
            categories.append(item.category)
    about_other = {h.rule.name for h in hits if h.rule.about_other}
    third_party = all(e.rule in about_other for e in evidence if e.level is level)
    return Screening(
        level=level,
        categories=tuple(categories),
        lang=lang,
        evidence=tuple(evidence),
        third_party=third_party,
    )


def build_screen(*, chat: bool = True) -> Screen:
    """Compile every shipped lexicon (done once, when `safety` is imported), with the chat
    model unless `chat` is false (the rules alone, as their tests read them)."""
    common = load_common()
    lexicons = {lang: load_lexicon(lang, common) for lang in SUPPORTED}
    # absent only before the first training (`python -m safety.chat_train`), which reads
    # the rules' normal form; the shipped package always has it (a test checks)
    model = ChatModel.load(CHAT_MODEL_FILE) if chat and CHAT_MODEL_FILE.exists() else None
    return Screen(common, lexicons, model)


_SCREEN: Final = build_screen()


def normal_form(text: str, lang: str) -> str:
    """`text` as the shipped rules of `lang` read it (for training the distress model)."""
    return _SCREEN.normal_form(text, lang)


def screen(text: str, *, lang: str | None = None, recent: Sequence[str] = ()) -> Screening:
    """Screen one message (and, for intent split across messages, the person's recent ones).

    Deterministic and local. `lang` is an ISO 639-1 code or a locale ("en-GB"); without
    it the language is guessed from function words. `recent` never raises the level on
    its own: it only completes a signal that this message starts (see `Screen._escalate`).
    """
    return _SCREEN(text, lang=lang, recent=recent)
