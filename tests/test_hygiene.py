"""Code hygiene that a reviewer would otherwise check by hand: no import cycles, no broad
``except`` that could hide a bug, ``__all__`` on the public modules of the models/recast layers,
and registries that match what their modules publish."""

import ast
import importlib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "lib" / "xboson"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PKG.rglob("*.py"))}


def _resolve(mod: str, is_pkg: bool, level: int, target: str | None) -> str:
    base = mod.split(".") if is_pkg else mod.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def _top_level_imports(mod: str, path: Path) -> set[str]:
    """xboson modules imported when ``mod`` is imported (module-level statements only; an import
    of a.b.c also imports the packages a.b and a)."""
    tree = ast.parse(path.read_text())
    is_pkg = path.name == "__init__.py"
    out = set()
    for node in tree.body:
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(mod, is_pkg, node.level, node.module) if node.level else (node.module or "")
            names = [base] + [f"{base}.{a.name}" for a in node.names]
        for n in names:
            while n.startswith("xboson"):
                # the packages that contain ``mod`` are already being imported: not an edge
                if n in MODULES and not mod.startswith(n + "."):
                    out.add(n)
                n = n.rpartition(".")[0]
    out.discard(mod)
    return out


def _cycles() -> list[list[str]]:
    graph = {m: _top_level_imports(m, p) for m, p in MODULES.items()}
    found, state, stack = [], {}, []

    def visit(m):
        state[m] = "open"
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == "open":
                found.append(stack[stack.index(n):] + [n])
            elif n not in state:
                visit(n)
        stack.pop()
        state[m] = "done"

    for m in sorted(graph):
        if m not in state:
            visit(m)
    return found


def test_no_import_cycles_among_xboson_modules():
    assert _cycles() == []


def _broad_handlers(source: str) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ExceptHandler):
            types = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            if node.type is None or any(isinstance(t, ast.Name) and t.id in ("Exception", "BaseException")
                                        for t in types):
                lines.append(node.lineno)
    return lines


def _notebook_code(path: Path) -> str:
    nb = json.loads(path.read_text())
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    # IPython magics and shell escapes are not Python
    return "\n".join(line for c in cells for line in c.splitlines() if not line.lstrip().startswith(("%", "!")))


def test_no_broad_except_in_the_package_and_notebooks():
    bad = [f"{p.relative_to(ROOT)}:{n}" for p in sorted(PKG.rglob("*.py")) for n in _broad_handlers(p.read_text())]
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "book").glob("*.ipynb")):
        bad += [f"{nb.relative_to(ROOT)} (cell code line {n})" for n in _broad_handlers(_notebook_code(nb))]
    assert bad == [], "broad except (catch the specific exception instead): " + ", ".join(bad)


def _module_names() -> list[str]:
    """Every module of the package (not ``__main__``, not private ``_*`` folders)."""
    out = []
    for p in sorted(PKG.rglob("*.py")):
        rel = p.relative_to(PKG.parent).with_suffix("")
        if p.name == "__main__.py" or any(part.startswith("_") and part != "__init__" for part in rel.parts):
            continue
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        out.append(".".join(parts))
    return out


@pytest.mark.parametrize("name", _module_names())
def test_every_module_declares_its_public_names(name):
    """``__all__`` exists, names only what exists, and lists every public function and class the
    module defines (a helper that is not public starts with an underscore)."""
    mod = importlib.import_module(name)
    assert isinstance(mod.__all__, list) and mod.__all__, f"{name}: no __all__"
    missing = [n for n in mod.__all__ if n != "recast" and not hasattr(mod, n)
               and not importlib.util.find_spec(f"{name}.{n}")]
    assert missing == [], f"{name}: __all__ names what does not exist: {missing}"
    tree = ast.parse(Path(mod.__file__).read_text())
    defined = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and not n.name.startswith("_")]
    unlisted = [n for n in defined if n not in mod.__all__]
    assert unlisted == [], f"{name}: public but not in __all__: {unlisted}"


def test_experiment_registries_match_their_modules():
    from xboson import experiments

    for attr, table in (("CONSTRAINTS", experiments.CONSTRAINT_MODULES), ("LIMITS", experiments.LIMIT_MODULES)):
        for name, mod in table.items():
            assert name in getattr(importlib.import_module(f"xboson.experiments.{mod}"), attr)
        published = set()
        for p in (PKG / "experiments").glob("*.py"):
            if p.stem != "__init__":
                published |= set(getattr(importlib.import_module(f"xboson.experiments.{p.stem}"), attr, {}))
        assert published == set(table), f"{attr}: every published entry must be in the registry table"


def test_cli_registry_lists_every_command_module():
    from xboson import cli

    on_disk = {p.stem for p in (PKG / "cli").glob("cmd_*.py")}
    assert on_disk <= set(cli.COMMANDS.values())
    missing = set(cli.COMMANDS.values()) - on_disk
    assert {k for k, v in cli.COMMANDS.items() if v in missing} <= set(cli.OPTIONAL_COMMANDS)


def test_registry_lookups_import_only_the_module_they_need():
    """One experiment module cannot break the others: a Z-pole limit never imports the LEP module."""
    import subprocess
    import sys

    code = ("import sys; from xboson.limits import limit; from xboson import constraints; "
            "limit('gVe', 'zpole', 1.0); constraints.get('charm2', 2.0); "
            "print(sorted(m for m in sys.modules if m.startswith('xboson.experiments.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert ast.literal_eval(out) == ["xboson.experiments.charm2", "xboson.experiments.zpole"]


def test_gamma_x_contract_matches_the_factories():
    """A width-dependent constraint's factory takes gamma_x (required); every other factory takes
    no gamma_x at all, so an unused width cannot creep back into a signature."""
    import inspect

    from xboson import experiments

    for name, mod in experiments.CONSTRAINT_MODULES.items():
        factory = getattr(importlib.import_module(f"xboson.experiments.{mod}"), "CONSTRAINTS")[name]
        params = inspect.signature(factory).parameters
        if name in experiments.WIDTH_DEPENDENT:
            assert params["gamma_x"].default is inspect.Parameter.empty, name
        else:
            assert "gamma_x" not in params, f"{name} is width-free: its factory must not take gamma_x"


SINGLE_NAMES = {"gLe", "gRe", "gnu", "gVe", "gAe"}


def _duplicated_coupling_names(path: Path) -> list[str]:
    """Where a module restates the coupling-name grammar of xboson.couplings: a literal tuple, list
    or set of all five of Chiang's Sec. VII names ('gLe', ...), a regular expression with the
    [LRVA] kinds, or a table keyed by exactly the kinds L, R, V, A."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            names = {e.value for e in node.elts if isinstance(e, ast.Constant)}
            if names >= SINGLE_NAMES:
                found.append(f"line {node.lineno}: a tuple of Sec. VII coupling names")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "[LRVA]" in node.value:
            found.append(f"line {node.lineno}: a pattern for L/R/V/A coupling names")
        elif isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if keys == {"L", "R", "V", "A"}:
                found.append(f"line {node.lineno}: a table of the L/R/V/A combinations")
    return found


def test_one_coupling_name_grammar():
    """xboson.couplings is the one place that names couplings (direction, combination,
    SINGLE_COUPLINGS); nothing else restates the list or the grammar."""
    home = PKG / "couplings.py"
    assert _duplicated_coupling_names(home), "the detector must find the definitions in couplings.py"
    bad = []
    for p in sorted(PKG.rglob("*.py")):
        rel = str(p.relative_to(ROOT))
        if p != home:
            bad += [f"{rel} {hit}" for hit in _duplicated_coupling_names(p)]
    assert bad == [], "use xboson.couplings instead: " + "; ".join(bad)


def _untyped_public_functions(path: Path) -> list[str]:
    """Public module-level functions of ``path`` (and public methods of its public classes) with a
    parameter or the return value not annotated."""
    out = []
    tree = ast.parse(path.read_text())

    def check(fn, where):
        args = [a for a in fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs if a.arg not in ("self", "cls")]
        args += [a for a in (fn.args.vararg, fn.args.kwarg) if a is not None]
        missing = [a.arg for a in args if a.annotation is None]
        if fn.returns is None and fn.name != "__init__":
            missing.append("return")
        if missing:
            out.append(f"{where}{fn.name} ({', '.join(missing)})")

    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            check(node, "")
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not item.name.startswith("_"):
                    check(item, f"{node.name}.")
    return out


def test_public_functions_have_typed_signatures():
    """Every public function and method says what it takes and returns (units are in the docstrings)."""
    bad = [f"{p.relative_to(ROOT)}: {hit}" for p in sorted(PKG.rglob("*.py")) for hit in _untyped_public_functions(p)]
    assert bad == [], f"{len(bad)} public functions without full annotations:\n" + "\n".join(bad)
