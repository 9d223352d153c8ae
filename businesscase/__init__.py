"""businesscase: the business case of online and blended help, year by year and per platform.

The layers, each importing only those before it:
`model` (parameters, units, formulas, lines, activities, catalogue, measures) <-
`scenario` (YAML files, extends, changes, messages, checks) <- `engine` (evaluation) <-
`analytics` (simulation, sensitivity, goal seek) <- `report` (tidy tables, comparison, trace,
inventory) <- `cli`. The views (`excel_export`, `dashboard`) use the names below, never the
modules behind them.

The names are loaded when first used (PEP 562), so a command loads only what it needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from businesscase.model.about import __version__

if TYPE_CHECKING:
    from businesscase.analytics.goal_seek import (
        GoalSeek,
        GoalSeekError,
        default_bounds,
        parameter_at,
        solve,
    )
    from businesscase.analytics.sensitivity import (
        MIN_SHARE_DRAWS,
        Analysis,
        Tornado,
        TornadoBar,
        analyse,
        tornado,
    )
    from businesscase.analytics.simulation import (
        DEFAULT_DRAWS,
        DEFAULT_SEED,
        MAX_DRAWS,
        RunRefused,
        Simulation,
        check_run,
        simulate,
    )
    from businesscase.engine import Pin, Results, evaluate, ranged_parameters
    from businesscase.model import measures
    from businesscase.model.catalogue import (
        COST_LINES,
        RESULT_LINES,
        SAVINGS_LINES,
        ActivityRef,
        activities,
    )
    from businesscase.model.descriptions import description_of
    from businesscase.model.domain import Domain, domain_at
    from businesscase.model.errors import KeyPath, Problem, ScenarioError, dotted, message_in
    from businesscase.model.lines import Kind, Line, LineSpec, Nature
    from businesscase.model.parameters import (
        Course,
        Param,
        Platform,
        Scenario,
        fraction_of_percent,
        number_text,
        percent_text,
    )
    from businesscase.model.schema import value_at
    from businesscase.model.units import LANGUAGES, Language, unit_text
    from businesscase.model.wording import Wording, text_in
    from businesscase.report.compare import Comparison, LineChange, compare, total_change
    from businesscase.report.files import write_atomically
    from businesscase.report.inventory import ParameterEntry, acting_inputs, parameter_entries
    from businesscase.report.parties import PARTY_NAMES, PartyFigure, parties
    from businesscase.report.saved_scenario import ScenarioNotSaved, save_child_scenario
    from businesscase.report.tidy import (
        cents,
        results_json,
        tidy,
        to_cents,
        value_steps,
        years_text,
    )
    from businesscase.report.trace import LineTrace, explain
    from businesscase.scenario.changes import AnyChange, Change
    from businesscase.scenario.lineage import LoadedScenario
    from businesscase.scenario.loading import load_scenario, load_scenario_bytes, with_changes
    from businesscase.scenario.scenario_yaml import dump_scenario

_WHERE: dict[str, tuple[str, str | None]] = {
    "ActivityRef": ("businesscase.model.catalogue", "ActivityRef"),
    "Analysis": ("businesscase.analytics.sensitivity", "Analysis"),
    "AnyChange": ("businesscase.scenario.changes", "AnyChange"),
    "COST_LINES": ("businesscase.model.catalogue", "COST_LINES"),
    "Change": ("businesscase.scenario.changes", "Change"),
    "Comparison": ("businesscase.report.compare", "Comparison"),
    "Course": ("businesscase.model.parameters", "Course"),
    "DEFAULT_DRAWS": ("businesscase.analytics.simulation", "DEFAULT_DRAWS"),
    "DEFAULT_SEED": ("businesscase.analytics.simulation", "DEFAULT_SEED"),
    "Domain": ("businesscase.model.domain", "Domain"),
    "GoalSeek": ("businesscase.analytics.goal_seek", "GoalSeek"),
    "GoalSeekError": ("businesscase.analytics.goal_seek", "GoalSeekError"),
    "KeyPath": ("businesscase.model.errors", "KeyPath"),
    "Kind": ("businesscase.model.lines", "Kind"),
    "LANGUAGES": ("businesscase.model.units", "LANGUAGES"),
    "Language": ("businesscase.model.units", "Language"),
    "Line": ("businesscase.model.lines", "Line"),
    "LineChange": ("businesscase.report.compare", "LineChange"),
    "LineSpec": ("businesscase.model.lines", "LineSpec"),
    "LineTrace": ("businesscase.report.trace", "LineTrace"),
    "LoadedScenario": ("businesscase.scenario.lineage", "LoadedScenario"),
    "MAX_DRAWS": ("businesscase.analytics.simulation", "MAX_DRAWS"),
    "MIN_SHARE_DRAWS": ("businesscase.analytics.sensitivity", "MIN_SHARE_DRAWS"),
    "Nature": ("businesscase.model.lines", "Nature"),
    "PARTY_NAMES": ("businesscase.report.parties", "PARTY_NAMES"),
    "Param": ("businesscase.model.parameters", "Param"),
    "ParameterEntry": ("businesscase.report.inventory", "ParameterEntry"),
    "PartyFigure": ("businesscase.report.parties", "PartyFigure"),
    "Pin": ("businesscase.engine", "Pin"),
    "Platform": ("businesscase.model.parameters", "Platform"),
    "Problem": ("businesscase.model.errors", "Problem"),
    "RESULT_LINES": ("businesscase.model.catalogue", "RESULT_LINES"),
    "Results": ("businesscase.engine", "Results"),
    "RunRefused": ("businesscase.analytics.simulation", "RunRefused"),
    "SAVINGS_LINES": ("businesscase.model.catalogue", "SAVINGS_LINES"),
    "Scenario": ("businesscase.model.parameters", "Scenario"),
    "ScenarioError": ("businesscase.model.errors", "ScenarioError"),
    "ScenarioNotSaved": ("businesscase.report.saved_scenario", "ScenarioNotSaved"),
    "Simulation": ("businesscase.analytics.simulation", "Simulation"),
    "Tornado": ("businesscase.analytics.sensitivity", "Tornado"),
    "TornadoBar": ("businesscase.analytics.sensitivity", "TornadoBar"),
    "Wording": ("businesscase.model.wording", "Wording"),
    "acting_inputs": ("businesscase.report.inventory", "acting_inputs"),
    "activities": ("businesscase.model.catalogue", "activities"),
    "analyse": ("businesscase.analytics.sensitivity", "analyse"),
    "cents": ("businesscase.report.tidy", "cents"),
    "check_run": ("businesscase.analytics.simulation", "check_run"),
    "compare": ("businesscase.report.compare", "compare"),
    "default_bounds": ("businesscase.analytics.goal_seek", "default_bounds"),
    "description_of": ("businesscase.model.descriptions", "description_of"),
    "domain_at": ("businesscase.model.domain", "domain_at"),
    "dotted": ("businesscase.model.errors", "dotted"),
    "dump_scenario": ("businesscase.scenario.scenario_yaml", "dump_scenario"),
    "evaluate": ("businesscase.engine", "evaluate"),
    "explain": ("businesscase.report.trace", "explain"),
    "fraction_of_percent": ("businesscase.model.parameters", "fraction_of_percent"),
    "load_scenario": ("businesscase.scenario.loading", "load_scenario"),
    "load_scenario_bytes": ("businesscase.scenario.loading", "load_scenario_bytes"),
    "measures": ("businesscase.model.measures", None),
    "message_in": ("businesscase.model.errors", "message_in"),
    "number_text": ("businesscase.model.parameters", "number_text"),
    "parameter_at": ("businesscase.analytics.goal_seek", "parameter_at"),
    "parameter_entries": ("businesscase.report.inventory", "parameter_entries"),
    "parties": ("businesscase.report.parties", "parties"),
    "percent_text": ("businesscase.model.parameters", "percent_text"),
    "ranged_parameters": ("businesscase.engine", "ranged_parameters"),
    "results_json": ("businesscase.report.tidy", "results_json"),
    "save_child_scenario": ("businesscase.report.saved_scenario", "save_child_scenario"),
    "simulate": ("businesscase.analytics.simulation", "simulate"),
    "solve": ("businesscase.analytics.goal_seek", "solve"),
    "text_in": ("businesscase.model.wording", "text_in"),
    "tidy": ("businesscase.report.tidy", "tidy"),
    "to_cents": ("businesscase.report.tidy", "to_cents"),
    "tornado": ("businesscase.analytics.sensitivity", "tornado"),
    "total_change": ("businesscase.report.compare", "total_change"),
    "unit_text": ("businesscase.model.units", "unit_text"),
    "value_at": ("businesscase.model.schema", "value_at"),
    "value_steps": ("businesscase.report.tidy", "value_steps"),
    "with_changes": ("businesscase.scenario.loading", "with_changes"),
    "write_atomically": ("businesscase.report.files", "write_atomically"),
    "years_text": ("businesscase.report.tidy", "years_text"),
}
"""Each public name: the module that defines it, and its name there (None: the module)."""


def __getattr__(name: str) -> Any:
    """Load a public name from its module the first time it is asked for."""
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(where[0])
    value = module if where[1] is None else getattr(module, where[1])
    globals()[name] = value
    return value


__all__ = [
    "COST_LINES",
    "DEFAULT_DRAWS",
    "DEFAULT_SEED",
    "LANGUAGES",
    "MAX_DRAWS",
    "MIN_SHARE_DRAWS",
    "PARTY_NAMES",
    "RESULT_LINES",
    "SAVINGS_LINES",
    "ActivityRef",
    "Analysis",
    "AnyChange",
    "Change",
    "Comparison",
    "Course",
    "Domain",
    "GoalSeek",
    "GoalSeekError",
    "KeyPath",
    "Kind",
    "Language",
    "Line",
    "LineChange",
    "LineSpec",
    "LineTrace",
    "LoadedScenario",
    "Nature",
    "Param",
    "ParameterEntry",
    "PartyFigure",
    "Pin",
    "Platform",
    "Problem",
    "Results",
    "RunRefused",
    "Scenario",
    "ScenarioError",
    "ScenarioNotSaved",
    "Simulation",
    "Tornado",
    "TornadoBar",
    "Wording",
    "__version__",
    "acting_inputs",
    "activities",
    "analyse",
    "cents",
    "check_run",
    "compare",
    "default_bounds",
    "description_of",
    "domain_at",
    "dotted",
    "dump_scenario",
    "evaluate",
    "explain",
    "fraction_of_percent",
    "load_scenario",
    "load_scenario_bytes",
    "measures",
    "message_in",
    "number_text",
    "parameter_at",
    "parameter_entries",
    "parties",
    "percent_text",
    "ranged_parameters",
    "results_json",
    "save_child_scenario",
    "simulate",
    "solve",
    "text_in",
    "tidy",
    "to_cents",
    "tornado",
    "total_change",
    "unit_text",
    "value_at",
    "value_steps",
    "with_changes",
    "write_atomically",
    "years_text",
]
