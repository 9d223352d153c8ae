"""businesscase: the business case of online and blended help, year by year and per platform.

The layers, each importing only those before it:
`model` (parameters, units, formulas, lines, activities, catalogue, measures) <-
`scenario` (YAML files, extends, changes, messages, checks) <- `engine` (evaluation) <-
`analytics` (simulation, sensitivity, goal seek) <- `report` (tidy tables, comparison, trace,
inventory) <- `cli`. The views (`excel_export`, `dashboard`) use the names below, never the
modules behind them.
"""

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
from businesscase.model.about import __version__
from businesscase.model.catalogue import (
    COST_LINES,
    RESULT_LINES,
    SAVINGS_LINES,
    ActivityRef,
    activities,
)
from businesscase.model.domain import Domain, domain_at
from businesscase.model.errors import KeyPath, Problem, ScenarioError, dotted
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
from businesscase.report.compare import Comparison, LineChange, compare
from businesscase.report.files import write_atomically
from businesscase.report.inventory import ParameterEntry, acting_inputs, parameter_entries
from businesscase.report.parties import PARTY_NAMES, PartyFigure, parties
from businesscase.report.tidy import cents, results_json, tidy, to_cents, years_text
from businesscase.report.trace import LineTrace, explain
from businesscase.scenario.changes import AnyChange, Change
from businesscase.scenario.lineage import LoadedScenario
from businesscase.scenario.loading import load_scenario, load_scenario_bytes, with_changes
from businesscase.scenario.scenario_yaml import dump_scenario

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
    "Simulation",
    "Tornado",
    "TornadoBar",
    "__version__",
    "acting_inputs",
    "activities",
    "analyse",
    "cents",
    "check_run",
    "compare",
    "default_bounds",
    "domain_at",
    "dotted",
    "dump_scenario",
    "evaluate",
    "explain",
    "fraction_of_percent",
    "load_scenario",
    "load_scenario_bytes",
    "measures",
    "number_text",
    "parameter_at",
    "parameter_entries",
    "parties",
    "percent_text",
    "ranged_parameters",
    "results_json",
    "simulate",
    "solve",
    "tidy",
    "to_cents",
    "tornado",
    "unit_text",
    "value_at",
    "with_changes",
    "write_atomically",
    "years_text",
]
