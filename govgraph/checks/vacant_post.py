"""vacant-post: a current membership through a post that has no holder on the date.

Many seats belong to an office ("Director of Children's Services") rather than
to a named person. When no holding of that post covers the as-of date, the
seat is empty: nobody is there to attend, vote or send apologies. The message
says who held the post last, and until when, when that is known.

Only posts that record holders are judged: a post with no ``holders`` at all
is a model written in posts only, where vacancy cannot be told apart from
"holder not recorded". Only bodies current on the date are judged. An
``ignore`` on the membership or the body accepts the finding.

Passes (on 2023-07-07)::

    people:
      - {id: sam-lee, name: Sam Lee}
    posts:
      - id: dcs
        title: Director of Children's Services
        holders: [{person: sam-lee, from: 2022-01-01}]
    bodies:
      - {id: cyp, name: Children's Partnership, members: [{member: dcs, role: chair}]}

Fails (the last holding ended on 2022-12-31)::

    people:
      - {id: sam-lee, name: Sam Lee}
    posts:
      - id: dcs
        title: Director of Children's Services
        holders: [{person: sam-lee, from: 2022-01-01, to: 2022-12-31}]
    bodies:
      - {id: cyp, name: Children's Partnership, members: [{member: dcs, role: chair}]}

Fix (none): add the new holder to the post's ``holders`` (from the day they
started), or end the membership if the post no longer sits on the body.
``govgraph fix`` writes nothing for it: who holds the post now is not in the
model; record them with ``govgraph edit assign MODEL POST PERSON --from DATE``.
"""

from __future__ import annotations

from collections.abc import Iterator

from govgraph.checks.base import Context, Problem, membership_problem
from govgraph.dates import has_ended
from govgraph.findings import Severity
from govgraph.fix.changes import Applicability
from govgraph.schema import Post

SLUG = "vacant-post"
SEVERITY = Severity.WARNING
SUMMARY = "a current membership through a post that has no holder on the date"
FIX = Applicability.NONE


def check(context: Context) -> Iterator[Problem]:
    for post in context.vacant_posts:
        for body, membership in context.seats(post.id):
            message = (
                f"The {post.title} seat on {body.name} is vacant on {context.on}"
                f"{_last_holder(context, post)}; add the new holder to the post's holders, "
                "or end this membership"
            )
            yield membership_problem(body, membership, message)


def _last_holder(context: Context, post: Post) -> str:
    ended = [h for h in post.holders if has_ended(h, context.on)]
    if not ended:
        return " (its first holder has not started yet)"
    last = max(ended, key=lambda h: h.to or context.on)
    return f" (last held by {context.model.name_of(last.person)} until {last.to})"
