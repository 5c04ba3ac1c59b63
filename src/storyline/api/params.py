"""Query parameters of the pages and the API, validated before any query runs.

Each model is read from the query string (`Annotated[Model, Query()]`), so FastAPI documents every
field in the OpenAPI schema and answers 422 with the field and the reason when one is wrong: an
unknown parameter, a limit out of bounds, a country that is neither an ISO3 code nor a country
name (`vocab.country_code`), a type PLOVER does not have, a date that is not YYYY[-MM[-DD]] or a
range that ends before it starts; each reason in words, never a raw pattern. Empty values (what
an HTML form sends for a blank field) mean "any".

It does not query anything; `filters()` hands the values to `store.webqueries`.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import StorylineError, UsageError
from ..intervals import interval
from ..store.webqueries import Filters
from ..vocab import country_code, event_type

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000  # deep OFFSETs scan; beyond this a client should narrow the filters
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Status = Literal["asserted", "planned", "hypothetical", "negated"]
Period = Literal["day", "week", "month"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


class Paging(Strict):
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")


class EventFilters(Paging):
    actor: str | None = Field(None, max_length=80, description="Actor country: ISO 3166-1 alpha-3 (USA) or a name "
                                                               "(United States).")
    recipient: str | None = Field(None, max_length=80, description="Recipient country: ISO 3166-1 alpha-3 or a name.")
    type: str | None = Field(None, max_length=40, description="PLOVER event type, e.g. THREATEN.")
    status: Status | None = Field(None, description="Event status.")
    source: str | None = Field(None, max_length=300, description="Publisher name, URL host or source path.")
    since: str | None = Field(None, max_length=10, description="Earliest date, YYYY[-MM[-DD]].")
    until: str | None = Field(None, max_length=10, description="Latest date, YYYY[-MM[-DD]].")

    @field_validator("actor", "recipient")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        try:
            return country_code(value, "")
        except UsageError as exc:
            raise ValueError(str(exc)) from None

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str | None) -> str | None:
        try:
            return event_type(value, "")
        except UsageError as exc:
            raise ValueError(str(exc)) from None

    @field_validator("since", "until")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        if value and not re.match(DATE, value):
            raise ValueError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        if value and interval(value) is None:
            raise ValueError(f"{value!r} is not a real date; write YYYY, YYYY-MM or YYYY-MM-DD")
        return value

    @field_validator("source")
    @classmethod
    def _strip(cls, value: str | None) -> str | None:
        return value.strip() if value else value

    @model_validator(mode="after")
    def _range(self) -> EventFilters:
        lo, hi = interval(self.since), interval(self.until)
        if lo and hi and lo[0] > hi[1]:
            raise ValueError(f"since {self.since} is after until {self.until}")
        return self

    def filters(self, default_status: str | None = None) -> Filters:
        return Filters(actor=self.actor, recipient=self.recipient, type=self.type,
                       status=self.status or default_status, source=self.source, since=self.since, until=self.until)


class NetworkQuery(EventFilters):
    limit: int = Field(40, ge=1, le=MAX_LIMIT, description=f"Edges per page (1-{MAX_LIMIT}).")


class MapQuery(EventFilters):
    limit: int = Field(200, ge=1, le=MAX_LIMIT, description=f"Places per page (1-{MAX_LIMIT}).")


class OverviewQuery(Strict):
    by: Period = Field("week", description="Period of the escalation series.")
    dyad: str | None = Field(None, pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$",
                             description="One dyad, e.g. USA-MEX; default: the dyads with most stories.")
    stories: int = Field(10, ge=1, le=50, description="Latest stories to list.")
    include_undated: bool = Field(False, description="Count undated events (and those dated less precisely than "
                                                     "the period) at their article's publication date, marked so.")


class SourcesQuery(Paging):
    by: Literal["publisher", "document"] = Field("publisher", description="Rows per publisher or per document.")
    sort: str | None = Field(None, pattern=r"^[a-z_]{1,30}$", description="Column to sort by, e.g. unsourced.")
    desc: bool = Field(False, description="Sort in descending order.")


def _moment(value: str | None) -> str | None:
    if value:
        from ..watch.clock import moment

        try:
            moment(value)
        except StorylineError as exc:
            raise ValueError(str(exc)) from exc
    return value


SINCE = ("Only what was stored (or fired) after this time: ISO 8601 (2025-11-18T09:30:00Z; UTC when no zone "
         "is given) or a duration back from now (2h).")


class DocumentsQuery(Paging):
    source: str | None = Field(None, max_length=300, description="Publisher name, URL host or source path.")
    since: str | None = Field(None, max_length=40, description=SINCE)

    @field_validator("since")
    @classmethod
    def _since_time(cls, value: str | None) -> str | None:
        return _moment(value)


class AlertsQuery(Paging):
    since: str | None = Field(None, max_length=40, description=SINCE)
    rule: str | None = Field(None, max_length=200, description="Alerts of this rule only.")

    @field_validator("since")
    @classmethod
    def _since_time(cls, value: str | None) -> str | None:
        return _moment(value)


class ChangesQuery(Strict):
    since: str = Field(..., max_length=40, description="What arrived after this time: " + SINCE.split(": ", 1)[1])

    @field_validator("since")
    @classmethod
    def _since_time(cls, value: str | None) -> str | None:
        return _moment(value)
