"""The command line's argument parser, in Norwegian.

argparse writes its own words in English (``usage:``, ``options:``, ``error:``, «invalid
choice», «the following arguments are required»). The headings and the help option are
set here; an error message argparse has already formatted is translated by its known
shapes (Python's own, stable within a version), and one of an unknown shape is replaced
by a plain Norwegian sentence, so no English reaches the user. Errors exit 2, as argparse's.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import NoReturn

USAGE_PREFIX = "bruk: "
UNKNOWN_ERROR = "argumentene kan ikke tolkes; se --help"


class NorwegianHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)


class NorwegianArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help, usage and errors are Norwegian; its subcommands'
    parsers are of the same class (argparse makes them of ``type(self)``)."""

    def __init__(self, *args, add_help: bool = True, **kwargs) -> None:
        kwargs.setdefault("formatter_class", NorwegianHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "valg"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="vis denne hjelpen og avslutt",
            )

    def add_argument(self, *args, **kwargs):
        if kwargs.get("action") == "version":
            kwargs.setdefault("help", "vis versjonsnummeret og avslutt")
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: feil: {norwegian_error(message)}\n")


def _listed(text: str) -> str:
    """argparse's list of quoted choices (``'a', 'b'``) as ``a, b``."""
    return text.replace("'", "")


def _value(text: str) -> str:
    return f"«{text.strip(chr(39))}»"


# argparse's messages (Python 3.11–3.13), each with its Norwegian form.
MESSAGES: tuple[tuple[re.Pattern, Callable[[re.Match], str]], ...] = (
    (
        re.compile(r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)"),
        lambda m: f"ugyldig valg {_value(m['value'])}; velg blant {_listed(m['choices'])}",
    ),
    (re.compile(r"expected one argument"), lambda m: "mangler en verdi"),
    (re.compile(r"expected at most one argument"), lambda m: "tar høyst én verdi"),
    (re.compile(r"expected at least one argument"), lambda m: "mangler minst én verdi"),
    (re.compile(r"expected (?P<n>\d+) arguments?"), lambda m: f"trenger {m['n']} verdier"),
    (
        re.compile(r"the following arguments are required: (?P<names>.*)"),
        lambda m: f"mangler {m['names']}",
    ),
    (
        re.compile(r"unrecognized arguments: (?P<names>.*)"),
        lambda m: f"ukjent argument: {m['names']}",
    ),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)"),
        lambda m: f"{m['option']} er tvetydig; mente du {m['matches']}?",
    ),
    (
        re.compile(r"not allowed with argument (?P<other>.*)"),
        lambda m: f"kan ikke brukes sammen med {m['other']}",
    ),
    (
        re.compile(r"ignored explicit argument (?P<value>.*)"),
        lambda m: f"tar ingen verdi ({_value(m['value'])})",
    ),
    (
        re.compile(r"one of the arguments (?P<names>.*) is required"),
        lambda m: f"ett av disse må oppgis: {m['names']}",
    ),
    (
        re.compile(r"invalid (?P<type>\w+) value: (?P<value>.*)"),
        lambda m: (
            f"ugyldig verdi {_value(m['value'])}"
            + ("; skriv et heltall" if m["type"] == "int" else "")
        ),
    ),
)
ARGUMENT = re.compile(r"argument (?P<name>[^:]+): (?P<message>.*)", re.S)


def norwegian_error(message: str) -> str:
    """argparse's error ``message`` in Norwegian; never one that repeats an identity number."""
    # The guard is loaded only when an argument is refused: every command starts faster.
    from dashboard.data.privacy import holds_identity_number

    if holds_identity_number(message):
        return "et argument inneholder et fødselsnummer eller D-nummer; fjern det"
    argument = ARGUMENT.fullmatch(message)
    if argument:
        return f"{argument['name']}: {_translated(argument['message'])}"
    return _translated(message)


def _translated(message: str) -> str:
    for pattern, norwegian in MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return norwegian(found)
    # Our own type functions speak Norwegian (ArgumentTypeError); English is argparse's,
    # of a shape not known here.
    return UNKNOWN_ERROR if ENGLISH.search(message) else message


ENGLISH = re.compile(
    r"\b(the|is|not|invalid|expected|with|could|match|allowed|required|choose|unknown|"
    r"cannot|conflicting|callable|mode|must|should|argument|arguments)\b",
    re.IGNORECASE,
)
