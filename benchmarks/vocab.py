"""Word lists and a synonym table for the synthetic news corpus in benchmarks.corpus."""

from __future__ import annotations

import random


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("|") if p.strip())


FIRST_NAMES = _words(
    "Anna Marek Olena Tomasz Ingrid Pavel Sofia Lukas Maria Jonas Elena Daniel Clara Viktor "
    "Hanna Mateo Irina Oskar Leila Samuel Nadia Felix Greta Adrian Yasmin Karl Lucia Stefan "
    "Amira Henrik Petra Jakub Marta Emil Zofia Ruben Alicia Bruno Dana Igor Lena Milan Rosa "
    "Sven Tara Viktoria Omar Paula Nikolai Eva Andrei Julia Kamil Fatima Diego Irene Hugo "
    "Selma Anton Mira Rafael"
)
SURNAMES = _words(
    "Novak Kowalski Lindqvist Petrenko Haddad Moreau Bauer Costa Varga Jensen Horvat Santos "
    "Kovacs Nilsen Brennan Okafor Dubois Marin Fischer Romero Sokolov Keller Quinn Adler "
    "Baranov Castillo Dalton Engstrom Ferreira Galloway Hartmann Ivanova Jovanovic Kaplan "
    "Larsen Mendes Nowak Olsen Pereira Rasmussen Schulz Tanaka Urban Vasquez Wagner Yilmaz "
    "Zielinski Aldridge Becker Carvalho Demir Eriksen Falk Gruber Holm Ibsen Janssen Koch "
    "Lund Meyer Nyberg Ortega Popescu Reyes Stoica Toivonen Vidal Weiss Zeller Abbott Blom "
    "Crane Dorsey Ekström Farrow Grant"
)
PLACES = _words(
    "Harwick Dunmore Calloway Brenford Ostrava Lindau Varna Tarvos Meridale Kessling Aldport "
    "Rostvik Fennick Marlow Belgrove Corvin Estavia Halden Iskra Jarrow Kelmar Lorne Mostar "
    "Norwick Orsk Pellmore Quarry Redhaven Saltmere Thornbury Umberfield Valmont Westerby "
    "Yarrow Zelden Ashcombe Birchfield Carrow Drayton Elmstead Fairholm Glenmoor Hollins "
    "Ingleby Kirkwall Larchmont Milbrook Newhall Oakridge Penvale Radcliffe Stanmore "
    "Tidewater Upton Vexford Whitby Brackley Coldharbour Danesford Eastleigh"
)
ORG_KINDS = _phrases(
    "City Council | Port Authority | Water Board | Transport Agency | Chamber of Commerce | "
    "Regional Assembly | District Court | Housing Association | Teachers Union | "
    "Farmers Cooperative | Energy Company | Health Trust | Police Department | "
    "Environment Agency | Rail Company | University Hospital | Dockworkers Union | "
    "Planning Office | Fire Service | Audit Office"
)
ROLES = _phrases(
    "chief executive | spokeswoman | spokesman | director | deputy mayor | chairman | "
    "chairwoman | finance director | senior engineer | press officer | general secretary | "
    "head of operations | lead negotiator | chief economist | board member"
)
# (singular, plural)
NOUNS = tuple(tuple(p.split("/")) for p in _words(
    "budget/budgets plan/plans contract/contracts project/projects proposal/proposals "
    "report/reports scheme/schemes bridge/bridges road/roads harbour/harbours "
    "pipeline/pipelines reservoir/reservoirs hospital/hospitals school/schools "
    "factory/factories warehouse/warehouses terminal/terminals railway/railways "
    "loan/loans grant/grants tax/taxes fee/fees wage/wages pension/pensions "
    "investigation/investigations inquiry/inquiries agreement/agreements strike/strikes "
    "protest/protests ruling/rulings appeal/appeals deadline/deadlines election/elections "
    "shortage/shortages outage/outages delay/delays closure/closures repair/repairs "
    "survey/surveys audit/audits review/reviews permit/permits licence/licences "
    "subsidy/subsidies tender/tenders shipment/shipments cargo/cargoes ferry/ferries "
    "tram/trams flood/floods drought/droughts harvest/harvests price/prices "
    "tariff/tariffs reform/reforms policy/policies programme/programmes fund/funds "
    "market/markets supplier/suppliers network/networks station/stations "
    "embankment/embankments clinic/clinics library/libraries stadium/stadiums "
    "airport/airports runway/runways turbine/turbines substation/substations"
))
GROUPS = _phrases(
    "residents | farmers | dockworkers | teachers | nurses | drivers | shop owners | "
    "commuters | pensioners | students | engineers | inspectors | investors | tenants | "
    "fishermen | lorry drivers | local businesses | council members | union leaders | "
    "health officials | rescue workers | volunteers | analysts | economists"
)
ADJECTIVES = _words(
    "new revised controversial long-awaited costly ambitious delayed regional national "
    "temporary permanent emergency annual disputed modest sweeping detailed urgent "
    "fragile ageing overcrowded underfunded popular unpopular local municipal coastal "
    "northern southern eastern western rural industrial public private joint independent "
    "preliminary final formal informal expanded reduced substantial limited"
)
# (past tense, bare infinitive) of transitive verbs
VERBS = tuple(tuple(p.split("/")) for p in _words(
    "approved/approve rejected/reject announced/announce delayed/delay criticised/criticise "
    "proposed/propose cancelled/cancel extended/extend suspended/suspend launched/launch "
    "reviewed/review defended/defend welcomed/welcome questioned/question blocked/block "
    "funded/fund expanded/expand reduced/reduce postponed/postpone signed/sign "
    "challenged/challenge endorsed/endorse unveiled/unveil scrapped/scrap revised/revise "
    "investigated/investigate inspected/inspect completed/complete opened/open closed/close "
    "raised/raise cut/cut doubled/double halted/halt restored/restore"
))
REPORT_VERBS = _phrases("said | told reporters | said in a statement | confirmed | added")
CONNECTORS = _phrases("and | but | while | although | after | because")
DAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
MONTHS = _words(
    "January February March April May June July August September October November December"
)
PERIODS = _words("week month year quarter season spring summer autumn winter")
EVENT_NOUNS = _phrases(
    "heavy rain | a week of talks | a court hearing | the spring floods | a fire at the depot | "
    "months of negotiations | a public consultation | the budget vote | a safety inspection | "
    "a cyberattack | a power cut | the harbour collision | a rail strike | a price rise | "
    "the local elections | a landslide | a cold snap | a supply crisis | an audit | "
    "a series of complaints"
)
QUOTE_OPENERS = _phrases(
    "We will not accept | Nobody expected | We are ready to discuss | This is about | "
    "We have always supported | Our members cannot afford | People deserve | "
    "We need to see | There is no excuse for | It is too early to judge"
)
ADVERBS = _words("also now reportedly formally quietly again finally initially")

# Word -> interchangeable words (applied to whole words, first listed is not preferred).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "approved": ("backed", "endorsed", "passed"), "rejected": ("turned down", "dismissed"),
    "announced": ("unveiled", "set out", "revealed"), "delayed": ("postponed", "held up"),
    "criticised": ("criticized", "condemned", "attacked"), "proposed": ("put forward",
                                                                        "suggested"),
    "cancelled": ("called off", "scrapped", "canceled"), "extended": ("prolonged",
                                                                     "lengthened"),
    "suspended": ("paused", "halted"), "launched": ("started", "began"),
    "reviewed": ("examined", "assessed"), "defended": ("justified", "stood by"),
    "welcomed": ("praised", "applauded"), "questioned": ("challenged", "doubted"),
    "blocked": ("stopped", "vetoed"), "funded": ("financed", "paid for"),
    "expanded": ("enlarged", "widened"), "reduced": ("cut", "lowered", "scaled back"),
    "signed": ("concluded", "agreed"), "unveiled": ("presented", "revealed"),
    "scrapped": ("abandoned", "dropped"), "revised": ("amended", "updated"),
    "investigated": ("looked into", "examined"), "inspected": ("checked", "examined"),
    "completed": ("finished", "concluded"), "raised": ("increased", "lifted"),
    "doubled": ("increased twofold",), "halted": ("stopped", "froze"),
    "restored": ("reinstated", "brought back"), "closed": ("shut",), "opened": ("inaugurated",),
    "said": ("stated", "noted"), "told reporters": ("told journalists", "told the press"),
    "confirmed": ("acknowledged", "verified"), "added": ("went on to say", "continued"),
    "budget": ("spending plan",), "plan": ("scheme", "strategy"), "project": ("scheme",),
    "proposal": ("plan", "motion"), "report": ("study", "assessment"),
    "harbour": ("harbor", "port"), "factory": ("plant", "works"), "loan": ("credit",),
    "investigation": ("inquiry", "probe"), "agreement": ("deal", "accord"),
    "strike": ("walkout", "stoppage"), "protest": ("demonstration", "rally"),
    "ruling": ("decision", "judgment"), "shortage": ("lack", "scarcity"),
    "repairs": ("maintenance", "repair work"), "licence": ("license", "permit"),
    "programme": ("program", "plan"), "residents": ("locals", "inhabitants"),
    "shop owners": ("shopkeepers", "retailers"), "commuters": ("passengers", "travellers"),
    "new": ("fresh", "latest"),
    "controversial": ("contested", "divisive"), "costly": ("expensive", "pricey"),
    "long-awaited": ("long-delayed", "much-anticipated"), "ambitious": ("far-reaching",
                                                                         "bold"),
    "urgent": ("pressing", "immediate"), "ageing": ("aging", "old"),
    "underfunded": ("cash-strapped", "poorly funded"), "sweeping": ("wide-ranging",
                                                                     "broad"),
    "modest": ("small", "limited"), "substantial": ("significant", "considerable"),
    "temporary": ("interim", "provisional"), "annual": ("yearly",),
    "preliminary": ("initial", "provisional"), "detailed": ("thorough", "comprehensive"),
    "emergency": ("crisis", "urgent"), "disputed": ("contested", "challenged"),
    "after": ("following",), "because": ("as", "since"), "although": ("though",
                                                                        "even though"),
    "despite": ("in spite of",), "of about": ("of around", "of roughly"), "more than": ("over",),
    "per cent": ("percent", "%"), "last": ("the previous",), "nearly": ("almost",),
}

# Pieces for invented proper names: real news has a long tail of rare names.
_ONSETS = _words("b br c ch d dr f g gr h k kl l m n p pr r s st t tr v w z")
_VOWELS = _words("a e i o u ai ea ou y")
_CODAS = _words("l n r s th nd rk ll rn st m")
PLACE_ENDINGS = _words("ford by wick ton mere dale holm stad ovo ice field bridge haven port")
SURNAME_ENDINGS = _words("son er enko ski ov ez ini sen berg man ic ova aki well")


def invented_names(rng: random.Random, count: int, endings: tuple[str, ...]) -> tuple[str, ...]:
    """``count`` distinct pronounceable names such as 'Brelford' or 'Stornenko'."""
    names: dict[str, None] = {}
    while len(names) < count:
        syllables = rng.randint(1, 2)
        stem = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS)
            for _ in range(syllables)
        ) + rng.choice(_CODAS)
        names.setdefault((stem + rng.choice(endings)).capitalize(), None)
    return tuple(names)
