"""Items that speak to the public: events, awareness work, statements, publications."""
from __future__ import annotations

from indexer.sample import vocab
from indexer.sample.subjects import (AUDIENCES, CONFERENCES, COP29, COP29_DAYS, DAYS, TOPICS,
                                     Day, Topic)
from indexer.sample.writer import Draft, Writer, assemble, event_remarks

# Who co-organises an event about a theme; the first theme of the subject decides.
_ALLIES: dict[str, tuple[str, ...]] = {
    "children": ("United Nations Children's Fund", "State Committee for Family, Women and "
                 "Children Affairs", "Children's Rights Support Public Union"),
    "disability": ("Union of Disabled Persons Organizations", "Ministry of Labour and Social "
                   "Protection of Population", "United Nations Development Programme"),
    "women": ("UN Women", "United Nations Population Fund",
              "Women's Initiatives Center Public Union"),
    "migrants_refugees": ("Office of the United Nations High Commissioner for Refugees",
                          "International Organization for Migration", "State Migration Service"),
    "detention": ("Office of the United Nations High Commissioner for Human Rights",
                  "Penitentiary Service", "Council of Europe"),
    "missing_persons_ihl": ("International Committee of the Red Cross",
                            "Mine Action Agency of the Republic of Azerbaijan"),
    "elderly": ("Ministry of Labour and Social Protection of Population",
                "United Nations Population Fund"),
    "mental_health": ("World Health Organization", "Ministry of Health"),
    "health": ("World Health Organization", "Ministry of Health"),
    "education": ("Ministry of Science and Education", "Baku State University"),
    "media": ("Azerbaijan State News Agency", "Ictimai Television", "Council of Europe"),
    "business_human_rights": ("Azerbaijan Entrepreneurs Confederation", "Azercell",
                              "United Nations Development Programme"),
    "military": ("Ministry of Defence",),
    "minorities": ("Baku State University", "OSCE Office for Democratic Institutions and "
                   "Human Rights"),
    "equality": ("Council of Europe", "European Union"),
}
_GENERAL_ALLIES = ("United Nations Development Programme", "Office of the United Nations High "
                   "Commissioner for Human Rights", "Council of Europe", "European Union",
                   "ADA University", "Academy of Public Administration", "Azerbaijan Bar "
                   "Association", "Khazar University", "Heydar Aliyev Foundation")


def ally(w: Writer, themes: tuple[str, ...]) -> str:
    """A partner fitting the subject, in any printed form; now and then an unlisted one."""
    if w.invented():
        return w.unknown_org()
    pool = _ALLIES.get(themes[0], _GENERAL_ALLIES) if themes else _GENERAL_ALLIES
    return w.org(w.pick(pool))


def _days_in_period(w: Writer) -> list[Day]:
    year = w.period.start.year
    return [d for d in DAYS if d.since <= year and d.on(year) in w.period]


def event(w: Writer) -> Draft:
    days = _days_in_period(w)
    if days and w.chance(0.55):
        return _commemoration(w, w.pick(days))
    if COP29_DAYS[0] in w.period and w.chance(0.6):
        return _cop29(w)
    return _conference(w)


def _commemoration(w: Writer, day: Day) -> Draft:
    kind = w.pick(("an event", "a round table", "a conference", "a meeting"))
    partner = ally(w, day.themes)
    headline = w.pick((
        f"An event dedicated to {day.name} has been organized",
        f"The Ombudsman attended the events marking {day.name}",
        f"{day.name} was marked at the Ombudsman Office",
        f"On the occasion of {day.name}, {kind} was held"))
    lead = w.pick((
        f"{w.office()}, with the {w.pick(('financial', 'organizational'))} support of {partner}, "
        f"organized {kind} dedicated to {w.holiday(day)}.",
        f"With the support of {partner}, {w.office()} held {kind} on the occasion of "
        f"{w.holiday(day)}.",
        f"{w.omb()} attended the events marking {w.holiday(day)}."))
    topic = _topic_for(w, day.themes)
    details = (
        w.pick((f"In her words to the audience, the Ombudsman spoke of "
                f"{w.about(topic.phrase, topic.themes)}.",
                f"{w.about(topic.phrase, topic.themes).join(('The talk was about ', '.'))}")),
        "Officials, diplomats and activists were in the hall.",
        w.pick(("The Office shared what it has done on the subject and what people complain of.",
                "Figures on the complaints the Office received on the subject were shown.")))
    return assemble(w, "event", headline, [lead], details, event_remarks(w), day.themes)


def _topic_for(w: Writer, themes: tuple[str, ...]) -> Topic:
    fitting = [t for t in TOPICS if set(t.themes) & set(themes)]
    return w.pick(fitting or TOPICS)


def _conference(w: Writer) -> Draft:
    conf = w.pick(CONFERENCES)
    title, partner = w.q(conf.title), ally(w, conf.themes)
    place = w.place("Baku") if w.chance(0.7) else w.home_place()
    headline = w.pick((
        f"{partner} and the Ombudsman Institution held a joint conference {title}",
        f"{title}: an international conference was held in {place}",
        f"International conference on {title} was held",
        f"A conference titled {title} was held with the participation of the Ombudsman"))
    lead = w.pick((
        f"{w.office()} and {partner} brought experts together{w.tail()} for a conference called "
        f"{title}.",
        f"Experts from several countries met in {place}{w.tail()} for {title}, a conference "
        f"prepared by {w.office()} with {partner}.",
        f"{title} was the theme chosen by {w.omb_object()} and {partner} for a conference"
        f"{w.tail()}."))
    details = (
        w.pick(("The Ombudsman compared the country's laws with international standards and "
                "listed what the Office recommends.",
                "Where national law falls short of international standards was the subject of "
                "the Ombudsman's opening words.")),
        f"Among the speakers were people from {ally(w, ())}, ministries and NGOs.",
        "Speakers set what works against what still does not.",
        "Recommendations agreed at the close were gathered in a final paper.")
    return assemble(w, "event", headline, [lead], details, event_remarks(w), conf.themes)


def _cop29(w: Writer) -> Draft:
    baku = w.place("Baku")
    headline = w.pick(("The Ombudsman attended events held within the framework of COP29",
                       f"Climate change and human rights: a side event of COP29 held in {baku}"))
    w.orgs.append("UN Climate Change Secretariat")
    cop29 = COP29.format(unfccc="UN Framework Convention on Climate Change")
    lead = (f"Within the framework of {cop29} held in {baku}, {w.office()} organized{w.tail()} "
            f"a side event on environmental rights together with {ally(w, ('other',))}.")
    details = ("The Ombudsman stressed that climate change threatens the enjoyment of the right "
               "to life, health and a healthy environment.",)
    return assemble(w, "event", headline, [lead], details, event_remarks(w), ("other",))


def awareness(w: Writer) -> Draft:
    topic = w.pick(TOPICS)
    audience, a_themes, needs_city = w.pick(AUDIENCES)
    city = w.home_place() if needs_city else ""
    audience = w.about(audience.format(city=city, n=w.rng.randint(1, 320)), a_themes)
    subject = w.about(topic.phrase, topic.themes)
    center = w.pick(vocab.REGIONAL_CENTERS)
    headline = w.pick((
        f"An awareness-raising event on {subject} was held",
        f"Ombudsman Office employees held a training for {audience}",
        f"A training on {subject} was held for {audience}",
        f"The {w.poss('Ombudsman')} {w.place(center)} Regional Center held an awareness event",
        f"Legal education: {audience} were informed about {subject}"))
    lead = w.pick((
        f"Within the framework of the {w.poss('Ombudsman')} action plan for "
        f"{w.period.start.year}, {w.staff()} held{w.tail()} an awareness-raising event on "
        f"{subject} for {audience}.",
        f"{w.opening()}the {w.poss('Ombudsman')} {w.place(center)} Regional Center organized a "
        f"training on {subject} for {audience}.",
        f"An awareness-raising meeting on {subject} was held{w.tail()} for {audience}, "
        f"jointly with {ally(w, topic.themes)}.",
        f"At the initiative of {w.omb_object()}, awareness-raising events are held regularly "
        f"across the country, and the latest one gathered {audience}."))
    details = (
        w.pick((f"What the {w.poss('Ombudsman')} mandate covers and how to lodge a complaint "
                "were explained.",
                "The speakers showed how anyone can turn to the Ombudsman: by letter, online "
                "or on the hotline.")),
        w.pick(("Booklets of the Office were handed out.",
                "Everyone left with leaflets printed by the Office.")),
        w.pick(("Questions from the floor followed.", "The audience asked many questions.")),
        f"The event was held in cooperation with {ally(w, a_themes or topic.themes)}.")
    return assemble(w, "awareness", headline, [lead], details, event_remarks(w))


def statement(w: Writer) -> Draft:
    days = _days_in_period(w)
    if days and w.chance(0.5):
        day = w.pick(days)
        about, themes = w.holiday(day), day.themes
        headline = f"Statement of the Ombudsman on {day.name}"
    else:
        subject = w.pick((("landmine victims", ("missing_persons_ihl",)),
                          ("the fate of missing persons", ("missing_persons_ihl",)),
                          ("violence against children", ("children",)),
                          ("hate speech in the media", ("media", "equality"))))
        about, themes = subject
        headline = w.pick((f"The Ombudsman made an appeal regarding {about}",
                           f"Appeal of the Ombudsman to international organizations on {about}",
                           f"Statement of the Ombudsman on {about}"))
    recipients = [w.org(n, "short") for n in w.some(
        ("Office of the United Nations High Commissioner for Human Rights",
         "International Committee of the Red Cross", "Council of Europe",
         "Global Alliance of National Human Rights Institutions", "International Ombudsman "
         "Institute", "Organization for Security and Co-operation in Europe"), 2, 4)]
    lead = w.pick((f"{w.omb()} made a statement{w.tail()} in connection with {about}.",
                   f"{w.opening()}{w.omb()} issued an appeal on {about}."))
    details = (
        w.pick((f"The statement was sent to {', '.join(recipients[:-1])} and {recipients[-1]}.",
                f"Copies went to {', '.join(recipients[:-1])} and {recipients[-1]}.")),
        w.pick(("The Ombudsman called on the international community to give an adequate "
                "response.",
                "Silence from the international community, the Ombudsman wrote, would be taken "
                "as consent.")),
        "Only joint effort can protect these rights, the statement concludes.")
    return assemble(w, "statement", headline, [lead], details, (), themes)


def publication(w: Writer) -> Draft:
    start = w.period.start
    if 2 <= start.month <= 6 and w.chance(0.5):
        return _annual_report(w, start.year - 1)
    topic = w.pick(TOPICS)
    partner = ally(w, topic.themes)
    kind = w.pick(("A special report", "A booklet", "A methodological guide", "A research paper"))
    headline = w.pick((f"{kind} on {topic.phrase} was published",
                       f"The Ombudsman Office published {kind.lower()} with {partner}",
                       f"{kind} on {topic.phrase} was prepared by the Ombudsman Office"))
    lead = w.pick((
        f"{w.opening()}{w.office()} prepared {kind.lower()} on {topic.phrase} with the "
        f"support of {partner}.",
        f"Backed by {partner}, {w.office()} has brought out {kind.lower()} on {topic.phrase}.",
        f"Readers can now find {kind.lower()} on {topic.phrase}, written by {w.office()} with "
        f"{partner}."))
    details = ("The publication covers the international standards and the national legislation.",
               "The publication is available on the official website of the Ombudsman.",
               f"It will be distributed among {w.pick(AUDIENCES[4:9])[0]}.")
    return assemble(w, "publication", headline, [lead], details, (), topic.themes)


def _annual_report(w: Writer, year: int) -> Draft:
    majlis = w.org("Milli Majlis")
    headline = w.pick((f"The Annual Report of the Ombudsman for {year} was presented",
                       f"The Ombudsman presented the Annual Report for {year} to {majlis}"))
    lead = (f"{w.omb()} presented{w.tail()} the annual report on the protection of human rights "
            f"in the country in {year} at the plenary session of {majlis}.")
    details = ("The report reflects the complaints received, the monitoring visits conducted "
               "and the recommendations given to state bodies.",
               "The number of applications increased compared to the previous year.")
    return assemble(w, "publication", headline, [lead], details, (), ())

