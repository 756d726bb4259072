"""Items about other institutions: international cooperation, agreements, meetings."""
from __future__ import annotations

from indexer.sample import vocab
from indexer.sample.subjects import TOPICS
from indexer.sample.writer import Draft, Writer, assemble, event_remarks

# (gathering, host organisation, cities it meets in)
_GATHERINGS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("the Annual Meeting of GANHRI", "Global Alliance of National Human Rights Institutions",
     ("Geneva",)),
    ("the meeting of the Board of Directors of the IOI", "International Ombudsman Institute",
     ("Vienna", "Bangkok")),
    ("the General Assembly of the AOA", "Asian Ombudsman Association",
     ("Istanbul", "Islamabad", "Bangkok", "Tashkent", "Astana")),
    ("the regular session of the OIC IPHRC", "OIC Independent Permanent Human Rights Commission",
     ("Doha", "Istanbul")),
    ("the Human Dimension Conference of the OSCE",
     "Organization for Security and Co-operation in Europe", ("Warsaw", "Vienna")),
    ("the conference of the Council of Europe on the execution of judgments",
     "Council of Europe", ("Strasbourg",)),
    ("the meeting of the Ombudsmen of the Turkic States", "Organization of Turkic States",
     ("Ankara", "Astana", "Tashkent", "Bishkek")),
    ("the annual conference of the APF", "Asia Pacific Forum of National Human Rights "
     "Institutions", ("Bangkok", "Jakarta", "Kuala Lumpur")),
    ("the session of the UN Human Rights Council", "UN Human Rights Council", ("Geneva",)),
)
_NHRIS = tuple(o.name for o in vocab.ORGS if o.type == "foreign ombudsman/NHRI")
_INTERNATIONAL = tuple(o.name for o in vocab.ORGS
                       if o.type in ("UN agency", "international organisation"))


def cooperation(w: Writer) -> Draft:
    return w.pick((_abroad, _abroad, _online, _joint_project))(w)


def _abroad(w: Writer) -> Draft:
    gathering, host, cities = w.pick(_GATHERINGS)
    if w.invented():  # a smaller meeting hosted by a body in no vocabulary
        org, city = w.unknown_org(foreign=True), w.foreign_town()
        gathering = w.pick(("a regional seminar of ombudsman institutions",
                            "an international round table on mediation",
                            "a study visit of ombudsman staff"))
    else:
        org, city = w.org(host), w.place(w.pick(cities))
    who = w.omb() if w.chance(0.7) else w.head_of_office() + ","
    headline = w.pick((
        f"The Ombudsman attended {gathering} in {city}",
        f"{city} hosted {gathering} with the participation of the Ombudsman",
        f"The Ombudsman took part in the event organized by {org}",
        f"Azerbaijani Ombudsman addressed {gathering}"))
    lead = w.pick((
        f"{who} participated{w.tail()} in {gathering} held in {city}.",
        f"{w.opening()}{who} took part in {gathering}, organized by {org} in {city}.",
        f"At the invitation of {org}, {w.omb_object()} attended {gathering} in {city}{w.tail()}."))
    details = (
        w.pick(("The Azerbaijani side spoke about the complaints the Office handles and the "
                "reforms it has proposed.",
                "In a short address, the delegation described how the Office deals with "
                "complaints and what changed in the law after its proposals.")),
        "Prevention of torture, children's rights and accessibility for persons with "
        "disabilities came up in the talks as well.",
        f"On the sidelines of the event, bilateral meetings were held with "
        f"{w.org(w.pick(_NHRIS))} and {w.org(w.pick(_NHRIS))}.")
    return assemble(w, "cooperation", headline, [lead], details, event_remarks(w))


def _online(w: Writer) -> Draft:
    nhri = w.pick(_NHRIS)
    org = w.org(nhri)
    person = vocab.PERSON_BY_ORG.get(nhri)
    partner = w.person(person) if person and w.chance(0.6) else org
    topic = w.pick(TOPICS)
    headline = w.pick((f"An online meeting was held with {org}",
                       f"Cooperation with {org} is expanding",
                       f"The Ombudsman held a video conference with {partner}"))
    lead = w.pick((
        f"{w.opening()}{w.omb()} held an online meeting with {partner}.",
        f"A video conference between {w.omb_object()} and {partner} took place{w.tail()}."))
    details = (w.pick((f"The sides discussed cooperation in the field of "
                       f"{w.about(topic.phrase, topic.themes)}.",
                       f"Most of the call was about {w.about(topic.phrase, topic.themes)}.")),
               w.pick(("It was agreed to exchange experience and to hold joint events.",
                       "Joint events and a staff exchange are to follow.")),
               f"The situation of {w.pick(('compatriots', 'citizens', 'students'))} living "
               "abroad was also touched upon.")
    return assemble(w, "cooperation", headline, [lead], details)


def _joint_project(w: Writer) -> Draft:
    name = w.pick(_INTERNATIONAL)
    org = w.org(name)
    topic = w.pick(TOPICS)
    headline = w.pick((f"The Ombudsman Office and {org} discussed a joint project",
                       f"{org} will support the {w.poss('Ombudsman')} work on {topic.phrase}",
                       f"Cooperation between the Ombudsman and {w.org(name, 'short')} continues"))
    subject = w.about(topic.phrase, topic.themes)
    lead = w.pick((
        f"{w.opening()}{w.office()} and {org} discussed a joint project in the field of "
        f"{subject}.",
        f"A project on {subject} is being prepared by {w.office()} together with {org}.",
        f"With {org}, {w.office()} mapped out{w.tail()} a project on {subject}."))
    details = ("The project provides for trainings for the staff of the Office and the "
               "preparation of analytical materials.",
               "The international experience in this field was presented to the participants.")
    return assemble(w, "cooperation", headline, [lead], details)


def agreement(w: Writer) -> Draft:
    kind = w.pick(("university", "state", "foreign", "international", "civil"))
    pools = {
        "university": ("Baku State University", "ADA University", "Khazar University",
                       "Azerbaijan State University of Economics", "Academy of Public "
                       "Administration", "Nakhchivan State University", "Justice Academy",
                       "Azerbaijan University of Languages", "Police Academy"),
        "state": ("Ministry of Science and Education", "Ministry of Internal Affairs",
                  "State Committee for Family, Women and Children Affairs",
                  "Mine Action Agency of the Republic of Azerbaijan", "Ministry of Health"),
        "foreign": _NHRIS, "international": _INTERNATIONAL,
        "civil": ("Azerbaijan Bar Association", "Azerbaijan Red Crescent Society",
                  "Union of Disabled Persons Organizations", "Azerbaijan State News Agency"),
    }
    partner = w.unknown_org() if w.invented() else w.org(w.pick(pools[kind]))
    topic = w.pick(TOPICS)
    mou = w.pick(("a Memorandum of Understanding (MoU)", "a Memorandum of Understanding",
                  "a memorandum on cooperation", "a MoU"))
    headline = w.pick((
        f"{w.office()} and {partner} signed a MoU",
        f"A Memorandum of Understanding was signed between the Ombudsman and {partner}",
        f"Memorandum on cooperation signed with {partner}",
        f"{partner} and the Ombudsman Institution signed a Memorandum of Understanding"))
    lead = w.pick((
        f"{w.office()} and {partner} have signed{w.tail()} {mou} on cooperation.",
        f"{mou} on cooperation between {w.office()} and {partner} was signed{w.tail()}.",
        f"{w.opening()}{w.omb()} and the head of {partner} signed {mou}."))
    details = (
        w.pick((f"Under the document, the sides will work together on "
                f"{w.about(topic.phrase, topic.themes)}.",
                f"Above all, the document covers {w.about(topic.phrase, topic.themes)}.")),
        w.pick(("Joint courses, studies and staff exchanges are foreseen.",
                "The parties plan shared courses and research, and will trade know-how.")),
        f"It stays in force for {w.pick(('three', 'five'))} years.")
    return assemble(w, "agreement", headline, [lead], details)


def meeting(w: Writer) -> Draft:
    return w.pick((_guest, _guest, _reception, _national_body, _civil_society))(w)


def _guest(w: Writer) -> Draft:
    if w.invented():
        return _invented_guest(w)
    guest = w.pick(vocab.FOREIGN_PEOPLE)
    named = w.person(guest)
    headline = w.pick((f"The Ombudsman met with the {guest.role}",
                       f"Meeting with the {guest.role}",
                       f"{guest.name} was received by the Ombudsman"))
    lead = w.pick((f"{w.opening()}{w.omb()} met with {named}.",
                   f"{w.omb()} received {named}{w.tail()}.",
                   f"{named}, paid a visit to the Ombudsman Office{w.tail()}."))
    topic = w.pick(TOPICS)
    details = (f"The sides exchanged views on {w.about(topic.phrase, topic.themes)}.",
               "The Ombudsman informed the guest about the activities of the Institution.",
               "The prospects of cooperation were discussed at the meeting.")
    return assemble(w, "meeting", headline, [lead], details)


def _invented_guest(w: Writer) -> Draft:
    """A visitor in no vocabulary: from abroad, or from a body of the country."""
    named = w.official(foreign=w.chance(0.5))
    headline = w.pick(("A guest at the Ombudsman Office", "The Ombudsman hosted a visitor",
                       "Talks at the Ombudsman Office"))
    lead = w.pick((f"{w.opening()}{named}, came to the Ombudsman Office.",
                   f"{w.omb()} welcomed{w.tail()} {named}."))
    topic = w.pick(TOPICS)
    details = (f"The talk turned on {w.about(topic.phrase, topic.themes)}.",
               "Both sides want to work together more closely.")
    return assemble(w, "meeting", headline, [lead], details)


def _reception(w: Writer) -> Draft:
    city = w.home_place()
    n = w.rng.randint(12, 140)
    headline = w.pick((f"The Ombudsman received citizens in {city}",
                       f"Reception of citizens was held in {city}",
                       f"{city}: {n} citizens were received"))
    lead = w.pick((
        f"{w.opening()}{w.omb()} held a reception of citizens in {city}, where {n} residents "
        f"of {city} and neighbouring districts were received.",
        f"{n} people from {city} and nearby villages came{w.tail()} to see {w.omb_object()} in "
        "person.",
        f"In {city}{w.tail()}, {w.omb()} listened to {n} residents who had asked for a meeting."))
    details = ("The applications concerned social protection, employment, housing and health "
               "care issues.",
               "Some of the issues were resolved on the spot by calling the relevant bodies.",
               "The other applications were taken under control.")
    return assemble(w, "meeting", headline, [lead], details, (), ())


def _national_body(w: Writer) -> Draft:
    if w.invented():
        return _invented_guest(w)
    official = w.pick(vocab.OFFICIALS)
    named = w.person(official)
    headline = w.pick((f"The Ombudsman met with the {official.role}",
                       f"Meeting held at the Ombudsman Office with {official.name}"))
    lead = w.pick((f"{w.opening()}{w.omb()} met with {named}.",
                   f"{named}, called on {w.omb_object()}{w.tail()}.",
                   f"Talks between {w.omb_object()} and {named}, took place{w.tail()}."))
    topic = w.pick(TOPICS)
    details = (f"The parties discussed the issues of {w.about(topic.phrase, topic.themes)}.",
               "Joint steps to eliminate the problems identified were agreed.")
    return assemble(w, "meeting", headline, [lead], details)


def _civil_society(w: Writer) -> Draft:
    civil = tuple(o.name for o in vocab.ORGS if o.type == "civil society")
    orgs = [w.unknown_org(), w.org(w.pick(civil))]
    w.rng.shuffle(orgs)
    headline = w.pick(("The Ombudsman met with representatives of civil society",
                       f"Meeting with {orgs[0]}"))
    lead = w.pick((
        f"{w.opening()}{w.omb()} met with representatives of non-governmental organizations, "
        f"including {orgs[0]} and {orgs[1]}.",
        f"NGO leaders, among them people from {orgs[0]} and {orgs[1]}, were invited{w.tail()} "
        "to the Office.",
        f"Around one table{w.tail()}: {w.omb_object()}, {orgs[0]}, {orgs[1]} and other NGOs."))
    details = ("The role of civil society in the protection of human rights was emphasized.",)
    return assemble(w, "meeting", headline, [lead], details, (), ())
