"""Every text the code marks for translation has a finished bokmål translation."""

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dashboard import RESOURCES

PACKAGE = Path(__file__).resolve().parents[1] / "dashboard"
CATALOGUES = sorted((RESOURCES / "i18n").glob("*_nb.ts"))
UNFINISHED = ("unfinished", "vanished", "obsolete")


def _text(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return call.func.id if isinstance(call.func, ast.Name) else None


def _message(call: ast.Call, context: str | None) -> tuple[str, str, str | None] | None:
    """(context, source, disambiguation) of a ``tr``, ``translate`` or
    ``QT_TRANSLATE_NOOP`` call with literal texts; None for any other call."""
    name, args = _called_name(call), call.args
    if name == "tr" and args and _text(args[0]) is not None and context:
        comment = _text(args[1]) if len(args) > 1 else None
        return context, _text(args[0]), comment or None
    literal = len(args) >= 2 and None not in (_text(args[0]), _text(args[1]))
    if name in ("translate", "QT_TRANSLATE_NOOP") and literal:
        comment = _text(args[2]) if len(args) > 2 else None
        return _text(args[0]), _text(args[1]), comment or None
    return None


def messages_in(source: str) -> set[tuple[str, str, str | None]]:
    """Every message in a module's source; ``self.tr`` takes its class's name as context."""
    found = set()

    def visit(node: ast.AST, context: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            context = node.name
        if isinstance(node, ast.Call) and (message := _message(node, context)):
            found.add(message)
        for child in ast.iter_child_nodes(node):
            visit(child, context)

    visit(ast.parse(source), None)
    return found


def code_messages() -> set[tuple[str, str, str | None]]:
    return {
        message
        for path in sorted(PACKAGE.rglob("*.py"))
        for message in messages_in(path.read_text(encoding="utf-8"))
    }


def translations(paths: list[Path]) -> dict[tuple[str, str, str | None], list[str] | None]:
    """Each catalogued message's translated forms, or None if not finished."""
    found = {}
    for path in paths:
        for context in ET.parse(path).iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                key = (name, message.findtext("source"), message.findtext("comment") or None)
                translation = message.find("translation")
                forms = [form.text or "" for form in translation.iter("numerusform")]
                texts = forms or [translation.text or ""]
                done = translation.get("type") not in UNFINISHED and all(t.strip() for t in texts)
                found[key] = texts if done else None
    return found


def untranslated(messages, catalogue) -> list[tuple[str, str, str | None]]:
    return sorted(message for message in messages if not catalogue.get(message))


def test_the_scan_finds_tr_translate_and_noop_texts():
    source = (
        "class Box:\n"
        "    def f(self):\n"
        "        self.tr('Open %1')\n"
        "        self.tr('%n goal(s)', '', 3)\n"
        "QCoreApplication.translate('Ctx', 'Shut ' 'it')\n"
        "QT_TRANSLATE_NOOP('Other', 'Later')\n"
        "tr(name)\n"
    )
    assert messages_in(source) == {
        ("Box", "Open %1", None),
        ("Box", "%n goal(s)", None),
        ("Ctx", "Shut it", None),
        ("Other", "Later", None),
    }


def test_a_text_missing_from_the_catalogue_or_unfinished_is_caught(tmp_path):
    catalogue = tmp_path / "x_nb.ts"
    catalogue.write_text(
        "<TS><context><name>Box</name>"
        "<message><source>Open</source><translation>Åpne</translation></message>"
        '<message><source>Shut</source><translation type="unfinished">Lukk</translation>'
        "</message></context></TS>",
        encoding="utf-8",
    )
    found = messages_in(
        "class Box:\n    def f(self):\n        self.tr('Open'); self.tr('Shut'); self.tr('New')\n"
    )
    assert untranslated(found, translations([catalogue])) == [
        ("Box", "New", None),
        ("Box", "Shut", None),
    ]


@pytest.mark.skipif(not CATALOGUES, reason="no catalogues")
def test_every_text_in_the_code_has_a_finished_bokmal_translation():
    assert untranslated(code_messages(), translations(CATALOGUES)) == []
