"""Every error storyline raises on purpose, in one tree.

    StorylineError                 base; carries a message that says what to do
    ├── UsageError                 bad options or arguments (CLI exit 2, HTTP 400)
    ├── ConfigError                a setting or lexicon file that cannot be used
    ├── MissingExtraError          an optional dependency is not installed; names the pip line
    ├── StoreError                 the database cannot be opened or written
    └── InputError                 one input cannot be used; becomes an ingest_error record
        ├── FetchError             a URL could not be fetched (network, status, size, private address)
        │   └── HTTPStatusError    the server answered 4xx/5xx; carries the status and any Retry-After
        ├── DecodeError            bytes that are binary or not in a readable encoding
        ├── FormatError            a container that is malformed (JSONL line, WARC, gzip, feed)
        ├── TooLargeError          over the size cap
        └── ExtractionError        no article text could be found

Errors from dependencies are translated where they cross into storyline
(`raise DecodeError(...) from exc`), so callers see one vocabulary. An
`InputError` knows its `source` and `stage`; the ingest loop records it and
goes on with the next input.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""

    exit_code = 1


class UsageError(StorylineError):
    exit_code = 2


class ConfigError(StorylineError):
    pass


class MissingExtraError(StorylineError):
    def __init__(self, what: str, extra: str, package: str) -> None:
        super().__init__(
            f"{what} needs the optional dependency {package!r}, which is not installed. "
            f"Install it with: pip install 'storyline[{extra}]'"
        )


class StoreError(StorylineError):
    pass


class InputError(StorylineError):
    """One input could not be used. `stage` names where it failed: read, fetch, decode, parse, clean."""

    stage = "read"

    def __init__(self, source: str, message: str, stage: str | None = None) -> None:
        self.source = source
        if stage:
            self.stage = stage
        self.message = message
        super().__init__(f"{source}: {self.stage}: {message}")


class FetchError(InputError):
    stage = "fetch"


class HTTPStatusError(FetchError):
    """The server answered an error status; `retry_after` is its Retry-After in seconds, when it gave one."""

    def __init__(self, source: str, message: str, status: int, retry_after: float | None = None) -> None:
        self.status = status
        self.retry_after = retry_after
        super().__init__(source, message)


class DecodeError(InputError):
    stage = "decode"


class FormatError(InputError):
    stage = "parse"


class TooLargeError(InputError):
    stage = "read"


class ExtractionError(InputError):
    stage = "clean"
