"""Statement recall of ``studyapp extract`` on GUM's attribution relations (a silver set).

    .venv/bin/python benchmarks/extract_gum.py GUM_REPO ATTRIBUTIONS_TSV [--misses]

The keyed corpus holds a few hundred statements; GUM (github.com/amir-zeldes/gum,
release V11.1.0; ``GUM_REPO`` is a bare mirror or a checkout's .git, read with ``git show``)
annotates every attribution of its documents in RST. ``ATTRIBUTIONS_TSV`` has one row per
relation (doc, genre, source EDU, target EDU, relation, label, ..., speaker, source text,
content text); it is made by ``benchmarks/gum_attributions.py GUM_REPO -o attributions.tsv``
(which says how the source, speaker and content are chosen). The relations a teacher's
answer key would count as statements are kept: genres of written, edited prose,
attribution-positive, a verb of saying, reporting or finding (not a belief or a
perception), and a named or nominal speaker (not I, we or you). The kept documents are
split by a fixed seed into a tuning half and a held-out half; ``--misses`` prints the
misses of the tuning half only (never the held-out ones).

A relation is found when a drafted statement has a matching speaker (the relation
speaker's head word in it, or its words all in the speaker, or a proper name or the head
noun of a mention of the same GUM coreference entity, which is how a resolved "he" or
"they" counts) and at least half of
the drafted statement's content words are in the relation's content (the target EDU and
the EDUs of its sentence that hang from it). Also prints the drafted statements that
match no attribution relation of their document (any label, any speaker).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.statements import Statement


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GENRES = _words("news interview speech bio academic whow voyage textbook essay letter")
LABELS = _words(
    """say tell state claim note suggest ask announce explain add argue report write find
    show warn insist observe exclaim assert admit reply quote tweet reveal declare conclude
    recommend maintain predict propose remark comment posit theorize complain emphasize
    inform assure promise advise mention discover estimate reason repeat speak email
    scream swear remind recall establish prove determine describe stress point confirm
    deny acknowledge testify indicate demonstrate urge contend"""
) | {"according to", "point out", "find out", "come to conclusion", "make case"}
PERSONAL = _words(
    "i we you me us my our your it this that there myself yourself ourselves someone anyone"
    " everyone somebody anybody one ’s 's which who few"
)
STOP = _words(
    """a an the and or but of to in on at for with by from as is are was were be been being
    that this these those it its he she they them his her their we our you your i me my
    not no so if than then there here which who whom whose what when where how why will
    would can could should may might must shall do does did has have had also very just
    about into over under up out more most some any all such only own same other"""
)
SEED = 12


@dataclass
class Token:
    form: str
    upos: str
    head: int  # document-level index of the governor, -1 for the root
    entities: list[int] = field(default_factory=list)


@dataclass
class Doc:
    tokens: list[Token]
    entity_names: dict[int, set[str]]
    edu_span: dict[int, tuple[int, int]]
    edu_head: dict[int, int]
    edu_sid: dict[int, int]
    edu_text: dict[int, str]


@dataclass
class Relation:
    doc: str
    genre: str
    source: int
    target: int
    label: str
    speaker: str
    text: str
    content: str
    head_words: set[str]
    names: set[str]
    kept: bool


REV = ["V11.1.0"]
"""The GUM revision read (``--rev``): the one gum_attributions.py read by default."""


def show(repo: str, path: str) -> str:
    return subprocess.run(
        ["git", "-C", repo, "show", f"{REV[0]}:{path}"], capture_output=True, text=True, check=True
    ).stdout


def plain_text(repo: str, doc: str) -> str:
    """The document as an article: one paragraph a line, blank lines between."""
    paras: list[str] = []
    cur: list[str] = []
    for line in show(repo, f"coref/ontogum/conllu/{doc}.conllu").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            if cur:
                paras.append(" ".join(cur))
                cur = []
        elif line.startswith("# text = "):
            cur.append(line[9:].strip())
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(paras) + "\n"


def read_doc(repo: str, doc: str) -> Doc:
    tokens: list[Token] = []
    base = 0
    open_at: dict[int, list[int]] = defaultdict(list)
    mentions: list[tuple[int, int, int]] = []
    sentence: list[list[str]] = []

    def flush() -> None:
        nonlocal base
        for cols in sentence:
            head = int(cols[6])
            tokens.append(Token(cols[1], cols[3], base + head - 1 if head else -1))
        for i, cols in enumerate(sentence):
            misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
            ent = misc.get("Entity", "")
            for m in re.finditer(r"\((\d+)[^()]*(\)?)|(\d+)\)", ent):
                if m.group(1):
                    eid = int(m.group(1))
                    if m.group(2):
                        mentions.append((eid, base + i, base + i))
                    else:
                        open_at[eid].append(base + i)
                else:
                    eid = int(m.group(3))
                    if open_at[eid]:
                        mentions.append((eid, open_at[eid].pop(), base + i))
        base += len(sentence)
        sentence.clear()

    for line in show(repo, f"dep/{doc}.conllu").splitlines():
        if not line.strip():
            flush()
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                sentence.append(cols)
    flush()
    names: dict[int, set[str]] = defaultdict(set)
    for eid, start, end in mentions:
        for k in range(start, end + 1):
            tokens[k].entities.append(eid)
            if tokens[k].upos == "PROPN":
                names[eid].add(tokens[k].form.lower())
            elif tokens[k].upos == "NOUN" and not start <= tokens[k].head <= end:
                names[eid].add(tokens[k].form.lower())  # the head noun: "the citizen scientists"
    edu_span: dict[int, tuple[int, int]] = {}
    edu_head: dict[int, int] = {}
    edu_sid: dict[int, int] = {}
    edu_text: dict[int, str] = {}
    at = 0
    for line in show(repo, f"rst/dependencies/{doc}.rsd").splitlines():
        cols = line.split("\t")
        if len(cols) < 8 or not cols[0].isdigit():
            continue
        edu = int(cols[0])
        n = len(cols[1].split())
        edu_span[edu] = (at, at + n)
        at += n
        edu_head[edu] = int(cols[6])
        sid = re.search(r"sid=(\d+)", cols[5])
        edu_sid[edu] = int(sid.group(1)) if sid else -1
        edu_text[edu] = cols[1]
    return Doc(tokens, names, edu_span, edu_head, edu_sid, edu_text)


def content_of(d: Doc, source: int, target: int) -> str:
    """The target EDU and the EDUs of its sentence that hang from it (not the source)."""
    out = [target]
    for edu in d.edu_text:
        if edu in (source, target) or d.edu_sid[edu] != d.edu_sid[target]:
            continue
        e = edu
        for _ in range(50):
            e = d.edu_head.get(e, 0)
            if e in (0, source) or d.edu_sid.get(e) != d.edu_sid[target]:
                break
            if e == target:
                out.append(edu)
                break
    last = max(out)
    edus = sorted(d.edu_text)
    at = edus.index(last) + 1
    while _open_quote(" ".join(d.edu_text[e] for e in sorted(out))) and at < len(edus):
        if edus[at] != source:
            out.append(edus[at])  # a quotation runs on past its sentence: it is the content
        at += 1
    return " ".join(d.edu_text[e] for e in sorted(out))


def _open_quote(text: str) -> bool:
    """Whether a quotation opened in the text is still open at its end."""
    if text.count("“") > text.count("”"):
        return True
    return text.count('"') % 2 == 1 and text.lstrip().startswith('"')


def speaker_tokens(d: Doc, source: int, speaker: str) -> list[int]:
    """Where the relation's speaker sits: its words inside the source EDU (or nearby)."""
    words = speaker.split()
    if not words or source not in d.edu_span:
        return []
    edu_lo, edu_hi = d.edu_span[source]
    for lo, hi in ((edu_lo, edu_hi), (max(0, edu_lo - 40), min(len(d.tokens), edu_hi + 40))):
        for i in range(lo, hi - len(words) + 1):
            if all(d.tokens[i + k].form == w for k, w in enumerate(words)):
                return list(range(i, i + len(words)))
    return []


def content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 1]


def load(repo: str, tsv: str) -> tuple[dict[str, str], dict[str, str], list[Relation]]:
    with open(tsv, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    docs = sorted({r["doc"] for r in rows if r["genre"] in GENRES})
    genre = {r["doc"]: r["genre"] for r in rows}
    texts: dict[str, str] = {}
    relations: list[Relation] = []
    for doc in docs:
        d = read_doc(repo, doc)
        texts[doc] = plain_text(repo, doc)
        for r in (r for r in rows if r["doc"] == doc):
            source, target = int(r["edu"]), int(r["target"])
            toks = speaker_tokens(d, source, r["speaker"])
            inside = set(toks)
            heads = [t for t in toks if d.tokens[t].head not in inside]
            head_words = {d.tokens[t].form.lower() for t in heads[:1]}
            if not head_words and r["speaker"]:
                head_words = {r["speaker"].split()[-1].lower()}
            names: set[str] = set()
            for t in heads[:1]:
                for eid in d.tokens[t].entities:
                    names |= d.entity_names.get(eid, set())
            speaker_words = [w.lower() for w in r["speaker"].split()]
            kept = (
                r["rel"] == "attribution-positive"
                and r["label"] in LABELS
                and bool(speaker_words)
                and not (len(speaker_words) == 1 and speaker_words[0] in PERSONAL)
            )
            relations.append(
                Relation(
                    doc,
                    genre[doc],
                    source,
                    target,
                    r["label"],
                    r["speaker"],
                    r["text"],
                    content_of(d, source, target) if target in d.edu_text else r["content"],
                    head_words,
                    names,
                    kept,
                )
            )
    return texts, genre, relations


def speaker_matches(s: Statement, r: Relation) -> bool:
    drafted = set(re.findall(r"[\w-]+", " ".join((s.speaker, *s.aliases)).lower()))
    if not drafted:
        return False
    relation = {w.lower() for w in r.speaker.split()}
    if r.head_words & drafted:
        return True
    if drafted - STOP <= relation and drafted - STOP:
        return True
    return bool(r.names & drafted)


def found(s: Statement, r: Relation) -> bool:
    if not speaker_matches(s, r):
        return False
    words = content_words(s.words)
    if not words:
        return False
    content = set(content_words(r.content))
    return sum(w in content for w in words) * 2 >= len(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gum", help="the GUM repository (a git dir, read with git show)")
    parser.add_argument("tsv", help="attributions.tsv")
    parser.add_argument("--misses", action="store_true", help="print the tuning half's misses")
    parser.add_argument("--rev", default=REV[0], help="the GUM revision (default: V11.1.0)")
    args = parser.parse_args()
    REV[0] = args.rev
    texts, _genre, relations = load(args.gum, args.tsv)
    kept_docs = sorted({r.doc for r in relations if r.kept})
    order = list(kept_docs)
    random.Random(SEED).shuffle(order)
    tuning = set(order[: len(order) // 2])
    hits: dict[str, Counter[str]] = {"tuning": Counter(), "held-out": Counter()}
    totals: dict[str, Counter[str]] = {"tuning": Counter(), "held-out": Counter()}
    unmatched: Counter[str] = Counter()
    drafted: Counter[str] = Counter()
    misses: list[tuple[Relation, list[Statement]]] = []
    for doc in kept_docs:
        half = "tuning" if doc in tuning else "held-out"
        statements = extract(texts[doc]).statements
        mine = [r for r in relations if r.doc == doc]
        for r in mine:
            if not r.kept:
                continue
            totals[half][r.genre] += 1
            if any(found(s, r) for s in statements):
                hits[half][r.genre] += 1
            elif half == "tuning":
                misses.append((r, statements))
        drafted[half] += len(statements)
        unmatched[half] += sum(not any(found(s, r) for r in mine) for s in statements)
    if args.misses:
        for r, statements in misses:
            print(f"MISS {r.doc} [{r.label}] speaker={r.speaker!r}")
            print(f"   source:  {r.text}")
            print(f"   content: {r.content}")
            near = [s for s in statements if speaker_matches(s, r)]
            key = set(content_words(r.content))
            near += [
                s
                for s in statements
                if s not in near and len(key & set(content_words(s.words))) >= 3
            ]
            for s in near[:4]:
                print(f"   drafted({s.speaker}): {s.words[:160]}")
        print()
    for half in ("tuning", "held-out"):
        n_docs = len(tuning) if half == "tuning" else len(kept_docs) - len(tuning)
        print(f"{half}: {n_docs} documents")
        for g in sorted(totals[half]):
            h, t = hits[half][g], totals[half][g]
            print(f"  {g:<10} {h:>4}/{t:<4} {100 * h / t:5.1f}%")
        h, t = sum(hits[half].values()), sum(totals[half].values())
        print(f"  {'total':<10} {h:>4}/{t:<4} {100 * h / t:5.1f}%")
        print(f"  drafted statements {drafted[half]}, matching no relation {unmatched[half]}")


if __name__ == "__main__":
    main()
