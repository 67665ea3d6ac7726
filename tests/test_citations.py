"""Comments cite what a reader can open: codes listed in docs/rules.md and the repository's own docs.

Every code cited in a comment or docstring under src/ and tests/, or anywhere in docs/, is defined in
docs/rules.md; no comment or docstring cites a document outside the repository (see "Citing rules"
in docs/architecture.md).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RULES_MD = REPO / "docs" / "rules.md"

CITED = re.compile(
    r"\b(R-\d{3}|SM-\d+T?|T-\d{2}|RT-\d+|I-\d+|CC-\d+|D\d{2}|SOD-\d+|SC-\d{2}|Q-\d+|X-\d+|PF-\d+)(?![\w-])"
)
# A code is defined where a heading or the first cell of a table row of docs/rules.md names it.
DEFINED = re.compile(r"^(?:#+ |\| )`([A-Z]+-?\d+T?)`", re.MULTILINE)

# What points outside the repository: a section sign with a number, the design and domain documents
# by name, seed files, absolute machine paths and superscript digits.
OUTSIDE = re.compile(
    r"§\s*\d"
    r"|\bspec(?:'s|ification)?\b"
    r"|\b(?:security|product|ux|domain)\.md\b"
    r"|\bseeds?/"
    r"|shared/(?:spec|design|seeds)"
    r"|/(?:work|root|home)/"
    r"|[¹²³⁴⁵⁶⁷⁸⁹⁰]",
    re.IGNORECASE,
)
# Sections of the repository's own docs and of a standard cited by number stay allowed.
OWN_SECTION = re.compile(r"(?:docs/[\w./-]+\.md|RFC \d{3,5})(?:,?\s+(?:(?:and|to|or)\s+)?§\s*[\d.]+)+")
# A footnote of the permission matrix is fine when the text names docs/rules.md, where it is listed.
FOOTNOTE = re.compile(r"\bfootnotes?\b|\bfn \d", re.IGNORECASE)


def cites_outside(text: str) -> bool:
    return bool(OUTSIDE.search(OWN_SECTION.sub("", text)))


def _python_files(*roots: str) -> Iterator[Path]:
    for root in roots:
        for path in sorted((REPO / root).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def comments_and_docstrings(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every comment block and docstring of a Python file."""
    source = path.read_text(encoding="utf-8")
    block: list[str] = []
    start = 0
    last = -1
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.COMMENT:
            continue
        line = tok.start[0]
        if block and line != last + 1:
            yield start, "\n".join(block)
            block = []
        if not block:
            start = line
        block.append(tok.string)
        last = line
    if block:
        yield start, "\n".join(block)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                value = body[0].value.value
                if isinstance(value, str):
                    yield body[0].lineno, value


def _other_comments(path: Path) -> Iterator[tuple[int, str]]:
    """Comments of the project's own stylesheets and templates (vendored files are not ours)."""
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(
        r"/\*.*?\*/|\{#.*?#\}|<!--.*?-->|\{% comment %\}.*?\{% endcomment %\}", text, re.S
    ):
        yield text.count("\n", 0, match.start()) + 1, match.group(0)


@cache
def all_comments() -> tuple[tuple[str, int, str], ...]:
    """Scanned once per process: two tests below read the same comments."""
    return tuple(_all_comments())


def _all_comments() -> Iterator[tuple[str, int, str]]:
    for path in _python_files("src", "tests"):
        for line, text in comments_and_docstrings(path):
            yield str(path.relative_to(REPO)), line, text
    for pattern in ("*.css", "*.html", "*.js", "*.txt"):
        for path in sorted((REPO / "src").rglob(pattern)):
            if "vendor" not in path.parts:
                for line, text in _other_comments(path):
                    yield str(path.relative_to(REPO)), line, text


def defined_codes() -> set[str]:
    return set(DEFINED.findall(RULES_MD.read_text(encoding="utf-8")))


def test_the_scanners_see_what_they_must(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text(
        '"""Doc (R-001, D07)."""\n# spec §2.3 footnote 12\nx = "R-999"  # SM-5T\n', encoding="utf-8"
    )
    texts = [text for _, text in comments_and_docstrings(path)]
    assert texts == ["# spec §2.3 footnote 12\n# SM-5T", "Doc (R-001, D07)."]
    assert sorted(CITED.findall(" ".join(texts))) == ["D07", "R-001", "SM-5T"]
    assert cites_outside("spec §2.3") and cites_outside("see security.md F1") and cites_outside("D09 ¹⁴")
    assert cites_outside("docs/guideline.md, then §2.3")
    assert not cites_outside("RFC 5545 §3.3.11 TEXT escaping")
    assert not cites_outside("docs/guideline.md §3.5 to §3.7; docs/guideline.md §3")
    assert {"R-001", "SM-1", "SM-5T", "D01", "CC-10", "SOD-2", "T-24", "RT-13", "I-8"} <= defined_codes()


def test_every_code_cited_in_comments_docstrings_and_docs_is_defined_in_docs_rules_md() -> None:
    defined = defined_codes()
    cited: dict[str, str] = {}
    for where, line, text in all_comments():
        for code in CITED.findall(text):
            cited.setdefault(code, f"{where}:{line}")
    for path in sorted((REPO / "docs").rglob("*.md")):
        if path != RULES_MD:
            text = path.read_text(encoding="utf-8")
            for match in CITED.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                cited.setdefault(match.group(1), f"{path.relative_to(REPO)}:{line}")
    assert len(cited) > 200
    assert {code: where for code, where in cited.items() if code not in defined} == {}


def test_no_comment_or_docstring_cites_a_document_outside_the_repository() -> None:
    found = []
    for where, line, text in all_comments():
        if cites_outside(text) or (FOOTNOTE.search(text) and "docs/rules.md" not in text):
            found.append(f"{where}:{line}: {text.strip().splitlines()[0][:100]}")
    assert found == []


def test_the_docs_cite_no_document_outside_the_repository() -> None:
    found = []
    for path in [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]:
        if path == RULES_MD:
            continue
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            if cites_outside(line) or "../shared" in line:
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()[:100]}")
        if FOOTNOTE.search(text) and "rules.md" not in text:
            found.append(f"{path.relative_to(REPO)}: cites a footnote without pointing to docs/rules.md")
    assert found == []
