"""The explorers' readout lines in the browser: a value that does not exist is said in words
("no limit"), never printed as a number-like "< none"."""

import json

import pytest

from test_explore import _run_explorer_js
from xboson.errors import InputError
from xboson.explore.builders import readout_lines


def _line(line, values):
    out = _run_explorer_js("console.log(m.readoutLine(a.line, a.values));",
                           json.dumps({"line": line, "values": values}).replace("NaN", "null"), "readout")
    return out.strip()


def test_a_line_with_a_value_is_filled_in():
    spec = readout_lines([("Z pole: < {zpole}", "Z pole: no limit")])[0]
    assert _line(spec, {"zpole": 0.0123}) == "Z pole: < 0.0123"


def test_a_line_without_any_value_shows_its_words():
    """g-2 does not bound g_nu (Chiang Sec. VII): the readout says so instead of '< none'."""
    spec = readout_lines([("g_e − 2: < {g2}", "g_e − 2: no limit")])[0]
    assert _line(spec, {"g2": None}) == "g_e − 2: no limit"
    assert _line(spec, {}) == "g_e − 2: no limit"


def test_a_line_with_some_values_is_filled_in():
    spec = readout_lines([("excluded {a} to {b}", "no reach")])[0]
    assert _line(spec, {"a": 1e-7, "b": None}) == "excluded 1.00×10^-7 to none"


def test_plain_templates_are_unchanged():
    assert readout_lines(["m = {m}"]) == ["m = {m}"]
    assert _line("m = {m}", {"m": 2.5}) == "m = 2.50"


@pytest.mark.parametrize("bad", [("only one",), ("a", 2), 3, ["a", "b"]])
def test_a_malformed_readout_line_is_an_input_error(bad):
    with pytest.raises(InputError, match="readout line"):
        readout_lines([bad])
