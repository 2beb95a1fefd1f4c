"""The fuzzing harness's short run (see tests/fuzz.py for the property and the long run)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.fuzz import check_property, file_names, pages

EXAMPLES = int(os.environ.get("FRONTLINT_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 60,  # the short run is the same on every machine: CI never flakes
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(text=pages)
def test_any_page_gives_a_well_formed_report_and_no_internal_error(text):
    with tempfile.TemporaryDirectory() as folder:
        check_property(Path(folder), "page.md", text)


@FUZZ
@given(name=file_names, text=pages)
def test_any_file_name_gives_a_well_formed_report(name, text):
    with tempfile.TemporaryDirectory() as folder:
        check_property(Path(folder), name, text)
