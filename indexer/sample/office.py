"""Items about the Office's own work: cases, institutional news, and the odd one out."""
from __future__ import annotations

import calendar

from indexer.sample import vocab
from indexer.sample.subjects import TOPICS
from indexer.sample.writer import Draft, Writer, assemble

# (what the complaint was about, what the Office obtained, themes)
_CASES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("the refusal to assign a disability pension", "the pension was assigned", ("disability",)),
    ("the refusal to admit a child to a general education school",
     "the child was admitted to school", ("children", "education")),
    ("the lack of medical treatment for a convict", "the convict was transferred to the "
     "Medical Facility for treatment", ("detention", "health")),
    ("unpaid wages at a construction company", "the wage arrears were paid",
     ("business_human_rights",)),
    ("the recalculation of an old-age pension", "the pension was recalculated", ("elderly",)),
    ("the extension of a temporary residence permit of a foreigner", "the permit was extended",
     ("migrants_refugees",)),
    ("the postponement of military service for a student", "the postponement was granted",
     ("military", "education")),
    ("domestic violence against a woman and her children", "a protection order was issued and "
     "the family was placed in a shelter", ("women", "children")),
    ("the restoration of a lost identity document", "the document was issued", ()),
    ("the provision of housing to a family of a martyr", "the family was provided with an "
     "apartment", ("military",)),
)


def case(w: Writer) -> Draft:
    if w.chance(0.25):
        return _statistics(w)
    about, outcome, themes = w.pick(_CASES)
    city = w.home_place()
    headline = w.pick((
        "The rights of a citizen were restored as a result of the intervention of the Ombudsman",
        f"Complaint regarding {about} was resolved positively",
        f"The Ombudsman intervened in a case in {city}",
        f"{w.poss('Ombudsman')} intervention: {outcome}"))
    lead = w.pick((
        f"{w.opening()}a complaint was received by {w.office()} from a resident of {city} "
        f"regarding {about}.",
        f"{w.office()} examined the application of a resident of {city} about {about}."))
    details = (w.pick((f"After the Office wrote to the body concerned, {outcome}.",
                       f"The Office took the matter up and {outcome}.",
                       f"Following an inquiry by the Office, {outcome}.")),
               w.pick(("The applicant thanked the Ombudsman.",
                       "In a letter, the applicant said thanks to the Office.")),
               w.pick(("The body concerned was asked to keep such cases from recurring.",
                       "The Office asked that the same mistake not be made again.")))
    return assemble(w, "case", headline, [lead], details, (), themes)


def _statistics(w: Writer) -> Draft:
    month = calendar.month_name[w.period.start.month]
    n = w.rng.randint(700, 2400)
    headline = w.pick((f"The Ombudsman Office received {n} applications in {month}",
                       f"Applications received by the Office in {month}"))
    lead = (f"In {month} {w.period.start.year}, {w.office()} received {n} written and oral "
            f"applications, {w.rng.randint(40, 70)} percent of which were within the mandate.")
    details = (w.pick(("Most of the complaints concerned social protection, the right to work and "
                       "the activities of law-enforcement bodies.",
                       "Pensions and benefits, jobs and the police were what people wrote about "
                       "most.")),
               f"{w.rng.randint(60, 300)} applications were received via the hotline.",
               "Appropriate measures were taken on each application.")
    return assemble(w, "case", headline, [lead], details, (), ())


def institutional(w: Writer) -> Draft:
    return w.pick((_working_group, _working_group, _expert_council, _regional_center,
                   _appointment))(w)


def _working_group(w: Writer) -> Draft:
    topic = w.pick(TOPICS)
    wg = f"a Working Group on {topic.title}"
    headline = w.pick((f"New body: {wg}",
                       f"The Working Group on {topic.title} held its first meeting",
                       f"The Ombudsman established {wg}"))
    lead = w.pick((f"{w.opening()}{w.omb()} set up {wg}.",
                   f"{wg} now works beside the Office, set up{w.tail()} by {w.omb_object()}."))
    details = ("Officials, independent experts and activists sit on it.",
               "It is to draft changes to laws and to everyday practice.",
               f"The members include {ally_text(w)}.")
    return assemble(w, "institutional", headline, [lead], details, (), topic.themes)


def ally_text(w: Writer) -> str:
    if w.chance(0.5):
        return w.unknown_org()
    return w.org(w.pick(("Azerbaijan Bar Association", "Baku State University",
                         "Union of Disabled Persons Organizations", "ADA University")))


def _expert_council(w: Writer) -> Draft:
    headline = w.pick(("The Expert Council under the Ombudsman held its regular meeting",
                       "Meeting of the Expert Council of the National Preventive Mechanism"))
    lead = w.pick((
        f"The regular meeting of the Expert Council under the Ombudsman was held{w.tail()} "
        "with the participation of experts in law, medicine and psychology.",
        f"{w.opening()}lawyers, doctors and psychologists of the Expert Council met at the Office.",
        f"The Expert Council, whose members include lawyers, doctors and psychologists, sat"
        f"{w.tail()}."))
    details = ("The results of the monitoring visits were discussed.",
               "The plan of activities for the next quarter was approved.")
    return assemble(w, "institutional", headline, [lead], details, (), ("detention",))


def _regional_center(w: Writer) -> Draft:
    city = w.place(w.pick(vocab.REGIONAL_CENTERS))
    headline = w.pick((f"A Regional Center of the Ombudsman started operating in {city}",
                       f"{city} Regional Center of the Ombudsman moved to a new building"))
    lead = (f"{w.opening()}the {w.poss('Ombudsman')} Regional Center in {city} started operating"
            " in a new, accessible building.")
    details = ("The center will receive citizens from the city and the neighbouring districts.",
               "The building is adapted for persons with disabilities.")
    return assemble(w, "institutional", headline, [lead], details, (), ())


def _appointment(w: Writer) -> Draft:
    staff = w.pick(vocab.STAFF)
    named = w.person(staff)
    headline = w.pick((f"{staff.name} was appointed {staff.role}",
                       "New appointments in the Ombudsman Office"))
    lead = f"By the order of {w.omb_object()}, {staff.name} was appointed {staff.role}."
    details = (f"Previously, {staff.name} worked in the Office for many years.",
               f"The staff of the Office congratulated {named}.")
    return assemble(w, "institutional", headline, [lead], details, (), ())


def other(w: Writer) -> Draft:
    city = w.home_place()
    headline, lead = w.pick((
        (f"Ombudsman Office employees planted trees in {city}",
         f"{w.opening()}{w.staff()} took part in a tree-planting campaign in {city}."),
        ("The official website of the Ombudsman has been renewed",
         "The new website is more convenient, including for persons with visual impairments."),
        ("A blood donation campaign was held among Office employees",
         f"{w.opening()}{w.staff()} donated blood for children with thalassemia.")))
    return assemble(w, "other", headline, [lead], (), (), ())
