"""Form templates as data: one YAML file per family in `grammar/templates/`.

A template holds everything the parser knows about one family of forms: its
titles, header fields, funds block, goal block, indicator columns and labels,
total and closing rows, section weights and printed scoring parameters. A
template derives from another with `extends`, overriding only what differs
(mappings are merged key by key, lists and values replaced), as sqlfluff
dialects derive from ANSI. Plugins add templates through the
`jxlint_templates` hook; a configuration may name a template file (data only).

Detection (`detect`) scores every template on a form's title and header words;
the best one is used, and the national base when none fits.
"""

from __future__ import annotations

import re
from dataclasses import field
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable

from linter.package_files import package_folder
from linter.record import record

BASE_ID = "national"


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
_SUFFIX_RE = re.compile(r"(?:\([^()]{0,12}\))*")
_MAX_TEMPLATE_BYTES = 256 * 1024


class TemplateError(ValueError):
    """A template file that cannot be used; the message names the file and the problem."""


# Lists that a derived template extends instead of replacing.
_ADDITIVE = frozenset({"detect"})


def merge(base: dict[str, Any], override: dict[str, Any], replace: frozenset[str] = frozenset(), path: str = "") -> dict[str, Any]:
    """`override` over `base`: mappings merged key by key, unless empty (`{}` clears) or
    named in `replace` (dotted paths, `weights.sections`); `key: null` removes a key."""
    merged = dict(base)
    for name, value in override.items():
        where = f"{path}{name}"
        if value is None and isinstance(merged.get(name), (dict, list, str)):
            del merged[name]
        elif name in _ADDITIVE and isinstance(value, list) and isinstance(merged.get(name), list):
            merged[name] = list(dict.fromkeys([*merged[name], *value]))
        elif isinstance(value, dict) and value and isinstance(merged.get(name), dict) and where not in replace:
            merged[name] = merge(merged[name], value, replace, where + ".")
        else:
            merged[name] = value
    return merged


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@record(frozen=True)
class Template:
    """One template, with its `extends` chain already merged in (`data`)."""

    id: str
    data: dict[str, Any] = field(repr=False)
    source: str = ""

    # -- identity -----------------------------------------------------------------
    @property
    def family(self) -> str:
        return str(self.data.get("family", ""))

    def name(self, lang: str = "zh") -> str:
        names = self.data.get("name") or {}
        return str(names.get(lang) or names.get("zh") or self.id)

    def advice(self, lang: str = "zh") -> str:
        advice = self.data.get("advice") or {}
        return str(advice.get(lang) or advice.get("zh") or "")

    @property
    def lint(self) -> bool:
        return bool(self.data.get("lint", True))

    # -- detection ----------------------------------------------------------------
    @cached_property
    def title_prefix(self) -> re.Pattern[str]:
        return _compiled(self.data.get("title_prefix", ""))

    @property
    def detect_words(self) -> list[str]:
        return list(self.data.get("detect", []))

    @cached_property
    def detect_set(self) -> frozenset[str]:
        return frozenset(self.data.get("detect", []))

    def title_end(self, text: str) -> int:
        """Where a title of this template (with its prefix) that starts `text` ends, or 0."""
        ends = [index + len(title) for title in self.data.get("titles", [])
                if (index := text.find(title)) >= 0 and self.title_prefix.fullmatch(text, 0, index)]
        return max(ends, default=0)

    def title_score(self, title_key: str, whole: bool = False) -> int:
        """Length of the longest title of this template that `title_key` starts with (after
        an allowed prefix: year, place name, 附件N), or 0. With `whole`, the title must end
        the text, but for a parenthesised suffix (`（2021年度）`, `(修改)`)."""
        best = 0
        for title in self.data.get("titles", []):
            index = title_key.find(title)
            if index < 0 or len(title) <= best or not self.title_prefix.fullmatch(title_key, 0, index):
                continue
            if not whole or _SUFFIX_RE.fullmatch(title_key, index + len(title)):
                best = len(title)
        return best

    # -- parameters the rules read ------------------------------------------------
    def section(self, name: str) -> dict[str, Any]:
        value = self.data.get(name)
        return value if isinstance(value, dict) else {}

    @property
    def execution_points(self) -> Decimal | None:
        return _decimal(self.section("funds").get("execution_points"))

    @property
    def total_points(self) -> Decimal | None:
        return _decimal(self.section("total").get("points"))

    @property
    def section_weights(self) -> dict[str, Decimal]:
        weights = self.section("weights").get("sections") or {}
        return {name: Decimal(str(value)) for name, value in weights.items()}

    @property
    def indicator_order(self) -> tuple[str, ...]:
        return tuple(self.section("indicators").get("order", ()))

    @property
    def funds_order(self) -> tuple[str, ...]:
        return tuple(self.section("funds").get("order", ()))

    def parameters(self) -> dict[str, Any]:
        """What the rules read from a form's template, as plain values (for JSON and rules);
        a copy, which a form may override with what it prints."""
        return dict(self._parameters)

    @cached_property
    def _parameters(self) -> dict[str, Any]:
        weights = self.section("weights")
        return {
            "execution_points": self.execution_points,
            "total_points": self.total_points,
            "indicators_points": _decimal(weights.get("indicators")),
            "section_weights": self.section_weights,
            "indicator_columns": self.indicator_order,
            "funds_columns": self.funds_order,
            "funds_breakdown": tuple(self.section("funds").get("breakdown") or ()),
            "frameworks": {
                name: {level1: tuple(level2) for level1, level2 in framework.items()}
                for name, framework in (self.section("indicators").get("frameworks") or {}).items()
            },
            "cost_label": self.section("indicators").get("cost_label"),
            "scoring": dict(self.section("scoring")),
            "fields": tuple(dict.fromkeys((self.data.get("fields") or {}).values())),
            "parts": tuple(self.data.get("parts") or ()),
            "year_printed": bool(self.data.get("year_printed", True)),
            "instructions": tuple(self.data.get("instructions") or ()),
            "completion_met": tuple(self.section("indicators").get("completion_met") or ()),
            "output_blocks": tuple(self.section("indicators").get("output_blocks") or ()),
            "completion_missed": tuple(self.section("indicators").get("completion_missed") or ()),
            "template_name": dict(self.data.get("name") or {"zh": self.id}),
            "advice": dict(self.data.get("advice") or {}),
        }

    @cached_property
    def vocabulary(self):
        from linter.vocabulary import Vocabulary

        return Vocabulary(self)


class TemplateSet:
    """Every template known to a run: built-ins, plugins' and configured files."""

    def __init__(self, raw: Iterable[tuple[dict[str, Any], str]]) -> None:
        self._raw: dict[str, tuple[dict[str, Any], str]] = {}
        for data, source in raw:
            template_id = data.get("id")
            if not isinstance(template_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,40}", template_id):
                raise TemplateError(f"{source}: a template needs an `id` of lower-case letters, digits and '-'")
            self._raw[template_id] = (data, source)
        self.templates: dict[str, Template] = {}
        self._title_scores: dict[str, tuple[int, ...]] = {}
        for template_id in self._raw:
            self.templates[template_id] = self._resolve(template_id, ())
        if BASE_ID not in self.templates:
            raise TemplateError(f"the base template `{BASE_ID}` is missing")

    def _resolve(self, template_id: str, chain: tuple[str, ...]) -> Template:
        if template_id in self.templates:
            return self.templates[template_id]
        if template_id in chain:
            raise TemplateError(f"templates extend each other in a loop: {' → '.join((*chain, template_id))}")
        if template_id not in self._raw:
            raise TemplateError(f"{self._raw[chain[-1]][1]}: extends an unknown template `{template_id}`")
        data, source = self._raw[template_id]
        parent = data.get("extends")
        if parent:
            base = self._resolve(str(parent), (*chain, template_id)).data
            replace = frozenset(data.get("replace") or ())
            data = merge(base, {k: v for k, v in data.items() if k not in ("extends", "replace")}, replace)
        return Template(template_id, data, source)

    def get(self, template_id: str) -> Template | None:
        return self.templates.get(template_id)

    @property
    def base(self) -> Template:
        return self.templates[BASE_ID]

    def __iter__(self):
        return iter(self.templates.values())

    @cached_property
    def title_regex(self) -> re.Pattern[str]:
        """Any template's title, with the prefixes titles carry, over folded text."""
        prefixes = {t.data.get("title_prefix", "") for t in self}
        titles = sorted({re.escape(title) for t in self for title in t.data.get("titles", [])}, key=len, reverse=True)
        prefix = "|".join(f"(?:{p})" for p in prefixes if p)
        return re.compile(f"(?:{prefix})?(?:{'|'.join(titles)})" if prefix else f"(?:{'|'.join(titles)})")

    @cached_property
    def bare_title_regex(self) -> re.Pattern[str] | None:
        """Any template's title without its prefix: every match of `title_regex` holds one.
        None when a title is empty (then `title_regex` may match where no title is)."""
        titles = {title for t in self for title in t.data.get("titles", [])}
        if not all(titles):
            return None
        return re.compile("|".join(sorted(map(re.escape, titles), key=len, reverse=True)) or "(?!)")

    @cached_property
    def title_marks(self) -> tuple[str, ...]:
        """The last characters every title ends in (`自评表`, `申报表` …): a cheap line filter."""
        return tuple(sorted({title[-2:] for t in self for title in t.data.get("titles", [])}))

    def title_scores(self, title_key: str) -> tuple[int, ...]:
        """Each template's `title_score` for a title, in template order; the forms of a file
        share their titles, so the answers are kept."""
        scores = self._title_scores.get(title_key)
        if scores is None:
            scores = tuple(t.title_score(title_key) if title_key else 0 for t in self)
            if len(self._title_scores) < 4096:
                self._title_scores[title_key] = scores
        return scores

    @cached_property
    def title_last_chars(self) -> tuple[str, ...]:
        """The last character of every title, and its Traditional forms."""
        from linter.text import FOLD_TABLE

        last = {title[-1] for t in self for title in t.data.get("titles", [])}
        variants = {chr(code) for code, target in FOLD_TABLE.items() if target in last}
        return tuple(sorted(last | variants))

    @cached_property
    def detect_words(self) -> tuple[str, ...]:
        return tuple(sorted({word for t in self for word in t.detect_words}))

    @cached_property
    def keyword_keys(self) -> tuple[str, ...]:
        """Every keyword and column header of every template: what may follow a title
        with no separator, or in PDF text."""
        words: set[str] = set()
        for t in self:
            words.update(t.data.get("fields") or {}, t.data.get("closing") or {}, t.data.get("grade") or ())
            for part in ("funds", "goal", "indicators", "total"):
                section = t.section(part)
                words.update(section.get("headers") or (), section.get("labels") or (), section.get("columns") or {})
        return tuple(sorted(words, key=len, reverse=True))

    @cached_property
    def tail_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """(labels, total labels) of every template: what a form without a title is found by."""
        labels = frozenset(name for t in self for name in t.vocabulary.label_names)
        totals = frozenset(word for t in self for word in (t.section("total").get("labels") or []))
        return labels, totals


# -- loading ---------------------------------------------------------------------------


def read_template_file(path: str | Path) -> list[dict[str, Any]]:
    """The template mappings in a YAML file (one template, or `templates:` with several)."""
    path = Path(path)
    try:
        if not path.is_file():
            raise TemplateError(f"{path}: not a regular file")
        if path.stat().st_size > _MAX_TEMPLATE_BYTES:
            raise TemplateError(f"{path}: larger than {_MAX_TEMPLATE_BYTES} bytes")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(f"{path}: cannot be read ({error})") from None
    return parse_template_text(text, str(path))


def parse_template_text(text: str, source: str) -> list[dict[str, Any]]:
    import yaml

    # libyaml's loader when PyYAML has it (about 8× faster: templates load on every start).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, data only
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark is not None else source
        raise TemplateError(f"{where}: not valid YAML") from None
    if isinstance(data, dict) and isinstance(data.get("templates"), list):
        items = data["templates"]
    else:
        items = [data]
    if not all(isinstance(item, dict) for item in items):
        raise TemplateError(f"{source}: a template is a mapping of keys (id, titles, fields …)")
    return items


def builtin_template_data() -> list[tuple[dict[str, Any], str]]:
    """The built-in templates' mappings, each with its source file. YAML takes longer to
    load than everything else a short run does, so they are kept as JSON in the private
    cache (`linter.parser_cache`), keyed on the files' bytes."""
    import json

    from linter.digest import hasher
    from linter.parser_cache import read_cached, write_cached

    folder = package_folder("grammar").joinpath("templates")
    files = sorted(((entry.name, entry.read_bytes()) for entry in folder.iterdir() if entry.name.endswith(".yaml")))
    digest = hasher(b"\0".join(name.encode() + b"\0" + data for name, data in files)).hexdigest()[:24]
    cached = read_cached(f"templates-{digest}.json")
    if cached is not None:
        try:
            return [(item, source) for item, source in json.loads(cached)]
        except (ValueError, TypeError):
            pass
    out = []
    for name, data in files:
        source = f"grammar/templates/{name}"
        out.extend((item, source) for item in parse_template_text(data.decode("utf-8"), source))
    write_cached(f"templates-{digest}.json", json.dumps(out, ensure_ascii=False).encode())
    return out


_builtin: TemplateSet | None = None


def builtin_templates() -> TemplateSet:
    global _builtin
    if _builtin is None:
        _builtin = TemplateSet(builtin_template_data())
    return _builtin


def template_set(extra: Iterable[tuple[dict[str, Any], str]] = ()) -> TemplateSet:
    """The built-in templates plus `extra` (plugins', configured files'); cached when none."""
    extra = list(extra)
    if not extra:
        return builtin_templates()
    return TemplateSet([*builtin_template_data(), *extra])


# -- detection -------------------------------------------------------------------------


@record(frozen=True, slots=True)
class Detection:
    """The template chosen for a form, its score, whether the choice is certain, and whether it was forced
    by configuration."""

    template: Template
    score: int
    certain: bool
    forced: bool = False


def detect(title_key: str, body_key: str, templates: TemplateSet) -> Detection:
    """The template that fits a form best: title (specific titles score more) and header words.

    `title_key` is the key of the title cell ("" for a form without one), `body_key`
    the key of the form's text. A form is certain when its title is a template's or
    three of its words are found.
    """
    best: tuple[int, int, bool, str] | None = None
    chosen, chosen_title = templates.base, 0
    found = frozenset(filter(body_key.__contains__, templates.detect_words))
    titles = templates.title_scores(title_key)
    for template, title in zip(templates, titles):
        hits = len(template.detect_set & found)
        score = (10 + title if title else 0) + 4 * hits
        if best is not None and score < best[0]:
            continue  # (ranked below the best already, whatever the rest of its rank)
        # Ties go to the template with more of its words present, then to the base.
        rank = (score, hits, template.id == BASE_ID, template.id)
        if best is None or rank > best:
            best, chosen, chosen_title = rank, template, title
    assert best is not None
    return Detection(chosen, best[0], certain=chosen_title > 0 or best[1] >= 3)
