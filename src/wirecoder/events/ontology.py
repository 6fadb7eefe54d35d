"""The event ontology and trigger lexicon, read once from data/events/.

``ontology.json`` holds the PLOVER types, their modes and the CAMEO/Goldstein
table; ``classes.json`` the word classes patterns refer to (``@sanction``);
``triggers.jsonl`` the trigger patterns. A user file in the same JSONL format
adds patterns (it wins on ties). See docs/ontology.md.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import SettingsError

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

_POS = {"VERB": "VERB", "NOUN": "NOUN", "ADJ": "ADJ"}


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger pattern: a head lemma plus optional constraints, and what it codes."""

    lemma: str
    pos: str  # VERB | NOUN | ADJ
    type: str | None  # None blocks the word in this use
    mode: str | None = None
    cameo: str | None = None
    context: str | None = None
    particle: str | None = None
    prep: str | None = None
    obj: frozenset[str] = frozenset()  # lemmas, with classes expanded
    mod: frozenset[str] = frozenset()
    gov: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()  # lemmas the active subject must have ("protesters gathered")
    conf: float | None = None
    theme: str | None = None  # "source" | "target": the side an intransitive subject is ("troops massed", "people died")
    patient: str | None = None  # "human": the one acted on must be people ("released prisoners", not "released gas")
    order: int = 0  # later files win ties

    @property
    def specificity(self) -> int:
        return 2 * bool(self.particle) + bool(self.prep) + 2 * bool(self.obj) + 2 * bool(self.mod) + 2 * bool(self.gov) \
            + 2 * bool(self.subj)


@dataclass(frozen=True, slots=True)
class Lexicon:
    version: str
    patterns: dict[tuple[str, str], tuple[Pattern, ...]]  # (lemma, pos) -> most specific first
    type_cameo: dict[str, str]
    mode_cameo: dict[tuple[str, str], str]
    goldstein: dict[str, float]
    light_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    agents: frozenset[str]  # nouns that name an actor even without an actor mention ("rebels")
    speech: frozenset[str]  # reporting verbs ("said that China must ...")
    documents: frozenset[str]  # nouns whose relative clause states their content ("a resolution that aims to ...")
    nonintent_verbs: frozenset[str]  # heads that make an act expected by others, not intended ("is expected to")
    intent: dict[str, tuple[str, str]]  # type -> (type, mode) for an act its own actor announces
    disaster: frozenset[str]  # natural and accidental causes: "killed in an earthquake" is no assault
    deontic: frozenset[str] = frozenset()
    lemma_fixes: dict[str, str] | None = None
    casualty_verbs: frozenset[str] = frozenset()
    frame_nouns: frozenset[str] = frozenset()
    frame_preps: frozenset[str] = frozenset()
    plan_nouns: frozenset[str] = frozenset()  # "unveiled a policy aimed at ending aid": the act is announced intent
    plan_verbs: frozenset[str] = frozenset()  # "announced/unveiled a plan": the plan is its actor's own
    cancel_verbs: frozenset[str] = frozenset()  # "postponed their meeting": the noun's event did not take place
    cancel_particles: frozenset[tuple[str, str]] = frozenset()  # ("call", "off"), ("put", "off")
    classes: dict[str, frozenset[str]] | None = None  # every word class of classes.json, by name (round 7)

    def word_class(self, name: str) -> frozenset[str]:
        """The lemmas of a word class of classes.json (empty when the class is absent)."""
        return (self.classes or {}).get(name, frozenset())

    def lemma(self, tok) -> str:
        """The token's lemma, corrected where the statistical lemmatizer is known to err."""
        fixes = self.lemma_fixes or {}
        lemma = fixes.get(tok.lower_) or fixes.get(tok.lemma_.lower()) or tok.lemma_.lower()
        return fixes.get(lemma, lemma)  # "rearrested" -> "rearrest" -> "arrest" (re_verbs)

    def lookup(self, lemma: str, pos: str) -> tuple[Pattern, ...]:
        return self.patterns.get((lemma, pos), ())

    def cameo_for(self, p: Pattern) -> str | None:
        if p.type is None:
            return None
        return p.cameo or self.mode_cameo.get((p.type, p.mode or "")) or self.type_cameo.get(p.type)

    def goldstein_for(self, cameo: str | None) -> float | None:
        """The Goldstein score of a CAMEO code, else of its longest listed prefix."""
        code = cameo or ""
        while code:
            if code in self.goldstein:
                return self.goldstein[code]
            code = code[:-1]
        return None


def _data_dir():
    return resources.files("wirecoder") / "data" / "events"


def _generated_lemma_fixes(base) -> dict[str, str]:
    """Forms of trigger verbs the lemmatizer gets wrong, found by tools/build_lemma_fixes.py."""
    path = base / "lemma_fixes.tsv"
    if not path.is_file():
        return {}
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#")
    return {form: lemma for form, lemma in rows}


def _read_patterns(lines: list[str], classes: dict[str, list[str]], order: int, origin: str) -> list[Pattern]:
    out = []
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("//"):
            continue
        try:
            d = json.loads(line)
            lemma = str(d["lemma"]).lower()
        except (ValueError, KeyError, TypeError) as exc:
            raise SettingsError(f"{origin}:{n}: not a trigger pattern ({exc})") from exc
        typ = d.get("type")
        if typ is not None and typ not in PLOVER_TYPES:
            raise SettingsError(f"{origin}:{n}: unknown PLOVER type {typ!r}")
        out.append(Pattern(
            lemma=lemma, pos=_POS.get(str(d.get("pos", "VERB")).upper(), "VERB"), type=typ,
            mode=d.get("mode"), cameo=d.get("cameo"), context=d.get("context"),
            particle=d.get("particle"), prep=d.get("prep"),
            obj=_expand(d.get("obj") or (), classes, origin, n),
            mod=_expand(d.get("mod") or (), classes, origin, n),
            gov=_expand(d.get("gov") or (), classes, origin, n),
            subj=_expand(d.get("subj") or (), classes, origin, n),
            conf=float(d["conf"]) if d.get("conf") is not None else None, theme=d.get("theme"),
            patient=d.get("patient"), order=order))
    return out


def _expand(words, classes: dict[str, list[str]], origin: str, n: int) -> frozenset[str]:
    out: set[str] = set()
    for w in words:
        if w.startswith("@"):
            if w[1:] not in classes:
                raise SettingsError(f"{origin}:{n}: unknown word class {w!r}")
            out.update(classes[w[1:]])
        else:
            out.add(w.lower())
    return frozenset(out)


@cache
def load_lexicon(user_file: str | None = None) -> Lexicon:
    """The built-in ontology and triggers, plus a user's trigger file (JSONL) when given."""
    base = _data_dir()
    onto = json.loads((base / "ontology.json").read_text(encoding="utf-8"))
    cls = json.loads((base / "classes.json").read_text(encoding="utf-8"))
    classes = cls["classes"]
    pats = _read_patterns((base / "triggers.jsonl").read_text(encoding="utf-8").splitlines(), classes, 0,
                          "triggers.jsonl")
    if user_file:
        path = Path(user_file)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SettingsError(f"cannot read triggers_file {path}: {exc}") from exc
        pats += _read_patterns(text.splitlines(), classes, 1, str(path))
    index: dict[tuple[str, str], list[Pattern]] = {}
    for p in pats:
        index.setdefault((p.lemma, p.pos), []).append(p)
    own = {lemma for lemma, _ in index}
    # "reimposed", "rearrested": the same act again, unless the re- verb has patterns of its own
    again = {"re" + v: v for v in cls.get("re_verbs", ()) if "re" + v not in own}
    ordered = {k: tuple(sorted(v, key=lambda p: (-p.specificity, -p.order))) for k, v in index.items()}
    types = onto["types"]
    return Lexicon(
        version=onto["version"], patterns=ordered,
        type_cameo={t: v["cameo"] for t, v in types.items()},
        mode_cameo={(t, m): c for t, v in types.items() for m, c in v.get("modes", {}).items()},
        goldstein={k: float(v) for k, v in onto["cameo"].items()},
        light_verbs=frozenset(cls["light_verbs"]), occurrence_verbs=frozenset(cls["occurrence_verbs"]),
        intent_verbs=frozenset(cls["intent_verbs"]), hypothetical_aux=frozenset(cls["hypothetical_aux"]),
        future_aux=frozenset(cls["future_aux"]), agents=frozenset(classes["agents"]),
        speech=frozenset(classes["speech"]), documents=frozenset(classes["document"]),
        nonintent_verbs=frozenset(cls["nonintent_verbs"]),
        intent={k: (v[0], v[1]) for k, v in onto.get("intent", {}).items()},
        disaster=frozenset(classes["disaster"]), deontic=frozenset(cls.get("deontic", ())),
        lemma_fixes={**again, **_generated_lemma_fixes(base), **cls.get("lemma_fixes", {})}, casualty_verbs=frozenset(cls.get("casualty_verbs", ())), frame_nouns=frozenset(cls.get("frame_nouns", ())),
        frame_preps=frozenset(classes["frame_preps"]), plan_nouns=frozenset(cls.get("plan_nouns", ())),
        plan_verbs=frozenset(cls.get("plan_verbs", ())), cancel_verbs=frozenset(cls.get("cancel_verbs", ())),
        cancel_particles=frozenset(tuple(p.split(maxsplit=1)) for p in cls.get("cancel_particles", ())),
        classes={k: frozenset(v) for k, v in classes.items()})
