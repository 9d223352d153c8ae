"""The parameter model: every input of the business case, typed, bounded and documented.

A parameter is written as a plain value (`hourly_wage: 75`), as a step function of the year
(`online_sessions: {1: 3, 3: 4}`: 3 from year 1, 4 from year 3 on), or as a block with its
source (`hourly_wage: {value: 75, source: "seed 002, appendix C, row Uurloon"}`).
Percentages accept 0.4 and "40%". Every number is read by one syntax (`decimal_text`: `75,5`
is 75.5; `1,500`, `7_5` and `0x4B` are refused with the reason). Unknown keys are errors. A name
or description may be written per language (`name: {en: Debt help, nl: Schuldhulp}`).

Each field is documented by the attribute docstring below it (its English description) and by
its Dutch description in `model/descriptions_nl.py`; `model/descriptions.py` reads both when a
description is first asked for, so starting the program parses no source. Every message a
validator gives is a `Wording`, in English and Dutch.

The annotations are evaluated as the classes are defined (no `from __future__ import
annotations`): pydantic would otherwise compile and evaluate each of the some 200 annotations
as text when it builds the models, 5 ms of every start.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Generic, Literal, Self, TypeVar

import numpy as np
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)

from businesscase.model.wording import Wording, numeral, say

MAX_HORIZON = 50


class Base(BaseModel):
    """Frozen and strict about unknown keys. Its fields are documented by attribute docstrings,
    which `model/descriptions.py` reads only when a description is asked for (pydantic's
    `use_attribute_docstrings` would parse this module's source at every start).

    Each model's validator is built when the model is first used (`defer_build`), not when the
    class is defined: a scenario is validated by `Scenario`'s validator, which holds those of
    its courses, platforms and parameters, so building each of the twenty models' own
    validator as well at import (a `Param[Money]`'s, a `Platform`'s, ...) was work that
    reading a file never used, 6 ms of every start. The validation is the same either way."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


MAX_NUMBER_TEXT = 40
"""Characters in a number written as text; far more than any amount needs."""
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_AMBIGUOUS = re.compile(r"([+-]?)0*(\d+),(\d{3})([eE][+-]?\d+)?", re.ASCII)
_OTHER_BASE = re.compile(r"[+-]?0[xXoObB][0-9a-fA-F_]+", re.ASCII)
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*(?:[.,]\d+)?", re.ASCII)


def is_number_text(text: str) -> bool:
    """Whether a text is written in the scenario format's number syntax (see `decimal_text`),
    leaving aside whether a decimal comma is ambiguous."""
    return _NUMBER.fullmatch(text.strip()) is not None


def decimal_text(text: str) -> str:
    """The number a text holds, written with a decimal point (`75,50` gives `75.50`); a
    ValueError saying how to write it otherwise.

    The one number syntax of scenario files and `--set`: digits with an optional sign, an
    optional decimal point or (Dutch) decimal comma, and an optional exponent: `75`, `-2`,
    `75.5`, `75,5`, `1e3`. A point is always the decimal separator (`1.500` is one and a half).
    A comma followed by exactly three digits (`1,500`) could mean thousands or decimals, so it
    is refused (write `1500` or `1.5`), as are thousands separators, underscores (`7_5`) and
    numbers in another base (`0x4B`, `0o17`, `0b11`)."""
    written = text.strip()
    if len(written) > MAX_NUMBER_TEXT:
        raise ValueError(
            say(
                "write a number of at most {most} characters",
                "schrijf een getal van hoogstens {most} tekens",
                most=MAX_NUMBER_TEXT,
            )
        )
    if _OTHER_BASE.fullmatch(written):
        try:
            shown: str = str(int(written, 0))
        except ValueError:
            shown = Wording("digits 0-9", "de cijfers 0-9")
        raise ValueError(
            say(
                "write the number in decimal digits ({shown}, not {written})",
                "schrijf het getal in gewone cijfers ({shown}, niet {written})",
                shown=shown,
                written=written,
            )
        )
    if "_" in written and _NUMBER.fullmatch(written.replace("_", "")):
        raise ValueError(
            say(
                "write the digits without '_' ({digits}, not {written})",
                "schrijf de cijfers zonder '_' ({digits}, niet {written})",
                digits=written.replace("_", ""),
                written=written,
            )
        )
    if not _NUMBER.fullmatch(written):
        if _THOUSANDS.fullmatch(written):
            raise ValueError(
                say(
                    "write the number without thousands separators (such as 1500 or 1500,5, "
                    "not {written})",
                    "schrijf het getal zonder scheidingstekens voor duizendtallen (zoals 1500 "
                    "of 1500,5, niet {written})",
                    written=written,
                )
            )
        raise ValueError(
            say(
                "write digits with an optional decimal point or comma: 75, 75.5 or 75,5",
                "schrijf cijfers, eventueel met een decimaalkomma of -punt: 75, 75,5 of 75.5",
            )
        )
    ambiguous = _AMBIGUOUS.fullmatch(written)
    if ambiguous and ambiguous.group(2) != "0":
        sign, whole, decimals, exponent = ambiguous.groups(default="")
        point = f".{decimals.rstrip('0')}" if decimals.rstrip("0") else ""
        raise ValueError(
            say(
                "{written} could mean thousands or decimals: write {thousands} or {decimal}",
                "{written} kan duizendtallen of decimalen betekenen: schrijf {thousands} of "
                "{decimal}",
                written=written,
                thousands=f"{sign}{whole}{decimals}{exponent}",
                decimal=numeral(f"{sign}{whole}{point}{exponent}"),
            )
        )
    return written.replace(",", ".")


def _number(value: Any) -> Any:
    """Every number field's reading: a number as YAML gave it, or a text in the number syntax
    of `decimal_text` (`75,5` is 75.5); true/false is refused (pydantic would read true as 1)."""
    if isinstance(value, bool):
        raise ValueError(
            say(
                "must be a number (got {value!r}, a yes/no value)",
                "moet een getal zijn (gegeven: {value!r}, een ja/nee-waarde)",
                value=value,
            )
        )
    if isinstance(value, str):
        try:
            text = decimal_text(value)
        except ValueError as error:
            raise ValueError(
                say(
                    "must be a number (got {shown!r}, a text); {reason}",
                    "moet een getal zijn (gegeven: {shown!r}, een tekst); {reason}",
                    shown=_cut(value),
                    reason=_reason(error),
                )
            ) from None
        return int(text) if text.lstrip("+-").isdigit() else float(text)
    return value


def _cut(text: str) -> str:
    """A text as a message quotes it: at most MAX_NUMBER_TEXT characters, then `...`."""
    return text if len(text) <= MAX_NUMBER_TEXT else f"{text[:MAX_NUMBER_TEXT]}..."


def _reason(error: Exception) -> str:
    """The message a number's error was raised with, its Dutch included; an arithmetic error
    (an exponent beyond what a decimal holds) says the number is too large."""
    said = error.args[0] if error.args else ""
    if isinstance(said, Wording):
        return said
    return Wording("the number is too large", "het getal is te groot")


def fraction_of_percent(percent: float | str) -> float:
    """A percentage as a fraction, decimal-exact: 0.07 (%) gives 0.0007, not the float
    division's 0.0007000000000000001."""
    return float(Decimal(str(percent)) / 100)


def percent_text(fraction: float) -> str:
    """A fraction written as a percentage that reads back to the same fraction: `45%`."""
    return f"{number_text(float(Decimal(repr(float(fraction))) * 100))}%"


def number_text(value: float) -> str:
    """A number as YAML reads it back exactly: `80`, `0.5`, never `8e+04`."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def _percentage(value: Any) -> Any:
    """Read "40%" (or "40,5%") as 0.4; a bare number is a fraction. The number is read as every
    number is (`decimal_text`); either must lie between 0% and 100%."""
    written = value
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            value = fraction_of_percent(decimal_text(value.strip()[:-1]))
        except (ArithmeticError, ValueError) as error:
            raise ValueError(
                say(
                    "must be a percentage such as 40% (got {shown!r}); {reason}",
                    "moet een percentage zijn, zoals 40% (gegeven: {shown!r}); {reason}",
                    shown=_cut(value),
                    reason=_reason(error),
                )
            ) from None
        if not 0 <= value <= 1:
            raise ValueError(
                say(
                    "must be between 0% and 100% (got {written!r})",
                    "moet tussen 0% en 100% liggen (gegeven: {written!r})",
                    written=written,
                )
            )
        return value
    value = _number(value)
    if isinstance(value, int | float) and value > 1:
        raise ValueError(
            say(
                "must be between 0% and 100% (got {value}; write {value}% or a fraction)",
                "moet tussen 0% en 100% liggen (gegeven: {value}; schrijf {value}% of een fractie)",
                value=value,
            )
        )
    return value


def _whole(value: float) -> float:
    if value != int(value):
        raise ValueError(
            say(
                "must be a whole number (got {value})",
                "moet een geheel getal zijn (gegeven: {value})",
                value=value,
            )
        )
    return value


@dataclass(frozen=True)
class WholeNumber:
    """Marks a type of whole numbers (a year, a count, a group size) in its metadata, so that
    the analytics can read it from the field: simulation draws whole numbers for a parameter of
    this type, and goal seek answers with a whole number."""


WHOLE = WholeNumber()

MAX_MONEY = 1e9
"""A billion euros: far above any amount of this case, low enough that no sum overflows."""

Number = Annotated[
    float, BeforeValidator(_number), Field(ge=-MAX_MONEY, le=MAX_MONEY, allow_inf_nan=False)
]
Money = Annotated[float, BeforeValidator(_number), Field(ge=0, le=MAX_MONEY, allow_inf_nan=False)]
PositiveMoney = Annotated[
    float, BeforeValidator(_number), Field(gt=0, le=MAX_MONEY, allow_inf_nan=False)
]
Hours = Annotated[float, BeforeValidator(_number), Field(ge=0, le=100_000, allow_inf_nan=False)]
Minutes = Annotated[float, BeforeValidator(_number), Field(ge=0, le=10_000, allow_inf_nan=False)]
Count = Annotated[
    float,
    BeforeValidator(_number),
    Field(ge=0, le=1_000_000, allow_inf_nan=False),
    AfterValidator(_whole),
    WHOLE,
]
GroupSize = Annotated[
    float,
    BeforeValidator(_number),
    Field(gt=0, le=10_000, allow_inf_nan=False),
    AfterValidator(_whole),
    WHOLE,
]
Percentage = Annotated[float, BeforeValidator(_percentage), Field(ge=0, le=1, allow_inf_nan=False)]


def _share(value: Any) -> Any:
    """Read a share as a percentage (`30%`, `0.3`) or as a fraction of whole numbers (`1/3`)."""
    if isinstance(value, str) and "/" in value:
        top, _, bottom = value.partition("/")
        if top.strip().isdigit() and bottom.strip().isdigit() and int(bottom) > 0:
            value = int(top) / int(bottom)
        else:
            raise ValueError(
                say(
                    "must be a share such as 30%, 0.3 or 1/3 (got {value!r})",
                    "moet een aandeel zijn, zoals 30%, 0,3 of 1/3 (gegeven: {value!r})",
                    value=value,
                )
            )
    return _percentage(value)


Share = Annotated[float, BeforeValidator(_share), Field(ge=0, le=1, allow_inf_nan=False)]
"""A part of a whole: `30%`, `0.3` or `1/3`."""
Contacts = Annotated[float, BeforeValidator(_number), Field(ge=0, le=10_000, allow_inf_nan=False)]
"""Contacts (sessions, e-mails, chats) per trajectory: an average, so not necessarily whole."""
Year = Annotated[int, BeforeValidator(_number), Field(ge=1, le=MAX_HORIZON), WHOLE]
Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=40)]
Text = Annotated[str, Field(max_length=2_000)]


class _Languages(Base):
    """A text written per language: `{en: Debt help, nl: Schuldhulp}`."""

    en: Text | None = None
    nl: Text | None = None


def _text_per_language(value: Any, handler: ValidatorFunctionWrapHandler) -> str:
    """A text as written (the same in every language), or a mapping of a text per language
    read into a `Wording`; a language left out takes the other's text. An unknown language or
    a text that is not one is reported at its key (`name.de`, `name.nl`)."""
    if not isinstance(value, dict):
        return handler(value)
    given = _Languages.model_validate(value)
    if given.en is None and given.nl is None:
        raise ValueError(say("give the text in en, nl or both", "geef de tekst in en, nl of beide"))
    english = given.en if given.en is not None else given.nl
    return Wording(str(english), given.nl if given.nl is not None else str(english))


@dataclass(frozen=True)
class PerLanguage:
    """Marks a text field that may be written per language (a name, a description)."""


PER_LANGUAGE = PerLanguage()

TextPerLanguage = Annotated[
    str, Field(max_length=2_000), WrapValidator(_text_per_language), PER_LANGUAGE
]
"""A name or description: a plain text, or `{en: ..., nl: ...}` (read into a `Wording`)."""

T = TypeVar("T")
Distribution = Literal["triangular", "pert", "uniform", "normal"]


class Param(Base, Generic[T]):
    """A parameter: one value for every year, or values by year that hold until the next listed
    year (a step function), with the document it comes from."""

    value: T | None = None
    """The value for every year."""
    by_year: dict[Year, T] | None = None
    """Values by first year, written `value: {1: 3, 3: 4}` or just `{1: 3, 3: 4}`: 3 in years
    1-2 and 4 from year 3 on. Every first year lies within the horizon."""
    source: Text | None = None
    """Where the value comes from: document, table, line."""
    low: T | None = None
    """Lowest plausible value, for simulation and sensitivity."""
    likely: T | None = None
    """Most likely value of a triangular or PERT range; the value itself if left out."""
    high: T | None = None
    """Highest plausible value, for simulation and sensitivity."""
    distribution: Distribution | None = None
    """How values spread between low and high: triangular (default), pert, uniform, or normal
    (around the likely value with standard deviation `sd`, cut off at low and high). A
    whole-number parameter (a year, a count of groups, sessions, days, staff or clients, a group
    size) draws whole numbers: the spread reaches half a unit beyond low and high and each draw
    is rounded to the nearest whole number, so every whole number from low to high is drawn,
    each as likely as the spread around it."""
    sd: Annotated[float, BeforeValidator(_number), Field(gt=0, allow_inf_nan=False)] | None = None
    """Standard deviation of a normal range, in the parameter's unit."""
    range_source: Text | None = None
    """Where the range comes from."""

    @model_validator(mode="before")
    @classmethod
    def _read_short_forms(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return {"value": data}
        if data and all(_is_year_key(k) for k in data):
            return {"by_year": data}
        if "value" in data and isinstance(data["value"], dict):
            data = dict(data)
            data["by_year"] = data.pop("value")
        return data

    @model_validator(mode="after")
    def _one_form(self) -> Self:
        if (self.value is None) == (self.by_year is None):
            raise ValueError(
                say(
                    "give either one value or values by year", "geef één waarde of waarden per jaar"
                )
            )
        if self.by_year is not None and 1 not in self.by_year:
            raise ValueError(
                say(
                    "values by year must start at year 1",
                    "waarden per jaar moeten bij jaar 1 beginnen",
                )
            )
        if self.has_range:
            self._check_range()
        return self

    @property
    def has_range(self) -> bool:
        """Whether a range or distribution is given."""
        return any(
            v is not None for v in (self.low, self.high, self.likely, self.distribution, self.sd)
        )

    def _check_range(self) -> None:
        if self.by_year is not None:
            raise ValueError(
                say(
                    "a range needs a single value, not values by year",
                    "een bandbreedte vraagt één waarde, geen waarden per jaar",
                )
            )
        if self.low is None or self.high is None:
            raise ValueError(
                say(
                    "a range needs both low and high",
                    "een bandbreedte vraagt zowel `low` als `high`",
                )
            )
        low, high, value = float(self.low), float(self.high), float(self.value)  # type: ignore[arg-type]
        likely = float(self.likely) if self.likely is not None else value  # type: ignore[arg-type]
        if not low <= likely <= high or not low <= value <= high:
            raise ValueError(
                say(
                    "needs low <= value <= high and low <= likely <= high (got low {low:g}, "
                    "value {value:g}, likely {likely:g}, high {high:g})",
                    "vraagt `low` <= `value` <= `high` en `low` <= `likely` <= `high` (gegeven: "
                    "`low` {low:g}, `value` {value:g}, `likely` {likely:g}, `high` {high:g})",
                    low=low,
                    value=value,
                    likely=likely,
                    high=high,
                )
            )
        if (self.distribution == "normal") != (self.sd is not None):
            raise ValueError(
                say(
                    "sd goes with distribution: normal, and a normal range needs sd",
                    "`sd` hoort bij `distribution: normal`, en een normale verdeling vraagt `sd`",
                )
            )

    @property
    def most_likely(self) -> float:
        """The likely value of the range (the value itself if none is given)."""
        return float(self.likely if self.likely is not None else self.value)  # type: ignore[arg-type]

    def per_year(self, horizon: int) -> np.ndarray:
        """The value in each year 1..horizon as a float array."""
        if self.by_year is None:
            return np.full(horizon, float(self.value))  # type: ignore[arg-type]
        result = np.empty(horizon)
        for year in range(1, horizon + 1):
            first = max(y for y in self.by_year if y <= year)
            result[year - 1] = float(self.by_year[first])  # type: ignore[arg-type]
        return result

    def describe(self) -> str:
        """The value as written: `75` or `{1: 3, 3: 4}`."""
        if self.by_year is None:
            if self.has_range:
                spread = self.distribution or "triangular"
                return f"{_short(self.value)} ({spread} {_short(self.low)}-{_short(self.high)})"
            return _short(self.value)
        return "{" + ", ".join(f"{y}: {_short(v)}" for y, v in sorted(self.by_year.items())) + "}"


def _is_year_key(key: Any) -> bool:
    """Whether a key is meant as a year: a whole number, or a text that starts like a number
    (`"3"`, and `0x3` too, which the year's number syntax then refuses with its reason)."""
    return (isinstance(key, int) and not isinstance(key, bool)) or (
        isinstance(key, str) and re.match(r"\s*[+-]?[0-9]", key) is not None
    )


def _short(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def param(
    label: str, label_nl: str, unit: str, *, amounts_by_year: bool = False, **kwargs: Any
) -> Any:
    """A field with the label and unit that the CLI, the app and the workbook show;
    `amounts_by_year` marks amounts paid in named years (0 in the others)."""
    extra: dict[str, Any] = {"label_nl": label_nl, "unit": unit}
    if amounts_by_year:
        extra["amounts_by_year"] = True
    return Field(title=label, json_schema_extra=extra, **kwargs)


class Growth(Base):
    """New groups reached from a given year: they cost staff time and save follow-up time."""

    from_year: Param[Year] = param(
        "Growth from year", "Groei vanaf jaar", "year", default_factory=lambda: Param(value=3)
    )
    """First year in which the new groups run (within the horizon)."""
    groups_per_year: Param[Count] = param(
        "New groups per year", "Nieuwe groepen per jaar", "groups"
    )
    """Extra groups (courses) run each year from `from_year` on."""
    hours_saved_per_new_participant: Param[Hours] = param(
        "Hours saved per new participant", "Bespaarde uren per nieuwe deelnemer", "h"
    )
    """Social-work hours each new participant saves (referral, explanation and guidance)."""
    offline_sessions: Param[Count] | None = param(
        "Offline sessions per new course",
        "Offline sessies per nieuwe cursus",
        "sessions",
        default=None,
    )
    """Offline sessions of a new course; if left out, those of the course in that year."""
    online_sessions: Param[Count] | None = param(
        "Online sessions per new course",
        "Online sessies per nieuwe cursus",
        "sessions",
        default=None,
    )
    """Online sessions of a new course; if left out, those of the course in that year."""
    online_minutes_per_participant: Param[Minutes] | None = param(
        "Minutes per participant per online session (new courses)",
        "Minuten per deelnemer per online sessie (nieuwe cursussen)",
        "min",
        default=None,
    )
    """Minutes per participant per online session of a new course; if left out,
    minutes per participant x (1 - online efficiency)."""


class Course(Base):
    """A course (training) run in groups, part of which moves online."""

    name: TextPerLanguage = param("Course name", "Naam cursus", "")
    """The name shown in tables and charts."""
    group_size: Param[GroupSize] = param(
        "Participants per group", "Deelnemers per groep", "participants"
    )
    """Participants in one group (the maximum group size)."""
    minutes_per_participant: Param[Minutes] = param(
        "Individual time per participant per session",
        "Individuele tijd per deelnemer per sessie",
        "min",
    )
    """Minutes of the course leader's time per participant per group session today."""
    groups_per_year: Param[Count] = param("Groups per year", "Groepen per jaar", "groups")
    """Groups (courses) run each year."""
    offline_sessions: Param[Count] = param(
        "Offline sessions per course", "Offline sessies per cursus", "sessions"
    )
    """Face-to-face sessions per course."""
    online_sessions: Param[Count] = param(
        "Online sessions per course", "Online sessies per cursus", "sessions"
    )
    """Sessions per course offered online."""
    offline_time_gain: Param[Percentage] = param(
        "Time gain in offline sessions", "Tijdswinst offline sessies", "%"
    )
    """Share of an offline session's time saved because the information is also online."""
    online_efficiency: Param[Percentage] = param(
        "Efficiency of online vs offline contact", "Efficiëntie contact online vs offline", "%"
    )
    """Share of a session's time saved when the session is online."""
    offline_preparation_hours: Param[Hours] = param(
        "Extra preparation per offline session", "Extra voorbereidingstijd per offline sessie", "h"
    )
    """Hours to plan a group meeting, on top of the time already reserved."""
    online_preparation_hours: Param[Hours] = param(
        "Extra preparation per online session", "Extra voorbereidingstijd per online sessie", "h"
    )
    """Hours to prepare an online session."""
    referral_hours_per_participant: Param[Hours] = param(
        "Follow-up hours saved per participant", "Bespaarde uren vervolgtraject per deelnemer", "h"
    )
    """Hours of individual follow-up saved per participant, because it can refer back to the
    course."""
    growth: Growth | None = None
    """New groups of this course from a given year (leave out for none)."""


CostItem = Literal[
    "development",
    "training_cash",
    "training_staff_time",
    "licence",
    "hosting",
    "other_recurring",
    "one_off",
    "fees",
    "platform_hours",
]
"""The cost items of a platform whose nature a scenario may set."""


class Platform(Base):
    """A platform scenario: what it costs to build, train for, license and run the platform."""

    name: TextPerLanguage = param("Platform name", "Naam platform", "")
    """The name shown in tables and charts."""
    description: TextPerLanguage = param("Description", "Omschrijving", "", default="")
    """A sentence on what this platform scenario means."""
    average_of: list[Identifier] | None = param(
        "Average of", "Gemiddelde van", "platforms", default=None
    )
    """If given, this scenario's costs are the mean of these platform scenarios' costs."""
    development_cost: Param[Money] = param(
        "Development", "Ontwikkelkosten", "EUR", default_factory=lambda: Param(value=0.0)
    )
    """One-off cost of building the platform or its new functions (VAT included)."""
    development_year: Param[Year] = param(
        "Development in year",
        "Ontwikkeling in jaar",
        "year",
        default_factory=lambda: Param(value=1),
    )
    """The year in which the development is paid (within the horizon)."""
    purchase_and_training: Param[Money] = param(
        "Purchase and training",
        "Aanschaf platform en training",
        "EUR",
        default_factory=lambda: Param(value=0.0),
    )
    """A lump sum for buying the platform and training staff (VAT included)."""
    trainer_days: Param[Count] = param(
        "Trainer days", "Trainingsdagen", "days", default_factory=lambda: Param(value=0.0)
    )
    """Days of external training bought."""
    trainer_day_rate: Param[Money] = param(
        "Price per trainer day",
        "Prijs per trainingsdag",
        "EUR/day",
        default_factory=lambda: Param(value=0.0),
    )
    """Price of one training day, VAT excluded."""
    staff_trained: Param[Count] = param(
        "Staff trained", "Medewerkers getraind", "staff", default_factory=lambda: Param(value=0.0)
    )
    """Staff who attend the training (their hours are paid at the hourly wage)."""
    training_hours_per_staff: Param[Hours] = param(
        "Training hours per staff member",
        "Trainingsuren per medewerker",
        "h",
        default_factory=lambda: Param(value=0.0),
    )
    """Hours each trained staff member spends in training."""
    training_spread_years: Param[Year] = param(
        "Training spread over",
        "Training verdeeld over",
        "years",
        default_factory=lambda: Param(value=1),
    )
    """The purchase and training cost is spread evenly over this many years from year 1 (at
    most the horizon, so all of it is counted)."""
    licence_per_client: Param[Money] = param(
        "Licence per client per year",
        "Licentie per cliënt per jaar",
        "EUR/client",
        default_factory=lambda: Param(value=0.0),
    )
    """Licence price per client per year, VAT excluded."""
    licence_clients: Param[Count] = param(
        "Clients licensed",
        "Cliënten in licentie",
        "clients",
        default_factory=lambda: Param(value=0.0),
    )
    """Number of clients the licence is paid for."""
    round_licence_to_euro: bool = param(
        "Round licence to whole euros", "Licentie afronden op hele euro's", "", default=False
    )
    """Round the per-client licence to whole euros, as the published sheet does (3,485)."""
    licence_per_year: Param[Money] = param(
        "Fixed licence per year",
        "Vaste licentie per jaar",
        "EUR/year",
        default_factory=lambda: Param(value=0.0),
    )
    """A fixed licence fee per year (VAT included), on top of any per-client licence."""
    hosting_per_year: Param[Money] = param(
        "Hosting per year", "Hosting per jaar", "EUR/year", default_factory=lambda: Param(value=0.0)
    )
    """Hosting costs per year."""
    other_recurring_per_year: Param[Money] = param(
        "Other recurring costs per year",
        "Overige terugkerende kosten per jaar",
        "EUR/year",
        default_factory=lambda: Param(value=0.0),
    )
    """Other recurring costs per year (maintenance, support contracts)."""
    one_off_per_institution: Param[Money] = param(
        "One-off price per institution",
        "Eenmalige prijs per instelling",
        "EUR",
        default_factory=lambda: Param(value=0.0),
    )
    """The platform's one-off price for the organisation (Klik voor Hulp: 6,000-10,000)."""
    one_off_per_account: Param[Money] = param(
        "One-off price per account",
        "Eenmalige prijs per account",
        "EUR/account",
        default_factory=lambda: Param(value=0.0),
    )
    """The one-off price of each worker's account (Klik voor Hulp: 100-200)."""
    accounts: Param[Count] = param(
        "Worker accounts",
        "Accounts medewerkers",
        "accounts",
        default_factory=lambda: Param(value=0.0),
    )
    """Worker accounts bought."""
    licence_share_of_purchase: Param[Percentage] = param(
        "Licence as a share of the purchase",
        "Licentie als deel van de aanschaf",
        "%",
        default_factory=lambda: Param(value=0.0),
    )
    """A licence per year from year 2 on, as a share of the purchase (one-off price per
    institution plus the accounts); Klik voor Hulp: 20%."""
    training_group_size: Param[GroupSize] = param(
        "Staff per training group",
        "Medewerkers per trainingsgroep",
        "staff",
        default_factory=lambda: Param(value=1.0),
    )
    """Staff trained together in one group; the groups needed are rounded up."""
    training_price_per_group: Param[Money] = param(
        "Training price per group",
        "Trainingsprijs per groep",
        "EUR/group",
        default_factory=lambda: Param(value=0.0),
    )
    """Price of training one group (Klik voor Hulp: 2,400 for 2 days, 8 staff)."""
    fee_per_inhabitant: Param[Money] = param(
        "Fee per inhabitant per year",
        "Bijdrage per inwoner per jaar",
        "EUR/inhabitant",
        default_factory=lambda: Param(value=0.0),
    )
    """A yearly fee per inhabitant of the area served (the Limburg cooperative: 0.05)."""
    inhabitants: Param[Count] = param(
        "Inhabitants", "Inwoners", "inhabitants", default_factory=lambda: Param(value=0.0)
    )
    """Inhabitants of the area the organisation serves."""
    hours_per_week: Param[Hours] = param(
        "Staff hours per week for the platform",
        "Uren per week voor het platform",
        "h",
        default_factory=lambda: Param(value=0.0),
    )
    """Staff hours the organisation gives the platform each week (the Limburg cooperative:
    3.5, quarterly meetings included), paid at the hourly wage."""
    weeks_per_year: Param[Count] = param(
        "Weeks per year", "Weken per jaar", "weeks", default_factory=lambda: Param(value=52.0)
    )
    """Weeks a year in which those hours are given."""
    natures: dict[CostItem, Literal["cash", "staff_time"]] = param(
        "Nature of cost items", "Aard van kostenposten", "", default_factory=dict
    )
    """Cost items paid otherwise than usual: `{development: staff_time}` for a development
    built by the organisation's own staff. Every item has its nature by default: development,
    purchase, trainers, licences, hosting, fees, other costs are cash; implementation,
    training hours, platform hours and the new courses are staff time."""
    licence_clients_from_activities: bool = param(
        "Clients licensed follow the activities",
        "Cliënten in licentie volgen de activiteiten",
        "",
        default=False,
    )
    """Count the licensed clients from the activities (every course participant and the
    trajectories on routes that use the platform) instead of `licence_clients`, so the
    licence follows the volume."""
    one_off_costs: dict[Year, Money] = param(
        "One-off costs by year",
        "Eenmalige kosten per jaar",
        "EUR",
        amounts_by_year=True,
        default_factory=dict,
    )
    """Other one-off costs, by the year they are paid (within the horizon): {2: 5000}."""

    @model_validator(mode="after")
    def _average_has_no_costs(self) -> Self:
        if self.average_of is not None:
            own = self.model_fields_set - {"name", "description", "average_of"}
            if own:
                keys = ", ".join(sorted(own))
                raise ValueError(
                    say(
                        "an average platform takes its costs from others; remove {keys}",
                        "een gemiddeld platform neemt zijn kosten van de andere; verwijder {keys}",
                        keys=keys,
                    )
                )
            if len(self.average_of) < 1:
                raise ValueError(
                    say(
                        "average_of must name at least one platform",
                        "`average_of` moet minstens één platform noemen",
                    )
                )
        return self


class Route(Base):
    """One way a trajectory can run (face-to-face, blended, online): its share of the
    trajectories by year and its contacts per trajectory."""

    share: Param[Share] | None = param(
        "Share of trajectories", "Aandeel trajecten", "%", default=None
    )
    """Share of this type's trajectories that take this route, by year (the adoption ramp);
    the shares of a type's routes add up to 100% in every year. The route before (the
    baseline) may leave its share out: it then takes the rest, so another route's share can
    carry a range or be goal-sought."""
    f2f_sessions: Param[Contacts] = param(
        "Face-to-face sessions per trajectory",
        "Face-to-face gesprekken per traject",
        "sessions",
        default_factory=lambda: Param(value=0.0),
    )
    """Face-to-face sessions attended per trajectory."""
    emails: Param[Contacts] = param(
        "E-mails per trajectory",
        "E-mails per traject",
        "contacts",
        default_factory=lambda: Param(value=0.0),
    )
    """E-mails the worker writes per trajectory."""
    chats: Param[Contacts] = param(
        "Chats per trajectory",
        "Chats per traject",
        "contacts",
        default_factory=lambda: Param(value=0.0),
    )
    """Chat sessions per trajectory."""
    video_sessions: Param[Contacts] = param(
        "Video sessions per trajectory",
        "Videogesprekken per traject",
        "sessions",
        default_factory=lambda: Param(value=0.0),
    )
    """Video sessions per trajectory."""
    uses_platform: bool | None = param(
        "Uses the platform", "Gebruikt het platform", "", default=None
    )
    """Whether this route's clients have a platform account (for a licence per client tied to
    volume); if left out, a route with e-mails, chats or video sessions does."""

    def on_platform(self) -> bool:
        """Whether this route's clients count for a licence per client."""
        if self.uses_platform is not None:
            return self.uses_platform
        contacts = (self.emails, self.chats, self.video_sessions)
        return any(float(np.max(c.per_year(MAX_HORIZON))) > 0 for c in contacts)


class TrajectoryType(Base):
    """A kind of individual help (psychosocial, debt): trajectories per year, and the routes
    they take, with the contact times every route shares."""

    name: TextPerLanguage = param("Trajectory type", "Soort traject", "")
    """The name shown in tables and charts."""
    description: TextPerLanguage = param("Description", "Omschrijving", "", default="")
    """What this kind of help is, in a sentence."""
    trajectories_per_year: Param[Count] = param(
        "Trajectories per year", "Trajecten per jaar", "trajectories"
    )
    """Trajectories (clients helped) of this type each year."""
    contact_minutes: Param[Minutes] = param(
        "Minutes per face-to-face session", "Minuten per face-to-face gesprek", "min"
    )
    """Length of one face-to-face session."""
    report_minutes: Param[Minutes] = param(
        "Report minutes per session", "Verslagminuten per gesprek", "min"
    )
    """Write-up per face-to-face session."""
    planning_minutes: Param[Minutes] = param(
        "Planning minutes per booked session", "Planminuten per geboekt gesprek", "min"
    )
    """Making an appointment, per booked face-to-face session (attended or not)."""
    no_show_rate: Param[Percentage] = param("No-show rate", "No-show", "%")
    """Share of booked face-to-face sessions that the client does not attend."""
    no_show_lost_share: Param[Percentage] = param(
        "Time lost per no-show", "Tijdverlies per no-show", "%"
    )
    """Share of a missed session's time that is lost (the rest is used for other work)."""
    home_visit_share: Param[Share] = param("Home visits", "Huisbezoeken", "%")
    """Share of face-to-face sessions held at the client's home."""
    travel_minutes_per_visit: Param[Minutes] = param(
        "Travel per home visit", "Reistijd per huisbezoek", "min"
    )
    """Travel per home visit, there and back."""
    email_minutes: Param[Minutes] = param(
        "Minutes per e-mail", "Minuten per e-mail", "min", default_factory=lambda: Param(value=0.0)
    )
    """Worker minutes per e-mail."""
    chat_minutes: Param[Minutes] = param(
        "Minutes per chat", "Minuten per chat", "min", default_factory=lambda: Param(value=0.0)
    )
    """Worker minutes per chat session."""
    video_minutes: Param[Minutes] = param(
        "Minutes per video session",
        "Minuten per videogesprek",
        "min",
        default_factory=lambda: Param(value=0.0),
    )
    """Worker minutes per video session."""
    client_travel_minutes: Param[Minutes] = param(
        "Client's travel per office visit",
        "Reistijd cliënt per bezoek aan kantoor",
        "min",
        default_factory=lambda: Param(value=0.0),
    )
    """The client's travel to a face-to-face session at the office, there and back (home
    visits cost the client no travel); 0 leaves the clients' travel out."""
    baseline_route: Identifier = param("Route before", "Route vooraf", "", default="f2f")
    """The route every trajectory took before online help: savings are measured against it."""
    routes: dict[Identifier, Route] = param("Routes", "Routes", "", min_length=1)
    """The routes, by id (`f2f`, `blended`, `online`, ...)."""

    @model_validator(mode="after")
    def _routes_fit(self) -> Self:
        if self.baseline_route not in self.routes:
            raise ValueError(
                say(
                    "baseline_route {route!r} is not one of the routes ({known})",
                    "`baseline_route` {route!r} is geen van de routes ({known})",
                    route=self.baseline_route,
                    known=", ".join(self.routes),
                )
            )
        if float(np.max(self.no_show_rate.per_year(MAX_HORIZON))) >= 1:
            raise ValueError(
                say(
                    "no_show_rate must be below 100% (a session is never attended)",
                    "`no_show_rate` moet onder 100% liggen (anders wordt geen enkel gesprek "
                    "bijgewoond)",
                )
            )
        for route_id, route in self.routes.items():
            if route.share is None and route_id != self.baseline_route:
                raise ValueError(
                    say(
                        "route {route!r} needs a share; only the route before ({before}) may "
                        "leave it out and take the rest",
                        "route {route!r} heeft een aandeel (`share`) nodig; alleen de route "
                        "vooraf ({before}) mag het weglaten en neemt dan de rest",
                        route=route_id,
                        before=self.baseline_route,
                    )
                )
        given = [route.share for route in self.routes.values() if route.share is not None]
        shares = np.asarray(sum((share.per_year(MAX_HORIZON) for share in given), np.zeros(1)))
        rest = self.routes[self.baseline_route].share is None
        off = np.flatnonzero(shares > 1 + 1e-9) if rest else np.flatnonzero(abs(shares - 1) > 1e-9)
        if off.size:
            raise ValueError(
                say(
                    "the shares of the routes must add up to {rule} in every year "
                    "(year {year}: {total:.4%})",
                    "de aandelen van de routes moeten in elk jaar samen {rule} zijn "
                    "(jaar {year}: {total:.4%})",
                    rule=Wording("at most 100%", "hoogstens 100%") if rest else "100%",
                    year=int(off[0]) + 1,
                    total=float(shares[off[0]]),
                )
            )
        ranged = [share for share in given if share.has_range]
        if ranged and not rest:
            raise ValueError(
                say(
                    "a share with a range needs the route before ({before}) to take the rest: "
                    "leave its share out",
                    "een aandeel met een bandbreedte vraagt dat de route vooraf ({before}) de "
                    "rest neemt: laat het aandeel van die route weg",
                    before=self.baseline_route,
                )
            )
        return self


FundingRegime = Literal["lump_sum", "per_trajectory", "bought_hours", "per_client_repriced"]


class Funding(Base):
    """How the organisation is funded (seed 002, lines 1351, 1751, 1859, 2043-2051, 2299-2315,
    3619-3623, 5549-5555), and so what a saving does to its income."""

    regime: FundingRegime = param("Funding regime", "Financieringsvorm", "", default="lump_sum")
    """`lump_sum`: a budget; a saving changes no income. `per_trajectory`: paid per
    trajectory; the extra trajectories from redeployed hours earn `price_per_trajectory`.
    `bought_hours`: the funder buys the group-work hours the named courses took before; in
    each year the hours freed in their group sessions (online efficiency, scheduling, offline
    time gain) less the hours of the new groups run is repaid at `price_per_hour`, and more
    hours than bought earn nothing extra. `per_client_repriced`: paid per client; the saving
    stays until the price is reset after `repricing_after_years`, then goes to the funder."""
    price_per_hour: Param[Money] = param(
        "Price per bought hour",
        "Prijs per ingekocht uur",
        "EUR/h",
        default_factory=lambda: Param(value=0.0),
    )
    """What the funder pays for an hour of group work (`bought_hours`)."""
    courses: list[Identifier] | None = param(
        "Courses whose hours are bought", "Cursussen met ingekochte uren", "", default=None
    )
    """The courses whose group-work hours the funder buys; every course if left out."""
    price_per_trajectory: Param[Money] = param(
        "Price per trajectory",
        "Prijs per traject",
        "EUR/trajectory",
        default_factory=lambda: Param(value=0.0),
    )
    """What the funder pays for one trajectory (`per_trajectory`)."""
    repricing_after_years: Param[Year] = param(
        "Price reset after",
        "Prijs herzien na",
        "years",
        default_factory=lambda: Param(value=3),
    )
    """Years after which the price per client is reset to the lower cost
    (`per_client_repriced`)."""


class Override(Base):
    """Pins a computed line to a fixed value in given years, with the reason; results mark it."""

    line: Annotated[str, Field(min_length=1, max_length=200)]
    """The line to pin, as `explain` names it: `ass_jv.scheduling_saving`."""
    value: Number
    """The value the line takes in the pinned years."""
    years: list[Year] | None = None
    """The years pinned, each within the horizon; every year if left out (an empty list is
    refused: it would pin every year too)."""
    reason: Annotated[str, Field(min_length=1, max_length=2_000)]
    """Why the computed value is replaced (for example an erratum of the printed sheet)."""

    @field_validator("years")
    @classmethod
    def _years_listed(cls, years: list[int] | None) -> list[int] | None:
        if years is not None and not years:
            raise ValueError(
                say(
                    "list the years to pin, or leave `years` out to pin every year",
                    "noem de jaren die vastgezet worden, of laat `years` weg om elk jaar vast te "
                    "zetten",
                )
            )
        return years


class Scenario(Base):
    """A whole business case: wages, courses, platform scenarios, horizon and overrides.
    Numbers are written in one syntax everywhere (files and `--set`): digits with an optional
    sign, decimal point or decimal comma, and exponent (`75`, `-2`, `75.5`, `75,5`, `1e3`); a
    point is always decimal. Refused with the reason: a comma followed by exactly three digits
    (`1,500`: write `1500` or `1.5`), thousands separators, underscores (`7_5`) and other bases
    (`0x4B`). Every year (a year, a number of years, a first year of values by year, a year of
    one-off costs, overrides or totals) must lie within the horizon, so nothing is cut off."""

    name: TextPerLanguage = param("Scenario name", "Naam scenario", "")
    """The scenario's name in tables, charts and workbooks."""
    description: TextPerLanguage = param("Description", "Omschrijving", "", default="")
    """What this scenario is, in a sentence or two."""
    horizon_years: Year = param("Horizon", "Looptijd", "years", default=6)
    """Number of years computed. Every year-valued key (`development_year`, the spreads over
    years, growth `from_year`, the years of `one_off_costs`, `overrides` and `totals`, the first
    years of values by year) must lie within years 1 to the horizon: a year beyond it is
    refused, never silently cut off."""
    totals: list[tuple[Year, Year]] = param(
        "Totals over years", "Totalen over jaren", "years", default=[(1, 5), (1, 6)]
    )
    """Year ranges [first, last] whose totals are reported. If left out, years 1-5 and 1-6 cut
    to the horizon (with `horizon_years: 4`, years 1-4 only)."""

    @model_validator(mode="after")
    def _default_totals_fit(self) -> Self:
        if "totals" not in self.model_fields_set:
            horizon = self.horizon_years
            fitted = list(dict.fromkeys((first, min(last, horizon)) for first, last in self.totals))
            self.__dict__["totals"] = fitted  # frozen; the default, fitted before anyone reads it
        return self

    hourly_wage: Param[PositiveMoney] = param("Hourly wage", "Uurloon", "EUR/h")
    """Gross hourly wage of a course leader (social worker)."""
    vat_rate: Param[Percentage] = param("VAT", "Btw", "%")
    """VAT added to licence prices and trainer days."""
    wage_indexation: Param[Percentage] = param(
        "Wage indexation per year",
        "Loonindexatie per jaar",
        "%",
        default_factory=lambda: Param(value=0.0),
    )
    """Yearly rise of the hourly wage from year 2 on (wage in year y = wage x (1 + rate)^(y-1))."""
    licence_indexation: Param[Percentage] = param(
        "Licence indexation per year",
        "Indexatie licenties per jaar",
        "%",
        default_factory=lambda: Param(value=0.0),
    )
    """Yearly rise of licence prices from year 2 on."""
    discount_rate: Param[Percentage] = param(
        "Discount rate", "Disconteringsvoet", "%", default_factory=lambda: Param(value=0.0)
    )
    """Yearly rate for the net present value; year 1 is discounted one year, as Excel's NPV."""
    implementation_hours: Param[Hours] = param(
        "Implementation hours", "Implementatie en doorontwikkeling (uren)", "h"
    )
    """Internal hours for implementation and further development, paid at the hourly wage."""
    implementation_spread_years: Param[Year] = param(
        "Implementation spread over",
        "Implementatie verdeeld over",
        "years",
        default_factory=lambda: Param(value=1),
    )
    """The implementation hours are spread evenly over this many years from year 1 (at most
    the horizon, so all of them are counted)."""
    cashable_share: Param[Percentage] = param(
        "Freed hours no longer paid",
        "Vrijgekomen uren niet meer betaald",
        "%",
        default_factory=lambda: Param(value=0.0),
    )
    """Share of the freed staff hours that are no longer paid (leavers not replaced, fewer
    temporary staff), by year: they become cash savings at the hourly wage."""
    redeploy_share: Param[Percentage] = param(
        "Freed hours used for more clients",
        "Vrijgekomen uren voor meer cliënten",
        "%",
        default_factory=lambda: Param(value=0.0),
    )
    """Share of the freed staff hours used for more clients, by year: capacity for extra
    trajectories. The rest is absorbed (shorter waiting lists, more time per client)."""
    hours_per_fte: Param[Hours] = param(
        "Hours per FTE a year",
        "Uren per fte per jaar",
        "h",
        default_factory=lambda: Param(
            value=1650.0,
            source="assumption: about 1,650 productive hours a year per full-time post; seed 002 "
            "gives none",
        ),
    )
    """Hours of one full-time post a year, to state staff hours as FTE."""
    funding: Funding = param(
        "Funding", "Financiering", "", default_factory=lambda: Funding(regime="lump_sum")
    )
    """How the organisation is funded, and so who keeps a saving (see the funding block)."""
    courses: dict[Identifier, Course] = param("Courses", "Cursussen", "", default_factory=dict)
    """The courses, by id."""
    trajectories: dict[Identifier, TrajectoryType] = param(
        "Trajectory types", "Soorten trajecten", "", default_factory=dict
    )
    """The kinds of individual help, by id; a scenario has courses, trajectories or both."""
    platforms: dict[Identifier, Platform] = param(
        "Platform scenarios", "Platformscenario's", "", min_length=1
    )
    """The platform scenarios compared, by id."""
    overrides: list[Override] = param("Overrides", "Vastgezette waarden", "", default_factory=list)
    """Computed lines pinned to printed values, each with its reason."""

    @model_validator(mode="after")
    def _has_activities(self) -> Self:
        if not self.courses and not self.trajectories:
            raise ValueError(
                say(
                    "give courses, trajectories or both: a business case needs activities",
                    "geef cursussen (`courses`), trajecten (`trajectories`) of beide: een "
                    "businesscase heeft activiteiten nodig",
                )
            )
        used = self.cashable_share.per_year(MAX_HORIZON) + self.redeploy_share.per_year(MAX_HORIZON)
        over = np.flatnonzero(used > 1 + 1e-12)
        if over.size:
            raise ValueError(
                say(
                    "cashable_share and redeploy_share together exceed 100% in year {year}",
                    "`cashable_share` en `redeploy_share` zijn in jaar {year} samen meer dan 100%",
                    year=int(over[0]) + 1,
                )
            )
        for course in self.funding.courses or []:
            if course not in self.courses:
                raise ValueError(
                    say(
                        "funding.courses names {course!r}, which is not a course",
                        "`funding.courses` noemt {course!r}, maar dat is geen cursus",
                        course=course,
                    )
                )
        return self
