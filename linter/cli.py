"""Command line. Heavy modules (lark, yaml, pluggy) are imported inside commands,
so `jxlint --version` and `--help` start fast.

Exit codes: 0 success; 1 findings that fail the run (parse diagnostics for
`parse`); 2 usage, configuration or environment error; 3 internal error;
130 interrupted.
"""

from __future__ import annotations

import os
import sys

import click

from linter import __version__
from linter.entry import tune_gc
from linter.shown import escaped, quoted

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

lang_option = click.option(
    "--lang", type=click.Choice(["zh", "en"]), default=lambda: os.environ.get("JXLINT_LANG", "zh"),
    show_default="zh", help="Message language / 提示语言 (or JXLINT_LANG).",
)


def _text_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from linter.decode import text_encoding

    if text_encoding(value) is None:
        raise click.BadParameter(f"'{quoted(value)}' is not the name of a text encoding (utf-8, gb18030, utf-16…)")
    return value


encoding_option = click.option(
    "--encoding", default=None, callback=_text_encoding, help="Force the input encoding (utf-8, gb18030, utf-16…).",
)


class ByteSize(click.ParamType):
    """A size in bytes: 1000, 64K, 64M, 1G (binary multiples)."""

    name = "size"
    _UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip().upper().removesuffix("B")
        unit = text[-1:] if text[-1:] in self._UNITS else ""
        number = text[: len(text) - len(unit)]
        if not number.isdigit() or int(number) == 0 or len(number) > 12:
            self.fail(f"'{value}' is not a size (1000, 64K, 64M, 1G)", param, ctx)
        return int(number) * self._UNITS[unit]


max_file_size_option = click.option(
    "--max-file-size", type=ByteSize(), default="64M", show_default=True,
    help="Files (and standard input) larger than this are reported, not read.",
)


class _Group(click.Group):
    """Any unexpected exception is an internal error: a clear message and exit code 3,
    never a bare traceback with an exit code that could be read as findings. The
    environment is not a bug: a closed or full output, a failed system call, exit 2
    (see `linter.console`); Ctrl-C, exit 130."""

    def invoke(self, ctx: click.Context):
        from linter import console

        console.tolerate_unshowable()
        try:
            try:
                return super().invoke(ctx)
            finally:
                console.flush()
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            sys.exit(console.interrupted())
        except OSError as error:
            sys.exit(console.environment_error(error))
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


def _no_plugins(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta["jxlint.no_plugins"] = True


no_plugins_option = click.option(
    "--no-plugins", is_flag=True, expose_value=False, callback=_no_plugins,
    help="Load no plugin, only jxlint's own rules and formats (or JXLINT_DISABLE_PLUGINS=1).",
)


def _load_registry(untrusted: tuple = ()):
    from linter.plugins import load_registry

    disabled = click.get_current_context().meta.get("jxlint.no_plugins", False)
    return load_registry(plugins=False if disabled else None, untrusted=untrusted)


@click.group(cls=_Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-V", "--version", "version", is_flag=True, help="Show the version and exit; with -v, the plugins loaded too.")
@click.option("-v", "--verbose", is_flag=True, help="With --version: list the plugins loaded.")
@no_plugins_option
@click.pass_context
def main(ctx: click.Context, version: bool, verbose: bool) -> None:
    """jxlint: lint 项目支出绩效自评表 (performance self-evaluation forms)."""
    if version:
        click.echo(f"jxlint, version {__version__}")
        if verbose:
            _echo_plugins(_load_registry())
        ctx.exit(0)
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
        ctx.exit(0)


def _echo_plugins(registry) -> None:
    from linter.plugins import DISABLE_VARIABLE

    if registry.disabled:
        click.echo(f"plugins: disabled (--no-plugins or {DISABLE_VARIABLE})")
        return
    click.echo(f"plugins: {len(registry.plugins)} loaded" + (":" if registry.plugins else ""))
    for plugin in registry.plugins:
        click.echo(f"  {plugin.name} = {plugin.value}  ({plugin.distribution})")
    for problem in registry.errors:
        click.echo(f"  {problem.name}: failed to load: {escaped(problem.error)}")
    for ignored in registry.ignored:
        click.echo(f"  {ignored}: ignored (found only in the current folder or a configuration's folder)")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "output_format", default="text", show_default=True, help="text (an outline), json (the AST), or a plugin's parse format.")
@max_file_size_option
@encoding_option
@lang_option
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="Write the output to FILE (whole or not at all) instead of standard output.",
)
@click.option("--template", help="Read every form with this template, not the detected one.")
@click.option("--pretty", is_flag=True, help="Indent the JSON for reading (default: compact, one line).")
def parse(
    files: tuple[str, ...], output_format: str, max_file_size: int, encoding: str | None, lang: str,
    output: str | None = None, template: str | None = None, pretty: bool = False,
) -> None:
    """Parse FILES and print the AST (JSON) or an outline (text). `-` reads standard input.
    Each form shows the template it was read with."""
    from linter.messages import Catalog
    from linter.reading import read_document
    from linter.report.formats import PARSE_FORMATS
    from linter.report.output import report_stream
    from linter.templates import builtin_templates

    tune_gc()
    _check_paths(files)
    _check_output(output)
    # The built-in formats without loading every plugin and rule (that is most of the start-up);
    # the registry only for another name.
    formatters = dict(PARSE_FORMATS)
    if output_format not in formatters:
        from linter.plugins import load_registry

        registry = load_registry()
        _warn_plugin_errors(registry, lang)
        formatters = registry.parse_formatters
    if output_format not in formatters:
        known = ", ".join(sorted(formatters))
        raise click.UsageError(f"unknown format '{quoted(output_format)}' (known: {known})")
    formatter = formatters[output_format]
    if pretty:
        if output_format != "json":
            raise click.UsageError("--pretty is for --format json")
        from linter.report.ast_json import format_ast_json_pretty as formatter
    if template is not None and builtin_templates().get(template) is None:
        known = ", ".join(item.id for item in builtin_templates())
        raise click.UsageError(f"unknown template '{quoted(template)}' (known: {known})")
    catalog = Catalog(lang)
    failed = False

    def documents():
        """Read one at a time, as the format asks: a built-in format drops each AST once
        written (outline) or turned into JSON data, so ASTs never pile up."""
        nonlocal failed
        for path in files:
            document = read_document(path, encoding, max_file_size, template=template)
            failed = failed or bool(document.problems or any(form.problems for form in document.forms))
            yield document

    # A plugin's format may index or iterate twice: it gets a list.
    given = documents() if formatters[output_format] is PARSE_FORMATS.get(output_format) else list(documents())
    with report_stream(output, output_format) as stream:
        formatter(given, catalog, stream)
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


def _check_paths(paths: tuple[str, ...]) -> None:
    """An empty path is a usage error (not the current folder); `-` needs standard input."""
    import errno

    from linter.console import stdin_available

    if "" in paths:
        raise click.UsageError("an empty path names no file; use . for the current folder")
    if "-" in paths and not stdin_available():
        raise OSError(errno.EBADF, "standard input is closed")


def _fail_config(error, lang: str) -> None:
    """A configuration error: file:line and the message, exit 2."""
    from linter.messages import Catalog

    message = Catalog(lang).render(error.message_id, error.args_)
    click.echo(escaped(f"{error.origin}: {message}"), err=True)
    sys.exit(EXIT_USAGE)


def _warn_plugin_errors(registry, lang: str) -> None:
    for problem in registry.errors:
        if lang == "zh":
            click.echo(f"jxlint: 插件「{problem.name}」加载失败，已跳过：{problem.error}", err=True)
        else:
            click.echo(f"jxlint: plugin '{problem.name}' failed to load and was skipped: {problem.error}", err=True)


def _selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _check_output(output: str | None) -> None:
    """Before any work: a report that could not be written is a usage error, not an internal one."""
    from pathlib import Path

    if output not in (None, "-") and not Path(output).resolve().parent.is_dir():
        raise click.UsageError(f"cannot write '{output}': folder '{Path(output).parent}' does not exist")


output_option = click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="Write the report to FILE (whole or not at all: a temporary file renamed) instead of standard output.",
)
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
        click.option("--follow-symlinks", is_flag=True, help="In folders, follow symbolic links that point outside the folder."),
        max_file_size_option,
        click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, exists=True),
                     help="Hide the findings accepted in this baseline file (docs/report.md)."),
        click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
                     help="Accept every finding of this run: write them to this baseline file."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar on standard error."),
        config_option, encoding_option, lang_option, no_plugins_option,
        click.option("--template", help="Read every form with this template (an id from `jxlint templates`), not the detected one."),
    ]
    for option in reversed(options):
        function = option(function)
    from linter.lint_command import run_options

    return run_options(function)


def _lint_and_exit(paths: tuple[str, ...], output_format: str, output: str | None, strict: bool, options: dict) -> None:
    """The run both `lint` and `report` make (linter/lint_command.py), then its exit code."""
    from linter.lint_command import run

    tune_gc()
    _check_paths(paths)
    disabled = click.get_current_context().meta.get("jxlint.no_plugins", False)
    sys.exit(run(paths, output_format, output, strict, options, plugins=False if disabled else None))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "output_format", default="text", show_default=True,
              help="text, json, jsonl, sarif, github, junit, gitlab, html, xlsx, or a plugin's format.")
@output_option
@_lint_options
def lint(paths: tuple[str, ...], output_format: str, output: str | None, strict: bool, **options) -> None:
    """Lint forms in PATHS (files or folders; `-` reads standard input).

    Exit codes: 0 no error-level finding, 1 findings that fail the run,
    2 usage, configuration or environment error, 3 internal error, 130 interrupted.
    """
    _check_output(output)
    _lint_and_exit(paths, output_format, output, strict, options)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="review.html", show_default=True,
              help="The report file: .html for the review page, .xlsx for the findings workbook.")
@_lint_options
def report(paths: tuple[str, ...], output: str, strict: bool, **options) -> None:
    """Lint PATHS and write a review report: one self-contained HTML page (or an .xlsx workbook).

    Exit codes as for `lint`.
    """
    _check_output(output)
    output_format = "xlsx" if output.lower().endswith(".xlsx") else "html"
    _lint_and_exit(paths, output_format, output, strict, options)


@main.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@config_option
@lang_option
@no_plugins_option
def rules_command(output_format: str, config_path: str | None, lang: str) -> None:
    """List every rule: code, name, default severity, groups, and whether it is enabled here."""
    from pathlib import Path

    from linter.config import ConfigError, Resolver, Settings, rules_in_force

    registry = _load_registry()
    _warn_plugin_errors(registry, lang)
    try:
        settings, _ = Resolver(registry, Path(config_path) if config_path else None, Settings()).settings_for(Path.cwd() / "x.txt")
        in_force = {item.rule.code: item for item in rules_in_force(settings, registry)}
    except ConfigError as error:
        _fail_config(error, lang)
        return
    template = str(settings.template.value) if settings.template is not None else None
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
    from linter.shown import display_width

    def pad(text: str, width: int) -> str:
        return text + " " * (width - display_width(text))

    if lang == "zh":
        click.echo(f"模板：{template or '按每张表的表名和表头自动识别'}")
    else:
        click.echo(f"template: {template or 'detected per form from its title and header'}")
    header = ("代码", "名称", "默认级别", "分组", "本处") if lang == "zh" else ("code", "name", "default", "groups", "here")
    widths = (6, 36, 9, 26)
    click.echo("  ".join(pad(h, w) for h, w in zip(header, widths)) + "  " + header[4])
    for row in rows:
        here = row["severity_here"] if row["enabled"] else ("关闭" if lang == "zh" else "off")
        cells = (row["code"], row["name"], row["severity"], ",".join(row["groups"]))
        click.echo("  ".join(pad(str(c), w) for c, w in zip(cells, widths)) + "  " + here)


@main.command(name="templates")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
def templates_command(output_format: str, lang: str) -> None:
    """List the form templates: id, family, what it reads, and whether its forms are linted."""
    from linter.plugins import load_registry

    registry = load_registry()
    _warn_plugin_errors(registry, lang)
    rows = [
        {
            "id": item.id, "family": item.family, "name": item.name(lang), "linted": item.lint,
            "extends": item.data.get("extends"), "source": item.source,
        }
        for item in registry.templates
    ]
    if output_format == "json":
        import json

        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        mark = "" if row["linted"] else ("（仅识别，不检查）" if lang == "zh" else " (recognised, not linted)")
        click.echo(f"{row['id']:<16}{row['family']:<5}{row['name']}{mark}")


@main.command()
@click.argument("rule")
@config_option
@lang_option
@no_plugins_option
def explain(rule: str, config_path: str | None, lang: str) -> None:
    """Show the documentation of a rule, by code (JX105) or name: in Chinese, or English with
    --lang en; rules written in YAML come from the configuration in force here (or --config)."""
    from pathlib import Path

    from linter.config import ConfigError, load_definitions

    registry = _load_registry()
    try:
        load_definitions(registry, Path(config_path) if config_path else None)
    except ConfigError as error:
        if registry.rule(rule) is None or config_path:
            _fail_config(error, lang)
    found = registry.rule(rule)
    if found is None:
        import difflib

        names = [*registry.rules, *(r.name for r in registry.rules.values())]
        close = difflib.get_close_matches(rule, names, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise click.UsageError(f"unknown rule '{quoted(rule)}'{hint}")
    from linter.rule_docs import explain_text

    click.echo(explain_text(found, lang, registry.messages))


@main.command()
@click.argument("folder", default=".", type=click.Path(exists=True, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite an existing .jxlint.yaml.")
@lang_option
@no_plugins_option
def init(folder: str, force: bool, lang: str) -> None:
    """Write FOLDER/.jxlint.yaml extending the rule set that fits its forms, and say why.

    Exit codes: 0 written, 2 the file exists (use --force) or cannot be written.
    """
    from pathlib import Path

    from linter.config import CONFIG_NAMES, DEFAULT_EXCLUDE, DEFAULT_INCLUDE
    from linter.init_config import CONFIG_NAME, BadMatch, choose, config_text, write_config
    from linter.messages import Catalog
    from linter.reading import read_document
    from linter.walk import Filter, discover

    registry = _load_registry()
    catalog = Catalog(lang)
    root = Path(folder)
    target = root / CONFIG_NAME
    existing = [root / name for name in CONFIG_NAMES if (root / name).exists()]
    if existing and not force:  # a jxlint.yaml too: a new .jxlint.yaml would silently take its place
        click.echo(catalog.render("init.exists", {"path": existing[0]}), err=True)
        sys.exit(EXIT_USAGE)
    rule_filter = Filter(DEFAULT_INCLUDE, DEFAULT_EXCLUDE, root.resolve())
    forms = []
    for path in discover([folder], lambda _: rule_filter):
        document = read_document(str(path), templates=registry.templates)
        forms += [form for form in document.forms if form.parsed and form.linted]
    try:
        choice = choose(forms, registry.rule_sets)
    except BadMatch as error:  # a plugin's rule set with a malformed `match:`
        click.echo(f"jxlint init: {error}", err=True)
        sys.exit(EXIT_USAGE)
    text = config_text(choice, Catalog("en"), Catalog("zh"))
    if not write_config(target, text, force):
        click.echo(catalog.render("init.exists", {"path": target}), err=True)
        sys.exit(EXIT_USAGE)
    click.echo(catalog.render("init.wrote", {"path": target, "rule_set": choice.rule_set}))
    if not forms:
        click.echo(catalog.render("init.no_forms", {"folder": folder}))
    else:
        click.echo(catalog.render("init.forms", {"count": choice.forms, "matched": choice.matched, "rule_set": choice.rule_set}))
    reasons = ("；" if lang == "zh" else "; ").join(catalog.render(message_id, {"value": value}) for message_id, value in choice.reasons)
    click.echo(catalog.render("init.because", {"reasons": reasons}))
    if choice.others:
        others = ", ".join(f"{name} ({count})" for name, count in choice.others.most_common())
        click.echo(catalog.render("init.mixed", {"others": others}))


@main.command()
@config_option
@lang_option
def lsp(config_path: str | None, lang: str) -> None:
    """Run the language server on standard input and output (for editors; docs/editors.md)."""
    from pathlib import Path

    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError as error:
        from linter.messages import Catalog
        from linter.report.catalog import MESSAGES

        catalog = Catalog(lang)
        catalog.add(MESSAGES)
        click.echo(catalog.render("lsp.missing_extra", {"module": error.name}), err=True)
        sys.exit(EXIT_USAGE)
    from linter.lsp.server import serve

    tune_gc()
    serve(lang, Path(config_path) if config_path else None)


@main.group()
def config() -> None:
    """Show the configuration in force for a file."""


def _settings_for(file: str, config_path: str | None, lang: str):
    from pathlib import Path

    from linter.config import ConfigError, Resolver, Settings, rules_in_force

    registry = _load_registry()
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
@no_plugins_option
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
        "template": str(settings.template.value) if settings.template is not None else "auto",
        "include": list(settings.include.value if settings.include else DEFAULT_INCLUDE),
        "exclude": list(settings.exclude.value if settings.exclude else DEFAULT_EXCLUDE),
        "rules": rules,
    }
    click.echo(yaml.safe_dump(out, allow_unicode=True, sort_keys=False), nl=False)


@config.command(name="explain")
@click.argument("file", type=click.Path())
@config_option
@lang_option
@no_plugins_option
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
