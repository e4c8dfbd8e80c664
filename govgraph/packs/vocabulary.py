"""The words statutory packs use: organisation kinds and office roles.

``Organisation.kind`` stays free text (models used it before packs existed),
but a pack can only recognise an organisation by its kind, so the built-in
packs and the register of national reorganisations use the kinds below. Post
and person ``role``/``roles`` are new with packs and are checked at load
against :data:`ROLES` plus any role a user pack names, so a misspelt role is
a load error with "did you mean" rather than a silently unmet requirement.
"""

from __future__ import annotations

#: Organisation kinds the built-in packs and the reorganisation register use.
KINDS: dict[str, str] = {
    "county-council": "a county council (the upper tier of a two-tier area)",
    "district-council": "a district, borough or city council in a two-tier area",
    "unitary-council": "a unitary council (county and district functions in one)",
    "metropolitan-borough-council": "a metropolitan district (borough) council",
    "london-borough-council": "a London borough council or the City of London Corporation",
    "icb": "an integrated care board (from 1 July 2022)",
    "ccg": "a clinical commissioning group (1 April 2013 to 30 June 2022)",
    "primary-care-trust": "a primary care trust (until 31 March 2013)",
    "police": "a police force, i.e. its chief officer of police",
    "police-authority": "a police authority (until 21 November 2012)",
    "pcc": "a police and crime commissioner (local policing body, from 22 November 2012)",
    "fire-and-rescue": "a fire and rescue authority",
    "probation": "the Probation Service (a provider of probation services)",
    "community-rehabilitation-company": "a community rehabilitation company (until 25 June 2021)",
    "healthwatch": "a Local Healthwatch organisation (from 1 April 2013)",
    "link": "a Local Involvement Network, LINk (until 31 March 2013)",
    "local-safeguarding-children-board": "a local safeguarding children board (until 2019)",
    "public-health-england": "Public Health England (until 30 September 2021)",
    "ukhsa": "the UK Health Security Agency (from 1 October 2021)",
    "ohid": "the Office for Health Improvement and Disparities (from 1 October 2021)",
    "nhs-digital": "NHS Digital (until 31 January 2023)",
    "health-education-england": "Health Education England (until 31 March 2023)",
    "nhs-england": "NHS England",
}

#: Office roles a post (``role``) or a person (``roles``) may carry.
ROLES: dict[str, str] = {
    "councillor": "an elected member of the council",
    "leader": "the executive leader of the council (a councillor)",
    "cabinet-member": "a member of the council's executive (a councillor)",
    "elected-mayor": "a directly elected mayor (not a councillor)",
    "director-of-children-services": "the director of children's services (Children Act 2004 s18)",
    "director-of-adult-social-services": (
        "the director of adult social services (Local Authority Social Services Act 1970 s6)"
    ),
    "director-of-public-health": "the director of public health (NHS Act 2006 s73A)",
    "chief-executive": "the head of paid service",
    "monitoring-officer": "the monitoring officer (Local Government and Housing Act 1989 s5)",
    "chief-finance-officer": "the chief finance officer (Local Government Act 1972 s151)",
}

#: Roles that make their holder a councillor: the executive leader and cabinet
#: members of a council must be councillors (Local Government Act 2000), so a
#: "Cabinet Member for Health" post satisfies a requirement for a councillor.
COUNCILLOR_ROLES: frozenset[str] = frozenset({"councillor", "leader", "cabinet-member"})
