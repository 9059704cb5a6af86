#!/usr/bin/env python3
"""Generate bioalert-model's targets.tsv from a gene nomenclature database and a hand-kept list of targets.

Regenerate (from the repository root, after editing target-symbols.tsv or upgrading the database):

    apt-get install r-bioc-org.hs.eg.db wamerican
    python3 classifier-core/scripts/gen-targets.py

Why the script lives in classifier-core/scripts and not in bioalert-model: the output is read by both the
classifier (aliases) and notify (ids), but every filtering rule below is about the classifier's matching (the
way Lexicon.addTarget/autoCase and the tokenizer treat an alias) and about the classifier's other dictionaries
(classifier-core/src/main/resources/lexicon/*.tsv), which the script reads to keep targets from taking their
phrases.

Inputs:
  * the SQLite database of Bioconductor's org.Hs.eg.db (NCBI Entrez Gene, human), as packaged by Debian in
    r-bioc-org.hs.eg.db: gene_info (symbol, full name) and alias (symbols and aliases, previous symbols
    included). Path as --db, default the Debian location below.
  * classifier-core/scripts/target-symbols.tsv, kept by hand: which genes are drug targets, their display
    names and the industry aliases the database lacks ("PD-(L)1", "Claudin 18.2", "FRalpha"). Its rows and
    comments (but its leading comment block) are copied in order: the file's order is the display order of
    TargetDictionary. It started as the hand-written targets.tsv of before this script.
  * an English word list (/usr/share/dict/words, Debian wamerican), to drop aliases that are ordinary words.

Each output row is: the hand columns, then the gene's full name and its database aliases, filtered so that an
ambiguous alias cannot create a target. A database alias (or full name) is dropped when
  * it is 2 characters or shorter (C5, F3 ... are matched through the symbol, which the loader adds);
  * it is a pure 3-letter word (ILA, NGL, MPF, ALS, CAR, ADC): three-letter acronyms are the most overloaded
    tokens of press releases; the ones that do name a target are hand aliases;
  * it is made of capital letters only (APDS, CVID, JMML, SBMA, HDLS, ADMCKD): the database lists OMIM disease
    abbreviations among a gene's aliases, and press releases use them for the disease; the letter-only
    names that matter (BCMA, TIGIT, EMMPRIN) are display names or hand aliases;
  * it is a family name: another gene of the database is called the alias plus one digit or letter
    ("VEGFR" for KDR while VEGFR1 is FLT1, "PDGFR" for PDGFRB while PDGFRA exists);
  * its lower case form is an English word (SET, CAT, MET, CAN ...);
  * it is an alias (not the full name) in lower case letters only: such aliases are descriptions, not names
    ("lymphokine" for IL2, "homodimer" for SOD1, "alpha-chain" for FCGRT);
  * two or more genes of the database carry it, as an alias, symbol or full name;
  * the hand columns of another target already use it;
  * another classifier dictionary (diseases, drugs, companies, agencies, events, modalities, countries, cues)
    already has it as a phrase: "PROC" is a disease, "FTD" a designation;
  * it has fewer than two letters ("19A", "5F7": a serotype or a clone more often than a protein) or holds
    two aliases glued by the source ("S152. LPFS2");
  * it is capitals and digits of a numbered series that three or more genes share while fewer than three
    gene symbols belong to it (IMD41, IDDM10, CVID4, DEE11, NS5, JTK11): such series are OMIM disease loci or retired
    numberings, and name other things in text ("NS3", "NS5" are hepatitis C proteins). Series that three or
    more current symbols use (CD, TNFRSF, STK, CCR ...) and mixed-case names (Nav1.1) are kept;
  * it has the shape of a drug code name (letters, a space or hyphen, 2+ digits: "MLN-19"; or up to 5
    letters glued to 3+ digits, CD numbers aside: "TP103", "SP1999" are cDNA clone names), which DrugFinder
    would otherwise lose to the target.
Hand aliases are never filtered. Database aliases in capitals and digits of up to 5 characters are written
case-sensitive ("=CD137"), so that a lower case word of running text never matches them.
"""

import argparse
import os
import re
import sqlite3
import subprocess
import sys

DEFAULT_DB = "/usr/lib/R/site-library/org.Hs.eg.db/extdata/org.Hs.eg.sqlite"
DEFAULT_WORDS = "/usr/share/dict/words"
DEBIAN_PACKAGE = "r-bioc-org.hs.eg.db"

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_INPUT = os.path.join(HERE, "target-symbols.tsv")
DEFAULT_OUTPUT = os.path.join(ROOT, "bioalert-model/src/main/resources/io/bioalert/model/targets.tsv")
LEXICON = os.path.join(ROOT, "classifier-core/src/main/resources/lexicon")

# Which columns of the classifier's other dictionaries hold phrases (see Lexicon.load).
LEXICON_PHRASE_COLUMNS = {
    "diseases.tsv": [0, 1],
    "drugs.tsv": [0, 1],
    "modalities.tsv": [2],
    "events.tsv": [2],
    "agencies.tsv": [0, 2],
    "countries.tsv": [1],
    "cues.tsv": [1],
}

CODE_NAME = re.compile(r"^[A-Za-z]{2,6}[- ]\d{2,}$|^(?!CD)[A-Za-z]{1,5}\d{3,}$")
THREE_LETTERS = re.compile(r"^[A-Za-z]{3}$")
CAPITALS = re.compile(r"^[A-Z]+$")
SHORT_CAPS = re.compile(r"^[A-Z0-9]{1,5}$")
SERIES = re.compile(r"^([A-Z]+)\d[A-Z0-9]*$")
DESCRIPTION = re.compile(r"^[a-z][a-z \-]*$")
FAMILY_MEMBER_SUFFIXES = "0123456789abcdefghijklmnopqrstuvwxyz"


def norm(phrase):
    """How the classifier compares phrases: case-insensitive, punctuation and spaces free (HER2 = HER-2 = her 2)."""
    return re.sub(r"[\s\-_./'()]", "", phrase.lstrip("=").lower())


def split(cell):
    return [a.strip() for a in cell.split("|") if a.strip()]


def read_hand(path):
    """Rows of target-symbols.tsv: (comment line) or (id, ambiguous, display, hand aliases, database gene)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("#"):
                # the leading block describes the input file itself; later comments head sections of the output
                if rows:
                    rows.append(("comment", line))
                continue
            c = line.split("\t")
            if len(c) < 2:
                sys.exit(f"{path}:{n}: need at least symbol and display name")
            ambiguous = c[0].startswith("!")
            ident = c[0].lstrip("!").strip()
            display = c[1].strip()
            hand = split(c[2]) if len(c) > 2 else []
            gene = c[3].strip() if len(c) > 3 and c[3].strip() else ident
            rows.append(("target", ident, ambiguous, display, hand, gene))
    return rows


def lexicon_phrases():
    phrases = set()
    for name, columns in LEXICON_PHRASE_COLUMNS.items():
        with open(os.path.join(LEXICON, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                c = line.rstrip("\n").split("\t")
                for k in columns:
                    if k < len(c):
                        phrases.update(norm(p) for p in split(c[k]))
    # companies.tsv: only KNOWN rows are names (SUFFIX/LEGAL/STOP rows are words around names)
    with open(os.path.join(LEXICON, "companies.tsv"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) > 1 and c[0] == "KNOWN":
                phrases.update(norm(p) for p in split(c[1]))
    phrases.discard("")
    return phrases


def read_words(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return {w.strip().lower() for w in f if w.strip()}


def package_version(package):
    """A Debian package's version, for the header; empty when dpkg is not there (another distribution)."""
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package],
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default=DEFAULT_DB, help="org.Hs.eg.db SQLite file (default: %(default)s)")
    ap.add_argument("--words", default=DEFAULT_WORDS, help="English word list (default: %(default)s)")
    ap.add_argument("--input", default=DEFAULT_INPUT, help="hand-kept target list")
    ap.add_argument("--output", default=DEFAULT_OUTPUT, help="generated targets.tsv")
    args = ap.parse_args()

    if not os.path.exists(args.db):
        sys.exit(f"{args.db}: no such database; apt-get install {DEBIAN_PACKAGE}, or give its path with --db")
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    meta = dict(db.execute("SELECT name, value FROM metadata"))
    genes = {}  # symbol -> (_id, full name)
    for _id, symbol, name in db.execute("SELECT _id, symbol, gene_name FROM gene_info"):
        genes[symbol] = (_id, name)
    aliases = {}  # _id -> database aliases (symbol included)
    owners = {}  # norm(alias, symbol or full name) -> set of _id
    for _id, alias in db.execute("SELECT _id, alias_symbol FROM alias"):
        aliases.setdefault(_id, []).append(alias)
        owners.setdefault(norm(alias), set()).add(_id)
    for symbol, (_id, name) in genes.items():
        owners.setdefault(norm(symbol), set()).add(_id)
        owners.setdefault(norm(name), set()).add(_id)

    # capitals before the first digit -> genes with such a name: how widely a numbered series is shared,
    # and which series current symbols use
    series = {}
    for _id, names in aliases.items():
        for a in names:
            m = SERIES.match(a)
            if m:
                series.setdefault(m.group(1), set()).add(_id)
    symbol_series = {}
    for m in filter(None, map(SERIES.match, genes)):
        symbol_series[m.group(1)] = symbol_series.get(m.group(1), 0) + 1

    words = read_words(args.words)
    lexicon = lexicon_phrases()
    rows = read_hand(args.input)

    # Whatever a target's hand columns say belongs to that target only.
    hand_owner = {}
    for r in rows:
        if r[0] == "target":
            _, ident, ambiguous, display, hand, _ = r
            for a in [display] + hand + ([] if ambiguous else [ident]):
                hand_owner.setdefault(norm(a), ident)

    def keep(alias, ident, full_name):
        key = norm(alias)
        if len(key) <= 2 or THREE_LETTERS.match(alias) or CAPITALS.match(alias) or CODE_NAME.match(alias):
            return False
        mine = owners.get(key, set())
        if key[-1].isalpha() and any(owners.get(key + c, mine) - mine for c in FAMILY_MEMBER_SUFFIXES):
            return False
        if sum(ch.isalpha() for ch in alias) < 2 or ". " in alias:
            return False
        m = SERIES.match(alias)
        if m and symbol_series.get(m.group(1), 0) < 3 and len(series.get(m.group(1), ())) >= 3:
            return False
        if not full_name and DESCRIPTION.match(alias):
            return False
        if alias.lower() in words or key in lexicon:
            return False
        if len(owners.get(key, ())) > 1:
            return False
        return hand_owner.get(key, ident) == ident

    out = []
    seen = set()
    n_targets = n_aliases = n_db = 0
    for r in rows:
        if r[0] == "comment":
            out.append(r[1])
            continue
        _, ident, ambiguous, display, hand, gene = r
        if ident in seen:
            print(f"warning: {ident} listed twice; the first row is kept", file=sys.stderr)
            continue
        seen.add(ident)
        # Hand columns are trusted, but a word among them matches running text: say so. The display name is
        # an alias too (case-insensitive from 4 characters, see Lexicon.autoCase) unless the hand aliases
        # list it case-sensitively ("=APRIL").
        for a in ([] if "=" + display in hand else [display]) + hand:
            if not a.startswith("=") and a.lower() in words and not (len(a) <= 3 and a.isupper()):
                print(f"warning: {ident}: hand alias or display name {a!r} is an English word", file=sys.stderr)
        # the symbol is never a database alias: the loader adds it, or, for a "!" symbol, must not
        taken = {norm(a) for a in [display, ident, gene] + hand}
        extra = []
        if gene != "-":
            if gene not in genes:
                sys.exit(f"{args.input}: {gene} is not a symbol of the database; fix it, give the database "
                         f"symbol in column 4, or '-' for no database aliases")
            _id, name = genes[gene]
            # Full name first ("mesothelin", "complement C5"), then the aliases in a stable order.
            for a in [name] + sorted(aliases.get(_id, []), key=lambda s: (s.lower(), s)):
                key = norm(a)
                if key in taken or not keep(a, ident, a == name):
                    continue
                taken.add(key)
                extra.append("=" + a if SHORT_CAPS.match(a) else a)
        all_aliases = hand + extra
        n_targets += 1
        n_aliases += len(all_aliases)
        n_db += len(extra)
        out.append("\t".join([("!" if ambiguous else "") + ident, display, "|".join(all_aliases)]))

    version = package_version(DEBIAN_PACKAGE)
    words_version = package_version("wamerican")
    header = [
        "# GENERATED FILE - do not edit by hand. Edit classifier-core/scripts/target-symbols.tsv and run",
        "#   python3 classifier-core/scripts/gen-targets.py",
        f"# Source: Bioconductor org.Hs.eg.db{' ' + version if version else ''} (Debian {DEBIAN_PACKAGE}),"
        f" {meta.get('EGSOURCENAME', '?')} {meta.get('EGSOURCEDATE', '?')}: gene full names and aliases,",
        "# filtered (words, shared, short and code-shaped aliases dropped; see the script), after the hand aliases.",
        f"# English words: {args.words if args.words != DEFAULT_WORDS else 'Debian wamerican'}"
        f"{' ' + words_version if words_version and args.words == DEFAULT_WORDS else ''}.",
        f"# {n_targets} targets, {n_aliases} aliases ({n_db} from the database).",
        "#",
        "# HGNC symbol <TAB> display name <TAB> aliases separated by |",
        "# Aliases are matched on tokens, case-insensitive, with punctuation variants for free",
        "# (HER2 = HER-2 = HER 2). A leading \"=\" makes an alias case-sensitive (MET, not \"met\").",
        "# The display name and the HGNC symbol are aliases too unless the symbol is marked with \"!\" (ambiguous words);",
        "# a display name the aliases list case-sensitively (=APRIL) is matched that way only.",
    ]
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(header + out) + "\n")
    print(f"{args.output}: {n_targets} targets, {n_aliases} aliases ({n_db} from the database)", file=sys.stderr)


if __name__ == "__main__":
    main()
