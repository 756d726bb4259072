"""Items about going somewhere: NPM monitoring visits and humanitarian work."""
from __future__ import annotations

from datetime import date

from indexer.sample.subjects import INSTITUTIONS, OWNERS, Institution
from indexer.sample.writer import Draft, Writer, assemble

# Who the Office talks to inside an institution, by the institution's first theme.
_RESIDENTS = {
    "detention": "persons deprived of liberty", "elderly": "elderly residents",
    "children": "children", "mental_health": "patients", "migrants_refugees": "foreigners",
    "military": "servicemen", "women": "women held there", "health": "patients",
    "disability": "residents with disabilities",
}


def _institution(w: Writer, inst: Institution) -> str:
    city = w.place(w.pick(inst.cities)) if inst.cities else ""
    name = inst.name.format(city=city, n=w.rng.randint(*inst.numbers))
    if inst.owner_always or w.chance(0.4):
        first, *rest = (w.org(o, "full") for o in OWNERS[inst.owner])
        name += f" of {first}" + "".join(f" under {r}" for r in rest)
    return name


def _npm(w: Writer) -> str:
    return w.pick(("the National Preventive Mechanism (NPM)",
                   f"the {w.poss('Ombudsman')} National Preventive Mechanism",
                   "the NPM against torture and other ill-treatment",
                   "the national preventive mechanism"))


def _group(w: Writer) -> str:
    return w.pick(("members of the National Preventive Group (NPG)",
                   f"the {w.poss('Ombudsman')} NPG members", "the National Preventive Group",
                   "NPM staff of the Office", "a mobile group of the NPM"))


def monitoring_visit(w: Writer) -> Draft:
    if w.chance(0.12):
        return _monitoring_tour(w)
    inst = w.pick(INSTITUTIONS)
    name, npm, group = _institution(w, inst), _npm(w), _group(w)
    who = _RESIDENTS[inst.themes[0]]
    headline = w.pick((
        f"Monitoring visit to {inst.kind}", f"{group} inspected {name}",
        f"Unannounced check of {inst.kind} under the NPM mandate",
        f"{name}: conditions checked without prior notice",
        f"NPM staff went to {name}", f"How {who} live: a visit to {inst.kind}",
        f"Preventive visit paid to {name}",
    ))
    lead = w.pick((
        f"{w.opening()}{group} went without prior notice to {name}.",
        f"Acting as {npm}, the Office sent {group} to {name}{w.tail()}.",
        f"{name} received an unannounced preventive visit{w.tail()} from {group}.",
        f"{w.opening()}{group} checked the conditions at {name} as part of the work of {npm}.",
        f"Without warning the administration, {group} arrived at {name}{w.tail()}.",
    ))
    expert = w.pick(("a psychologist", "a doctor", "a doctor and a psychologist", "a lawyer"))
    details = (
        w.pick((f"{expert.capitalize()} joined the group, which looked at "
                f"{w.pick(('the cells', 'the rooms', 'the dormitories'))}, the kitchen and the "
                "medical unit.",
                f"The group, joined by {expert}, looked at the rooms, the meals served and the "
                "medical care on offer.")),
        w.pick((f"The {who} spoke with the monitors one by one, out of the hearing of the staff.",
                f"Private talks were held with the {who}, who raised their own concerns.")),
        w.pick(("Several requests were settled during the visit; the rest were passed on to the "
                "bodies responsible.",
                "What could be fixed at once was fixed; other matters went to the competent "
                "authorities in writing.")),
        f"The {who} were told what the Ombudsman can do for them and how to write to the Office.",
        "The monitors also went through the admission registers and the medical files.",
        w.pick(("The administration received recommendations on the shortcomings noted.",
                "The head of the institution was asked to remedy the defects found.")),
    )
    closing = (f"The findings will feed into the {w.poss('Ombudsman')} yearly NPM report.",
               "More unannounced visits of this kind are planned.")
    return assemble(w, "monitoring_visit", headline, [lead], details, closing, inst.themes)


def _monitoring_tour(w: Writer) -> Draft:
    """Several institutions of one region in one item."""
    region = w.place(w.pick(("Nakhchivan Autonomous Republic", "Ganja", "Shaki", "Lankaran",
                             "Guba", "Shirvan")))
    kinds = w.some(INSTITUTIONS[:-3], 3, 4)
    listed = ", ".join(i.kind for i in kinds[:-1]) + " and " + kinds[-1].kind
    headline = w.pick((f"A week of NPM visits in {region}",
                       f"Closed institutions of {region} checked by the NPM",
                       f"{region}: {len(kinds)} institutions visited in one trip"))
    lead = w.pick((
        f"{w.opening()}{_group(w)} made a round of {region}, calling at {listed}.",
        f"In one trip to {region}{w.tail()}, {_group(w)} visited {listed}."))
    details = ("In each place the monitors talked with the people held or living there "
               "without staff present.",
               "The managers heard the problems found before the group left.")
    themes = [t for i in kinds for t in i.themes]
    return assemble(w, "monitoring_visit", headline, [lead], details, (), themes)


def humanitarian(w: Writer) -> Draft:
    start = w.period.start
    options = [_landmine, _repatriation, _missing_families, _flood]
    if date(2020, 3, 1) <= start <= date(2021, 12, 1):
        options += [_pandemic] * 3
    if start >= date(2022, 6, 1):
        options.append(_great_return)
    if start <= date(2023, 2, 1) <= w.period.end:
        options += [_earthquake] * 4
    return w.pick(options)(w)


def _landmine(w: Writer) -> Draft:
    # Mines were written about in the returned districts only once they were returned.
    where = "in " + w.place(w.pick(("Fuzuli", "Aghdam", "Lachin", "Kalbajar"))) \
        if w.period.start >= date(2021, 1, 1) else "near the former line of contact"
    victim = w.pick(("a civilian", "a shepherd", "a teenager", "an employee of a road company"))
    headline = w.pick((f"Mine blast {where}: the Ombudsman at the bedside of {victim}",
                       f"{victim} hurt by a mine {where}",
                       "The Ombudsman calls again for minefield maps"))
    lead = w.pick((
        f"{w.opening()}{w.omb()} went to see {victim} hurt by a mine {where}, now in hospital.",
        f"{victim.capitalize()} stepped on a mine {where}; {w.omb()} came to the hospital"
        f"{w.tail()} to meet the family."))
    anama = w.org("Mine Action Agency of the Republic of Azerbaijan")
    details = (f"Clearance by {anama} goes on, the Ombudsman said, yet without exact maps of the "
               "minefields civilians keep paying with their lives and health.",
               f"Letters on the matter went to {w.org('International Committee of the Red Cross')}"
               " and to other international bodies.")
    themes = ("missing_persons_ihl", *(("children",) if victim == "a teenager" else ()))
    return assemble(w, "humanitarian", headline, [lead], details, (), themes)


def _repatriation(w: Writer) -> Draft:
    camps = w.place(w.pick(("Syria", "Iraq")))
    headline = w.pick((f"More children brought home from {camps}",
                       f"Women and children back from {camps}",
                       "Repatriation from conflict zones: a new group arrives"))
    lead = w.pick((
        f"{w.omb()} follows each stage of bringing home the women and children still in camps "
        f"in {camps}.",
        f"Bringing citizens home from the camps of {camps} remains a priority for "
        f"{w.omb_object()}."))
    details = (f"{w.opening()}{w.rng.randint(4, 40)} more children and women landed home.",
               "Doctors and psychologists now look after the returned children.",
               f"The Ombudsman thanked {w.org('Ministry of Foreign Affairs')} and "
               f"{w.org('International Committee of the Red Cross')} for their support.")
    return assemble(w, "humanitarian", headline, [lead], details, (), ("children", "women"))


def _missing_families(w: Writer) -> Draft:
    place = w.home_place()
    headline = w.pick((f"Relatives of the missing heard in {place}",
                       "Thirty years of waiting: families of the missing meet the Ombudsman",
                       f"{place}: a meeting with families searching for their relatives"))
    lead = w.pick((
        f"{w.opening()}{w.omb()} sat down in {place} with families whose relatives disappeared "
        "in the war of the early 1990s.",
        f"In {place}{w.tail()}, families still looking for relatives lost in the war of the "
        f"1990s talked with {w.omb_object()}."))
    details = ("Each family told its own story, and the Ombudsman replied to their questions.",
               f"Work with {w.org('International Committee of the Red Cross')} to trace the "
               "missing was part of the talk.")
    return assemble(w, "humanitarian", headline, [lead], details, (), ("missing_persons_ihl",))


def _flood(w: Writer) -> Draft:
    place = w.place(w.pick(("Sabirabad", "Shirvan", "Ismayilli", "Goychay", "Gabala")))
    headline = w.pick((f"The Ombudsman visited families affected by the flood in {place}",
                       f"Assistance to the residents of {place} affected by floods"))
    lead = (f"{w.staff()} visited{w.tail()} the families whose houses were damaged by the "
            f"flood in {place}.")
    details = (f"The needs of the families were discussed with "
               f"{w.org('Ministry of Emergency Situations')}.",
               f"Humanitarian aid was delivered together with "
               f"{w.org('Azerbaijan Red Crescent Society')}.")
    return assemble(w, "humanitarian", headline, [lead], details, (), ("other",))


def _pandemic(w: Writer) -> Draft:
    headline = w.pick(("The hotline of the Ombudsman works around the clock during the quarantine",
                       "Monitoring of quarantine facilities was carried out",
                       "The Ombudsman on the protection of human rights during the pandemic"))
    lead = (f"{w.opening()}{w.omb()} called on all institutions to respect human rights in the "
            "special quarantine regime introduced due to the COVID-19 pandemic.")
    details = (f"Recommendations of {w.org('World Health Organization')} were shared with "
               "penitentiary and social institutions.",
               f"Questions received on the hotline were forwarded to "
               f"{w.org('Ministry of Health')}.")
    return assemble(w, "humanitarian", headline, [lead], details, (), ("health",))


def _great_return(w: Writer) -> Draft:
    place = w.place(w.pick(("Lachin", "Fuzuli", "Aghdam", "Kalbajar", "Shusha")))
    headline = w.pick((f"Back home in {place}: the Ombudsman with resettled families",
                       f"Homes, schools and jobs for families resettled in {place}"))
    lead = w.pick((
        f"{w.opening()}{w.omb()} visited families resettled in {place} under the Great Return "
        "program.",
        f"Families who moved back to {place} under the Great Return program had a visit from "
        f"{w.omb_object()}{w.tail()}."))
    details = (f"Housing, schooling and work for the newcomers were talked through with "
               f"{w.org('State Committee for Affairs of Refugees and IDPs')}.",)
    return assemble(w, "humanitarian", headline, [lead], details, (), ("migrants_refugees",))


def _earthquake(w: Writer) -> Draft:
    turkiye = w.place("Turkiye")
    headline = w.pick((f"The Ombudsman expressed condolences in connection with the earthquake "
                       f"in {turkiye}",
                       "Ombudsman Office employees joined the aid campaign for earthquake victims"))
    lead = (f"{w.omb()} expressed deep condolences to {w.org('Ombudsman of Turkiye', 'short')}"
            f" and the people of {turkiye} in connection with the devastating earthquake.")
    details = ("Employees of the Office joined the campaign of humanitarian aid to the victims.",)
    return assemble(w, "humanitarian", headline, [lead], details, (), ("health",))
