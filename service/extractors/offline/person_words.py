"""Word lists that tell people from bodies and places: titles, occupations, descriptions,
gendered words, and the words that end a firm's or a group's name."""

from __future__ import annotations

from service.extractors.offline.ages import PERSON_NOUNS
from service.extractors.offline.tokens import word_set

# Occupations written as a title before a name ("Seismologist Karim Oudane", "Trooper Ana Vidal").
OCCUPATIONS = word_set("""
    seismologist volcanologist geologist meteorologist climatologist epidemiologist virologist
    economist analyst historian scientist researcher physicist chemist biologist astronomer
    mathematician engineer architect physician surgeon doctor nurse paramedic pharmacist
    professor lecturer teacher trooper officer detective constable sheriff deputy inspector
    sergeant corporal firefighter ranger warden pilot astronaut coach
    lawyer attorney prosecutor solicitor barrister investigator coroner spokesperson
    spokesman spokeswoman reporter journalist correspondent photographer author novelist
    poet actor actress singer musician artist priest pastor rabbi imam bishop archbishop
    activist campaigner organiser organizer farmer
    hydrologist demographer statistician criminologist pathologist psychologist sociologist
    anthropologist archaeologist ecologist oceanographer glaciologist cardiologist
    toxicologist immunologist entomologist zoologist botanist geographer cartographer
    paediatrician pediatrician psychiatrist dentist veterinarian midwife diplomat strategist
    pollster consultant planner curator archivist linguist philosopher theologian biographer
    """)
# Nouns that describe a person in an appositive ("Ruben Achterhof, the mountaineer,").
PERSON_DESCRIPTIONS = (
    OCCUPATIONS
    | PERSON_NOUNS
    | word_set("""
    climber footballer runner swimmer cyclist boxer writer painter composer director
    producer businessman businesswoman entrepreneur founder politician lawmaker widow veteran
    """)
)
# Ranks, titles and honorifics dropped from person names ("Dr Ana Ruiz").
TITLES = (
    word_set("""
    mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame lord lady president
    vice prime minister secretary chancellor senator sen. sen governor gov. gov rep. rep
    representative judge justice general gen. gen lt. colonel col. major maj. captain capt.
    commander admiral adm. sergeant sgt. mayor king queen prince princess pope ceo chairman
    chairwoman chair spokesperson spokesman spokeswoman director commissioner deputy chief
    ambassador minister. cardinal rev. reverend father sheikh treasurer councillor councilor
    congressman congresswoman assemblyman assemblywoman speaker superintendent premier marshal
    leader candidate magistrate ombudsman ombudswoman
    """)
    | OCCUPATIONS
)
# Words that give a person's gender, so "she" never refers to "her son, Tor Vik" ("chairman"
# is left out: it is the title of women too).
MALE_WORDS = word_set("""
    he him his man boy son father husband brother king mr mr. sir lord uncle nephew
    grandfather spokesman prince
    """)
FEMALE_WORDS = word_set("""
    she her woman girl daughter mother wife sister queen mrs mrs. ms ms. dame lady aunt niece
    grandmother spokeswoman chairwoman princess
    """)
# Nouns that introduce a firm's name right after them ("fertiliser maker Solvexa Química").
FIRM_INTRODUCERS = word_set("""
    company firm maker carrier airline manufacturer insurer retailer lender carmaker
    automaker chipmaker drugmaker conglomerate startup
    """)
# Nouns that introduce a body's name right after them ("environmental group Ríos Vivos",
# "opposition party Nuevo Rumbo"): a firm's introducers and those of other organisations.
BODY_INTRODUCERS = FIRM_INTRODUCERS | word_set("""
    group organisation organization charity watchdog nonprofit party union alliance coalition
    association federation broadcaster newspaper regulator consortium cooperative club
    """)
# Those that never open a body's own name, as "Union" in "Union Pacific" may.
DESCRIBING_ONLY = BODY_INTRODUCERS - word_set("""
    group organisation organization party union alliance coalition association federation
    consortium cooperative club
    """)
# Last words of company names ("Ilvane Biologics" is no person).
FIRM_ENDINGS = word_set("""
    biotech pharma pharmaceuticals biologics therapeutics foods group airlines airline
    air motors systems energy power holdings inc ltd plc corp corporation co company media
    labs mills industries technologies partners capital securities electric telecom networks
    solutions services logistics shipping mining oil gas steel airways rail textiles freight
    express chemicals insurance brewery breweries retail resources minerals robotics s.a. sa
    coatings paints plastics metals materials cosmetics beverages semiconductors electronics
    fertilisers fertilizers aerospace automotive appliances instruments
    ag gmbh nv n.v. bv b.v. llc spa s.p.a. oyj asa
    """)
# Last words of the names of groups and bodies ("Sahel Watch" is no person).
GROUP_ENDINGS = word_set("""
    group movement front coalition alliance network campaign union association federation
    league party society collective initiative watch
    """)
# Platforms and outlets the entity recognizer often takes for people.
NOT_PERSONS = word_set("twitter facebook instagram telegram youtube tiktok reuters")
