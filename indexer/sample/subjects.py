"""What the items are about: human rights topics, visited institutions, commemorated days.

Each subject carries the theme ids (docs/contracts.md) that an item about it gets, so the
truth's themes follow from what the text says rather than from a second random draw.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Topic:
    phrase: str  # fits "on {phrase}" / "in the field of {phrase}"
    title: str  # fits "a Working Group on {title}"
    themes: tuple[str, ...]


TOPICS: tuple[Topic, ...] = (
    Topic("the rights of persons with disabilities", "the Rights of Persons with Disabilities",
          ("disability",)),
    Topic("the protection of children's rights", "Children's Rights", ("children",)),
    Topic("the prevention of torture and ill-treatment", "Prevention of Torture", ("detention",)),
    Topic("gender equality and the rights of women", "Gender Equality", ("women", "equality")),
    Topic("business and human rights", "Business and Human Rights", ("business_human_rights",)),
    Topic("the right to education and inclusive education", "Inclusive Education",
          ("education", "disability")),
    Topic("freedom of expression and the rights of journalists", "Freedom of Expression",
          ("media",)),
    Topic("the rights of older persons", "the Rights of Older Persons", ("elderly",)),
    Topic("mental health and human rights", "Mental Health and Human Rights", ("mental_health",)),
    Topic("the rights of migrants and refugees", "Migration and Human Rights",
          ("migrants_refugees",)),
    Topic("international humanitarian law and the fate of missing persons",
          "International Humanitarian Law", ("missing_persons_ihl",)),
    Topic("the right to health and access to medical services", "the Right to Health",
          ("health",)),
    Topic("the rights of national minorities and tolerance", "Tolerance and Multiculturalism",
          ("minorities",)),
    Topic("the right to equality and the prevention of discrimination", "Equality",
          ("equality",)),
    Topic("combating trafficking in human beings", "Combating Human Trafficking", ("other",)),
    Topic("the rights of military servicemen", "the Rights of Servicemen", ("military",)),
    Topic("labour rights and decent work", "Labour Rights", ("business_human_rights",)),
    Topic("environmental rights and climate change", "Environment and Human Rights", ("other",)),
    Topic("access to justice and the right to a fair trial", "Access to Justice", ()),
    Topic("the protection of personal data", "Personal Data Protection", ("other",)),
)


@dataclass(frozen=True, slots=True)
class Institution:
    """A kind of closed institution the National Preventive Group visits."""

    name: str  # may hold {city} and {n}
    kind: str  # generic phrase for headlines ("a children's home")
    themes: tuple[str, ...]
    owner: str  # key into OWNERS: who runs it
    cities: tuple[str, ...] = ()
    numbers: tuple[int, int] = (1, 1)
    owner_always: bool = False  # the name alone does not say which facility is meant


# Who runs an institution: printed as "<institution> of the <org> [under the <org>]".
OWNERS: dict[str, tuple[str, ...]] = {
    "pen": ("Penitentiary Service", "Ministry of Justice"),
    "mia": ("Ministry of Internal Affairs",),
    "health": ("Ministry of Health",),
    "labour": ("Ministry of Labour and Social Protection of Population",),
    "edu": ("Ministry of Science and Education",),
    "defence": ("Ministry of Defence",),
    "sms": ("State Migration Service",),
}

_POLICE_CITIES = ("Sumgayit", "Ganja", "Mingachevir", "Shirvan", "Lankaran", "Shaki")
_DISTRICTS = ("Masalli", "Tovuz", "Zagatala", "Barda", "Khachmaz", "Sabirabad", "Goychay",
              "Ismayilli", "Gabala", "Guba", "Absheron")

INSTITUTIONS: tuple[Institution, ...] = (
    Institution("the {city} Pre-Trial Detention Facility", "a pre-trial detention facility",
                ("detention",), "pen", ("Baku", "Ganja", "Shaki", "Lankaran")),
    Institution("Penitentiary Institution No. {n}", "a penitentiary institution", ("detention",),
                "pen", (), (1, 19)),
    Institution("the Temporary Detention Isolator of the {city} City Police Department",
                "a temporary detention isolator", ("detention",), "mia", _POLICE_CITIES),
    Institution("the temporary detention facility of the {city} District Police Department",
                "a temporary detention facility", ("detention",), "mia", _DISTRICTS),
    Institution("the {city} Psychoneurological Dispensary", "a psychoneurological dispensary",
                ("mental_health", "health"), "health", ("Ganja", "Shaki", "Lankaran", "Sumgayit")),
    Institution("Boarding House No. {n} for the Elderly", "a boarding house for the elderly",
                ("elderly",), "labour", (), (1, 4)),
    Institution("the social service institution for the elderly in {city}",
                "a social service institution for the elderly", ("elderly",), "labour",
                ("Baku", "Ganja", "Shaki", "Guba")),
    Institution("Children's Home No. {n}", "a children's home", ("children",), "edu", (), (1, 7)),
    Institution("the {city} Children's Home", "a children's home", ("children",), "edu",
                ("Ganja", "Shaki", "Mingachevir", "Lankaran", "Gabala")),
    Institution("the Juvenile Penitentiary Institution", "the juvenile penitentiary institution",
                ("children", "detention"), "pen"),
    Institution("the guardhouse of the military unit stationed in {city}",
                "a military unit guardhouse", ("military", "detention"), "defence",
                ("Ganja", "Barda", "Tovuz", "Shirvan", "Gabala")),
    Institution("the Deportation Center for Irregular Migrants",
                "the deportation center for irregular migrants",
                ("migrants_refugees", "detention"), "sms", owner_always=True),
    Institution("Republican Psychiatric Hospital No. {n}", "a psychiatric hospital",
                ("mental_health", "health"), "health", (), (1, 2)),
    Institution("the {city} Regional Psychiatric Hospital", "a psychiatric hospital",
                ("mental_health", "health"), "health", ("Ganja", "Shaki", "Lankaran")),
    Institution("the Penitentiary Institution for Women", "the penitentiary institution for women",
                ("women", "detention"), "pen"),
    Institution("the Medical Facility", "the medical facility of the Penitentiary Service",
                ("health", "detention"), "pen", owner_always=True),
    Institution("the boarding house for persons with disabilities in {city}",
                "a boarding house for persons with disabilities", ("disability",), "labour",
                ("Baku", "Ganja", "Mingachevir", "Sumgayit")),
    Institution("the social rehabilitation center for juveniles in {city}",
                "a rehabilitation center for juveniles", ("children",), "labour",
                ("Baku", "Sumgayit", "Ganja")),
)


@dataclass(frozen=True, slots=True)
class Day:
    """A commemorated day; printed only in bulletins whose period holds it."""

    month: int
    day: int
    name: str
    themes: tuple[str, ...]
    since: int = 2000  # first year it is observed

    def on(self, year: int) -> date:
        return date(year, self.month, self.day)


DAYS: tuple[Day, ...] = (
    Day(1, 20, "the National Day of Mourning", ()),
    Day(2, 26, "the Khojaly genocide Remembrance Day", ("missing_persons_ihl",)),
    Day(3, 8, "International Women's Day", ("women",)),
    Day(3, 31, "the Day of the Genocide of Azerbaijanis", ("minorities",)),
    Day(4, 2, "World Autism Awareness Day", ("disability", "health")),
    Day(4, 4, "the International Day for Mine Awareness and Assistance in Mine Action",
        ("missing_persons_ihl",)),
    Day(6, 1, "International Children's Day", ("children",)),
    Day(6, 20, "World Refugee Day", ("migrants_refugees",)),
    Day(6, 26, "the International Day in Support of Victims of Torture", ("detention",)),
    Day(7, 30, "the World Day against Trafficking in Persons", ("other",)),
    Day(8, 30, "the International Day of the Victims of Enforced Disappearances",
        ("missing_persons_ihl",)),
    Day(9, 27, "the Day of Remembrance", ("military", "missing_persons_ihl"), since=2021),
    Day(10, 1, "the International Day of Older Persons", ("elderly",)),
    Day(10, 10, "World Mental Health Day", ("mental_health", "health")),
    Day(11, 20, "World Children's Day", ("children",)),
    Day(12, 3, "the International Day of Persons with Disabilities", ("disability",)),
    Day(12, 10, "International Human Rights Day", ()),
    Day(12, 18, "International Migrants Day", ("migrants_refugees",)),
)

COP29 = "the 29th session of the Conference of the Parties to the {unfccc} (COP29)"
COP29_DAYS = (date(2024, 11, 11), date(2024, 11, 22))


@dataclass(frozen=True, slots=True)
class Conference:
    title: str  # printed inside quotes
    themes: tuple[str, ...]


CONFERENCES: tuple[Conference, ...] = (
    Conference("Human Rights in the Digital Age: Challenges and Opportunities", ("media",)),
    Conference("Ombudsman Institutions and People at Risk", ()),
    Conference("Business and Human Rights: Responsible Business Conduct",
               ("business_human_rights",)),
    Conference("Inclusive Education: Experience and Perspectives", ("education", "disability")),
    Conference("Prevention of Torture: the Role of National Preventive Mechanisms",
               ("detention",)),
    Conference("Rights of the Child in the Modern World", ("children",)),
    Conference("Gender Equality and Women's Empowerment", ("women", "equality")),
    Conference("Humanitarian Demining and the Rights of Mine Victims", ("missing_persons_ihl",)),
    Conference("Climate Change and Human Rights", ("other",)),
    Conference("Mental Health and Human Rights: International Standards", ("mental_health",)),
    Conference("Access to Justice for Vulnerable Groups of the Population", ()),
    Conference("Artificial Intelligence and Human Rights", ("other",)),
    Conference("Healthy Ageing and the Rights of Older Persons", ("elderly", "health")),
    Conference("Migration, Asylum and Human Rights", ("migrants_refugees",)),
)

# (audience, themes, needs a city): who attends a training or awareness event.
AUDIENCES: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("pupils of secondary school No. {n} in {city}", ("children", "education"), True),
    ("teachers and parents in {city}", ("children", "education"), True),
    ("employees of police departments in {city}", (), True),
    ("medical staff of hospitals in {city}", ("health",), True),
    ("employees of penitentiary institutions", ("detention",), False),
    ("representatives of civil society organizations", (), False),
    ("social workers", (), False),
    ("journalists and bloggers", ("media",), False),
    ("military servicemen", ("military",), False),
    ("young people in {city}", (), True),
    ("employees of local executive authorities in {city}", (), True),
    ("women living in rural areas of {city}", ("women",), True),
)
