"""Statutory packs: the shipped packs, a model's own packs, and clear errors for bad ones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support import CliResult

from govgraph.audit import audit
from govgraph.errors import ModelLoadError
from govgraph.loader import load
from govgraph.packs import builtin_packs, resolve
from govgraph.packs.describe import describe_packs
from govgraph.packs.vocabulary import KINDS, ROLES
from govgraph.reorganisations import BY_KIND

ModelDir = Callable[..., Path]
Cli = Callable[..., CliResult]

SCRUTINY_PACK = """\
packs:
  - id: scrutiny-panel
    name: Overview and scrutiny panel
    source: Worcestershire County Council Constitution
    provisions:
      - id: councillors
        cite: Part 6 para 4
        text: seven councillors
        requires: {councillor: true, count: 7}
      - id: substitutes
        cite: Part 6 para 5
        text: two named substitutes
        requires: {role: substitute, count: 2}
"""


def panel(councillors: int, substitutes: int) -> str:
    people = [f"  - {{id: cllr-{n}, name: Cllr {n}, roles: [councillor]}}" for n in range(9)]
    members = [f"      - {{member: cllr-{n}}}" for n in range(councillors)]
    members += [f"      - {{member: cllr-{7 + n}, role: substitute}}" for n in range(substitutes)]
    return "\n".join(
        [
            "people:",
            *people,
            "bodies:",
            "  - id: cf-scrutiny",
            "    name: Children and Families Overview and Scrutiny Panel",
            "    statutory: scrutiny-panel",
            "    members:",
            *members,
            "",
        ]
    )


def messages(folder: Path, on: date = date(2023, 7, 7)) -> list[str]:
    result = audit(load(folder), on=on, select=["statutory-composition"])
    return [f.message for f in result.findings]


def load_errors(folder: Path) -> list[str]:
    with pytest.raises(ModelLoadError) as caught:
        load(folder)
    return [str(problem) for problem in caught.value.problems]


# --- the shipped packs ---------------------------------------------------------------------


def test_the_four_statutory_packs_ship_with_sources_and_urls() -> None:
    packs = builtin_packs()
    assert sorted(packs) == [
        "community-safety-partnership",
        "health-and-wellbeing-board",
        "safeguarding-adults-board",
        "safeguarding-children-partners",
    ]
    for pack in packs.values():
        assert pack.url and pack.url.startswith("https://www.legislation.gov.uk/")
        assert pack.file == f"govgraph/packs/{pack.id}.yaml" and pack.line > 0
        assert all(p.cite and p.text for p in pack.provisions)


def test_shipped_packs_use_only_documented_kinds_and_roles() -> None:
    from govgraph.packs.models import rules_of

    for pack in builtin_packs().values():
        for provision in pack.provisions:
            for rule in rules_of(provision.requires):
                assert set(rule.organisation_kind or ()) <= set(KINDS)
                assert set(rule.post_role or ()) <= set(ROLES)


@pytest.mark.parametrize(
    "pack_id",
    [
        "health-and-wellbeing-board",
        "safeguarding-children-partners",
        "safeguarding-adults-board",
        "community-safety-partnership",
    ],
)
def test_the_ccg_to_icb_switch_matches_the_register(pack_id: str) -> None:
    provisions = {p.id: p for p in builtin_packs()[pack_id].provisions}
    ccg = BY_KIND["ccg"]
    assert provisions["ccg"].in_force_to == ccg.last_day
    assert provisions["icb"].in_force_from == ccg.abolished_on


# --- a model's own packs -------------------------------------------------------------------


def test_a_user_pack_passes_when_the_panel_is_complete(model_dir: ModelDir) -> None:
    folder = model_dir({"packs.yaml": SCRUTINY_PACK, "panel.yaml": panel(7, 2)})
    assert messages(folder) == []
    assert load(folder).packs["scrutiny-panel"].file == "packs.yaml"


def test_a_user_pack_counts_councillors_and_substitutes(model_dir: ModelDir) -> None:
    folder = model_dir({"packs.yaml": SCRUTINY_PACK, "panel.yaml": panel(6, 1)})
    assert messages(folder) == [
        "Worcestershire County Council Constitution Part 6 para 4: requires seven councillors; "
        "it needs at least 7 councillors; it has 6 (cllr-0, cllr-1, cllr-2, cllr-3, cllr-4, "
        "cllr-5)",
        "Worcestershire County Council Constitution Part 6 para 5: requires two named "
        "substitutes; it needs at least 2 members sitting as substitute; it has 1 (cllr-7)",
    ]


def test_at_most_caps_a_count(model_dir: ModelDir) -> None:
    capped = SCRUTINY_PACK.replace("count: 7}", "count: 5, at_most: 6}")
    folder = model_dir({"packs.yaml": capped, "panel.yaml": panel(7, 2)})
    (found,) = messages(folder)
    assert "it may have at most 6 councillors; it has 7 (cllr-0," in found, "substitutes apart"


def test_a_user_pack_can_extend_a_built_in_one(model_dir: ModelDir) -> None:
    extended = """\
    packs:
      - id: worcs-hwb
        name: Worcestershire HWB (statute and terms of reference)
        source: HWB terms of reference
        extends: health-and-wellbeing-board
        provisions:
          - id: police
            cite: para 3.1
            text: West Mercia Police
            requires: {organisation_kind: police}
    organisations:
      - {id: police, name: West Mercia Police, kind: police}
    bodies:
      - {id: hwb, name: Health and Wellbeing Board, statutory: worcs-hwb, members: [{member: police}]}
    """
    folder = model_dir({"model.yaml": extended})
    pack = resolve(load(folder), "worcs-hwb")
    assert pack is not None and [p.id for p in pack.provisions][-2:] == ["icb", "police"]
    found = messages(folder)
    assert any(m.startswith("Health and Social Care Act 2012 s194(2)(e)") for m in found)
    assert not any("para 3.1" in m for m in found)


def test_checks_packs_lists_built_in_and_model_packs(model_dir: ModelDir, cli: Cli) -> None:
    folder = model_dir({"packs.yaml": SCRUTINY_PACK, "panel.yaml": panel(7, 2)})
    result = cli("checks", "--packs", "--model", folder)
    assert result.exit_code == 0
    assert "health-and-wellbeing-board: Health and Wellbeing Board" in result.stdout
    assert "  s194(2)(f) [icb, from 2022-07-01]" in result.stdout
    assert "      requires: each current organisation of kind 'icb'" in result.stdout
    assert f"  defined at {folder / 'packs.yaml'}:2" in result.stdout
    assert "      requires: at least 7 councillors" in result.stdout
    assert "ccg: clinical commissioning groups, last day 2022-06-30" in result.stdout
    assert describe_packs(None) in cli("checks", "--packs").stdout


# --- bad packs and bad references -----------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "line", "expected"),
    [
        (
            "cite: Part 6 para 4",
            7,
            "unknown field 'cit' in a pack provision (did you mean 'cite'?)",
        ),
        ("count: 7}", 9, "count must be 'each', 'at-least-one' or a whole number from 1, not 0"),
        ("councillor: true,", 9, "a rule needs at least one of organisation_kind"),
        ("source: W", 4, "unknown field 'sorce' in a pack (did you mean 'source'?)"),
    ],
)
def test_a_bad_pack_is_refused_with_file_line_and_hint(
    model_dir: ModelDir, change: str, line: int, expected: str
) -> None:
    broken = {
        "cite: Part 6 para 4": "cit: Part 6 para 4",
        "count: 7}": "count: 0}",
        "councillor: true,": "",
        "source: W": "sorce: W",
    }[change]
    folder = model_dir({"packs.yaml": SCRUTINY_PACK.replace(change, broken, 1)})
    problems = load_errors(folder)
    assert any(
        p.startswith(f"{folder / 'packs.yaml'}:{line}: error") and expected in p for p in problems
    ), problems


def test_a_pack_with_dates_the_wrong_way_round(model_dir: ModelDir) -> None:
    dated = SCRUTINY_PACK.replace(
        "        text: seven councillors\n",
        "        text: seven councillors\n        in_force_from: 2024-05-01\n"
        "        in_force_to: 2023-05-01\n",
    )
    (problem,) = load_errors(model_dir({"packs.yaml": dated}))
    assert ":6: error (packs[scrutiny-panel].provisions[0]):" in problem
    assert "in_force_to (2023-05-01) is before in_force_from (2024-05-01)" in problem


def test_unknown_statutory_pack_names_the_nearest(model_dir: ModelDir) -> None:
    folder = model_dir(
        {
            "bodies.yaml": """\
            bodies:
              - id: hwb
                name: Health and Wellbeing Board
                statutory: health-and-wellbeing-bord
            """
        }
    )
    (problem,) = load_errors(folder)
    assert problem.startswith(f"{folder / 'bodies.yaml'}:4: error: statutory names ")
    assert "(did you mean 'health-and-wellbeing-board'?)" in problem


def test_a_pack_may_not_take_a_built_in_id(model_dir: ModelDir) -> None:
    clash = SCRUTINY_PACK.replace("id: scrutiny-panel", "id: safeguarding-adults-board")
    (problem,) = load_errors(model_dir({"packs.yaml": clash}))
    assert ":2: error: 'safeguarding-adults-board' is a built-in pack" in problem
    assert "extends: safeguarding-adults-board" in problem


def test_two_packs_with_one_id_across_files(model_dir: ModelDir) -> None:
    folder = model_dir({"a.yaml": SCRUTINY_PACK, "b.yaml": SCRUTINY_PACK})
    (problem,) = load_errors(folder)
    assert problem.startswith(f"{folder / 'b.yaml'}:2: error")
    assert f"already used at {folder / 'a.yaml'}:2" in problem


def test_extends_must_name_a_built_in_pack(model_dir: ModelDir) -> None:
    bad = SCRUTINY_PACK.replace("    source:", "    extends: safeguarding-adult-board\n    source:")
    (problem,) = load_errors(model_dir({"packs.yaml": bad}))
    assert ":4: error: extends names 'safeguarding-adult-board'" in problem
    assert "(did you mean 'safeguarding-adults-board'" in problem


def test_an_unknown_kind_in_a_user_pack(model_dir: ModelDir) -> None:
    bad = SCRUTINY_PACK.replace("{role: substitute, count: 2}", "{organisation_kind: helthwatch}")
    (problem,) = load_errors(model_dir({"packs.yaml": bad}))
    assert ":13: error: organisation_kind 'helthwatch' is not one of govgraph's kinds" in problem
    assert "(did you mean 'healthwatch'?)" in problem


def test_a_kind_the_model_uses_is_fine_in_a_user_pack(model_dir: ModelDir) -> None:
    own = SCRUTINY_PACK.replace(
        "{role: substitute, count: 2}", "{organisation_kind: youth-justice}"
    )
    orgs = "organisations:\n  - {id: yjs, name: Youth Justice Service, kind: youth-justice}\n"
    assert load(model_dir({"packs.yaml": own, "orgs.yaml": orgs})).packs


def test_a_misspelt_post_role_is_refused(model_dir: ModelDir) -> None:
    posts = """\
    posts:
      - id: dcs
        title: Director of Children's Services
        role: director-of-childrens-services
    """
    (problem,) = load_errors(model_dir({"posts.yaml": posts}))
    assert ":4: error: role 'director-of-childrens-services' is not a role" in problem
    assert "(did you mean 'director-of-children-services'" in problem


def test_a_role_named_by_a_user_pack_may_be_used(model_dir: ModelDir) -> None:
    pack = SCRUTINY_PACK.replace("{role: substitute, count: 2}", "{post_role: scrutiny-officer}")
    posts = "posts:\n  - {id: so, title: Scrutiny Officer, role: scrutiny-officer}\n"
    assert load(model_dir({"packs.yaml": pack, "posts.yaml": posts})).posts["so"].role


def test_packs_must_be_a_list_and_the_section_name_is_suggested(model_dir: ModelDir) -> None:
    (problem,) = load_errors(model_dir({"p.yaml": "packs: {id: x}\n"}))
    assert "'packs' must be a list of packs" in problem
    (problem,) = load_errors(model_dir({"p.yaml": "pakcs: []\n"}, name="other"))
    assert "unknown section 'pakcs' (did you mean 'packs'?)" in problem


def test_validate_exits_2_on_a_bad_pack(model_dir: ModelDir, cli: Cli) -> None:
    folder = model_dir({"packs.yaml": SCRUTINY_PACK.replace("cite: Part 6 para 4", "cite: ''")})
    result = cli("validate", folder)
    assert result.exit_code == 2
    assert f"{folder / 'packs.yaml'}:7: error" in result.stderr
    assert "'cite' must not be empty" in result.stderr


def test_the_format_documents_every_pack_kind_role_and_reorganisation() -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "FORMAT.md").read_text()
    section = docs[docs.index("### Statutory packs") :]
    words = [*builtin_packs(), *KINDS, *ROLES, *BY_KIND]
    assert [w for w in words if f"`{w}`" not in section] == []
    for pack in builtin_packs().values():
        for provision in pack.provisions:
            assert f"| {provision.cite} " in section, provision.cite


def test_voting_and_each_filters_in_a_user_pack(model_dir: ModelDir) -> None:
    pack = """\
    packs:
      - id: partnership-board
        name: Partnership board
        source: Terms of reference
        provisions:
          - id: voting-police
            cite: para 2
            text: each police force, with a vote
            requires: {organisation_kind: police, count: each, voting: true}
    organisations:
      - {id: wmp, name: West Mercia Police, kind: police}
      - {id: btp, name: British Transport Police, kind: police}
    bodies:
      - id: board
        name: Partnership Board
        statutory: partnership-board
        members: [{member: wmp}, {member: btp, voting: false}]
    """
    assert messages(model_dir({"model.yaml": pack})) == [
        "Terms of reference para 2: requires each police force, with a vote; "
        "British Transport Police (btp) sits on it, but not as an organisation of kind 'police' "
        "with a vote"
    ]
