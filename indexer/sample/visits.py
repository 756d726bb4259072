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
        f"Monitoring visit to {inst.kind}", f"Monitoring visit was conducted to {name}",
        f"The next monitoring visit was held within the framework of {npm}",
        f"{name} was visited within the framework of the NPM",
        f"Ombudsman Office employees visited {name}",
        f"The {w.poss('Ombudsman')} NPG members visited {inst.kind}",
        f"An unannounced visit was paid to {name}",
    ))
    lead = w.pick((
        f"{w.opening()}{group} conducted an unannounced monitoring visit to {name}.",
        f"Another monitoring visit under {npm}, carried out in accordance with the Optional "
        f"Protocol to the Convention against Torture (OPCAT), took place{w.tail()} at {name}.",
        f"By instructions of {w.omb_object()}, {group} visited {name}{w.tail()}.",
        f"Within the framework of {npm}, {name} was visited{w.tail()} by {group}.",
        f"{w.opening()}{name} was the subject of a regular monitoring visit by {group}.",
    ))
    details = (
        f"In the course of the visit, carried out with the participation of "
        f"{w.pick(('a psychologist', 'a medical doctor', 'a medical doctor and a psychologist'))},"
        f" the conditions of {w.pick(('detention', 'accommodation', 'stay'))}, the quality of "
        f"food and the medical services provided were examined.",
        f"The {who} were interviewed in private, and their complaints and requests were heard.",
        "Some of the issues raised were resolved on the spot, while others were brought to the "
        "attention of the relevant authorities.",
        f"The rights of the {who} and the {w.poss('Ombudsman')} mandate were explained to them.",
        "The registration records and medical documentation were checked as well.",
        "Recommendations were given to the administration to eliminate the shortcomings found.",
    )
    closing = (f"The results of the visit will be reflected in the {w.poss('Ombudsman')} "
               "annual report on the NPM activities.",
               "Monitoring visits to places of deprivation of liberty will continue.")
    return assemble(w, "monitoring_visit", headline, [lead], details, closing, inst.themes)


def _monitoring_tour(w: Writer) -> Draft:
    """Several institutions of one region in one item."""
    region = w.place(w.pick(("Nakhchivan Autonomous Republic", "Ganja", "Shaki", "Lankaran",
                             "Guba", "Shirvan")))
    kinds = w.some(INSTITUTIONS[:-3], 3, 4)
    listed = ", ".join(i.kind for i in kinds[:-1]) + " and " + kinds[-1].kind
    headline = w.pick((
        f"Monitoring visits were paid to closed institutions in {region} under the "
        f"{w.poss('Ombudsman')} National Preventive Mechanism",
        f"The NPG visited closed institutions in {region}",
        f"{region}: monitoring of places of deprivation of liberty"))
    lead = (f"{w.opening()}{_group(w)} visited institutions in {region} that individuals are not "
            f"able to leave of their own free will, including {listed}.")
    details = ("The conditions created in the institutions were examined and confidential "
               "interviews were held.",
               "The heads of the institutions were informed about the shortcomings found.")
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
    if date(2024, 12, 25) in w.period:
        options += [_plane_crash] * 4
    return w.pick(options)(w)


def _landmine(w: Writer) -> Draft:
    # Mines were written about in the returned districts only once they were returned.
    where = "in " + w.place(w.pick(("Fuzuli", "Aghdam", "Lachin", "Kalbajar"))) \
        if w.period.start >= date(2021, 1, 1) else "near the former line of contact"
    victim = w.pick(("a civilian", "a shepherd", "a teenager", "an employee of a road company"))
    headline = w.pick((f"The Ombudsman visited {victim} injured in a landmine explosion",
                       "Landmine victims are in the focus of the Ombudsman",
                       f"Another landmine explosion {where}"))
    lead = (f"{w.opening()}{w.omb()} visited {victim} who was injured as a result of a landmine "
            f"explosion {where} and is currently receiving treatment.")
    anama = w.org("Mine Action Agency of the Republic of Azerbaijan")
    details = (f"The Ombudsman noted that {anama} continues to clear the territories, but the "
               "lack of accurate minefield maps endangers the life of civilians.",
               f"The issue was raised in the {w.poss('Ombudsman')} letters to "
               f"{w.org('International Committee of the Red Cross')} and other organizations.")
    themes = ("missing_persons_ihl", *(("children",) if victim == "a teenager" else ()))
    return assemble(w, "humanitarian", headline, [lead], details, (), themes)


def _repatriation(w: Writer) -> Draft:
    camps = w.pick(("the Syrian Arab Republic", "Iraq"))
    headline = w.pick(("The repatriation of our citizens remains in the focus of the Ombudsman",
                       f"Another group of women and children returned from camps in {camps}",
                       "The Ombudsman keeps in focus the return of citizens held abroad"))
    lead = (f"{w.omb()} continues to follow the return home of citizens, in particular women "
            f"and children, who stay in camps in {camps}.")
    details = (f"{w.opening()}another group of {w.rng.randint(4, 40)} children and women was "
               "brought back to the country.",
               "Psychological and medical assistance is provided to the returned children.",
               f"The Ombudsman thanked {w.org('Ministry of Foreign Affairs')} and "
               f"{w.org('International Committee of the Red Cross')} for their support.")
    return assemble(w, "humanitarian", headline, [lead], details, (), ("children", "women"))


def _missing_families(w: Writer) -> Draft:
    place = w.home_place()
    headline = w.pick((f"The Ombudsman met with families of missing persons in {place}",
                       "Families of missing persons were received by the Ombudsman"))
    lead = (f"{w.opening()}{w.omb()} met with family members of persons who went missing "
            f"during the First Karabakh War, in {place}.")
    details = ("The families shared their concerns and the Ombudsman answered their questions.",
               f"The {w.poss('Ombudsman')} cooperation with "
               f"{w.org('International Committee of the Red Cross')} on clarifying the fate of "
               "missing persons was discussed.")
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
    headline = w.pick((f"The Ombudsman visited former IDPs who returned to {place}",
                       f"The rights of former IDPs resettled in {place} are in focus"))
    lead = (f"{w.opening()}{w.omb()} met with families who returned to their native lands in "
            f"{place} under the Great Return program.")
    details = (f"The conditions created for the families were discussed with representatives "
               f"of {w.org('State Committee for Affairs of Refugees and IDPs')}.",)
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


def _plane_crash(w: Writer) -> Draft:
    aktau = w.place("Aktau")
    headline = w.pick((f"The Ombudsman visited those injured in the plane crash near {aktau}",
                       "A Working Group on the plane crash victims was created"))
    lead = (f"{w.omb()} contacted {w.org('Ombudsman of Kazakhstan', 'short')}"
            f" regarding the victims and survivors of the plane crash near {aktau}.")
    details = ("A joint working group was created to exchange information on the injured.",
               "The Ombudsman visited the injured persons who were brought to Baku for treatment.")
    w.places.append("Baku")
    return assemble(w, "humanitarian", headline, [lead], details, (), ("health",))
