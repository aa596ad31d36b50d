"""The built-in rules and rule sets, registered through the same hooks as any plugin."""

from __future__ import annotations

from pathlib import Path

from linter.plugins import hookimpl

RULE_MODULES = (
    "jx000_unreadable_file", "jx001_parse_error", "jx002_no_form_found", "jx003_malformed_number",
    "jx004_missing_header_field", "jx005_missing_overall_goal", "jx006_placeholder_row",
    "jx007_duplicate_indicator", "jx008_invalid_indicator_hierarchy", "jx009_missing_indicator_section",
    "jx010_year_mismatch", "jx011_blank_required_cell", "jx012_template_instruction_text", "jx013_form_truncated", "jx014_form_not_linted", "jx015_template_uncertain",
    "jx101_funds_breakdown_mismatch", "jx102_execution_rate_mismatch", "jx103_execution_rate_wrong_base",
    "jx104_execution_over_budget", "jx105_execution_score_mismatch", "jx106_execution_points",
    "jx107_subrow_scored", "jx108_unit_scale_suspicious",
    "jx301_deduction_without_shortfall", "jx302_full_score_despite_shortfall",
    "jx303_proportional_score_mismatch", "jx304_qualitative_score_band", "jx305_actual_copied_from_target", "jx306_unit_mismatch", "jx307_unmeasurable_target",
    "jx308_over_achievement_unexplained",
    "jx201_points_total", "jx202_score_total_mismatch", "jx203_score_out_of_range", "jx204_section_weight",
    "jx401_missing_deviation_reason", "jx402_reason_without_deviation", "jx403_low_execution_unexplained",
    "jx501_grade_mismatch", "jx502_grade_missing", "jx601_inflated_self_score", "jx602_uniform_full_marks",
    "jx603_cost_indicator_vs_funds", "jx604_execution_rescored",
)
SETS = Path(__file__).parent / "sets"


@hookimpl
def jxlint_rules():
    # Rule objects from the metadata index (linter/rule_index.py): a module is imported
    # when its rule first runs, not on every start.
    from linter.rule_index import builtin_rules

    return builtin_rules(__name__, Path(__file__).parent, RULE_MODULES)


@hookimpl
def jxlint_rule_sets():
    return {path.stem: path for path in sorted(SETS.glob("*.yaml"))}
