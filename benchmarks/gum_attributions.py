"""Make ATTRIBUTIONS_TSV for benchmarks/extract_gum.py: GUM's RST attribution relations.

    .venv/bin/python benchmarks/gum_attributions.py GUM_REPO [--rev REV] [-o OUT.tsv]

Reads GUM 11.1 (github.com/amir-zeldes/gum, tag V11.1.0, the default ``--rev`` = commit
72ce5ac14978a324c2fd18d49484e65292cbe316, 2025-05-12) from a bare mirror or a checkout's
``.git`` with ``git show REV:path``: ``rst/dependencies/*.rsd`` (RST dependency conversion of
eRST: one EDU per line, head EDU, relation, signals) and ``dep/*.conllu`` (UD trees).
Writes one row per ``attribution-*`` relation (2125 in 251 of the 281 documents at V11.1.0):
doc, genre, source EDU, target EDU, relation, label, frame, head UPOS, head form, speaker,
source text, content text, signal lemmas.

* Source EDU: the satellite of the attribution relation (in GUM always the source, "X said",
  "according to X"), joined with the EDUs reached by ``same-unit`` edges (discontinuous
  sources), never with the attribution's own target.
* Label: the head of the source tokens in the UD tree (the shallowest token governed from outside,
  verbs preferred), replaced by the token of the eRST ``indicative_word/phrase`` signal when
  that hangs from the head through non-argument relations (the head is then the ``frame``:
  want>say); plus particles and fixed parts (point out, make sure, according to, by [X]).
  Sources without a predicate are ``[bare source: name/credit/citation]``. Reddit text is masked
  in the public release: its label is the rsd ``head_tok``, and its speaker is empty.
* Speaker: the subtree of the head's nsubj / nsubj:pass / obl:agent inside the source, else the
  tokens of the eRST ``attribution_source`` signal.
* Content: the text of the target EDU.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field

COLUMNS = [
    *("doc", "genre", "edu", "target", "rel", "label", "frame", "upos", "head_form"),
    *("speaker", "text", "content", "ind"),
]
COMP_MARKS = {"that", "whether", "if", "how", "what", "why", "when", "where", "who", "which"}
ARG_RELS = {
    *("nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "parataxis", "advcl", "csubj"),
    *("vocative", "dislocated"),
}
NOMINAL = ("NOUN", "PROPN", "PRON", "NUM", "X", "SYM")
CONTENT_POS = ("VERB", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "X")
LIGHT_ADJ = ("make", "rest", "feel", "keep")
LIGHT_NOUN = ("come", "make", "have", "take", "reach", "arrive", "draw", "raise", "get")
SUBJECTS = ("nsubj", "nsubj:pass", "obl:agent", "nsubj:outer")


@dataclass
class Tok:
    form: str
    lemma: str
    upos: str
    deprel: str
    gid: int  # 1-based index in the document
    ghead: int  # gid of the governor, 0 for a root
    children: list[int] = field(default_factory=list)


@dataclass
class Edu:
    id: int
    text: str
    head: int
    rel: str
    feats: dict[str, str]
    signals: str
    toks: list[int] = field(default_factory=list)  # gids, aligned with the conllu


class Git:
    def __init__(self, repo: str, rev: str) -> None:
        self.repo, self.rev = repo, rev

    def _run(self, *args: str) -> str:
        return subprocess.run(
            ["git", "-C", self.repo, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        ).stdout

    def show(self, path: str) -> str:
        return self._run("show", f"{self.rev}:{path}")

    def ls(self, folder: str) -> list[str]:
        return self._run("ls-tree", "-r", "--name-only", self.rev, folder).split()


def read_conllu(txt: str) -> list[Tok]:
    """All tokens of a document (multi-word and empty nodes dropped), with global ids."""
    toks: list[Tok] = []
    sent: list[tuple[int, int, Tok]] = []

    def flush() -> None:
        base = len(toks)
        for i, head, t in sent:
            t.gid = base + i
            t.ghead = base + head if head > 0 else 0
        toks.extend(t for _, _, t in sent)
        sent.clear()

    for line in txt.split("\n"):
        if not line.strip():
            if sent:
                flush()
            continue
        if line.startswith("#"):
            continue
        c = line.split("\t")
        if "-" in c[0] or "." in c[0]:
            continue
        sent.append((int(c[0]), int(c[6]), Tok(c[1], c[2], c[3], c[7], 0, 0)))
    if sent:
        flush()
    for t in toks:
        if t.ghead:
            toks[t.ghead - 1].children.append(t.gid)
    return toks


def read_rsd(txt: str) -> dict[int, Edu]:
    edus: dict[int, Edu] = {}
    for line in txt.split("\n"):
        if not line.strip():
            continue
        c = line.split("\t")
        feats = dict(kv.split("=", 1) for kv in c[5].split("|") if "=" in kv)
        signals = c[9] if len(c) > 9 else "_"
        edus[int(c[0])] = Edu(int(c[0]), c[1], int(c[6]), c[7], feats, signals)
    pos = 1
    for i in sorted(edus):
        n = len(edus[i].text.split(" "))
        edus[i].toks = list(range(pos, pos + n))
        pos += n
    return edus


def depth(toks: list[Tok], gid: int) -> int:
    d = 0
    while toks[gid - 1].ghead:
        gid = toks[gid - 1].ghead
        d += 1
        if d > 500:
            break
    return d


def subtree(toks: list[Tok], gid: int, allowed: set[int]) -> list[int]:
    out, stack = [gid], [gid]
    while stack:
        g = stack.pop()
        for ch in toks[g - 1].children:
            if ch in allowed:
                out.append(ch)
                stack.append(ch)
    return sorted(out)


def signal_toks(sig: str, kind: str) -> list[int]:
    """Token ids of the eRST signals of one kind (``dm-indicative_word-12,14-16-gold``)."""
    res: list[int] = []
    for s in sig.split(";"):
        parts = s.split("-")
        if len(parts) >= 3 and parts[1] == kind:
            for chunk in "-".join(parts[2:-1]).split(","):
                if re.fullmatch(r"\d+-\d+", chunk):
                    a, b = map(int, chunk.split("-"))
                    res.extend(range(a, b + 1))
                elif chunk.isdigit():
                    res.append(int(chunk))
    return res


def path_ok(toks: list[Tok], anc: int, g: int) -> bool:
    """True if g descends from anc without passing through argument/adjunct relations."""
    while g and g != anc:
        if toks[g - 1].deprel.split(":")[0] in ARG_RELS:
            return False
        g = toks[g - 1].ghead
    return g == anc


def label_for(toks: list[Tok], h: int, src: set[int], sig: set[int]) -> tuple[str, str]:
    """(label, kind) of the cue whose head is h: lemma plus particles and fixed parts."""
    t = toks[h - 1]
    lem = t.lemma.lower()
    kids = [toks[c - 1] for c in t.children if c in src]
    if lem == "accord" or t.form.lower() == "according":
        return "according to", "PP"
    if t.upos in NOMINAL:
        cases = [k for k in kids if k.deprel == "case"]
        if cases:
            c = cases[0]
            fixed = [toks[x - 1].lemma.lower() for x in c.children if toks[x - 1].deprel == "fixed"]
            cl = " ".join([c.form.lower(), *fixed])
            if cl.startswith("according"):
                return "according to", "PP"
            if t.upos == "NOUN":
                of = any(
                    toks[x - 1].deprel.startswith("nmod")
                    and any(
                        toks[y - 1].deprel == "case" and toks[y - 1].lemma == "of"
                        for y in toks[x - 1].children
                    )
                    for x in t.children
                    if x in src
                )
                return cl + " " + t.form.lower() + (" of [X]" if of else ""), "PP"
            return cl + " [X]", "PP"
        if any(k.deprel == "cop" for k in kids) or h in sig:
            return lem, "NOUN"
        return "[bare source: name/credit/citation]", "BARE"
    parts = [lem]
    has_cop = any(k.deprel == "cop" for k in kids)
    if (t.upos == "ADJ" or (t.upos != "VERB" and has_cop)) and any(
        k.deprel == "cop" and k.lemma == "be" for k in kids
    ):
        parts = ["be", lem]
    parts += [k.lemma.lower() for k in kids if k.deprel == "compound:prt"]
    # light verb + adjective/noun cue: make sure, feel certain, make the case; feel like
    for k in kids:
        if k.deprel == "xcomp" and k.upos == "ADJ" and lem in LIGHT_ADJ:
            parts.append(k.lemma.lower())
        if k.deprel == "obj" and k.gid in sig and k.upos == "NOUN":
            parts.append(k.lemma.lower())
        if lem == "feel" and k.deprel in ("obl", "advcl") and k.form.lower() == "like":
            parts.append("like")
    parts += ["in mind" for k in kids if k.deprel == "obl" and k.lemma == "mind"]
    if lem in LIGHT_NOUN:
        for k in kids:
            if (
                k.deprel in ("obj", "obl")
                and k.upos in ("NOUN", "PRON")
                and k.lemma != "mind"
                and " ".join(parts) == lem
            ):
                case = [toks[y - 1].lemma for y in k.children if toks[y - 1].deprel == "case"]
                parts.extend([*case[:1], k.lemma.lower()])
    # a trailing preposition that belongs to the content: feel like, start with
    for g in sorted(src):
        x = toks[g - 1]
        if (
            g > h
            and x.upos in ("ADP", "SCONJ")
            and x.ghead not in src
            and x.lemma.lower() not in COMP_MARKS
            and x.deprel in ("case", "mark")
            and x.lemma.lower() != "to"
        ):
            parts.append(x.lemma.lower())
    return " ".join(parts), t.upos


def predicate(toks: list[Tok], src: set[int], sig: list[int]) -> tuple[str, int, str, str]:
    """(label, head gid, kind, frame) of the source token set src."""
    heads = [g for g in src if toks[g - 1].ghead not in src and toks[g - 1].upos != "PUNCT"]
    if not heads:
        heads = list(src)
    content = [g for g in heads if toks[g - 1].upos in CONTENT_POS]
    if content:
        heads = content

    def shallowest(gids: list[int]) -> int:
        return min(gids, key=lambda g: (depth(toks, g), g))

    h0 = shallowest(heads)
    verbs = [g for g in heads if toks[g - 1].upos == "VERB"]
    if toks[h0 - 1].upos != "VERB" and verbs:
        h0 = shallowest(verbs)
    h = h0
    sig_src = [g for g in sig if g in src]
    if sig_src and h0 not in sig_src:
        cands = [
            g
            for g in sig_src
            if path_ok(toks, h0, g) and toks[g - 1].upos in ("VERB", "ADJ", "NOUN", "AUX")
        ]
        if not cands and toks[h0 - 1].upos != "VERB":
            cands = [g for g in sig_src if toks[g - 1].upos in ("VERB", "ADJ")]
        if cands:
            h = shallowest(cands)
            t = toks[h - 1]
            if (
                t.upos == "ADJ"
                and t.ghead == h0
                and t.deprel == "xcomp"
                and toks[h0 - 1].lemma in ("make", "feel", "rest", "keep")
            ):
                h = h0  # make certain, feel certain: keep the light verb, label_for adds the ADJ
    # aspectual/modal frames annotated as part of the cue: start saying, begin to tell
    moved = True
    while moved:
        moved = False
        for c in toks[h - 1].children:
            t = toks[c - 1]
            if c in sig_src and c in src and t.deprel == "xcomp" and t.upos == "VERB":
                h = c
                moved = True
                break
    label, kind = label_for(toks, h, src, set(sig_src))
    if kind == "ADJ" and not label.startswith(("be ", "make ", "feel ", "rest ")):
        label = "be " + label
    frame = toks[h0 - 1].lemma.lower() if h != h0 else ""
    if frame == "let" and label in ("know", "hear"):
        label = "let " + label  # "let him know" = tell
    return label, h, kind, frame


def speaker(toks: list[Tok], h: int, src: set[int], sig: list[int]) -> str:
    for c in toks[h - 1].children:
        if toks[c - 1].deprel in SUBJECTS and c in src:
            return " ".join(toks[g - 1].form for g in subtree(toks, c, src))
    named = sorted({g for g in sig if g in src and g != h})
    return " ".join(toks[g - 1].form for g in named)


def doc_rows(doc: str, edus: dict[int, Edu], toks: list[Tok]) -> list[list[str]]:
    masked = doc.startswith("GUM_reddit")
    same_unit: defaultdict[int, set[int]] = defaultdict(set)
    for e in edus.values():
        if e.rel.startswith("same-unit"):
            same_unit[e.id].add(e.head)
            same_unit[e.head].add(e.id)
    rows = []
    for e in edus.values():
        if not e.rel.startswith("attribution"):
            continue
        comp, stack = {e.id}, [e.id]
        while stack:
            for y in same_unit[stack.pop()]:
                if y not in comp and y != e.head:  # never into the attribution's target
                    comp.add(y)
                    stack.append(y)
        src = {g for x in comp for g in edus[x].toks}
        sig_ind = signal_toks(e.signals, "indicative_word")
        sig_ind += signal_toks(e.signals, "indicative_phrase")
        label, h, kind, frame = predicate(toks, src, sig_ind)
        ind = sorted({toks[g - 1].lemma.lower() for g in sig_ind if 0 < g <= len(toks)})
        who = ""
        if masked:  # lemmas are masked in the public release: the rsd head_tok is not
            cand = sorted(
                comp,
                key=lambda x: (not edus[x].feats.get("head_pos", "").startswith("V"), x != e.id),
            )
            pos = edus[cand[0]].feats.get("head_pos", "")
            label = edus[cand[0]].feats.get("head_tok", "_").lower()
            kind, frame = "MASKED:" + pos, ""
            if pos.startswith("J"):
                label = "be " + label
            elif not pos.startswith("V"):
                label = "[reddit, masked text: non-verbal head]"
        else:
            who = speaker(toks, h, src, signal_toks(e.signals, "attribution_source"))
        fields = [
            doc,
            doc.split("_")[1],
            str(e.id),
            str(e.head),
            e.rel.rsplit("_", 1)[0],
            label,
            frame,
            kind,
            toks[h - 1].form,
            who,
            " ".join(edus[x].text for x in sorted(comp)),
            edus[e.head].text if e.head in edus else "",
        ]
        rows.append([f.replace("\t", " ") for f in fields] + [",".join(ind)])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gum", help="GUM git dir (a bare mirror or a checkout's .git)")
    parser.add_argument("--rev", default="V11.1.0", help="GUM revision (default: V11.1.0)")
    parser.add_argument("-o", "--out", default="attributions.tsv", help="output TSV")
    args = parser.parse_args()
    git = Git(args.gum, args.rev)
    docs = [f.split("/")[-1][:-4] for f in git.ls("rst/dependencies") if f.endswith(".rsd")]
    rows: list[list[str]] = []
    for doc in docs:
        edus = read_rsd(git.show(f"rst/dependencies/{doc}.rsd"))
        toks = read_conllu(git.show(f"dep/{doc}.conllu"))
        ntok = sum(len(e.toks) for e in edus.values())
        if ntok != len(toks):
            print(f"{doc}: skipped, {ntok} rsd tokens vs {len(toks)} conllu", file=sys.stderr)
            continue
        rows += doc_rows(doc, edus, toks)
    with open(args.out, "w", encoding="utf-8") as f:
        for row in [COLUMNS, *rows]:
            f.write("\t".join(row) + "\n")
    print(f"{len(docs)} docs, {len(rows)} attributions -> {args.out}")


if __name__ == "__main__":
    main()
