"""The project stands on its own: pages, data, code and ledger rows cite the papers (authors,
table or figure, arXiv/DOI), never private developer notes or the file names of paper texts;
the introduction and every section page link the paper they reproduce."""

import re

import nbformat
import yaml

from xboson import ledger
from xboson.report import data_files

# Assembled from pieces so that this file does not contain them itself.
FORBIDDEN = ("shared" + "/", "external" + "-inputs", "known" + "-issues", "static" + "-widgets",
             "000_" + "e0293f2c6508d790", "001_" + "b1e70a6cca10fd78")

ARXIV_CHIANG = "https://arxiv.org/abs/1204.6296"
ARXIV_LINDNER = "https://arxiv.org/abs/1803.00060"
DOI_LINDNER = "10.1007/JHEP05(2018)098"


def _text_files(root):
    patterns = ("book/**/*.md", "book/*.ipynb", "notebooks/*.ipynb", "data/*.yaml", "data/*.csv",
                "lib/**/*.py", "tests/*.py", "README.md", "DEVELOPING.md")
    for pat in patterns:
        yield from sorted(root.glob(pat))


def test_no_file_cites_private_notes_or_paper_file_names(root):
    bad = []
    for path in _text_files(root):
        text = path.read_text(errors="replace")
        bad += [f"{path.relative_to(root)}: {word!r}" for word in FORBIDDEN if word in text]
    assert not bad, "cite the paper (authors, table/figure, arXiv/DOI) instead: " + "; ".join(bad)


def test_no_ledger_row_cites_private_notes():
    bad = [f"{r.id}: {word!r}" for r in ledger.all_rows() for word in FORBIDDEN
           if any(word in str(v) for v in r.as_dict().values())]
    assert not bad, bad


def test_introduction_links_both_papers_and_gives_their_bibtex(root):
    intro = (root / "book" / "intro.md").read_text()
    for link in (ARXIV_CHIANG, ARXIV_LINDNER, "https://doi.org/" + DOI_LINDNER):
        assert link in intro
    bib = re.search(r"```bibtex\n(.*?)```", intro, re.S)
    assert bib, "the introduction has no BibTeX block"
    entries = re.findall(r"@article\{[^,]+,(.*?)\n\}", bib.group(1), re.S)
    assert len(entries) == 2
    chiang, lindner = entries
    assert '"1204.6296"' in chiang and "Tandean" in chiang
    assert '"1803.00060"' in lindner and DOI_LINDNER in lindner and '"JHEP"' in lindner


def test_every_section_page_links_its_paper(root):
    pages = sorted((root / "notebooks").glob("chiang_sec*.ipynb")) + sorted((root / "notebooks").glob("lindner_*.ipynb"))
    assert len(pages) >= 7
    for path in pages:
        title = nbformat.read(path, as_version=4).cells[0]
        assert title.cell_type == "markdown" and title.source.startswith("# "), path.name
        link = ARXIV_CHIANG if path.stem.startswith("chiang") else ARXIV_LINDNER
        assert link in title.source, f"{path.name}: the title cell does not link {link}"


REAL_CITATION = re.compile(r"arXiv:\d{4}\.\d{4,5}|doi:10\.|Phys\. Rev\.|Phys\. Lett\.|JHEP|Eur\. Phys\. J\.|"
                           r"JETP|Nucl\. Phys\.|PRL|PLB|PRD")


def test_every_data_file_cites_a_publication(root):
    for d in data_files(root / "data"):
        assert REAL_CITATION.search(str(d.get("source", ""))), \
            f"data/{d['file']}: the source names no publication (journal reference, arXiv or DOI)"


def test_provenance_page_is_one_card_per_data_file(root):
    from xboson.report import provenance_html

    page = provenance_html(root / "data")
    files = data_files(root / "data")
    assert page.count("class='xb-card'") == len(files)
    assert "<table" not in page                  # no wide table that hides columns on a phone
    assert "href='https://arxiv.org/abs/1204.6296'" in page


def test_yaml_meta_blocks_parse(root):
    for path in sorted((root / "data").glob("*.yaml")):
        meta = yaml.safe_load(path.read_text()).get("meta")
        assert isinstance(meta, dict) and meta.get("source"), path.name
