"""``--format junit``: JUnit XML, as CI test-report tools read it.

One test suite per checked file with problems, one failing test case per diagnostic (`<failure>`
for errors and warnings; infos are `<skipped>` with the message, so they show without failing).

File names and messages are shown with their control characters escaped (`report.shown`): XML 1.0
cannot hold most of them even as references, nor lone surrogates (a name that is not UTF-8,
written `caf\\xe9.md`). No `##[` appears in the output (`#&#35;[` is the same text), so printing
it in a GitHub Actions log runs no command.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from linter.diagnostics import Diagnostic, Severity
from linter.engine import Result
from linter.messages import text_of
from linter.report import posix, shown


def render(result: Result, lang: str = "en") -> str:
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        by_file[posix(d.path)].append(d)
    failures = sum(1 for d in result.diagnostics if d.severity > Severity.INFO)
    root = ET.Element(
        "testsuites", name="frontlint", tests=str(len(result.diagnostics)), failures=str(failures)
    )
    for name, diagnostics in by_file.items():
        path = shown(name)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(len(diagnostics)),
            failures=str(sum(1 for d in diagnostics if d.severity > Severity.INFO)),
        )
        for d in diagnostics:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{d.code} {d.rule} at {d.span.line}:{d.span.column}",
                classname=path,
                file=path,
                line=str(d.span.line),
            )
            message = shown(text_of(d.message, lang, human=True))
            if d.severity > Severity.INFO:
                failure = ET.SubElement(case, "failure", message=message, type=str(d.severity))
                failure.text = f"{path}:{d.span.line}:{d.span.column}: {d.code} {message}"
            else:
                ET.SubElement(case, "skipped", message=message)
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode").replace("##[", "#&#35;[")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
