"""The shape of every data file, as strict pydantic models.

Pydantic rather than jsonschema: the same classes validate the data, give the
templates typed objects, and can emit JSON Schema for editors' tools, so the
rules are written once. Unknown fields are rejected, closed sets are enums, and
every human-readable text carries one text per language of languages.yml, side by
side (`en:`, `ru:`, `kk:`); data.py checks that none is missing.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    RootModel,
    StrictInt,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError


class Ref:
    """Marks a field whose value must be the id of an item in another file."""

    def __init__(self, kind: str):
        self.kind = kind

    def __repr__(self) -> str:
        return f"Ref({self.kind!r})"


RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
ATTR_LIST = re.compile(r"\{\s*[:#.]")  # Markdown's attribute lists: {: onclick=…}, { #id }, { .class }
IMAGE = re.compile(r"!\s*\[")
LINK_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:", re.MULTILINE)
LINK_TARGET = re.compile(r"\]\(\s*<?\s*([^)\s>]*)")
SCHEME = re.compile(r"(?:javascript|vbscript)\s*:", re.IGNORECASE)
SAFE_TARGET = re.compile(r"^(?:https://[^\s]+|#[\w-]+|(?:\.\./)*[\w./-]+\.md(?:#[\w-]+)?)$")


def unsafe_link(text: str, placeholders: bool = False) -> bool:
    """Whether `text` links anywhere but https:// hosts and the site's own pages; in a content
    page (`placeholders`) a target may also be a placeholder, such as {{ link('guide.md') }}."""
    targets = LINK_TARGET.findall(text)
    allowed = (t for t in targets if not (placeholders and t.startswith("{{")))
    return bool(SCHEME.search(text)) or any(not SAFE_TARGET.match(target) for target in allowed)


def decoded(value: str) -> str:
    """The text as a browser would read it: character references decoded until none is left
    (`javascript&#58;`, `&#106;avascript:` and `&amp;#58;` all become plain letters)."""
    while (once := html.unescape(value)) != value:
        value = once
    return value


PLACEHOLDER = re.compile(r"^\s*(\.\.\.|…|TODO|TBD|xxx)\s*$", re.IGNORECASE)


def _plain_text(value: str) -> str:
    """Texts go into pages as Markdown, so they are closed to everything but plain words, *emphasis*
    and links to the site's own pages or to https:// hosts. Checked after decoding character
    references, since the minifier decodes them in the built page."""
    text = decoded(value)
    if PLACEHOLDER.match(text):
        raise ValueError(f"'{text.strip()}' is a placeholder; write the real text (or remove the entry)")
    if RAW_HTML.search(text):
        raise ValueError("contains raw HTML (a '<' tag); write plain text, use Markdown for emphasis")
    if ATTR_LIST.search(text):
        raise ValueError("contains an attribute list ('{:', '{#' or '{.'); write plain text")
    if IMAGE.search(text):
        raise ValueError("contains an image ('!['); texts cannot show images")
    if LINK_DEFINITION.search(text):
        raise ValueError("contains a link definition ('[name]: address'); write the link as [text](https://…)")
    if unsafe_link(text):
        raise ValueError(
            "contains a link that is not https:// or to a page of the site; only https:// links are allowed"
        )
    return value


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_plain_text)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
SourceId = Annotated[str, Ref("source")]
TermId = Annotated[str, Ref("term")]
EventId = Annotated[str, Ref("event")]
StepId = Annotated[str, Ref("step")]
DetentionFactId = Annotated[str, Ref("detention")]
RouteId = Annotated[str, Ref("route")]
OfficeId = Annotated[str, Ref("office")]
# ISO 639 codes; qaa-qtz are for local use, such as the made-up languages of the benchmarks
Code = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
LanguageCode = Annotated[Code, Ref("language")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Text(RootModel[dict[Code, NonEmpty]]):
    """One text in every language the site is published in, by language code.

    Which languages those are is data/languages.yml's to say, so adding a language
    is a data change; data.py reports each text that lacks one of them.
    """

    model_config = ConfigDict(frozen=True)

    def __getitem__(self, language: str) -> str:
        return self.root[language]

    @model_validator(mode="after")
    def _every_language(self, info: ValidationInfo) -> Text:
        """Validated with context {"languages": [...]} from languages.yml (data.load_facts)."""
        languages = (info.context or {}).get("languages")
        if languages is None:
            return self
        if missing := [language for language in languages if language not in self.root]:
            unknown = [language for language in self.root if language not in languages]
            raise PydanticCustomError(
                "missing_translation", "translation missing", {"languages": missing, "instead": unknown}
            )
        if unknown := [language for language in self.root if language not in languages]:
            raise PydanticCustomError("unknown_language", "unknown language", {"languages": unknown})
        for language, (script, letters) in ((info.context or {}).get("scripts") or {}).items():
            if problem := wrong_script(self.root.get(language, ""), script, letters):
                raise PydanticCustomError("wrong_script", "wrong script", {"language": language, "problem": problem})
        return self


LATIN, CYRILLIC = re.compile(r"[A-Za-z]"), re.compile(r"[\u0400-\u04FF]")
SCRIPTS = {"latin": (LATIN, CYRILLIC), "cyrillic": (CYRILLIC, LATIN)}


def wrong_script(text: str, script: str | None, letters: str | None) -> str:
    """Why a text of five words or more does not look written in its language, or ''.

    Its letters are mostly of the language's script, and a longer text (eight words or
    more) uses at least one of the letters only that language has (Kazakh's ә, қ, ү…), so
    that Russian pasted into the Kazakh slot is caught."""
    words = len(text.split())
    if script is None or words < 5:
        return ""
    own, other = SCRIPTS[script]
    if len(other.findall(text)) > len(own.findall(text)):
        return f"is written mostly in letters other than {script}; is it in the wrong language's slot?"
    if letters and words >= 8 and not any(letter in text.lower() for letter in letters):
        return f"has none of the letters {', '.join(letters)}; is it in another language?"
    return ""


class Unit(StrEnum):
    calendar_days = "calendar_days"
    working_days = "working_days"
    hours = "hours"
    months = "months"
    years = "years"


# The largest amount each unit can sensibly have: a larger one is a typo, and a 20-digit one
# would overflow the calculator's dates.
MOST = {
    Unit.calendar_days: 366,
    Unit.working_days: 260,
    Unit.hours: 720,
    Unit.months: 36,
    Unit.years: 10,
}


def _sane_amount(amount: int | None, unit: Unit | None) -> None:
    if amount is not None and unit is not None and amount > MOST[Unit(unit)]:
        raise ValueError(f"amount {amount} is more than {MOST[Unit(unit)]} {Unit(unit).value}; check the number")


class Duration(Strict):
    """An amount of time, such as how long a certificate is valid."""

    amount: StrictInt = Field(gt=0)
    unit: Unit

    @model_validator(mode="after")
    def _sane(self) -> Duration:
        _sane_amount(self.amount, self.unit)
        return self


class Form(StrEnum):
    """How a page uses a number of a duration: grammar.yml words each one in each language."""

    within = "within"  # within 5 calendar days / в течение 5 календарных дней / 5 күнтізбелік күн ішінде
    for_ = "for"  # for 3 months / на 3 месяца / 3 айға
    count = "count"  # 2 working days / 2 рабочих дня / 2 жұмыс күні
    ahead = "ahead"  # (1 month) before … / за 1 месяц до … / 1 ай бұрын


def _amount_and_noun(text: str) -> str:
    """A phrase is filled in by plain replacement, never str.format (which reads attributes)."""
    if text.count("{amount}") != 1 or text.count("{noun}") != 1 or text.count("{") != 2 or text.count("}") != 2:
        raise ValueError(f"'{text}' must contain {{amount}} and {{noun}} once each and no other braces")
    return text


Case = Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]
# CLDR's plural categories; data.py checks each language has exactly those of Babel's rules for it
Plural = Literal["zero", "one", "two", "few", "many", "other"]


class Phrase(Strict):
    """The words around the number ({amount}) and the noun ({noun}), and the noun's case there."""

    case: Case
    text: Annotated[NonEmpty, AfterValidator(_amount_and_noun)]


class Phrases(Strict):
    within: Phrase
    for_: Phrase = Field(alias="for")
    count: Phrase
    ahead: Phrase

    def __getitem__(self, form: Form) -> Phrase:
        return getattr(self, Form(form).name)


class Grammar(Strict):
    """How one language words a duration: its phrases, and each unit's noun by case and plural category."""

    phrases: Phrases
    nouns: dict[Unit, dict[Case, dict[Plural, NonEmpty]]]
    one_day: dict[Case, NonEmpty]  # what 24 hours also are, in brackets after them, in each case


class GrammarFile(Strict):
    languages: dict[Code, Grammar] = Field(min_length=1)


class Deadline(Strict):
    """A time limit counted from an event (`from`, an id in procedure.yml's events).

    Either `amount` and `unit`, or `same_day: true` (with no `from`) for what
    happens on the day of the application. `before: true` counts back from the
    event instead.
    """

    amount: StrictInt | None = Field(default=None, gt=0)
    unit: Unit | None = None
    same_day: bool = False
    before: bool = False
    from_: EventId | None = Field(default=None, alias="from")

    @model_validator(mode="after")
    def _amount_or_same_day(self) -> Deadline:
        if self.same_day and (self.amount is not None or self.unit is not None or self.from_ is not None):
            raise ValueError("same_day: true stands alone; remove amount, unit and from")
        if not self.same_day and (self.amount is None or self.unit is None):
            raise ValueError(
                "give both amount and unit (for example amount: 5, unit: calendar_days), or same_day: true"
            )
        _sane_amount(self.amount, self.unit)
        return self


class Superseded(Strict):
    """What an older source said before a newer one changed it."""

    source: SourceId
    also: list[SourceId] = []  # sources of other facts its text names (an order it cites)
    says: Text
    deadline: Deadline | None = None
    body: TermId | None = None


def _partial_date(value: dt.date | str) -> dt.date | str:
    """A full date, or only a month (YYYY-MM) or a year (YYYY) where the source gives no more."""
    if isinstance(value, dt.date) or re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?", value):
        return value
    raise ValueError(f"'{value}' must be a date as YYYY-MM-DD, a month as YYYY-MM, or a year as YYYY")


def _year_as_text(value):
    """`updated: 2025` is read by YAML as a number: take it as the year it means."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


PartialDate = Annotated[dt.date | str, BeforeValidator(_year_as_text), AfterValidator(_partial_date)]


def _web_link(value: HttpUrl) -> HttpUrl:
    if value.scheme != "https":
        raise ValueError(f"'{value}' must be an https:// address (readers' connections stay private)")
    return value


class CheckedHow(StrEnum):
    """How the project last read a source: what "checked" on a page means."""

    stored_copy = "stored-copy"  # a copy kept by the project, possibly older than the live page
    live_page = "live-page"  # the page itself, online


class Source(Strict):
    id: Id
    title: Text
    publisher: Text
    url: Annotated[HttpUrl, AfterValidator(_web_link)]
    updated: PartialDate | None = None
    checked: dt.date
    checked_how: CheckedHow
    note: Text | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Source:
        if self.checked > dt.date.today():
            raise ValueError(f"checked: {self.checked} is in the future; write the day the source was read")
        if isinstance(self.updated, dt.date) and self.updated > self.checked:
            raise ValueError(f"updated: {self.updated} is after checked: {self.checked}; one of them is wrong")
        return self


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1)


class Owner(StrEnum):
    reader = "reader"
    authority = "authority"


class Confidence(StrEnum):
    medium = "medium"  # the source is not the law itself: a lawyer should check it


# Events that happen on the day the application is registered (the register step is
# `same_day`): the main chain of steps starts from them.
REGISTRATION_EVENTS = ("application", "certificate", "registration")


class Step(Strict):
    id: Id
    title: Text
    actor: TermId
    happens: Text
    you: Text
    deadline: Deadline
    owner: Owner
    receives: TermId | None = None
    validity: Duration | None = None
    in_total: bool = True
    confidence: Confidence | None = None
    source: SourceId
    also: list[SourceId] = []  # sources of other facts its texts state (the application's language)
    superseded: list[Superseded] = []


class Limit(Strict):
    """A limit the law sets on the whole procedure, such as the time for the decision."""

    id: Id
    title: Text
    deadline: Deadline
    condition: Text | None = None
    source: SourceId


class Note(Strict):
    """A fact in one sentence, with its source."""

    text: Text
    source: SourceId


class ProcedureFile(Strict):
    events: dict[Id, Text]
    steps: list[Step] = Field(min_length=1)
    limits: list[Limit] = []
    notes: dict[Id, Note] = {}  # facts about the procedure that are not steps, by id, for pages to name


class Route(Strict):
    """A situation to apply from. Its deadline is its own, or a step's (`same_deadline_as`),
    so that one deadline is written once; data.Facts puts the step's deadline in."""

    id: Id
    title: Text
    where: Text
    body: TermId
    deadline: Deadline | None = None
    same_deadline_as: StepId | None = None
    source: SourceId
    superseded: list[Superseded] = []

    @model_validator(mode="after")
    def _one_deadline(self) -> Route:
        if self.deadline is not None and self.same_deadline_as is not None:
            raise ValueError("give either deadline or same_deadline_as, not both")
        return self


class RoutesFile(Strict):
    routes: list[Route] = Field(min_length=1)


class Term(Strict):
    id: Id
    name: Text
    explain: Text
    source: SourceId  # where the name stands
    unverified: list[LanguageCode] = []
    plain: bool = False  # `explain` is the site's own plain explanation, not a source's words or facts


class GlossaryFile(Strict):
    terms: list[Term] = Field(min_length=1)


class Review(StrEnum):
    original = "original"
    not_reviewed = "not_reviewed"
    reviewed = "reviewed"


class Language(Strict):
    name: NonEmpty
    review: Review
    reviewer: NonEmpty | None = None
    # Babel's name for the language's dates, numbers and plural rules, where it is not the
    # code (Dari, prs, is fa_AF in Babel; the benchmarks' made-up languages borrow one)
    locale: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(_[A-Za-z]+)?$")] | None = None
    alphabet: NonEmpty | None = None  # lower-case letters in the order the language sorts them
    month_format: NonEmpty | None = None  # Babel's pattern for a month and its year
    script: Literal["latin", "cyrillic"] | None = None  # each text of the language is checked to be in it
    letters: NonEmpty | None = None  # letters only this language has among those of its script

    @model_validator(mode="after")
    def _reviewed_by_someone(self) -> Language:
        if self.review is Review.reviewed and not self.reviewer:
            raise ValueError("review: reviewed needs `reviewer:`, the name of the lawyer who checked this language")
        return self


class LanguagesFile(Strict):
    """The languages the site is published in, the original (English) first."""

    languages: dict[Code, Language] = Field(min_length=1)


class StringsFile(Strict):
    strings: dict[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")], Text]


class ChecklistItem(Strict):
    """One tick box: a text in every language, and, through `step` or `route`, the
    deadline (and validity) of that item of the procedure, rendered from its data."""

    text: Text | None = None
    source: SourceId
    step: StepId | None = None
    route: RouteId | None = None
    fact: DetentionFactId | None = None  # a fact of detention.yml, shown with its year, instead of `text`
    older: bool = False  # also show what older sources said about that deadline
    validity: bool = True  # show the step's validity (not under an item that is not about its document)

    @model_validator(mode="after")
    def _one_reference(self) -> ChecklistItem:
        if (self.text is None) == (self.fact is None):
            raise ValueError("give an item either a text or a fact (an id in detention.yml)")
        if self.step and self.route:
            raise ValueError("give either step or route, not both")
        if self.older and not (self.step or self.route):
            raise ValueError("older: true needs a step or a route whose older rules to show")
        return self


class ChecklistSection(Strict):
    """A part of a checklist: its own title, or the situation (`route`) it is about."""

    title: Text | None = None
    route: RouteId | None = None
    items: list[ChecklistItem] = []

    @model_validator(mode="after")
    def _title_or_route(self) -> ChecklistSection:
        if (self.title is None) == (self.route is None):
            raise ValueError("give a section either a title or a route (whose title it takes)")
        return self


Pair = tuple[LanguageCode, LanguageCode]


class Checklist(Strict):
    id: Id
    title: Text
    lead: Text
    blanks: list[Text] = Field(min_length=1)  # what the reader writes on the lines: dates, case number
    sections: list[ChecklistSection] = Field(min_length=1)
    contacts: list[OfficeId] = []  # offices the sheet tells the reader to go to or call, printed in full


class Card(Strict):
    """The one-page card a reader hands to an official, in two languages."""

    id: Id
    title: Text
    says: Text
    blanks: list[Text] = Field(min_length=1)
    source: SourceId
    law: SourceId  # the law the request relies on, named on the card
    contacts: list[OfficeId] = []
    pairs: list[Pair] = Field(min_length=1)


class ChecklistsFile(Strict):
    checklists: list[Checklist] = Field(min_length=1)
    bilingual: list[Pair] = Field(min_length=1)  # the language pairs every checklist is also printed in
    card: Card


class Holder(StrEnum):
    asylum_seeker = "asylum_seeker"
    refugee = "refugee"


class RightKind(StrEnum):
    right = "right"
    duty = "duty"


class Right(Strict):
    """A right or a duty, and who holds it."""

    id: Id
    kind: RightKind
    holders: list[Holder] = Field(min_length=1)
    text: Text
    source: SourceId
    step: StepId | None = None


class RightsFile(Strict):
    rights: list[Right] = Field(min_length=1)


class Ground(Strict):
    """A ground on which an application is refused, and what it means for the reader."""

    id: Id
    text: Text
    means: Text
    source: SourceId


class GroundsFile(Strict):
    grounds: list[Ground] = Field(min_length=1)


class OfficeKind(StrEnum):
    applications = "applications"
    help = "help"
    partner = "partner"


Phone = Annotated[str, StringConstraints(pattern=r"^\+\d{1,3}( \d{2,4})+$")]


class Office(Strict):
    """A place a reader can go. Only details a source gives: no field is ever guessed."""

    id: Id
    kind: OfficeKind
    name: Text
    body: TermId | None = None
    city: Text | None = None
    address: Text | None = None
    phones: list[Phone] = []
    hours: Text | None = None
    does: Text | None = None
    website: Annotated[HttpUrl, AfterValidator(_web_link)] | None = None
    website_source: SourceId | None = None  # where the website's address comes from, if not `source`
    source: SourceId


class OfficesFile(Strict):
    offices: list[Office] = Field(min_length=1)


class SeriesKind(StrEnum):
    count = "count"
    percent = "percent"
    per_1000 = "per_1000"
    per_100000 = "per_100000"


Year = Annotated[int, Field(ge=1900, le=2100)]


class Point(Strict):
    """One figure: for a year, or a month of it (`month`), or a group (`label`, such as a country).
    `source` names the point's own source where it is not the series'."""

    year: Year
    month: int | None = Field(default=None, ge=1, le=12)
    label: Text | None = None
    value: float = Field(ge=0)
    source: SourceId | None = None

    @property
    def when(self) -> tuple[int, int]:
        return (self.year, self.month or 0)


class Series(Strict):
    """One statistic over time (or split into groups), as its sources give it."""

    id: Id
    kind: SeriesKind
    title: Text
    source: SourceId
    header: Text | None = None  # the first column's heading, where it is not the year
    note: Note | None = None
    points: list[Point] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_value_a_year(self) -> Series:
        keys = [tuple(sorted(p.label.root.items())) if p.label else p.when for p in self.points]
        if len(set(keys)) != len(keys):
            raise ValueError("a year (or month, or group) appears twice in points; keep one value for each")
        return self


class Treaty(Strict):
    id: Id
    year: Year
    name: Text


class Treaties(Strict):
    """UN treaties ratified and complaint procedures accepted, with the profile's totals of relevant ones."""

    source: SourceId
    relevant: int = Field(gt=0)
    ratified: list[Treaty]
    complaints_relevant: int = Field(gt=0)
    complaints: list[Treaty]


class StatisticsFile(Strict):
    series: list[Series] = Field(min_length=1)
    treaties: Treaties


class DetentionTopic(StrEnum):
    know = "know"
    law = "law"
    concern = "concern"
    un = "un"
    monitoring = "monitoring"
    covid = "covid"


class DetentionFact(Strict):
    """A fact about immigration detention, with the year the source gives for it."""

    id: Id
    topic: DetentionTopic
    year: Year
    text: Text
    source: SourceId


class DetentionFile(Strict):
    facts: list[DetentionFact] = Field(min_length=1)


class RuleId(StrEnum):
    """The counting rules the calculator applies; counting.yml explains each in words."""

    start = "start"
    calendar_days = "calendar-days"
    working_days = "working-days"
    hours = "hours"
    months = "months"
    day_off = "day-off"


class DayOne(StrEnum):
    next_day = "next-day"  # the day of the event is day 0
    event_day = "event-day"  # the day of the event is day 1


class CountingRule(Strict):
    """How a date is computed, in words, with its sources, or marked as Pana's advice."""

    id: RuleId
    text: Text
    sources: list[SourceId] = []
    advice: bool = False

    @model_validator(mode="after")
    def _sourced_or_advice(self) -> CountingRule:
        if not self.sources and not self.advice:
            raise ValueError(
                "a counting rule needs sources (ids in sources.yml); if no source states it, "
                "write `advice: true` and word it as Pana's advice, not the law"
            )
        if self.sources and self.advice:
            raise ValueError("a rule with sources is not advice: remove `advice: true`, or the sources")
        return self


class Order(Strict):
    """A day the government moved: a Saturday or Sunday made a working day, or a weekday made a day off."""

    date: dt.date
    working: bool
    source: SourceId


class CalendarInfo(Strict):
    known_until: dt.date  # the last day whose moved days off are known
    source: SourceId
    orders: list[Order] = []


class CountingFile(Strict):
    day_one: DayOne
    rules: list[CountingRule]
    calendar: CalendarInfo
    # holiday names for languages the `holidays` package has none in, by its English name
    holiday_names: dict[Code, dict[str, NonEmpty]] = {}

    @model_validator(mode="after")
    def _every_rule_once(self) -> CountingFile:
        given = [rule.id for rule in self.rules]
        if missing := [rule.value for rule in RuleId if rule not in given]:
            raise ValueError(f"rules missing: {', '.join(missing)} (the calculator applies each; explain it)")
        if len(set(given)) != len(given):
            raise ValueError("a rule appears twice; keep one entry for each id")
        return self


class SearchWords(Strict):
    """The words readers type for one page's subject, in each language, where the page itself
    says it otherwise (it says «обжаловать», a reader types «жалоба»). They are added to that
    language's search index for the page, stemmed as its text is (pana.site.search_split)."""

    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(/[a-z0-9-]+)*\.md$")]
    words: Text


class SearchFile(Strict):
    pages: list[SearchWords] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_entry_per_page(self) -> SearchFile:
        pages = [entry.page for entry in self.pages]
        if twice := sorted({page for page in pages if pages.count(page) > 1}):
            raise ValueError(f"{', '.join(twice)} appears twice; keep one entry for each page")
        return self


# Each data file and the model that checks it; a new file needs one line here.
FILES: dict[str, type[Strict]] = {
    "languages.yml": LanguagesFile,  # first: every text is checked against its languages
    "grammar.yml": GrammarFile,
    "sources.yml": SourcesFile,
    "procedure.yml": ProcedureFile,
    "routes.yml": RoutesFile,
    "glossary.yml": GlossaryFile,
    "strings.yml": StringsFile,
    "checklists.yml": ChecklistsFile,
    "rights.yml": RightsFile,
    "grounds.yml": GroundsFile,
    "offices.yml": OfficesFile,
    "statistics.yml": StatisticsFile,
    "detention.yml": DetentionFile,
    "counting.yml": CountingFile,
    "search.yml": SearchFile,
}
