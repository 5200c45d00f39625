"""``self-test``: the real steps in a temporary folder, and the checks that can fail them."""

import os
from datetime import date

import pytest
from pypdf import PdfReader

from dashboard.selftest import SelfTestFailed, pdf_page_count, png_size, run_self_test
from dashboard.views.registry import VIEWS

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def test_self_test_passes_and_leaves_the_user_folders_alone(qapp, _isolated_user_dirs):
    lines: list[str] = []
    assert run_self_test(lines.append) == 0
    assert lines[0].startswith("Selvtest av Helsevakt-dashboard")
    assert lines[2] == f"  Visninger tegnet: {len(VIEWS)} PNG-filer, 1440×900 punkter hver"
    assert lines[3].startswith("  Notat skrevet: PDF med ")
    assert lines[-1] == "Alt virker."
    assert not (_isolated_user_dirs / "data").exists()
    assert not (_isolated_user_dirs / "config").exists()
    assert os.environ["HELSEVAKT_DATA_DIR"] == str(_isolated_user_dirs / "data")


def test_the_page_count_agrees_with_a_pdf_reader(tmp_path):
    from dashboard.brief import build_brief
    from dashboard.data.demo import build_demo
    from dashboard.data.store import Store
    from dashboard.data.values import Filters
    from dashboard.settings import Preferences

    db = build_demo(tmp_path / "demo.duckdb", today=date(2018, 3, 31))
    with Store.open(db, read_only=True) as store:
        filters = Filters(date(2018, 1, 1), date(2018, 3, 31))
        build_brief(store, filters, Preferences(), tmp_path / "notat.pdf")
    assert pdf_page_count(tmp_path / "notat.pdf") == len(PdfReader(tmp_path / "notat.pdf").pages)


def test_a_file_that_is_not_a_pdf_or_png_fails_the_check(tmp_path):
    fake = tmp_path / "notat.pdf"
    fake.write_bytes(b"<html>")
    with pytest.raises(SelfTestFailed, match="ikke en PDF"):
        pdf_page_count(fake)
    truncated = tmp_path / "01-oversikt.png"
    truncated.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(SelfTestFailed, match="ikke et PNG-bilde"):
        png_size(truncated)
