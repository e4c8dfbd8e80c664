"""What a check receives and what it yields.

A check is a module with ``SLUG``, ``SEVERITY`` (the default), ``SUMMARY`` (one
line for ``govgraph checks``), ``FIX`` (how sure its fix is: safe, unsafe or
none; the docstring's "Fix (…)" paragraph says what it writes), a docstring
that documents it with a passing and a failing example, and a pure function
``check(context)`` that yields :class:`Problem` values. The engine
(:mod:`govgraph.audit`) turns problems into findings: it stamps the slug and
the configured severity and applies ignores.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import NamedTuple, Protocol

import networkx as nx

from govgraph.dates import earliest_on_time
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability, Fix
from govgraph.graph import build_graph, reporting_parents
from govgraph.model import Model
from govgraph.schema import Body, Membership, Placed, Post, ReportingLine, Settings, Waivable


class Problem(NamedTuple):
    """One thing a check found, before the engine stamps it into a Finding.

    ``where`` is the mapping to point the user at (its file and line);
    ``waivable`` are the things whose ``ignore`` entries may accept it (the
    membership and its body, say), searched in order; ``fix`` is what
    ``govgraph fix`` would write (the check's docstring says what and how safe).
    A named tuple rather than a dataclass: made 25k times nationally, in less
    than half the time.
    """

    subject: str
    message: str
    where: Placed
    waivable: tuple[Waivable, ...] = ()
    fix: Fix | None = None


@dataclass
class MembershipViews:
    """The views of current memberships that :meth:`Context._memberships` gathers."""

    current: dict[str, list[int]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    seats: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    behalf: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    chaired: set[str] = field(default_factory=set)
    lapsed_terms: list[tuple[Body, Membership]] = field(default_factory=list)
    early_starts: list[tuple[Body, Membership]] = field(default_factory=list)
    reviews_due: list[tuple[Body, Membership, date, int]] = field(default_factory=list)


@dataclass
class Context:
    """Everything a check may look at: the model, the as-of date and the graph.

    The views below are computed once per audit, when a check first asks, and
    shared by every check. At national scale (300k memberships, over a gigabyte
    of model) reading a pydantic object's fields costs a cache miss or three,
    so every pass over the model is dear: the views are plain dicts and lists
    built in as few passes as possible, with the inclusive date rule of
    :func:`govgraph.dates.is_current` written inline, and checks loop over them
    (and over their keys) rather than over the model again.
    """

    model: Model
    on: date
    built_graph: nx.MultiDiGraph | None = None
    _names: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The model's graph: the caller's if it built one, else built on first use.

        No built-in check asks for it (the views below are cheaper), so an audit
        on its own never pays for building it (2 s at national scale).
        """
        return self.built_graph if self.built_graph is not None else build_graph(self.model)

    @property
    def settings(self) -> Settings:
        return self.model.settings

    def review_interval(self, body: Body) -> int:
        """Months between membership reviews: the body's own setting, else the model's."""
        return body.review_interval_months or self.settings.review_interval_months

    # --- bodies and the reporting structure --------------------------------------------

    @cached_property
    def current_bodies(self) -> list[Body]:
        """Bodies current on the date, in model order (only these get structure findings)."""
        on = self.on
        return [
            body
            for body in self.model.bodies.values()
            if (body.established is None or body.established <= on)
            and (body.dissolved is None or body.dissolved >= on)
        ]

    @cached_property
    def roots(self) -> set[str]:
        """Root bodies current on the date (as graph.current_roots)."""
        return {body.id for body in self.current_bodies if body.root}

    @cached_property
    def parents(self) -> dict[str, list[tuple[str, ReportingLine]]]:
        """Body id -> (parent id, line) for its reporting lines between bodies current
        on the date (every current body is a key): the lines of graph.hierarchy,
        without the cost of building them into a networkx graph."""
        return reporting_parents(self.current_bodies)

    @cached_property
    def reaching_root(self) -> set[str]:
        """Current bodies whose reporting lines lead, through current bodies, to a
        current root: the roots, the bodies reporting to one, and so on down."""
        children: dict[str, list[str]] = defaultdict(list)
        for child, lines in self.parents.items():
            for parent, _ in lines:
                children[parent].append(child)
        reaching = set(self.roots)
        waiting = list(reaching)
        while waiting:
            for child in children.get(waiting.pop(), ()):
                if child not in reaching:
                    reaching.add(child)
                    waiting.append(child)
        return reaching

    # --- memberships and posts ---------------------------------------------------------

    @cached_property
    def current_positions(self) -> dict[str, list[int]]:
        """Body id -> where its current memberships are in its ``members`` (every
        current body is a key; :meth:`current_members` gives the memberships).

        A dissolved body's open memberships are ``membership-of-dissolved-body``'s
        business, so the other membership checks look only at these. Positions
        rather than the memberships themselves: releasing 300k references at the
        end of a national audit reached every membership again (0.04 s).
        """
        return self._memberships.current

    def current_members(self, body_id: str) -> list[Membership]:
        """The current memberships of a current body, in model order."""
        members = self.model.bodies[body_id].members
        return [members[index] for index in self.current_positions[body_id]]

    @cached_property
    def seats_of_member(self) -> dict[str, list[str]]:
        """Member id -> the current bodies it has a current membership of, in model
        order, a body repeated when the member sits on it twice (see :meth:`seats`)."""
        return self._memberships.seats

    @cached_property
    def seats_for(self) -> dict[str, list[str]]:
        """Organisation id -> the current bodies with a current membership
        ``on_behalf_of`` it, in model order (see :meth:`seats_on_behalf`)."""
        return self._memberships.behalf

    def seats_on_behalf(self, org: str) -> Iterator[tuple[Body, Membership]]:
        """The current memberships of current bodies ``on_behalf_of`` ``org``, each with
        its body, in model order."""
        bodies, positions = self.model.bodies, self.current_positions
        for body_id in dict.fromkeys(self.seats_for.get(org, ())):
            body = bodies[body_id]
            members = body.members
            for index in positions[body_id]:
                membership = members[index]
                if membership.on_behalf_of == org:
                    yield body, membership

    @cached_property
    def chaired(self) -> set[str]:
        """Current bodies with a current membership whose role is ``chair``."""
        return self._memberships.chaired

    @cached_property
    def lapsed_terms(self) -> list[tuple[Body, Membership]]:
        """Current memberships with no ``to`` whose ``term_ends`` is before the date,
        in model order."""
        return self._memberships.lapsed_terms

    @cached_property
    def early_starts(self) -> list[tuple[Body, Membership]]:
        """Current memberships dated ``from`` before their body was ``established``."""
        return self._memberships.early_starts

    @cached_property
    def reviews_due(self) -> list[tuple[Body, Membership, date, int]]:
        """Current memberships whose review is overdue on the date, in model order,
        each with the date counted from (the last review on or before the date,
        else ``from``) and the body's review interval in months.

        Due means that date plus the interval falls before the as-of date.
        """
        return self._memberships.reviews_due

    @cached_property
    def _memberships(self) -> MembershipViews:
        """Every membership view, in one pass over every membership of a current body.

        Each pass over 300k memberships costs about 0.1 s nationally, most of it
        fetching the objects from memory rather than judging them; judging a
        membership already fetched is nearly free. So the facts the membership
        checks need are gathered here, together, and the checks only word them.

        Seats are body ids rather than (body, membership) pairs: a pair per seat
        (200k nationally) costs more than finding the few memberships a finding
        points at again, in :meth:`seats`.
        """
        on = self.on
        views = MembershipViews()
        seats = views.seats  # the one view every current membership adds to
        cutoffs: dict[int, date] = {}  # review interval -> earliest last review on time
        for body in self.current_bodies:
            body_id = body.id
            established = body.established
            months = self.review_interval(body)
            cutoff = cutoffs.get(months)
            if cutoff is None:
                cutoff = cutoffs[months] = earliest_on_time(on, months)
            views.names[body_id] = body.name  # the body is at hand: dearer to fetch later
            current = views.current[body_id] = []
            chair = False
            for index, membership in enumerate(body.members):
                start, end = membership.from_, membership.to
                if (start is not None and start > on) or (end is not None and end < on):
                    continue
                current.append(index)
                seats[membership.member].append(body_id)
                if membership.on_behalf_of is not None:
                    views.behalf[membership.on_behalf_of].append(body_id)
                if not chair and membership.role == "chair":  # the chair is usually first
                    views.chaired.add(body_id)
                    chair = True
                if end is None and (ends := membership.term_ends) is not None and ends < on:
                    views.lapsed_terms.append((body, membership))
                if start is not None and established is not None and start < established:
                    views.early_starts.append((body, membership))
                reviewed = membership.reviewed
                last = start if reviewed is None or reviewed > on else reviewed
                if last is not None and last < cutoff:
                    views.reviews_due.append((body, membership, last, months))
        return views

    def seats(self, member: str) -> Iterator[tuple[Body, Membership]]:
        """``member``'s current memberships of current bodies, each with its body, in
        model order."""
        bodies, positions = self.model.bodies, self.current_positions
        for body_id in dict.fromkeys(self.seats_of_member.get(member, ())):
            body = bodies[body_id]
            members = body.members
            for index in positions[body_id]:
                membership = members[index]
                if membership.member == member:
                    yield body, membership

    @cached_property
    def post_holders(self) -> dict[str, list[str]]:
        """Post id -> the people holding it on the date, for posts with a current seat
        (see :meth:`_holdings`; posts no one holds are absent)."""
        return self._holdings[0]

    @cached_property
    def posts_held(self) -> dict[str, list[str]]:
        """Person id -> the posts with a current seat they hold on the date, in model
        order (people holding none are absent)."""
        return self._holdings[1]

    @cached_property
    def vacant_posts(self) -> list[Post]:
        """Posts with a current seat that have holders but none on the date, in model
        order."""
        return self._holdings[2]

    @cached_property
    def _holdings(self) -> tuple[dict[str, list[str]], dict[str, list[str]], list[Post]]:
        """The views of who holds which post, for the posts with a current seat.

        Only a seat makes a holding matter to a check (a vacant seat, the seats a
        holder sits on through a post), and fewer posts have one than not: looking
        only at those spares fetching every post of a national model.
        """
        on, posts = self.on, self.model.posts
        holders: dict[str, list[str]] = {}
        held: dict[str, list[str]] = defaultdict(list)
        vacant: list[Post] = []
        seated = self.seats_of_member
        for post_id, post in posts.items():  # in model order; keys only, until seated
            if post_id not in seated or not post.holders:
                continue
            people = [
                h.person
                for h in post.holders
                if ((start := h.from_) is None or start <= on)
                and ((end := h.to) is None or end >= on)
            ]
            if not people:
                vacant.append(post)
                continue
            holders[post_id] = people
            for person in people:
                held[person].append(post_id)
        return holders, held, vacant

    @cached_property
    def body_names(self) -> dict[str, str]:
        """Current body id -> name. A many-roles finding names up to eight bodies (12k
        findings nationally): read from this one dict rather than from each body,
        listing them took half the time."""
        return self._memberships.names

    def name_of(self, entity_id: str) -> str:
        """:meth:`Model.name_of`, remembered: findings name the same members often."""
        name = self._names.get(entity_id)
        if name is None:
            name = self._names[entity_id] = self.model.name_of(entity_id)
        return name


def membership_subject(body: Body, membership: Membership) -> str:
    """The ``BODY/MEMBER`` subject of a finding about a membership."""
    return f"{body.id}/{membership.member}"


def membership_problem(
    body: Body, membership: Membership, message: str, fix: Fix | None = None
) -> Problem:
    """A problem about one membership: pointed at it, waivable on it or on its body."""
    subject = membership_subject(body, membership)
    return Problem(subject, message, membership, (membership, body), fix)


class Check(Protocol):
    """The shape of a check module (for typing the registry)."""

    SLUG: str
    SEVERITY: Severity
    SUMMARY: str
    FIX: Applicability
    __doc__: str | None
    __name__: str

    def check(self, context: Context) -> Iterator[Problem]: ...
