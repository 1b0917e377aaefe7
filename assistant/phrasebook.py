"""The phrase book (`corpus/phrases.yaml`): what each rule means and the phrases that raise it, as approved data.

The press office reads and approves the words here as it does the example bank; this module only
validates them and compiles them for `assistant.rules`. Only an approved version is used (an
unapproved edit falls back to the last approved one), and with none the engine refuses to answer
rather than answer without its floor of rules.

Usage::

    book = phrase_book()
    book.rule("naming_arrested").why
    book.fire(book.phrase_text("can I name him? he's been arrested", [], 0), posting=True)
    book.vocabulary["arrest"].search("he's on bail")
"""

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ingest.approvals import Approvals
from ingest.errors import PresslineError
from ingest.safe_yaml import BadYaml, load_yaml
from ingest.settings import Settings, get_settings

from .dates import FoundDate
from .rules import RULE_KINDS, Hit, ImagesRule, PhraseText, Rule, UnderEighteenRule, mask_negated, words

__all__ = ["PHRASE_BOOK_FILE", "PhraseBook", "load_phrase_book", "phrase_book", "read_phrase_book"]

log = logging.getLogger(__name__)
PHRASE_BOOK_FILE = "phrases.yaml"
VOCABULARY = ("arrest", "charge", "trial_to_come", "sentence", "court_result", "convicted", "suspected", "child", "incident",
              "severe_injury", "collision", "london_borough", "nationality", "dead_as_very", "business_name_end", "accusation", "media_law")
"""The shared word lists the readers look up by name: the file must define each of them."""
FRAGMENT = re.compile(r"<<(\w+)>>")


class Cite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document: str
    passage: str


class RuleText(BaseModel):
    """One rule as the file writes it."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=3)
    """The rule in a few plain words, as officers see it ("someone under 18")."""
    why: str
    safer: str | None = None
    cites: list[Cite] = Field(min_length=1)
    applies: Literal["posting", "any"] = "posting"
    phrases: list[str] = Field(default_factory=list)
    phrases_about_an_incident: list[str] = Field(default_factory=list)
    requires: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    cancelled_by: list[str] = Field(default_factory=list)


class PhraseBookFile(BaseModel):
    """The YAML as written, checked whole: every phrase compiles and every fragment it names exists."""

    model_config = ConfigDict(extra="forbid")

    fragments: dict[str, str] = Field(default_factory=dict)
    vocabulary: dict[str, list[str]]
    rules: dict[str, RuleText]
    topics: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("vocabulary")
    @classmethod
    def _every_list_the_readers_use(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        missing = [name for name in VOCABULARY if not value.get(name)]
        if missing:
            raise ValueError(f"vocabulary needs a non-empty list for: {', '.join(missing)}")
        return value

    @field_validator("rules")
    @classmethod
    def _every_rule_the_engine_runs(cls, value: dict[str, RuleText]) -> dict[str, RuleText]:
        missing, unknown = sorted(set(RULE_KINDS) - set(value)), sorted(set(value) - set(RULE_KINDS))
        if missing or unknown:
            raise ValueError("rules " + "; ".join(
                part for part in (f"missing: {', '.join(missing)}" if missing else "",
                                  f"unknown (not run by the engine): {', '.join(unknown)}" if unknown else "") if part))
        return value

    @model_validator(mode="after")
    def _phrases_compile(self) -> "PhraseBookFile":
        lists = [("vocabulary", name, phrases) for name, phrases in self.vocabulary.items()]
        lists += [("topics", name, phrases) for name, phrases in self.topics.items()]
        for name, rule in self.rules.items():
            lists += [("rules", f"{name}.{key}", getattr(rule, key))
                      for key in ("phrases", "phrases_about_an_incident", "requires", "unless", "cancelled_by")]
        for section, name, phrases in lists:
            for phrase in phrases:
                try:
                    re.compile(self.expand(phrase))
                except (KeyError, re.error) as exc:
                    problem = f"no fragment named {exc}" if isinstance(exc, KeyError) else exc
                    raise ValueError(f"{section}: {name}: the phrase {phrase!r} does not compile ({problem})") from None
        return self

    def expand(self, phrase: str) -> str:
        return FRAGMENT.sub(lambda match: self.fragments[match.group(1)], phrase)

    def pattern(self, phrases: list[str]) -> re.Pattern | None:
        return words(*map(self.expand, phrases)) if phrases else None


@dataclass(frozen=True)
class PhraseBook:
    """The rules in the order the engine runs them, the shared vocabulary, and the RAG rows told in plain words."""

    rules: tuple[Rule, ...]
    vocabulary: dict[str, re.Pattern]
    topics: dict[str, re.Pattern]

    def rule(self, name: str) -> Rule:
        return next(rule for rule in self.rules if rule.name == name)

    def phrase_text(self, text: str, dates: list[FoundDate], today_ordinal: int, stage_text: str | None = None) -> PhraseText:
        """`stage_text` (default `text`) is what the stage of proceedings is read from: the caller may blank what tells of
        an earlier case ("already on a referral order")."""
        masked = mask_negated(text)
        staged = masked if stage_text is None else mask_negated(stage_text)
        found = {name: bool(self.vocabulary[name].search(staged)) for name in ("arrest", "charge", "sentence", "court_result", "trial_to_come")}
        return PhraseText(text=masked, dates=tuple(dates), today_ordinal=today_ordinal, arrested=found["arrest"],
                          charged=found["charge"], sentenced=found["sentence"], court_result=found["court_result"],
                          trial_to_come=found["trial_to_come"])

    def fire(self, facts: PhraseText, posting: bool) -> list[Hit]:
        """Every hit of every rule that applies to this kind of question, in rule order."""
        return [hit for rule in self.rules if posting or rule.applies == "any" for hit in rule.check(facts)]


def read_phrase_book(content: bytes, source: str) -> PhraseBook:
    """The phrase book in `content`, validated and compiled; a malformed one raises PresslineError saying what to fix."""
    try:
        data = PhraseBookFile.model_validate(load_yaml(content, source) or {})
    except BadYaml as exc:
        raise PresslineError(f"{source}: not a valid phrase book: {exc.problem}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise PresslineError(f"{source}: not a valid phrase book: {where}: {first['msg']}") from None
    vocabulary = {name: data.pattern(phrases) for name, phrases in data.vocabulary.items()}
    rules = []
    for name, (kind_class, kind) in RULE_KINDS.items():
        text = data.rules[name]
        extra = {}
        if kind_class is UnderEighteenRule:
            extra = {"incident": vocabulary["incident"], "child": vocabulary["child"]}
        elif kind_class is ImagesRule:
            extra = {"incident": vocabulary["incident"], "about_an_incident": data.pattern(text.phrases_about_an_incident),
                     "made_to_advise": vocabulary["made_to_advise"]}
        patterns = (vocabulary["arrest"], vocabulary["charge"]) if name == "arrest_facts_only" else \
            tuple(pattern for pattern in [data.pattern(text.phrases)] if pattern is not None)
        rules.append(kind_class(
            name=name, kind=kind, title=text.title, why=text.why, safer=text.safer,
            cites=tuple((cite.document, cite.passage) for cite in text.cites), patterns=patterns,
            requires=data.pattern(text.requires), unless=data.pattern(text.unless),
            cancelled_by=data.pattern(text.cancelled_by), applies=text.applies, **extra))
    topics = {name: data.pattern(phrases) for name, phrases in data.topics.items() if phrases}
    return PhraseBook(rules=tuple(rules), vocabulary=vocabulary, topics=topics)


def load_phrase_book(settings: Settings) -> PhraseBook:
    """The approved phrase book of `settings`' corpus (an unapproved edit falls back to the last approved version);
    with no approved version at all, PresslineError: the engine does not answer without its rules."""
    path = settings.corpus_dir / PHRASE_BOOK_FILE
    content, warning = Approvals(settings).configuration(path)
    if content is None:
        raise PresslineError(f"{settings.relative(path)} is missing or has never been approved, and the engine does not "
                             "answer without its rules: restore it from the project, or have an admin approve it")
    if warning:
        log.warning("%s", warning)
    return read_phrase_book(content, settings.relative(path))


@lru_cache(maxsize=1)
def phrase_book() -> PhraseBook:
    """The configured corpus's phrase book, loaded once per process."""
    return load_phrase_book(get_settings())
