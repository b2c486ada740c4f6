#!/usr/bin/env python3
"""Rebuilds data/sample/ from ../shared/data (nist-small and nist-bench).

Only records whose licence (in `Comments: ... license=`) is CC BY, CC BY-SA, CC0 or
dl-de/by-2-0 are taken. Records are renumbered ID 1..N (NIST layout: library.msp + MOL/ID{n}.MOL);
README.md lists every record's source, accession, licence and authors. Two problem cases are
rebuilt from permissive records because nist-small's own are CC BY-NC-SA: a record whose MOL
file is missing and a record with zero peaks.

Usage: python3 data/sample/make_sample.py [SHARED_DATA_DIR]   (default ../shared/data)
"""
import io
import os
import re
import sys
import tarfile

PERMISSIVE = {"CC BY", "CC BY-SA", "CC0", "dl-de/by-2-0"}
HERE = os.path.dirname(os.path.abspath(__file__))

# nist-bench IDs picked by hand for the cases they show (all CC BY).
BENCH_SALTS = ["41119", "41120", "41149"]          # Bu4N+ Br- (twice: duplicate name), metformin HCl
BENCH_MISSING_MOL = "EI#3"                         # the 3rd permissive EI record: MOL left out
BENCH_ZERO_PEAKS = "EI#4"                          # the 4th permissive EI record: peaks removed
BENCH_EI_COUNT = 48                                # permissive EI records taken in file order
BENCH_MS2_MOLECULES = 8                            # molecules whose MS/MS spectra are taken ...
BENCH_MS2_PER_MOLECULE = 4                         # ... up to this many each (duplicate names)


def records(path):
    text = open(path, "rb").read().decode("utf-8")
    for raw in re.split(r"\r?\n(?:\r?\n)+", text.strip()):
        yield raw


def field(raw, key):
    m = re.search(r"^" + re.escape(key) + r": ?(.*?)\r?$", raw, re.M)
    return m.group(1).strip() if m else None


def licence(raw):
    m = re.search(r"license=([^;\r\n]*)", raw)
    return m.group(1).strip() if m else None


def authors(raw):
    m = re.search(r"authors=([^\r\n]*)", raw)
    return m.group(1).strip().rstrip(";") if m else ""


def renumber(raw, new_id):
    return re.sub(r"^ID: .*?(\r?)$", lambda m: "ID: %d%s" % (new_id, m.group(1)), raw, count=1, flags=re.M)


def strip_peaks(raw):
    head = re.split(r"^Num Peaks: .*$", raw, maxsplit=1, flags=re.M)[0]
    eol = "\r\n" if "\r\n" in raw else "\n"
    return head + "Num Peaks: 0"


def molfile_with_id(mol, new_id, accession):
    lines = mol.split("\n")
    eol_cr = lines[2].endswith("\r")
    lines[2] = "ID %d  MassBank %s%s" % (new_id, accession, "\r" if eol_cr else "")
    return "\n".join(lines)


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "data")
    small_dir = os.path.join(shared, "nist-small")
    bench_dir = os.path.join(shared, "nist-bench")
    picked = []  # (raw, mol text or None, source, original id, note)

    notes_small = {
        "1": "MOL that RDKit cannot read/sanitize (aromatic bonds next to double bonds)",
        "4": "charged molecule (net +1, quaternary N), ESI MS/MS",
        "6": "large molecule (96 heavy atoms)",
        "11": "spectrum of the TMS derivative, structure of the parent",
    }
    for raw in records(os.path.join(small_dir, "library.msp")):
        if licence(raw) not in PERMISSIVE:
            continue
        oid = field(raw, "ID")
        mol_path = os.path.join(small_dir, "MOL", "ID%s.MOL" % oid)
        mol = open(mol_path, "rb").read().decode("utf-8") if os.path.exists(mol_path) else None
        picked.append([raw, mol, "nist-small", oid, notes_small.get(oid, "")])

    tar = tarfile.open(os.path.join(bench_dir, "MOL.tar.gz"))
    wanted = {}
    ei_seen = 0
    ms2_by_name = {}
    bench_pick = []
    for raw in records(os.path.join(bench_dir, "library.msp")):
        if licence(raw) not in PERMISSIVE:
            continue
        oid = field(raw, "ID")
        stype = field(raw, "Spectrum_type")
        if oid in BENCH_SALTS:
            bench_pick.append([raw, oid, "salt: two fragments, the parent is featurized"])
        elif stype != "MS2" and ei_seen < BENCH_EI_COUNT:
            ei_seen += 1
            note = ""
            if "EI#%d" % ei_seen == BENCH_MISSING_MOL:
                note = "MISSING_MOL"
            elif "EI#%d" % ei_seen == BENCH_ZERO_PEAKS:
                note = "ZERO_PEAKS"
            bench_pick.append([raw, oid, note])
        elif stype == "MS2":
            name = field(raw, "Name")
            if name in ms2_by_name or len(ms2_by_name) < BENCH_MS2_MOLECULES:
                lst = ms2_by_name.setdefault(name, [])
                if len(lst) < BENCH_MS2_PER_MOLECULE:
                    lst.append([raw, oid, "MS/MS replicate of one molecule (same Name, different ID)"])
    for lst in ms2_by_name.values():
        bench_pick.extend(lst)
    for raw, oid, note in bench_pick:
        member = tar.extractfile("MOL/ID%s.MOL" % oid)
        mol = member.read().decode("utf-8")
        if note == "MISSING_MOL":
            mol, note = None, "rebuilt problem case: MOL file deliberately not written"
        if note == "ZERO_PEAKS":
            raw, note = strip_peaks(raw), "rebuilt problem case: peak list removed (Num Peaks: 0)"
        picked.append([raw, mol, "nist-bench", oid, note])

    os.makedirs(os.path.join(HERE, "MOL"), exist_ok=True)
    for f in os.listdir(os.path.join(HERE, "MOL")):
        os.remove(os.path.join(HERE, "MOL", f))
    out = []
    rows = []
    for new_id, (raw, mol, source, oid, note) in enumerate(picked, start=1):
        acc = field(raw, "DB#")
        out.append(renumber(raw, new_id))
        if mol is not None:
            with open(os.path.join(HERE, "MOL", "ID%d.MOL" % new_id), "wb") as f:
                f.write(molfile_with_id(mol, new_id, acc).encode("utf-8"))
        rows.append((new_id, source, oid, acc, licence(raw), authors(raw), field(raw, "Name"), note))
    with open(os.path.join(HERE, "library.msp"), "wb") as f:
        f.write(("\r\n\r\n".join(out) + "\r\n").encode("utf-8"))
    write_readme(rows)


def write_readme(rows):
    lic_counts = {}
    for r in rows:
        lic_counts[r[4]] = lic_counts.get(r[4], 0) + 1
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
        f.write("# data/sample — the bundled sample library (%d real records, NIST layout)\n\n" % len(rows))
        f.write("    library.msp      %d records, NIST MSP text, UTF-8, CRLF\n" % len(rows))
        f.write("    MOL/ID{n}.MOL    one V2000 molfile per record (one is deliberately missing)\n\n")
        f.write("The default input of `./msetl build`. Every record is a real MassBank record taken from\n")
        f.write("`shared/data/nist-small` or `shared/data/nist-bench` (both built from\n")
        f.write("**MassBank/MassBank-data, commit 13484d415d98f3e8517c34c1e3faa35917cc4d07**, release\n")
        f.write("2025.05.1), keeping **only records licensed CC BY, CC BY-SA, CC0 or dl-de/by-2-0**\n")
        f.write("(the licence is in each record's `Comments:`). Records were renumbered ID 1..%d; the\n" % len(rows))
        f.write("MOL files' third line carries the new ID. Rebuild with `python3 data/sample/make_sample.py`.\n\n")
        f.write("Licences: %s.\n\n" % ", ".join("%s %d" % kv for kv in sorted(lic_counts.items())))
        f.write("Attribution: the authors listed per record below (from the record's `authors=`), and\n")
        f.write("MassBank-data (https://github.com/MassBank/MassBank-data). CC BY 4.0 / CC BY-SA 4.0 /\n")
        f.write("CC0 1.0 / Datenlizenz Deutschland – Namensnennung 2.0 as declared by each record;\n")
        f.write("the CC BY-SA records are redistributed under CC BY-SA. Changes: records renumbered,\n")
        f.write("two problem cases rebuilt as stated in the table.\n\n")
        f.write("## Problem cases (what the build must do with them)\n\n")
        f.write("| ID | case | expected outcome |\n|---|---|---|\n")
        expect = {
            "MOL that RDKit": "rejects: stage featurize, SANITIZE_FAILED / UNPARSEABLE_STRUCTURE",
            "rebuilt problem case: MOL file": "rejects: stage ingest, MISSING_STRUCTURE",
            "rebuilt problem case: peak list": "rejects: stage ingest, NO_PEAKS",
            "salt": "kept; largest organic fragment featurized, fragments_stripped = true",
            "charged": "kept; formal_charge = +1",
            "large molecule": "kept; 96 heavy atoms (conformer status recorded)",
            "TMS": "kept (the mismatch is a property of the source library)",
            "MS/MS replicate": "kept; one graph_features row shared by the replicate spectra",
        }
        for r in rows:
            if r[7]:
                outcome = next((v for k, v in expect.items() if k in r[7]), "")
                f.write("| %d | %s | %s |\n" % (r[0], r[7], outcome))
        f.write("\n## Every record\n\n")
        f.write("| ID | from | original ID | MassBank accession | licence | name | authors |\n")
        f.write("|---|---|---|---|---|---|---|\n")
        for r in rows:
            f.write("| %d | %s | %s | %s | %s | %s | %s |\n"
                    % (r[0], r[1], r[2], r[3], r[4], r[6].replace("|", "\\|"), r[5].replace("|", "\\|")))


if __name__ == "__main__":
    main()
