"""Pathological pages: every stage of frontlint must stay near-linear in the size of a page.

    python bench/pathological.py [--mb SIZE] [--only NAME[,NAME…]] [--budget SECONDS_PER_MB]

Writes one page per shape into a temporary folder (many code spans, many links, one huge
paragraph, many dates, many placeholders, a huge single-line YAML value, deeply indented lists,
many HTML tags…), runs `frontlint check --today 2025-09-19 --isolated --no-cache PAGE` on each
in a fresh process, and prints its size, its wall time, its seconds per MB and its CPU seconds
per MB (the process's own time, steadier than the wall time on a busy machine). Exits with
status 1 when one page takes more than the budget (1 s per MB by default, with a floor of one
second for the process start-up), 0 otherwise. A page that has not finished after
``--timeout`` seconds is stopped and counted as over budget.

Needs nothing outside the repository: the pages are generated; the command is the `frontlint`
installed beside this Python (else `python -m linter`).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MB = 1_000_000
FRONT = "---\ntitle: Page pathologique\n---\n"


def _repeat(unit: Callable[[int], str], size: int, joiner: str = "") -> str:
    """Units ``unit(0)``, ``unit(1)``… joined until the text reaches ``size`` bytes."""
    parts: list[str] = []
    total = 0
    index = 0
    while total < size:
        part = unit(index) + joiner
        parts.append(part)
        total += len(part.encode())
        index += 1
    return "".join(parts)


def code_spans(size: int) -> str:
    return FRONT + _repeat(lambda i: "`a` ", size)


def code_spans_unclosed(size: int) -> str:
    """Backtick runs that never close: each opening used to search the rest of the text."""
    return FRONT + _repeat(lambda i: "``a ", size)


def links(size: int) -> str:
    return FRONT + _repeat(lambda i: f"[lien {i}](https://exemple.fr/page/{i}) ", size)


def same_links(size: int) -> str:
    """The same destination many times: each one located from where the previous one ended."""
    return FRONT + _repeat(lambda i: "[lien](https://exemple.fr/) et <https://exemple.fr/> ", size)


def reference_links(size: int) -> str:
    uses = _repeat(lambda i: f"[lien {i}][r{i}] ", size // 2)
    count = uses.count("][r")
    definitions = "".join(f"[r{i}]: https://exemple.fr/ref/{i}\n" for i in range(count))
    return FRONT + uses + "\n\n" + definitions


def bare_urls(size: int) -> str:
    return FRONT + _repeat(lambda i: f"voir https://exemple.fr/{i}/ ou www.exemple.fr ", size)


def word_dot_runs(size: int) -> str:
    """`a.a.a.…` without white space: the bare-URL pattern was tried from every letter."""
    return FRONT + _repeat(lambda i: "a." * 5000 + "\n", size)


def huge_paragraph(size: int) -> str:
    sentence = (
        "Les entrepreneurs d’intérêt général travaillent dix mois avec une administration, "
        "la 7ème promotion compte n°3 équipes, et le défi avance bien. "
    )
    return FRONT + _repeat(lambda i: sentence, size)


def many_paragraphs(size: int) -> str:
    return FRONT + _repeat(lambda i: f"Paragraphe {i} : du texte simple, sans rien.\n\n", size)


def dates(size: int) -> str:
    unit = (
        "Dépôt du 3 au 21 juin 2024 à 23h59, puis mardi 19 avril 2022, le 29/01/2024, "
        "le 2024-01-29, en février-mars 2024, jusqu'au 31 fevrier et 14 h 30. "
    )
    return FRONT + _repeat(lambda i: unit, size)


def dates_without_year(size: int) -> str:
    """Days whose year is read from the nearest explicit year of the same (huge) paragraph."""
    return FRONT + _repeat(lambda i: "le 3 juin, le 4 juillet 2024, le 5 août, ", size)


def placeholders(size: int) -> str:
    unit = (
        "TODO: écrire [Titre] ici, lorem ipsum (à compléter), les dates seront communiquées "
        "prochainement, coming soon, [15 avril]. FIXME\n"
    )
    return FRONT + _repeat(lambda i: unit, size)


def template_fields(size: int) -> str:
    return FRONT + "Intro\n" + _repeat(lambda i: f"[Champ {i}] ", size)


def yaml_single_line(size: int) -> str:
    value = _repeat(lambda i: f"la {i}ème fois `code` et [lien](https://exemple.fr/{i}) ", size)
    return f'---\ntitle: "{value}"\n---\nCorps.\n'


def yaml_plain_folded(size: int) -> str:
    """A plain scalar folded over many lines: every character is mapped back to the file."""
    lines = _repeat(lambda i: f"  mot {i} TODO et n°{i % 10}", size, "\n")
    return f"---\ntitle: Titre\ndescription:\n{lines}---\nCorps.\n"


_PROSE = "du texte de remplissage pour que la page reste sous la limite de valeurs, " * 2


def yaml_many_values(size: int) -> str:
    """Items of a list (under the limit of 20,000 values a page may hold)."""
    items = _repeat(
        lambda i: f"  - titre: La {i}ème étape, {_PROSE}\n    lien: https://exemple.fr/{i}",
        size,
        "\n",
    )
    return f"---\ntitle: Titre\netapes:\n{items}---\nCorps.\n"


def yaml_wide_mapping(size: int) -> str:
    """One mapping of many keys, each a placeholder whose period is read from a sibling."""
    keys = _repeat(lambda i: f"k{i}: TODO {i} {_PROSE}", size, "\n")
    return f"---\n{keys}date: Sprint n° 3 (juin-juillet 2024)\n---\nCorps.\n"


def domains(size: int) -> str:
    """Hosts used twice (trusted) and their one-letter typos, used once."""

    def unit(i: int) -> str:
        name = "".join(chr(97 + i // 26**k % 26) for k in (3, 2, 1, 0))
        return (
            f"[a](https://{name}.plateforme.fr/) [b](https://{name}.plateforme.fr/x) "
            f"[c](https://{name}.plateforem.fr/) "
        )

    return FRONT + _repeat(unit, size)


def indented_lists(size: int) -> str:
    def block(i: int) -> str:
        lines = [
            f"{'  ' * depth}- niveau {depth} [lien](https://exemple.fr/{i}/{depth})"
            for depth in range(60)
        ]
        return "\n".join(lines) + "\n\n"

    return FRONT + _repeat(block, size)


def nested_quotes(size: int) -> str:
    return FRONT + _repeat(lambda i: "> " * 40 + f"citation {i} `code`\n", size)


def suppressions(size: int) -> str:
    """A suppression comment on every line: each was tried on every diagnostic."""
    return FRONT + _repeat(lambda i: "la 7ème fois <!-- frontlint: disable=TY001 -->\n", size)


def schema_errors(size: int) -> str:
    """Thousands of values a schema rejects (`schemas/post.schema.json`, written beside the
    pages): each supersedes the content diagnostics on its characters."""
    items = _repeat(lambda i: f"  - la {i}ème fois, {_PROSE}", size, "\n")
    return f"---\nlayout: post\nitems:\n{items}---\nCorps.\n"


SCHEMA = '{"properties": {"items": {"type": "array", "items": {"enum": ["ok"]}}}}'


def html_tags(size: int) -> str:
    unit = '<span class="x">texte <a href="https://exemple.fr/{0}">lien {0}</a></span> '
    return FRONT + _repeat(lambda i: unit.format(i), size)


def html_block(size: int) -> str:
    rows = _repeat(lambda i: f'<tr><td><img src="/img/{i}.png" alt="{i}"></td></tr>', size, "\n")
    return FRONT + "<table>\n" + rows + "</table>\n"


def long_backtick_runs(size: int) -> str:
    return FRONT + _repeat(lambda i: "`" * (i % 50 + 1) + " x ", size)


def fences(size: int) -> str:
    return FRONT + _repeat(lambda i: f"```\ncode {i}\n```\n\ntexte `{i}`\n\n", size)


def unclosed_brackets(size: int) -> str:
    return FRONT + _repeat(lambda i: "[a ](b ", size)


def templates(size: int) -> str:
    """Liquid outputs and tags, Hugo shortcodes (paired, escaped, a block), in links and prose."""
    unit = (
        "[lien {0}]({{{{ site.baseurl }}}}/p/{0}) {{% link _posts/{0}.md %}} "
        '{{{{< ref "a/{0}.md" >}}}} {{{{% note %}}}}texte{{{{% /note %}}}} {{{{</* x */>}}}} '
        "{{% raw %}}{{{{ y }}}}{{% endraw %}}\n"
    )
    return FRONT + _repeat(lambda i: unit.format(i), size)


def templates_unclosed(size: int) -> str:
    """Openings whose end never comes (`{% raw %}` without `{% endraw %}`, `{{< highlight >}}`
    without its closing marker, `{{</*` without `*/>}}`, an unterminated shortcode string) and
    `{{`, `{%` never closed: none may search the rest of the page again."""
    unit = '{% raw %} {{< c "d\n{{</* e {{< highlight >}} '
    return FRONT + _repeat(lambda i: unit, size) + "{{ f {% g\n"


def autolinks(size: int) -> str:
    return FRONT + _repeat(lambda i: f"<https://exemple.fr/a/{i}> ", size)


def headings(size: int) -> str:
    return FRONT + _repeat(lambda i: f"## Titre {i} du 3 juin\n\ntexte {i}\n\n", size)


def html_comments(size: int) -> str:
    return FRONT + _repeat(lambda i: f"texte <!-- note {i} --> <b>gras</b> ", size)


def list_items(size: int) -> str:
    return FRONT + _repeat(lambda i: f"- élément {i} avec `code` et [lien](/p/{i})", size, "\n")


def table_rows(size: int) -> str:
    head = "| a | b | c |\n|---|---|---|\n"
    return FRONT + head + _repeat(lambda i: f"| {i} | `x` | [l](/p/{i}) |", size, "\n")


def ordinals(size: int) -> str:
    """Diagnostics-heavy: one TY001 every 6 bytes (100,000+ on a 1 MB page)."""
    return FRONT + _repeat(lambda i: "7ème ", size)


def template_expressions(size: int) -> str:
    return FRONT + _repeat(lambda i: "{{ x }} ", size)


def yaml_huge_value(size: int) -> str:
    """One plain 1 MB string value of prose (no link, no code)."""
    value = _repeat(lambda i: "du texte simple sans rien ", size)
    return f'---\ntitle: "{value}"\n---\nCorps.\n'


def yaml_many_keys(size: int) -> str:
    """Many short keys (a mapping the size of the page; the values limit may refuse it)."""
    keys = _repeat(lambda i: f"cle{i}: valeur {i}", size, "\n")
    return f"---\n{keys}---\nCorps.\n"


CASES: dict[str, Callable[[int], str]] = {
    "code-spans": code_spans,
    "code-spans-unclosed": code_spans_unclosed,
    "long-backtick-runs": long_backtick_runs,
    "fences": fences,
    "links": links,
    "same-links": same_links,
    "reference-links": reference_links,
    "bare-urls": bare_urls,
    "domains": domains,
    "word-dot-runs": word_dot_runs,
    "unclosed-brackets": unclosed_brackets,
    "huge-paragraph": huge_paragraph,
    "many-paragraphs": many_paragraphs,
    "dates": dates,
    "dates-without-year": dates_without_year,
    "placeholders": placeholders,
    "template-fields": template_fields,
    "yaml-single-line": yaml_single_line,
    "yaml-plain-folded": yaml_plain_folded,
    "yaml-many-values": yaml_many_values,
    "yaml-wide-mapping": yaml_wide_mapping,
    "indented-lists": indented_lists,
    "nested-quotes": nested_quotes,
    "html-tags": html_tags,
    "suppressions": suppressions,
    "schema-errors": schema_errors,
    "html-block": html_block,
    "templates": templates,
    "templates-unclosed": templates_unclosed,
    "autolinks": autolinks,
    "headings": headings,
    "html-comments": html_comments,
    "list-items": list_items,
    "table-rows": table_rows,
    "ordinals": ordinals,
    "template-expressions": template_expressions,
    "yaml-huge-value": yaml_huge_value,
    "yaml-many-keys": yaml_many_keys,
}


def _command() -> list[str]:
    frontlint = shutil.which("frontlint", path=str(Path(sys.executable).parent))
    return [frontlint] if frontlint else [sys.executable, "-m", "linter"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each page in MB")
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--budget", type=float, default=1.0, help="seconds per MB allowed")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a stop")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(CASES)
    unknown = [name for name in names if name not in CASES]
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(CASES)}")
    size = int(args.mb * MB)
    command = [*_command(), "check", "--today", "2025-09-19", "--isolated", "--no-cache"]
    over: list[str] = []
    print(f"{'page':<22} {'MB':>6} {'seconds':>8} {'s/MB':>7} {'cpu/MB':>7}  exit")
    with tempfile.TemporaryDirectory(prefix="frontlint-pathological-") as folder:
        (Path(folder) / ".git").mkdir()  # the root of a repository, with its schemas
        (Path(folder) / "schemas").mkdir()
        (Path(folder) / "schemas" / "post.schema.json").write_text(SCHEMA, encoding="utf-8")
        for name in names:
            page = Path(folder) / f"{name}.md"
            page.write_text(CASES[name](size), encoding="utf-8")
            megabytes = page.stat().st_size / MB
            start = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            try:
                done = subprocess.run(
                    [*command, str(page)],
                    cwd=folder,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    timeout=args.timeout,
                    check=False,
                )
                code = str(done.returncode)
                crashed = done.returncode not in (0, 1)
            except subprocess.TimeoutExpired:
                code, crashed = "timeout", True
            seconds = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            per_mb = seconds / megabytes
            late = seconds > max(1.0, args.budget * megabytes)
            if late or crashed:
                over.append(name)
            flag = "  OVER BUDGET" if late else ("  FAILED" if crashed else "")
            print(
                f"{name:<22} {megabytes:6.2f} {seconds:8.2f} {per_mb:7.2f} "
                f"{cpu / megabytes:7.2f}  {code}{flag}"
            )
            sys.stdout.flush()
    if over:
        print(f"over budget ({args.budget:g} s/MB) or failed: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
