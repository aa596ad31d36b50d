"""`jxlint init`: read the forms of a folder, pick the rule set that fits them, and write a
`.jxlint.yaml` that extends it.

What fits is data, not code: each rule set may declare under `match:` the templates its
forms are read with, the place names (区, 市, 省) found in 主管部门 / 实施单位 / 预算单位 or the
title, the money unit the forms print (万元, 元), and the years it serves (docs/configuration.md, "jxlint init"). A rule set fits a
form when everything it declares matches; among those that fit, the one that declares the
most (places count twice) wins, and `national` when none fits. The folder gets the rule set
most of its forms pick.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from dataclasses import field
from pathlib import Path

from linter.ast import Form
from linter.config_reader import BadConfigFile, read_text, read_yaml
from linter.record import record

DEFAULT_RULE_SET = "national"
CONFIG_NAME = ".jxlint.yaml"
WEIGHTS = {"templates": 1, "places": 2, "units": 1, "years": 1}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@record(frozen=True)
class Match:
    """What a rule set declares under `match:`."""

    name: str
    templates: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None

    @property
    def specificity(self) -> int:
        years = self.year_from is not None or self.year_to is not None
        return (WEIGHTS["templates"] * bool(self.templates) + WEIGHTS["places"] * bool(self.places)
                + WEIGHTS["units"] * bool(self.units) + WEIGHTS["years"] * years)

    def reasons(self, form: Form) -> list[tuple[str, str]] | None:
        """Why this rule set fits `form` (message id, value), or None when it does not."""
        reasons = []
        if self.templates:
            if form.template not in self.templates:
                return None
            reasons.append(("init.reason.template", form.template))
        if self.places:
            texts = place_texts(form)
            place = next((place for place in self.places if any(place in text for text in texts)), None)
            if place is None:
                return None
            reasons.append(("init.reason.places", place))
        if self.units:
            unit = form_unit(form)
            if unit not in self.units:
                return None
            reasons.append(("init.reason.units", unit))
        if self.year_from is not None or self.year_to is not None:
            year = form_year(form)
            if year is None or (self.year_from is not None and year < self.year_from) or (
                    self.year_to is not None and year > self.year_to):
                return None
            reasons.append(("init.reason.years", str(year)))
        return reasons


class BadMatch(ValueError):
    pass


def read_match(name: str, path: Path) -> Match | None:
    """The `match:` of a rule set file; None when it declares none."""
    try:
        data, _ = read_yaml(read_text(path))
    except BadConfigFile:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("match"), dict):
        return None
    match = data["match"]

    def texts(key: str) -> tuple[str, ...]:
        value = match.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise BadMatch(f"{path}: match.{key} must be a list of texts")
        return tuple(value)

    years = match.get("years", {}) or {}
    if not isinstance(years, dict) or not all(isinstance(years.get(k, 0), int) for k in ("from", "to")):
        raise BadMatch(f"{path}: match.years must be a mapping with from / to years")
    return Match(name, texts("templates"), texts("places"), texts("units"), years.get("from"), years.get("to"))


def place_texts(form: Form) -> list[str]:
    cells = [form.department, form.implementer, form.title, *form.fields.values()]
    return [cell.text for cell in cells if cell is not None and cell.text]


def form_unit(form: Form) -> str | None:
    """The money unit printed on the form, as the parser read it (`（万元）` → 万元)."""
    return form.unit.value if form.unit is not None else None


def form_year(form: Form) -> int | None:
    for cell in (form.year, form.title):
        if cell is not None:
            found = _YEAR.search(cell.text)
            if found:
                return int(found.group(1))
    return None


@record
class Choice:
    rule_set: str
    reasons: list[tuple[str, str]]
    forms: int = 0
    matched: int = 0
    others: Counter = field(default_factory=Counter)


def pick_for_form(form: Form, matches: list[Match]) -> tuple[str, list[tuple[str, str]]]:
    best: tuple[int, str, list] | None = None
    for match in sorted(matches, key=lambda m: m.name):
        reasons = match.reasons(form)
        if reasons is None:
            continue
        if best is None or match.specificity > best[0]:
            best = (match.specificity, match.name, reasons)
    if best is None:
        return DEFAULT_RULE_SET, [("init.reason.default", "")]
    return best[1], best[2]


def choose(forms: list[Form], rule_sets: dict[str, Path]) -> Choice:
    """The rule set most forms pick (ties: the more specific, then by name)."""
    matches = [m for name, path in sorted(rule_sets.items()) if (m := read_match(name, path)) is not None]
    specificity = {m.name: m.specificity for m in matches}
    picks = [pick_for_form(form, matches) for form in forms]
    if not picks:
        return Choice(DEFAULT_RULE_SET, [("init.reason.default", "")])
    counts = Counter(name for name, _ in picks)
    winner = min(counts, key=lambda name: (-counts[name], -specificity.get(name, 0), name))
    reasons: list[tuple[str, str]] = []
    for name, form_reasons in picks:
        if name == winner:
            reasons = form_reasons
            break
    others = Counter({name: count for name, count in counts.items() if name != winner})
    return Choice(winner, reasons, len(forms), counts[winner], others)


def config_text(choice: Choice, catalog_en, catalog_zh) -> str:
    """The file written: the `extends` and, as comments, why."""
    lines = ["# jxlint init: the rule set that fits these forms / 与这些表相符的规则集"]
    for catalog in (catalog_zh, catalog_en):
        joiner = "；" if catalog.lang == "zh" else "; "
        reasons = joiner.join(catalog.render(message_id, {"value": value}) for message_id, value in choice.reasons)
        lines.append("# " + catalog.render("init.because", {"reasons": reasons}))
    lines.append(f"extends: {choice.rule_set}")
    return "\n".join(lines) + "\n"


def write_config(target: Path, text: str, force: bool) -> bool:
    """Write `text` to `target` whole or not at all; an existing file is kept unless
    `force`. False when it existed and was kept."""
    if target.exists() and not force:
        return False
    descriptor, temporary = tempfile.mkstemp(prefix=".jxlint-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        if force:
            os.replace(temporary, target)
        else:
            try:
                os.link(temporary, target)  # fails if the file appeared meanwhile: never overwritten
            except FileExistsError:
                return False
            except OSError:  # a file system without hard links
                if target.exists():
                    return False
                os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return True
