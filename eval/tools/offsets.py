#!/usr/bin/env python3
"""Annotator's helper for the warta dev gold (stdlib only).

It never decides anything: the annotator reads the article and writes a small
scratch file naming each span by its exact surface string; this tool only turns
those strings into Unicode code-point offsets (Python `text[start:end]`, end
exclusive) and checks them. Scratch files quote article text, so they are kept
OUTSIDE the repository; only ids, offsets, values and codes are committed.

Commands
  show ID                 print the article with code-point offsets (terminal only)
  find ID STRING          list every occurrence of STRING with its offsets
  cands ID                list number-bearing tokens and calendar words (a checklist
                          for exhaustive annotation; not a pre-annotation)
  ta FILE... > out.jsonl  build time/amount gold from scratch files
  ev FILE... > out.jsonl  build event gold from scratch files
  verify GOLD             print every gold span next to its text (terminal only)

Scratch format (one article per file, '#' starts a comment line):
  @ <article id>
  T <value> | <string>[#n | @offset]
  A <value> <unit> | <string>[#n | @offset]
  E <cameo> <modality> | <trigger>[#n|@off] | <source>[#n|@off] <CODE> | <target> <CODE>
    (source/target may be '-' for none; when no #n/@off is given, the occurrence
     nearest to the trigger is used)
#n picks the n-th occurrence (1-based); @offset the occurrence nearest offset.
"""
import json
import re
import sys

CORPUS = "/work/shared/data/news/indosum-dev-articles.jsonl"
_ARTS = None


def articles():
    global _ARTS
    if _ARTS is None:
        _ARTS = {}
        with open(CORPUS, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                _ARTS[d["id"]] = d
    return _ARTS


def occurrences(text, s):
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def locate(text, spec, near=None, where=""):
    """spec = 'string', 'string#n' or 'string@offset' -> (start, end)."""
    m = re.match(r"^(.*?)(?:#(\d+)|@(\d+))?$", spec.strip())
    s, nth, off = m.group(1), m.group(2), m.group(3)
    occ = occurrences(text, s)
    if not occ:
        raise SystemExit(f"{where}: not found: {s!r}")
    if nth:
        k = int(nth)
        if k > len(occ):
            raise SystemExit(f"{where}: only {len(occ)} occurrences of {s!r}")
        st = occ[k - 1]
    elif off or near is not None:
        ref = int(off) if off else near
        st = min(occ, key=lambda o: abs(o - ref))
    else:
        if len(occ) > 1:
            print(f"warning {where}: {s!r} occurs {len(occ)}x, using #1", file=sys.stderr)
        st = occ[0]
    return st, st + len(s)


def show(aid):
    d = articles()[aid]
    t = d["text"]
    print(f"id={aid} source={d['source']} cat={d['category']} published={d['published']} len={len(t)}")
    pos = 0
    for para in t.split("\n"):
        words = para.split(" ")
        line, lstart, p = [], pos, pos
        for w in words:
            if sum(len(x) + 1 for x in line) + len(w) > 110 and line:
                print(f"{lstart:6d} | {' '.join(line)}")
                line, lstart = [], p
            line.append(w)
            p += len(w) + 1
        if line:
            print(f"{lstart:6d} | {' '.join(line)}")
        pos += len(para) + 1


CAL = (r"senin|selasa|rabu|kamis|jumat|sabtu|minggu|januari|februari|maret|april|mei|juni|juli|"
       r"agustus|september|oktober|november|desember|kemarin|besok|lusa|pekan|bulan|tahun|hari|"
       r"jam|menit|detik|pukul|saat ini|kini|sekarang|dulu|lalu|depan|mendatang|silam|pagi|siang|"
       r"sore|malam|tadi|nanti|abad|dekade|wib|wita|wit|satu|dua|tiga|empat|lima|enam|tujuh|"
       r"delapan|sembilan|sepuluh|sebelas|belas|puluh|ratus|ribu|juta|miliar|triliun|persen|rp|us\$")


def cands(aid):
    t = articles()[aid]["text"]
    for m in re.finditer(r"\S*\d\S*|\b(?:%s)\b" % CAL, t, re.I):
        print(f"{m.start():6d} {m.end():6d} {m.group()!r:20} ...{t[max(0, m.start()-30):m.end()+30]!r}")


def parse(files, kind):
    out = []
    for fn in files:
        aid, items = None, []
        text = None
        with open(fn, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                line = line.rstrip("\n")
                where = f"{fn}:{ln}"
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                if line.startswith("@"):
                    aid = line[1:].strip()
                    text = articles()[aid]["text"]
                    continue
                tag, rest = line.split(None, 1)
                if kind == "ta" and tag in ("T", "A"):
                    head, spec = rest.split("|", 1)
                    st, en = locate(text, spec.strip(), where=where)
                    h = head.split()
                    if tag == "T":
                        items.append(("T", {"start": st, "end": en, "value": h[0]}))
                    else:
                        v = float(h[0])
                        v = int(v) if v == int(v) else v
                        items.append(("A", {"start": st, "end": en, "value": v, "unit": " ".join(h[1:])}))
                elif kind == "ev" and tag == "E":
                    parts = [p.strip() for p in rest.split("|")]
                    cameo, modality = parts[0].split()
                    assert modality in ("asserted", "future", "negated", "intended", "conditional"), where
                    assert re.fullmatch(r"\d{3,4}", cameo), where
                    ts, te = locate(text, parts[1], where=where)
                    ev = {"trigger": [ts, te]}
                    for role, p in (("source", parts[2]), ("target", parts[3])):
                        if p == "-":
                            ev[role] = None
                            continue
                        spec, code = p.rsplit(None, 1)
                        s, e = locate(text, spec, near=ts, where=where)
                        ev[role] = {"span": [s, e], "code": code}
                    ev["cameo"] = cameo
                    ev["modality"] = modality
                    items.append(("E", ev))
        if kind == "ta":
            times = sorted((x for k, x in items if k == "T"), key=lambda x: x["start"])
            amts = sorted((x for k, x in items if k == "A"), key=lambda x: x["start"])
            for lst, nm in ((times, "times"), (amts, "amounts")):
                seen = set()
                for x in lst:
                    if (x["start"], x["end"]) in seen:
                        raise SystemExit(f"{fn}: duplicate {nm} span {x}")
                    seen.add((x["start"], x["end"]))
            out.append({"id": aid, "times": times, "amounts": amts})
        else:
            evs = sorted((x for k, x in items if k == "E"), key=lambda x: x["trigger"][0])
            out.append({"id": aid, "events": evs})
    for o in out:
        print(json.dumps(o, ensure_ascii=False))


def verify(gold):
    with open(gold, encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            t = articles()[g["id"]]["text"]
            print("==", g["id"])
            for x in g.get("times", []):
                print(f"  T {t[x['start']:x['end']]!r} -> {x['value']}")
            for x in g.get("amounts", []):
                print(f"  A {t[x['start']:x['end']]!r} -> {x['value']} {x['unit']}")
            for e in g.get("events", []):
                def sp(r):
                    return "-" if r is None else f"{t[r['span'][0]:r['span'][1]]!r}={r['code']}"
                tr = e["trigger"]
                print(f"  E {e['cameo']} {e['modality']}: {sp(e['source'])} --{t[tr[0]:tr[1]]!r}--> {sp(e['target'])}")


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return
    cmd = argv[1]
    if cmd == "show":
        show(argv[2])
    elif cmd == "find":
        t = articles()[argv[2]]["text"]
        for o in occurrences(t, argv[3]):
            print(o, o + len(argv[3]), repr(t[max(0, o - 40):o + len(argv[3]) + 40]))
    elif cmd == "cands":
        cands(argv[2])
    elif cmd in ("ta", "ev"):
        parse(argv[2:], cmd)
    elif cmd == "verify":
        verify(argv[2])
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv)
