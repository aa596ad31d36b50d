"""Command line. Heavy modules (lark, yaml, pluggy) are imported inside commands,
so `jxlint --version` and `--help` start fast.

Exit codes: 0 success; 1 findings that fail the run (parse diagnostics for
`parse`); 2 usage or configuration error; 3 internal error.
"""

from __future__ import annotations

import os
import sys

import click

from linter import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

lang_option = click.option(
    "--lang", type=click.Choice(["zh", "en"]), default=lambda: os.environ.get("JXLINT_LANG", "zh"),
    show_default="zh", help="Message language / 提示语言 (or JXLINT_LANG).",
)
encoding_option = click.option("--encoding", default=None, help="Force the input encoding (utf-8, gb18030, utf-16…).")


class _Group(click.Group):
    """Any unexpected exception is an internal error: a clear message and exit code 3,
    never a bare traceback with an exit code that could be read as findings."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as error:
            import traceback

            frame = traceback.extract_tb(error.__traceback__)[-1]
            where = f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"
            click.echo(
                f"jxlint {__version__}: 内部错误 (internal error): {type(error).__name__}: {error} [{where}]\n"
                "请把这条信息和所检查的文件一起报告给 jxlint 的维护者 (please report this with the input file)",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="jxlint")
def main() -> None:
    """jxlint: lint 项目支出绩效自评表 (performance self-evaluation forms)."""


def tune_gc() -> None:
    """Fewer collections of generation 0: the AST has no reference cycles, so memory is
    freed by reference counting, and a short run allocates many small objects."""
    import gc

    gc.set_threshold(50_000, 20, 20)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "output_format", type=click.Choice(["json", "text"]), default="text", show_default=True)
@encoding_option
@lang_option
def parse(files: tuple[str, ...], output_format: str, encoding: str | None, lang: str) -> None:
    """Parse FILES and print the AST (JSON) or an outline (text). `-` reads standard input."""
    from linter.messages import Catalog
    from linter.parse import parse_path

    tune_gc()
    catalog = Catalog(lang)
    documents = [parse_path(path, encoding) for path in files]
    if output_format == "json":
        import json

        from linter.report.ast_json import documents_json

        click.echo(json.dumps(documents_json(documents, catalog), ensure_ascii=False, indent=1))
    else:
        from linter.report.outline import outline

        for document in documents:
            click.echo(outline(document, catalog))
    failed = any(document.problems or any(form.problems for form in document.forms) for document in documents)
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


def _fail_config(error, lang: str) -> None:
    """A configuration error: file:line and the message, exit 2."""
    from linter.messages import Catalog

    message = Catalog(lang).render(error.message_id, error.args_)
    click.echo(f"{error.origin}: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _warn_plugin_errors(registry, lang: str) -> None:
    for problem in registry.errors:
        if lang == "zh":
            click.echo(f"jxlint: 插件「{problem.name}」加载失败，已跳过：{problem.error}", err=True)
        else:
            click.echo(f"jxlint: plugin '{problem.name}' failed to load and was skipped: {problem.error}", err=True)


def _selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, exists=True),
    help="Use this configuration file instead of searching for .jxlint.yaml.",
)


def _lint_options(function):
    """The options shared by `lint` and `report`."""
    options = [
        click.option("--select", multiple=True, help="Only these rules: codes, prefixes (JX1), names, groups; comma-separated."),
        click.option("--ignore", multiple=True, help="Also ignore these rules (same selectors)."),
        click.option("--strict", is_flag=True, help="Warnings fail the run too."),
        click.option("--stdin-filename", help="The path of the text read from `-`, for configuration and messages."),
        click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, exists=True),
                     help="Hide the findings accepted in this baseline file (docs/report.md)."),
        click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
                     help="Accept every finding of this run: write them to this baseline file."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar on standard error."),
        config_option, encoding_option, lang_option,
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _lint_run(
    paths: tuple[str, ...], output_format: str, select: tuple[str, ...], ignore: tuple[str, ...],
    stdin_filename: str | None, config_path: str | None, encoding: str | None, lang: str, quiet: bool,
    baseline_path: str | None, write_baseline_path: str | None,
):
    """Lint PATHS with progress on a terminal, then apply waivers: the run both commands share."""
    from pathlib import Path

    from linter.config import ConfigError
    from linter.engine import LintResult, Linter
    from linter.progress import Progress
    from linter.waivers import apply_waivers, load_baseline, write_baseline

    tune_gc()
    try:
        linter = Linter(lang, Path(config_path) if config_path else None, _selectors(select), _selectors(ignore))
        if output_format not in linter.registry.formatters:
            known = ", ".join(sorted(linter.registry.formatters))
            raise click.UsageError(f"unknown format '{output_format}' (known: {known})")
        _warn_plugin_errors(linter.registry, lang)
        result = LintResult(rules=linter.registry.rules)
        todo: list[object] = []
        for path in paths:
            if path != "-" and not Path(path).exists():
                raise click.UsageError(f"path '{path}' does not exist")
            todo.extend(["-"] if path == "-" else linter.discover([path]))
        progress = Progress(sys.stderr, len(todo), lang, enabled=not quiet)
        for item in todo:
            if item == "-":
                shown = stdin_filename or "<stdin>"
                file = linter.lint_bytes(sys.stdin.buffer.read(), shown, Path(stdin_filename or "."), encoding)
            else:
                file = linter.lint_path(item, encoding)  # type: ignore[arg-type]
            result.files.append(file)
            progress.advance(len(file.forms), len(file.diagnostics))
        progress.close()
        if write_baseline_path:
            # The new baseline replaces any old one: every finding no config waiver covers.
            unused = apply_waivers(result, [])
            target = Path(write_baseline_path)
            count = write_baseline(target, result.diagnostics)
            click.echo(linter.catalog.render("baseline.written", {"count": count, "path": target}), err=True)
            unused += apply_waivers(result, load_baseline(target), config=False)
        else:
            unused = apply_waivers(result, load_baseline(Path(baseline_path)) if baseline_path else [])
    except ConfigError as error:
        _fail_config(error, lang)
        raise
    for waiver in unused:
        click.echo(f"{waiver.origin}: " + linter.catalog.render("waiver.unused", {"waiver": waiver.describe()}), err=True)
    return linter, result


def _emit(linter, result, output_format: str, output: str | None, strict: bool) -> None:
    """Write the report to OUTPUT (atomically) or standard output, and exit with the run's code."""
    from pathlib import Path

    formatter = linter.registry.formatters[output_format]
    if output:
        from linter.report.write import write_report

        write_report(Path(output), formatter, result, linter.catalog)
    elif getattr(formatter, "binary", False) and sys.stdout.isatty():
        raise click.UsageError(f"format '{output_format}' is a binary file: write it with -o FILE")
    else:
        formatter(result, linter.catalog, sys.stdout)
    if result.internal_errors:
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_FINDINGS if result.failed(strict) else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "output_format", default="text", show_default=True,
              help="text, json, sarif, html, xlsx, or a plugin's format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file (replaced atomically).")
@_lint_options
def lint(
    paths: tuple[str, ...], output_format: str, output: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
    strict: bool, stdin_filename: str | None, baseline_path: str | None, write_baseline_path: str | None, quiet: bool,
    config_path: str | None, encoding: str | None, lang: str,
) -> None:
    """Lint forms in PATHS (files or folders; `-` reads standard input).

    Exit codes: 0 no error-level finding, 1 findings that fail the run,
    2 usage or configuration error, 3 internal error.
    """
    linter, result = _lint_run(
        paths, output_format, select, ignore, stdin_filename, config_path, encoding, lang, quiet, baseline_path, write_baseline_path,
    )
    _emit(linter, result, output_format, output, strict)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="review.html", show_default=True,
              help="The report file: .html for the review page, .xlsx for the findings workbook.")
@_lint_options
def report(
    paths: tuple[str, ...], output: str, select: tuple[str, ...], ignore: tuple[str, ...], strict: bool,
    stdin_filename: str | None, baseline_path: str | None, write_baseline_path: str | None, quiet: bool,
    config_path: str | None, encoding: str | None, lang: str,
) -> None:
    """Lint PATHS and write a review report: one self-contained HTML page (or an .xlsx workbook).

    Exit codes as for `lint`.
    """
    output_format = "xlsx" if output.lower().endswith(".xlsx") else "html"
    linter, result = _lint_run(
        paths, output_format, select, ignore, stdin_filename, config_path, encoding, lang, quiet, baseline_path, write_baseline_path,
    )
    _emit(linter, result, output_format, output, strict)


@main.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@config_option
@lang_option
def rules_command(output_format: str, config_path: str | None, lang: str) -> None:
    """List every rule: code, name, default severity, groups, and whether it is enabled here."""
    from pathlib import Path

    from linter.config import ConfigError, Resolver, Settings, rules_in_force
    from linter.plugins import load_registry

    registry = load_registry()
    _warn_plugin_errors(registry, lang)
    try:
        settings, _ = Resolver(registry, Path(config_path) if config_path else None, Settings()).settings_for(Path.cwd() / "x.txt")
        in_force = {item.rule.code: item for item in rules_in_force(settings, registry)}
    except ConfigError as error:
        _fail_config(error, lang)
        return
    rows = []
    for code, rule in sorted(registry.rules.items()):
        active = in_force.get(code)
        rows.append({
            "code": code, "name": rule.name, "severity": rule.severity, "groups": list(rule.groups),
            "enabled": active is not None, "severity_here": active.severity if active else "off",
            "origin": rule.origin, "summary": rule.summary,
        })
    if output_format == "json":
        import json

        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    from linter.text import display_width

    def pad(text: str, width: int) -> str:
        return text + " " * (width - display_width(text))

    header = ("代码", "名称", "默认级别", "分组", "本处") if lang == "zh" else ("code", "name", "default", "groups", "here")
    widths = (6, 36, 9, 26)
    click.echo("  ".join(pad(h, w) for h, w in zip(header, widths)) + "  " + header[4])
    for row in rows:
        here = row["severity_here"] if row["enabled"] else ("关闭" if lang == "zh" else "off")
        cells = (row["code"], row["name"], row["severity"], ",".join(row["groups"]))
        click.echo("  ".join(pad(str(c), w) for c, w in zip(cells, widths)) + "  " + here)


@main.command()
@click.argument("rule")
@lang_option
def explain(rule: str, lang: str) -> None:
    """Show the documentation of a rule, by code (JX105) or name."""
    from linter.plugins import load_registry

    registry = load_registry()
    found = registry.rule(rule)
    if found is None:
        import difflib

        names = [*registry.rules, *(r.name for r in registry.rules.values())]
        close = difflib.get_close_matches(rule, names, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise click.UsageError(f"unknown rule '{rule}'{hint}")
    click.echo(f"{found.code} {found.name}  [{found.severity}; {', '.join(found.groups)}; {found.origin}]\n")
    click.echo(found.docs.strip())
    if found.options:
        click.echo("\nOptions (defaults):")
        for name, option in found.options.items():
            click.echo(f"  {name} = {option.default!r}  ({option.kind}) {option.help}")
    click.echo("\nMessages:")
    for message_id in found.messages.get("zh", {}):
        click.echo(f"  {message_id}: {found.messages[lang][message_id]}")


@main.group()
def config() -> None:
    """Show the configuration in force for a file."""


def _settings_for(file: str, config_path: str | None, lang: str):
    from pathlib import Path

    from linter.config import ConfigError, Resolver, Settings, rules_in_force
    from linter.plugins import load_registry

    registry = load_registry()
    try:
        resolver = Resolver(registry, Path(config_path) if config_path else None, Settings())
        settings, source = resolver.settings_for(Path(file))
        return registry, settings, source, rules_in_force(settings, registry)
    except ConfigError as error:
        _fail_config(error, lang)
        raise


@config.command()
@click.argument("file", type=click.Path())
@config_option
@lang_option
def show(file: str, config_path: str | None, lang: str) -> None:
    """Print the effective configuration for FILE, as YAML."""
    import yaml

    from linter.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE

    registry, settings, source, in_force = _settings_for(file, config_path, lang)
    enabled = {item.rule.code: item for item in in_force}
    rules = {}
    for code, rule in sorted(registry.rules.items()):
        item = enabled.get(code)
        entry: dict[str, object] = {"name": rule.name, "severity": item.severity if item else "off"}
        if item and item.options:
            entry["options"] = {k: _plain(v) for k, v in item.options.items()}
        if settings.rules.get(code, {}).get("locked") is not None and settings.rules[code]["locked"].value:
            entry["locked"] = True
        rules[code] = entry
    out = {
        "file": file,
        "config": source,
        "include": list(settings.include.value if settings.include else DEFAULT_INCLUDE),
        "exclude": list(settings.exclude.value if settings.exclude else DEFAULT_EXCLUDE),
        "rules": rules,
    }
    click.echo(yaml.safe_dump(out, allow_unicode=True, sort_keys=False), nl=False)


@config.command(name="explain")
@click.argument("file", type=click.Path())
@config_option
@lang_option
def explain_config(file: str, config_path: str | None, lang: str) -> None:
    """For each setting in force for FILE, say which file and line set it."""
    from linter.config import DEFAULT

    registry, settings, source, in_force = _settings_for(file, config_path, lang)
    click.echo(f"{file}: {source or ('没有配置文件，使用默认值' if lang == 'zh' else 'no configuration file; defaults')}")
    for key in ("select", "ignore", "include", "exclude"):
        valued = getattr(settings, key)
        if valued is not None:
            click.echo(f"  {key} = {list(valued.value)}  ← {valued.origin}")
    for valued in settings.extend_select:
        click.echo(f"  extend-select += {list(valued.value)}  ← {valued.origin}")
    for valued in settings.extend_ignore:
        click.echo(f"  extend-ignore += {list(valued.value)}  ← {valued.origin}")
    enabled = {item.rule.code: item for item in in_force}
    for code, rule in sorted(registry.rules.items()):
        keys = settings.rules.get(code, {})
        item = enabled.get(code)
        severity = keys.get("severity")
        where = severity.origin if severity is not None else DEFAULT
        state = item.severity if item else "off"
        click.echo(f"  {code} {rule.name}: {state}  ← {where}")
        for key, valued in keys.items():
            if key.startswith("option:") or key == "locked":
                click.echo(f"      {key.removeprefix('option:')} = {_plain(valued.value)}  ← {valued.origin}")


def _plain(value: object) -> object:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


if __name__ == "__main__":
    main()
