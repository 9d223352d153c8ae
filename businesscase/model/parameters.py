"""The parameter model: every input of the business case, typed, bounded and documented.

A parameter is written as a plain value (`hourly_wage: 75`), as a step function of the year
(`online_sessions: {1: 3, 3: 4}`: 3 from year 1, 4 from year 3 on), or as a block with its
source (`hourly_wage: {value: 75, source: "seed 002, appendix C, row Uurloon"}`).
Percentages accept 0.4 and "40%". Unknown keys are errors.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Generic, Literal, TypeVar

import numpy as np
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

MAX_HORIZON = 50


class Base(BaseModel):
    """Frozen, strict about unknown keys, and documented by its attribute docstrings."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _number(value: Any) -> Any:
    """Refuse true/false where a number is meant (pydantic would read true as 1)."""
    if isinstance(value, bool):
        raise ValueError(f"must be a number (got {value!r}, a yes/no value)")
    return value


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
    """Read "40%" as 0.4; a bare number is a fraction. Either must lie between 0% and 100%."""
    value = _number(value)
    written = value
    if isinstance(value, str) and value.strip().endswith("%"):
        text = value.strip()[:-1].strip().replace(",", ".")
        try:
            value = fraction_of_percent(text)
        except (ArithmeticError, ValueError):
            raise ValueError(f"must be a percentage such as 40% (got {written!r})") from None
        if not 0 <= value <= 1:
            raise ValueError(f"must be between 0% and 100% (got {written!r})")
    elif isinstance(value, int | float) and value > 1:
        raise ValueError(f"must be between 0% and 100% (got {value}; write {value}% or a fraction)")
    return value


def _whole(value: float) -> float:
    if value != int(value):
        raise ValueError(f"must be a whole number (got {value})")
    return value


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
]
GroupSize = Annotated[
    float,
    BeforeValidator(_number),
    Field(gt=0, le=10_000, allow_inf_nan=False),
    AfterValidator(_whole),
]
Percentage = Annotated[float, BeforeValidator(_percentage), Field(ge=0, le=1, allow_inf_nan=False)]
Year = Annotated[int, BeforeValidator(_number), Field(ge=1, le=MAX_HORIZON)]
Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=40)]
Text = Annotated[str, Field(max_length=2_000)]

T = TypeVar("T")
Distribution = Literal["triangular", "pert", "uniform", "normal"]


class Param(Base, Generic[T]):
    """A parameter: one value for every year, or values by year that hold until the next listed
    year (a step function), with the document it comes from."""

    value: T | None = None
    """The value for every year."""
    by_year: dict[Year, T] | None = None
    """Values by first year, written `value: {1: 3, 3: 4}` or just `{1: 3, 3: 4}`: 3 in years
    1-2 and 4 from year 3 on."""
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
    (around the likely value with standard deviation `sd`, cut off at low and high)."""
    sd: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = None
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
    def _one_form(self) -> Param[T]:
        if (self.value is None) == (self.by_year is None):
            raise ValueError("give either one value or values by year")
        if self.by_year is not None and 1 not in self.by_year:
            raise ValueError("values by year must start at year 1")
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
            raise ValueError("a range needs a single value, not values by year")
        if self.low is None or self.high is None:
            raise ValueError("a range needs both low and high")
        low, high, value = float(self.low), float(self.high), float(self.value)  # type: ignore[arg-type]
        likely = float(self.likely) if self.likely is not None else value  # type: ignore[arg-type]
        if not low <= likely <= high or not low <= value <= high:
            raise ValueError(
                f"needs low <= value <= high and low <= likely <= high (got low {low:g}, "
                f"value {value:g}, likely {likely:g}, high {high:g})"
            )
        if (self.distribution == "normal") != (self.sd is not None):
            raise ValueError("sd goes with distribution: normal, and a normal range needs sd")

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
    return (isinstance(key, int) and not isinstance(key, bool)) or (
        isinstance(key, str) and key.isdigit()
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
    """First year in which the new groups run."""
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

    name: Text = param("Course name", "Naam cursus", "")
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


class Platform(Base):
    """A platform scenario: what it costs to build, train for, license and run the platform."""

    name: Text = param("Platform name", "Naam platform", "")
    """The name shown in tables and charts."""
    description: Text = param("Description", "Omschrijving", "", default="")
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
    """The year in which the development is paid."""
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
    """The purchase and training cost is spread evenly over this many years from year 1."""
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
    one_off_costs: dict[Year, Money] = param(
        "One-off costs by year",
        "Eenmalige kosten per jaar",
        "EUR",
        amounts_by_year=True,
        default_factory=dict,
    )
    """Other one-off costs, by the year they are paid: {2: 5000}."""

    @model_validator(mode="after")
    def _average_has_no_costs(self) -> Platform:
        if self.average_of is not None:
            own = self.model_fields_set - {"name", "description", "average_of"}
            if own:
                keys = ", ".join(sorted(own))
                raise ValueError(f"an average platform takes its costs from others; remove {keys}")
            if len(self.average_of) < 1:
                raise ValueError("average_of must name at least one platform")
        return self


class Override(Base):
    """Pins a computed line to a fixed value in given years, with the reason; results mark it."""

    line: Annotated[str, Field(min_length=1, max_length=200)]
    """The line to pin, as `explain` names it: `ass_jv.scheduling_saving`."""
    value: Number
    """The value the line takes in the pinned years."""
    years: list[Year] | None = None
    """The years pinned; all years if left out."""
    reason: Annotated[str, Field(min_length=1, max_length=2_000)]
    """Why the computed value is replaced (for example an erratum of the printed sheet)."""


class Scenario(Base):
    """A whole business case: wages, courses, platform scenarios, horizon and overrides."""

    name: Text = param("Scenario name", "Naam scenario", "")
    """The scenario's name in tables, charts and workbooks."""
    description: Text = param("Description", "Omschrijving", "", default="")
    """What this scenario is, in a sentence or two."""
    horizon_years: Year = param("Horizon", "Looptijd", "years", default=6)
    """Number of years computed."""
    totals: list[tuple[Year, Year]] = param(
        "Totals over years", "Totalen over jaren", "years", default=[(1, 5), (1, 6)]
    )
    """Year ranges [first, last] whose totals are reported."""
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
    """The implementation hours are spread evenly over this many years from year 1."""
    courses: dict[Identifier, Course] = param("Courses", "Cursussen", "", min_length=1)
    """The courses, by id."""
    platforms: dict[Identifier, Platform] = param(
        "Platform scenarios", "Platformscenario's", "", min_length=1
    )
    """The platform scenarios compared, by id."""
    overrides: list[Override] = param("Overrides", "Vastgezette waarden", "", default_factory=list)
    """Computed lines pinned to printed values, each with its reason."""
