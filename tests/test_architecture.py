"""The dependency rules that keep each part easy to change alone, checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "objparse"
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> tuple[set[str], set[str]]:
    """(objparse modules imported anywhere, third-party modules imported at top level)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    ours, top = set(), set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                ours |= {target} | {f"{target}.{a.name}" for a in node.names}
            elif node.module and node.module.startswith("objparse"):
                ours.add(node.module)
            elif node in tree.body:
                top.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("objparse"):
                    ours.add(alias.name)
                elif node in tree.body:
                    top.add(alias.name.split(".")[0])
    return ours, top


def _layer(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


@pytest.mark.parametrize("path", MODULES, ids=[module_name(p) for p in MODULES])
def test_dependency_rules(path):
    name = module_name(path)
    ours, top = imports(path)
    layers = {_layer(m) for m in ours if m != name}
    if _layer(name) in ("model", "values"):
        assert layers <= {"model", "values"}, f"{name} must import only model and values"
    if _layer(name) in ("rules", "sections"):
        assert not layers & {"export", "cli", "rendering"}, f"{name} imports {layers}"
    if _layer(name) == "export":
        assert not layers & {"parse", "lexer", "sections", "rules", "syntax", "cli"}, f"{name} parses"
    assert "pandas" not in top, f"{name} imports pandas at start-up"
    if _layer(name) not in ("cli", "generated"):  # (generated: Lark's runtime, as its tool writes it)
        body = path.read_text(encoding="utf-8").split('if __name__ == "__main__":')[0]
        assert "print(" not in body and "sys.exit" not in body, f"{name} prints or exits: only the CLI may"


def test_the_readme_lists_the_lexer_passes_as_the_code_has_them():
    import re

    from objparse.lexer import PASSES

    readme = (PACKAGE.parent.parent / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^  \| `(\w+)` \|", readme, flags=re.MULTILINE)
    assert listed == [name for name, _ in PASSES]
    for name, run in PASSES:  # each pass states its rule in one line
        assert run.__doc__ and "\n" not in run.__doc__.strip(), name


def test_the_wheel_ships_every_package_and_its_data():
    """A package the build does not list is missing from a wheel (an editable install hides it)."""
    import tomllib

    project = tomllib.loads((PACKAGE.parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    setup = project["tool"]["setuptools"]
    listed = set(setup["packages"])
    packages = {module_name(p) for p in PACKAGE.rglob("__init__.py")} | {"objparse.grammar"}
    assert listed == packages
    data = setup["package-data"]
    assert "*.html" in data["objparse.templates"] and "*.lark" in data["objparse.grammar"]
