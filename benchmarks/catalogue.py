"""The vocabulary of the synthetic models: places, people, posts and the bodies of a council.

Kept apart from :mod:`generate` so the generator reads as "how a model is put
together" and this file as "what an English council's governance looks like".
The bodies follow the shape of the Worcestershire minutes in ``shared/seeds``:
Full Council and Cabinet at the top, the Health and Wellbeing Board with the
children's and safeguarding partnerships below it, scrutiny panels, the
regulatory committees and the community safety partnership.
"""

from __future__ import annotations

from dataclasses import dataclass

PLACE_STARTS = (
    "Ash", "Bar", "Brad", "Brom", "Castle", "Chel", "Crane", "Dun", "Elm", "Fair",
    "Glen", "Hal", "Hart", "Kings", "Lang", "Mar", "Mill", "New", "Oak", "Red",
    "Rother", "Salt", "Stan", "Thorn", "Wal", "Whit", "Wood", "Wyre", "Brook", "Cold",
)  # fmt: skip
PLACE_ENDS = (
    "ford", "bury", "ham", "field", "ton", "ley", "worth", "wick", "borough",
    "minster", "dale", "cester", "mouth", "stead",
)  # fmt: skip
DISTRICT_WORDS = ("North", "South", "East", "West", "Mid", "Upper", "Lower", "Vale of")

FIRST_NAMES = (
    "Aisha", "Alan", "Amelia", "Andrew", "Anita", "Ben", "Bridget", "Carl", "Catherine",
    "Chris", "Claire", "Daniel", "David", "Deborah", "Elaine", "Emma", "Fatima", "Gareth",
    "Gemma", "Graham", "Hannah", "Harjit", "Helen", "Ian", "Imran", "Jack", "James", "Jane",
    "Jo", "John", "Julie", "Karen", "Kevin", "Laura", "Lee", "Lisa", "Liz", "Marcus",
    "Margaret", "Mark", "Mary", "Matthew", "Michelle", "Mohammed", "Nadia", "Neil", "Nicola",
    "Owen", "Patrick", "Paul", "Priya", "Rachel", "Rebecca", "Richard", "Robert", "Ruth",
    "Sam", "Sarah", "Shaun", "Simon", "Sophie", "Stephen", "Sue", "Tariq", "Tom", "Tracey",
    "Victoria", "Wendy", "Yasmin", "Zoe",
)  # fmt: skip
SURNAMES = (
    "Adams", "Ahmed", "Allen", "Bailey", "Baker", "Begum", "Bell", "Bennett", "Brown",
    "Campbell", "Carter", "Chapman", "Clarke", "Collins", "Cooper", "Davies", "Edwards",
    "Evans", "Fisher", "Green", "Griffiths", "Hall", "Harris", "Hill", "Hughes", "Hussain",
    "Jackson", "James", "Johnson", "Jones", "Kaur", "Khan", "King", "Lewis", "Marshall",
    "Martin", "Mason", "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Owen", "Parker",
    "Patel", "Phillips", "Price", "Roberts", "Robinson", "Scott", "Shah", "Singh", "Smith",
    "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Williams",
    "Wilson", "Wood", "Wright", "Young",
)  # fmt: skip

#: (post key, title) of the council's own officers; "{c}" is the council's name.
OFFICER_POSTS = (
    ("chief-executive", "Chief Executive, {c}"),
    ("dcs", "Director of Children's Services, {c}"),
    ("dass", "Director of Adult Social Services, {c}"),
    ("dph", "Director of Public Health, {c}"),
    ("monitoring-officer", "Monitoring Officer, {c}"),
    ("s151-officer", "Chief Finance Officer (s151), {c}"),
    ("head-of-democratic-services", "Head of Democratic Services, {c}"),
    ("head-of-legal", "Head of Legal Services, {c}"),
    ("assistant-director-safeguarding", "Assistant Director, Safeguarding, {c}"),
    ("assistant-director-early-help", "Assistant Director, Early Help, {c}"),
    ("assistant-director-education", "Assistant Director, Education and Skills, {c}"),
    ("assistant-director-send", "Assistant Director, SEND, {c}"),
    ("assistant-director-adult-care", "Assistant Director, Adult Care, {c}"),
    ("assistant-director-commissioning", "Assistant Director, Commissioning, {c}"),
    ("principal-social-worker-children", "Principal Social Worker (Children), {c}"),
    ("principal-social-worker-adults", "Principal Social Worker (Adults), {c}"),
    ("virtual-school-head", "Virtual School Head, {c}"),
    ("designated-officer", "Local Authority Designated Officer, {c}"),
    ("community-safety-manager", "Community Safety Manager, {c}"),
    ("domestic-abuse-lead", "Domestic Abuse Partnership Lead, {c}"),
    ("prevent-coordinator", "Prevent Coordinator, {c}"),
    ("head-of-housing", "Head of Housing, {c}"),
    ("director-of-economy", "Director of Economy and Infrastructure, {c}"),
    ("head-of-planning", "Head of Planning, {c}"),
    ("head-of-licensing", "Head of Licensing, {c}"),
    ("head-of-audit", "Head of Internal Audit, {c}"),
    ("pensions-manager", "Head of Pensions, {c}"),
    ("hr-director", "Director of People, {c}"),
    ("climate-lead", "Climate Change Manager, {c}"),
    ("transport-lead", "Head of Transport Planning, {c}"),
    ("consultant-public-health", "Consultant in Public Health, {c}"),
    ("health-protection-lead", "Health Protection Lead, {c}"),
    ("safeguarding-business-manager", "Safeguarding Partnership Business Manager, {c}"),
    ("adults-board-manager", "Safeguarding Adults Board Manager, {c}"),
    ("quality-assurance-lead", "Quality Assurance Lead, {c}"),
    ("learning-lead", "Safeguarding Learning and Development Lead, {c}"),
    ("carers-lead", "Carers Commissioning Lead, {c}"),
    ("mental-health-commissioner", "Mental Health Commissioner, {c}"),
    ("learning-disability-lead", "Learning Disability Lead, {c}"),
    ("bcf-manager", "Better Care Fund Manager, {c}"),
    ("schools-finance-manager", "Schools Finance Manager, {c}"),
    ("admissions-manager", "School Admissions Manager, {c}"),
    ("children-in-care-lead", "Head of Children in Care, {c}"),
    ("participation-officer", "Participation Officer, {c}"),
    ("scrutiny-officer", "Overview and Scrutiny Officer, {c}"),
    ("member-development-officer", "Member Development Officer, {c}"),
    ("youth-services-manager", "Youth Services Manager, {c}"),
    ("antisocial-behaviour-lead", "Anti-social Behaviour Coordinator, {c}"),
)

#: Services with a "Head of ..." post each, for the long tail of a council's officers.
SERVICES = (
    "Children's Social Care", "Fostering and Adoption", "Youth Justice", "Education Inclusion",
    "School Improvement", "Libraries and Culture", "Highways", "Waste Management",
    "Trading Standards", "Environmental Health", "Procurement", "Digital and ICT", "Property",
    "Communications", "Strategy and Policy", "Performance and Intelligence",
    "Children's Commissioning", "Public Health Intelligence", "Adult Learning",
    "Emergency Planning",
)  # fmt: skip

#: Cabinet portfolios: posts held by councillors, reshuffled after each election.
PORTFOLIOS = (
    ("leader", "Leader of the Council"), ("deputy-leader", "Deputy Leader of the Council"),
    ("cm-children", "Cabinet Member for Children and Families"),
    ("cm-adults", "Cabinet Member for Adult Social Care"),
    ("cm-health", "Cabinet Member for Health and Wellbeing"),
    ("cm-economy", "Cabinet Member for Economy and Infrastructure"),
    ("cm-environment", "Cabinet Member for Environment"),
    ("cm-corporate", "Cabinet Member for Corporate Services"),
    ("cm-communities", "Cabinet Member for Communities"),
)  # fmt: skip

#: Posts of partner agencies in the council's area; "{org}" is filled per council.
PARTNER_POSTS = (
    ("icb-nurse", "Chief Nursing Officer, {icb}", "icb"),
    ("icb-place-director", "Place Director for {c}, {icb}", "icb"),
    ("icb-designated-nurse", "Designated Nurse for Safeguarding Children, {icb}", "icb"),
    ("icb-designated-doctor", "Designated Doctor for Safeguarding Children, {icb}", "icb"),
    ("icb-mh-lead", "Mental Health Commissioning Lead, {icb}", "icb"),
    ("police-superintendent", "Superintendent, {c} Policing Area, {police}", "police"),
    ("police-public-protection", "Head of Public Protection, {police}", "police"),
    ("police-inspector-neighbourhoods", "Neighbourhood Inspector, {c}, {police}", "police"),
    ("fire-area-manager", "Area Manager, {fire}", "fire"),
    ("probation-head", "Head of Probation Delivery Unit, {c}", "probation"),
    ("trust-safeguarding-lead", "Head of Safeguarding, {acute}", "acute"),
    ("trust-chief-nurse", "Chief Nurse, {acute}", "acute"),
    ("mh-trust-director", "Director of Operations, {mh}", "mh"),
    ("healthwatch-chair", "Chair, Healthwatch {c}", "healthwatch"),
    ("healthwatch-officer", "Chief Officer, Healthwatch {c}", "healthwatch"),
    ("cvs-chief", "Chief Executive, {c} Council for Voluntary Service", "cvs"),
    ("primary-head-rep", "Primary Headteacher Representative", None),
    ("secondary-head-rep", "Secondary Headteacher Representative", None),
    ("special-head-rep", "Special School Headteacher Representative", None),
    ("academy-rep", "Academy Trust Representative", None),
    ("diocese-rep", "Diocesan Director of Education", None),
    ("independent-chair-scp", "Independent Scrutineer, Safeguarding Children Partnership", None),
    ("independent-chair-sab", "Independent Chair, Safeguarding Adults Board", None),
)


@dataclass(frozen=True)
class BodySpec:
    """One body every synthetic council has (some only with a probability).

    ``members`` names how its membership is drawn (see ``generate.members_for``):
    ``everyone`` (all councillors), ``cabinet``, ``councillors`` (a committee),
    ``partners`` (agencies and officer posts), ``officers`` (a working sub-group),
    ``none`` (a body set up with no members yet).
    """

    key: str
    name: str
    kind: str
    file: str
    parents: tuple[str, ...] = ()
    members: str = "councillors"
    size: tuple[int, int] = (8, 12)
    meets: str | None = "quarterly"
    established: str | None = None
    dissolved: str | None = None
    predecessor: str | None = None
    chance: float = 1.0
    short_name: str | None = None


S = BodySpec
BODIES: tuple[BodySpec, ...] = (
    # --- council.yaml: the council and its committees ---------------------------------
    S("full-council", "{c}", "council", "council", (), "everyone", meets="bi-monthly"),
    S("cabinet", "Cabinet", "cabinet", "council", ("full-council",), "cabinet", meets="monthly"),
    S("audit-committee", "Audit and Governance Committee", "committee", "council",
      ("full-council",), size=(7, 10)),
    S("standards-committee", "Standards Committee", "committee", "council", ("full-council",),
      size=(5, 8), meets="half-yearly"),
    S("planning-committee", "Planning Committee", "committee", "council", ("full-council",),
      size=(10, 14), meets="monthly"),
    S("planning-sub-committee", "Planning Sub-Committee", "sub-group", "council",
      ("planning-committee",), size=(5, 7), meets="ad-hoc", chance=0.6),
    S("licensing-committee", "Licensing Committee", "committee", "council", ("full-council",),
      size=(10, 15)),
    S("licensing-sub-committee", "Licensing Sub-Committee", "sub-group", "council",
      ("licensing-committee",), size=(3, 5), meets="ad-hoc"),
    S("pensions-committee", "Pensions Committee", "committee", "council", ("full-council",),
      size=(6, 9)),
    S("pension-board", "Local Pension Board", "board", "council", ("pensions-committee",),
      "partners", size=(4, 7), established="2015-04-01"),
    S("appointments-committee", "Appointments Committee", "committee", "council",
      ("full-council",), size=(5, 7), meets="ad-hoc"),
    S("member-development-group", "Member Development Steering Group", "forum", "council",
      ("standards-committee",), size=(5, 8), chance=0.7),
    # --- scrutiny.yaml ------------------------------------------------------------------
    S("osmb", "Overview and Scrutiny Performance Board", "board", "scrutiny", ("full-council",),
      size=(9, 13), meets="monthly"),
    S("children-scrutiny", "Children and Families Overview and Scrutiny Panel", "panel",
      "scrutiny", ("osmb",), size=(8, 12)),
    S("adult-scrutiny", "Adult Care and Well-being Overview and Scrutiny Panel", "panel",
      "scrutiny", ("osmb",), size=(8, 12)),
    S("health-scrutiny", "Health Overview and Scrutiny Committee", "panel", "scrutiny",
      ("osmb",), size=(9, 13)),
    S("economy-scrutiny", "Economy and Environment Overview and Scrutiny Panel", "panel",
      "scrutiny", ("osmb",), size=(8, 12)),
    S("corporate-scrutiny", "Corporate and Communities Overview and Scrutiny Panel", "panel",
      "scrutiny", ("osmb",), size=(8, 12)),
    S("send-task-group", "SEND Scrutiny Task Group", "sub-group", "scrutiny",
      ("children-scrutiny",), size=(4, 6), meets="monthly", established="2023-01-16",
      chance=0.5),
    # --- health.yaml --------------------------------------------------------------------
    S("hwb", "Health and Wellbeing Board", "board", "health", ("full-council",), "partners",
      size=(14, 20), established="2013-04-01", short_name="HWB"),
    S("place-partnership", "Place Partnership Board", "partnership", "health", ("hwb",),
      "partners", size=(12, 18), established="2022-07-01"),
    S("health-protection-board", "Health Protection Assurance Board", "sub-group", "health",
      ("hwb",), "officers", size=(8, 12)),
    S("mental-health-partnership", "All-age Mental Health Partnership", "partnership",
      "health", ("hwb",), "partners", size=(10, 15)),
    S("bcf-group", "Better Care Fund Programme Board", "sub-group", "health", ("hwb",),
      "officers", size=(6, 9), meets="monthly"),
    S("ld-partnership", "Learning Disability Partnership Board", "partnership", "health",
      ("hwb",), "partners", size=(10, 15)),
    S("carers-partnership", "Carers Partnership Board", "partnership", "health", ("hwb",),
      "partners", size=(8, 12), chance=0.8),
    # --- children.yaml ------------------------------------------------------------------
    S("cyp-partnership", "Children and Young People's Strategic Partnership Board",
      "partnership", "children", ("hwb",), "partners", size=(14, 20), short_name="CYPSPB"),
    S("early-help-partnership", "Early Help Partnership", "sub-group", "children",
      ("cyp-partnership",), "partners", size=(8, 12)),
    S("send-board", "SEND Improvement Board", "sub-group", "children", ("cyp-partnership",),
      "partners", size=(10, 14), meets="monthly"),
    S("emotional-wellbeing-group", "Emotional Wellbeing and Mental Health Partnership",
      "sub-group", "children", ("cyp-partnership",), "partners", size=(8, 12)),
    S("education-partnership", "Education Partnership Board", "sub-group", "children",
      ("cyp-partnership",), "partners", size=(8, 12)),
    S("corporate-parenting-board", "Corporate Parenting Board", "board", "children",
      ("cabinet",), "councillors", size=(8, 11)),
    S("children-in-care-council", "Children in Care Council", "forum", "children",
      ("corporate-parenting-board",), "officers", size=(3, 5), meets="monthly"),
    S("youth-cabinet", "Youth Cabinet", "forum", "children", ("cyp-partnership",), "officers",
      size=(2, 4), meets="monthly"),
    S("schools-forum", "Schools Forum", "forum", "children", ("cabinet",), "partners",
      size=(12, 18)),
    S("sacre", "Standing Advisory Council on Religious Education", "committee", "children",
      ("full-council",), "partners", size=(8, 12), meets="half-yearly", short_name="SACRE"),
    S("admissions-forum", "Admissions Forum", "forum", "children", ("cabinet",), "partners",
      size=(6, 9), meets="half-yearly", chance=0.6),
    # --- safeguarding.yaml --------------------------------------------------------------
    S("lscb", "Local Safeguarding Children Board", "board", "safeguarding", ("hwb",),
      "partners", size=(12, 16), established="2006-04-01", dissolved="2019-09-28",
      short_name="LSCB"),
    S("scp", "Safeguarding Children Partnership", "partnership", "safeguarding", ("hwb",),
      "partners", size=(10, 16), established="2019-09-29", predecessor="lscb"),
    S("practice-review-group", "Practice Review Group", "sub-group", "safeguarding", ("scp",),
      "officers", size=(6, 10), meets="monthly", established="2019-09-29"),
    S("learning-group", "Learning and Development Group", "sub-group", "safeguarding",
      ("scp",), "officers", size=(6, 10), established="2019-09-29"),
    S("performance-group", "Performance and Quality Assurance Group", "sub-group",
      "safeguarding", ("scp",), "officers", size=(6, 10), established="2019-09-29"),
    S("exploitation-group", "Exploitation and Missing Group", "sub-group", "safeguarding",
      ("scp",), "partners", size=(8, 12), established="2019-09-29"),
    S("neglect-group", "Neglect Strategy Group", "sub-group", "safeguarding", ("scp",),
      "officers", size=(5, 8), established="2019-09-29", chance=0.7),
    S("cdop", "Child Death Overview Panel", "panel", "safeguarding", ("scp",), "partners",
      size=(6, 10), established="2008-04-01"),
    S("sab", "Safeguarding Adults Board", "board", "safeguarding", ("hwb",), "partners",
      size=(10, 15), established="2015-04-01", short_name="SAB"),
    S("sar-group", "Safeguarding Adults Review Group", "sub-group", "safeguarding", ("sab",),
      "officers", size=(5, 8), established="2015-04-01"),
    S("adults-quality-group", "Quality and Performance Group", "sub-group", "safeguarding",
      ("sab",), "officers", size=(5, 8), established="2015-04-01"),
    S("prevention-group", "Prevention and Engagement Group", "sub-group", "safeguarding",
      ("sab",), "officers", size=(5, 8), established="2016-01-01"),
    # --- community.yaml -----------------------------------------------------------------
    S("csp", "Community Safety Partnership", "partnership", "community", ("cabinet",),
      "partners", size=(10, 15), short_name="CSP"),
    S("domestic-abuse-board", "Domestic Abuse Partnership Board", "sub-group", "community",
      ("csp",), "partners", size=(8, 12), established="2021-04-29"),
    S("serious-violence-group", "Serious Violence Duty Group", "sub-group", "community",
      ("csp",), "partners", size=(6, 10), established="2023-01-31"),
    S("prevent-group", "Prevent Steering Group", "sub-group", "community", ("csp",),
      "partners", size=(6, 9)),
    S("asb-group", "Anti-social Behaviour Action Group", "sub-group", "community", ("csp",),
      "officers", size=(5, 8), chance=0.7),
    S("reoffending-group", "Reducing Reoffending Group", "sub-group", "community", ("csp",),
      "partners", size=(5, 8), chance=0.7),
    S("climate-board", "Climate Change Board", "board", "community", ("cabinet",), "partners",
      size=(6, 10), established="2019-07-18"),
    S("economy-board", "Economic Growth Board", "board", "community", ("cabinet",), "partners",
      size=(8, 12)),
    S("transport-board", "Transport Partnership Board", "partnership", "community",
      ("economy-board",), "partners", size=(6, 10), chance=0.8),
    S("housing-partnership", "Strategic Housing Partnership", "partnership", "community",
      ("cabinet",), "partners", size=(6, 10)),
)  # fmt: skip

#: A short comment at the head of each body file, as an officer would write it.
FILE_COMMENTS = {
    "council": "Full Council, Cabinet and the regulatory committees",
    "scrutiny": "Overview and scrutiny",
    "health": "The Health and Wellbeing Board and its partnerships",
    "children": "Children's partnerships, corporate parenting and the forums",
    "safeguarding": "Safeguarding children and adults (statutory partnerships)",
    "community": "Community safety, economy, climate and housing",
}
