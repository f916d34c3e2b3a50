"""The published pages in a real browser (headless Chromium, served from 127.0.0.1): every
section page's sliders redraw the explorer, its readout is the package's number for the state
shown, no console error, and nothing is requested from another host."""

from __future__ import annotations

import contextlib
import math
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/lib/chromium/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync"]
#: a number as the readout prints it; "none", "no limit" and "no reach" stand for a missing value
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:×10\^-?\d+)?|none|no limit|no reach")


def chromium_or_skip():
    """Debian's Chromium, or skip (fail under CI=true, where .ci/run installs it)."""
    if CHROMIUM.exists():
        return str(CHROMIUM)
    msg = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run the browser tests"
    if os.environ.get("CI") == "true":
        pytest.fail(msg)
    pytest.skip(msg)


@contextlib.contextmanager
def serve(folder: Path):
    """``python -m http.server`` on a free 127.0.0.1 port; yields the base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextlib.contextmanager
def browser():
    exe = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=FLAGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def book_html(request):
    """The built book's HTML folder (XBOSON_BOOK_HTML reuses an existing build)."""
    if os.environ.get("XBOSON_BOOK_HTML"):
        return Path(os.environ["XBOSON_BOOK_HTML"])
    chromium_or_skip()
    return request.getfixturevalue("built_book")[0]


def numbers(text: str) -> list[float]:
    out = []
    for tok in NUMBER.findall(text):
        if tok in ("none", "no limit", "no reach"):
            out.append(math.nan)
        elif "×10^" in tok:
            a, e = tok.split("×10^")
            out.append(float(a) * 10 ** int(e))
        else:
            out.append(float(tok))
    return out


def same_to_3_digits(got: float, want: float) -> bool:
    if math.isnan(want) or math.isnan(got):
        return math.isnan(want) and math.isnan(got)
    if want == 0:
        return abs(got) < 1e-12
    return float(f"{want:.3g}") == pytest.approx(got, rel=1e-9, abs=0) or \
        abs(got - want) <= 0.5 * 10 ** (math.floor(math.log10(abs(want))) - 2) * (1 + 1e-9)


# --------------------------------------------------------------------------- the package's numbers
def expected(page: str, st: dict) -> list[float]:
    """The numbers the readout must show for state ``st`` (grid values; options by name)."""
    from xboson import constraints, couplings
    from xboson.experiments import charm2, lep, low_energy
    from xboson.explore.chiang import _limit_value
    from xboson.lindner import fits
    from xboson.constants import M_E
    from xboson.units import GeV, MeV, keV

    def ext(region):
        e = region.extremes()
        return [e["x_min"], e["x_max"], e["y_min"], e["y_max"]]

    m = st.get("m_x")
    if page == "chiang_sec3_nue":
        return ext(constraints.get("lampf-lsnd", m * MeV).region("ee"))
    if page == "chiang_sec4_reactors":
        return [2] + ext((constraints.get("reactors", m * MeV) & constraints.get("lampf-lsnd", m * MeV)).region("ee"))
    if page == "chiang_sec5_charm2":
        if m < charm2.M_X_MIN:
            return [1]
        t_max = charm2.inputs()["recoil_window_gev"][1]
        return [low_energy.limit("Lmumu", m).upper, low_energy.limit("Rmumu", m).upper,
                200 * M_E * t_max / m**2]
    if page == "chiang_sec6_lep":
        e = ext(lep.constraint(m * GeV, st["gamma_x"] * keV).region(st["option"]))
        s = couplings.rho_scale(m * GeV)
        return e + [math.sqrt(max(-e[0], e[1]) * s), math.sqrt(max(-e[2], e[3]) * s)]
    if page == "chiang_sec7_separate_couplings":
        c = st["option"]
        patch = "gVe" if c in ("gLe", "gRe", "gVe") else c
        band = [_limit_value(patch, "beam-dump", m), _limit_value(patch, "beam-dump", m, "lower")]
        if all(math.isnan(v) for v in band):
            band = [math.nan]          # one line of words: "beam dump (g_Ve): no reach here"
        return [m, _limit_value(c, "zpole", m), _limit_value(c, "g-2", m), *band, _limit_value(patch, "fixed-target", m)]
    if page == "chiang_sec8_flavour_changing":
        return ext(low_energy.constraint(m * MeV).region(st["option"]))
    if page == "lindner_sec5":
        out = [m, st["alpha"], 2.71]
        for x in ("texono", "charm2", "gemma", "combined"):
            g = fits.upper_limit(st["option"], x, m, alpha_over_gx=st["alpha"])
            g = math.nan if g is None else g
            out += [g, g / 2]
        return out
    raise AssertionError(page)


def readout_numbers(page: str, text: str) -> list[float]:
    """Numbers of the readout, without the digits that are part of names (U(1), 90%, L_ee...)."""
    text = re.sub(r"Fig\. 2\(b\)", "2", text)
    text = re.sub(r"\|[LR]\|\^1/2|\^1/2|U\(1\)|90% CL|CHARM-II|g_e − 2|\(g_Ve\)|GeV|pair \w+:", " ", text)
    return numbers(text)


SECTION_PAGES = ["chiang_sec3_nue", "chiang_sec4_reactors", "chiang_sec5_charm2", "chiang_sec6_lep",
                 "chiang_sec7_separate_couplings", "chiang_sec8_flavour_changing", "lindner_sec5"]

CURRENT_STATE = """el => {
  return {label: el.querySelector('.xboson-state').textContent,
          readout: el.querySelector('.xboson-readout').textContent,
          draws: (window.__xbosonDraws || []).length,
          pixels: (() => { const c = el.querySelector('canvas');
                           const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                           let h = 0; for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) % 1000000007;
                           return h; })()};
}"""


def state_of(label: str, controls: dict) -> dict:
    """Grid values of the state from the label ('state m_X = 5.01 GeV, Γ_X = 25.1 keV')."""
    st = dict(controls)
    for name, key in (("m_X", "m_x"), ("Γ_X", "gamma_x"), ("α/g_X", "alpha"), ("m_Z'", "m_x")):
        m = re.search(re.escape(name) + r" = (-?[\d.]+(?:×10\^-?\d+)?)", label)
        if m:
            st[key] = numbers(m.group(1))[0]
    return st


@pytest.mark.parametrize("page", SECTION_PAGES)
def test_sliders_redraw_and_readout_is_the_package_value(book_html, page):
    with serve(book_html) as base, browser() as b:
        ctx = b.new_context(viewport={"width": 1280, "height": 1000})
        pg = ctx.new_page()
        errors, requests = [], []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("request", lambda r: requests.append(r.url))
        pg.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        pg.goto(base + f"notebooks/{page}.html", wait_until="load")
        pg.wait_for_selector(".xboson-explorer canvas", timeout=90_000)
        pg.wait_for_timeout(300)
        el = pg.query_selector(".xboson-explorer").evaluate_handle("e => e.parentElement")
        grids = pg.evaluate("""() => {
            const s = document.querySelector('script[type="application/vnd.jupyter.widget-state+json"]');
            const st = JSON.parse(s.textContent).state;
            const m = Object.values(st).find(w => w.model_name === 'AnyModel');
            return m.state.spec.params;
        }""")
        sliders = pg.query_selector_all(".widget-slider .noUi-handle, .widget-hslider .noUi-handle")
        dropdowns = pg.query_selector_all(".widget-dropdown select")
        assert sliders, f"{page}: no slider"
        options = {p["name"]: p["options"] for p in grids if "options" in p}

        def check_readout(where):
            now = el.evaluate(CURRENT_STATE)
            controls = {}
            for p, sel in zip([p for p in grids if "options" in p], dropdowns):
                controls[p["name"]] = options[p["name"]][sel.evaluate("s => s.selectedIndex")]
            st = state_of(now["label"], controls)
            for p in grids:        # snap the 3-digit label values to the grid
                if "values" in p and p["name"] in st:
                    st[p["name"]] = min(p["values"], key=lambda v: abs(math.log10(abs(v) + 1e-300) - math.log10(abs(st[p["name"]]) + 1e-300))
                                        if p["log"] else abs(v - st[p["name"]]))
            got = readout_numbers(page, now["readout"])
            want = expected(page, st)
            if "no data" in now["readout"]:
                assert page == "chiang_sec5_charm2" and st["m_x"] < 1.0, now["readout"]
                return now
            assert len(got) == len(want), (where, now["readout"], want)
            for g, w in zip(got, want):
                assert same_to_3_digits(g, w), (where, page, st, now["readout"], want)
            return now

        before = check_readout("initial")
        for k, handle in enumerate(sliders):
            handle.focus()
            label0 = el.evaluate(CURRENT_STATE)["label"]
            for key in ("ArrowRight", "ArrowLeft"):
                for _ in range(80):
                    handle.press(key)
                    if el.evaluate(CURRENT_STATE)["label"] != label0:
                        break
                if el.evaluate(CURRENT_STATE)["label"] != label0:
                    break
            pg.wait_for_timeout(50)
            after = check_readout(f"slider {k}")
            assert after["label"] != label0, f"{page}: slider {k} did not change the state"
            assert after["pixels"] != before["pixels"], f"{page}: slider {k} did not change the canvas"
            before = after
        for k, sel in enumerate(dropdowns):
            n = sel.evaluate("s => s.options.length")
            sel.select_option(index=(sel.evaluate("s => s.selectedIndex") + 1) % n)
            pg.wait_for_timeout(100)
            after = check_readout(f"dropdown {k}")
            assert after["pixels"] != before["pixels"], f"{page}: dropdown {k} did not change the canvas"
            before = after
        ctx.close()
    assert not errors, f"{page}: {errors[:5]}"
    off = [u for u in requests if not (u.startswith(base) or u.startswith(("blob:", "data:")))]
    assert not off, f"{page}: requests off 127.0.0.1: {off[:5]}"


def test_every_page_loads_without_console_error_or_off_host_request(book_html):
    pages = sorted(p.relative_to(book_html).as_posix() for d in ("notebooks", "book")
                   for p in (book_html / d).glob("*.html"))
    with serve(book_html) as base, browser() as b:
        for rel in pages:
            pg = b.new_page(viewport={"width": 400, "height": 800})
            errors, requests = [], []
            pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.on("request", lambda r: requests.append(r.url))
            pg.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
            pg.goto(base + rel, wait_until="load")
            if pg.query_selector("script[type='application/vnd.jupyter.widget-state+json']"):
                pg.wait_for_selector(".xboson-explorer canvas", timeout=90_000)
                width = pg.evaluate("() => document.querySelector('.xboson-explorer canvas').getBoundingClientRect().right")
                assert width <= 400, f"{rel}: explorer wider than a 400 px phone"
            pg.wait_for_timeout(300)
            pg.close()
            assert not errors, f"{rel}: {errors[:5]}"
            off = [u for u in requests if not (u.startswith(base) or u.startswith(("blob:", "data:")))]
            assert not off, f"{rel}: requests off 127.0.0.1: {off[:5]}"
