"""Claim-level probes: short made-up articles through the whole offline extractor, each
checking one field of the claim whose statement contains a given phrase.

Every text is invented (names, places and events); none comes from an article. They cover
patterns of wire and Wikinews style that the phrase-level probes cannot see: which source a
sentence is attributed to, which time and numbers a split-off clause keeps.
"""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.claims import ClaimKind, DraftClaim
from service.extractors.base import ArticleInput
from service.extractors.offline import OfflineExtractor

MONDAY = dt.date(2021, 5, 17)


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor()


def _claims(extractor: OfflineExtractor, text: str) -> list[DraftClaim]:
    return extractor.extract(ArticleInput(text=text, published=MONDAY)).claims


def _claim(extractor: OfflineExtractor, text: str, phrase: str) -> DraftClaim:
    claims = _claims(extractor, text)
    found = [claim for claim in claims if phrase in claim.statement]
    assert found, [claim.statement for claim in claims]
    return found[0]


def _source(claim: DraftClaim) -> str | None:
    return claim.source.name if claim.source else None


SOURCES = [
    # "the country's" ties a state body to the country the sentence is about, like "its"
    (
        "Paraguay has recorded more than 9,000 cases of dengue since November, the country's "
        "Ministry of Health said on Friday.",
        "9,000",
        "Paraguay's Ministry of Health",
    ),
    # inputs a review of rules 2025.19 found mishandled (each failed before its
    # fix): a title that opens a place's or a body's name makes no person
    (
        "Tom Reid welcomed the deal. Prince Edward Island signed it on Monday. The deal was "
        "worth $3 million, he said.",
        "$3 million",
        "Tom Reid",
    ),
    (
        "Pilot Sam Ortega landed safely. King Fahd International Airport closed its runway for 3 "
        "hours. The fog was the worst in 20 years, he said.",
        "fog",
        "Sam Ortega",
    ),
    (
        "Coach Ivan Petek was furious. Major League Cricket suspended 3 of his players on "
        "Monday. The ban would last 6 weeks, he said.",
        "ban",
        "Ivan Petek",
    ),
    # a hyphen alone is no name
    (
        "Analyst Mark Dunn was cautious. Rio-Tinto retired 2 mines in May. The mines had "
        "produced 8 million tonnes, he said.",
        "8 million",
        "Mark Dunn",
    ),
    # "she" after an object may be the object: no gender for the subject
    (
        "Jonas Ekberg greeted the delegation, but she left early. Exports rose 4% last year, he "
        "said.",
        "Exports",
        "Jonas Ekberg",
    ),
    # a hyphened modifier in the description before a name goes with the description
    (
        "The average rent was 1,200 euros last week, according to rate-tracking website "
        "RentLens, up from 1,100 euros in January.",
        "1,200",
        "RentLens",
    ),
    (
        "Fares in Latvia rose by 38 percent in the year to September, according to the "
        "Riga-based think tank Nordic Transit Monitor.",
        "38 percent",
        "Nordic Transit Monitor",
    ),
    # "des" joins the words of a name
    (
        "At least 90 people were abducted in 2020, according to the monitoring group "
        "Observatoire Régional des Libertés.",
        "90 people",
        "Observatoire Régional des Libertés",
    ),
    # the parser reads "the agency show" as one noun phrase; the agency is still the body
    # named before
    (
        "At least 30 people died, the country's Federal Flood Management Institute said. "
        "About 9,000 homes were damaged, preliminary figures from the agency show.",
        "9,000",
        "Federal Flood Management Institute",
    ),
    # a title before a name the recognizer took for an organisation; the surname alone later
    (
        "Magistrate Lindiwe Zungu of the Pinetown Magistrate's Court ordered Sipho Khumalo to "
        "hand over his passport. Zungu said the state had not shown that he would flee.",
        "flee",
        "Lindiwe Zungu",
    ),
    # inputs a review of rules 2025.18 found mishandled (each failed before its fix):
    # reported content after a comma is no trailing report
    ("The ministry said on Friday, hospitals reported 212 new admissions.", "212", "The ministry"),
    # "its" ties a state body to the sentence's subject, not to a country named after it
    (
        "Paraguay reported 312 new cases on Sunday after a surge in Brazil, its health "
        "ministry said.",
        "312",
        "Paraguay's health ministry",
    ),
    # a word the article uses as a place stays the place
    (
        "Paris Electric said it would raise prices 12%. Paris said it would cap fares at 2 "
        "euros. Fares in Paris rose last year.",
        "2 euros",
        "Paris",
    ),
    # a capitalised word that is no name may open a sentence left without its full stop
    ("Follow us on Twitter The ministry said 40 people were injured.", "40 people", "The ministry"),
    # a report set off before a "while" clause the parser hangs on it; "its" ties the
    # ministry to the country named before
    (
        "Neighbouring Moldova has reported 140 cases this year, its health ministry said, "
        "while Romania has confirmed 35.",
        "140",
        "Moldova's health ministry",
    ),
    # the parser builds "show that P" right but tags "show" a noun after a name
    (
        "Records from the Land Court show that the farm was sold for 2 million pesos.",
        "farm",
        "Land Court",
    ),
    # the tagger takes a firm's first word for a place; the firm already spoke
    (
        "Halden Motors Co said on Thursday it would recall 20,000 vans. Dealers will fix the "
        "fault free of charge, Halden said.",
        "Dealers",
        "Halden Motors Co",
    ),
    # "Coatings" ends a firm's name, which "the two companies" then take up
    (
        "British group Marsden Chemicals agreed to buy Dutch rival Aalto Coatings. Marsden "
        "will pay 40 euros a share, the two companies said.",
        "40 euros",
        "Marsden Chemicals and Aalto Coatings",
    ),
    # the small parser ends a sentence inside "Binh Dinh"; a sentence ends only at punctuation
    (
        "The cyclone came ashore near the fishing town of Hoa Khe in Binh Dinh province at "
        "about 5 a.m. local time, the Coastal Weather Bureau said, with gusts of 150 km per hour.",
        "came ashore",
        "Coastal Weather Bureau",
    ),
    (
        "The death toll of 14 was confirmed by the regional prosecutor's office on Wednesday.",
        "toll",
        "the regional prosecutor's office",
    ),
    (
        "The state weather service, VARMET, forecast 30 to 50 centimetres of snow through Sunday.",
        "snow",
        "VARMET",
    ),
    # the small model tags "Red Crescent Societies" a person
    (
        "The International Federation of Red Cross and Red Crescent Societies said it had "
        "released 200,000 francs.",
        "francs",
        "International Federation of Red Cross and Red Crescent Societies",
    ),
    # "estimated" tagged as a participle of the root noun, a time before its "that"
    (
        "Colder's intelligence service estimated last month that Arvenia had about 8,000 "
        "troops along the border.",
        "Arvenia",
        "Colder's intelligence service",
    ),
    (
        "Tax revenue fell 4 percent in October, according to the Ministry of Finance (MoF).",
        "Tax revenue",
        "Ministry of Finance",
    ),
    # a short form the article defined is its body, not another health ministry told since
    (
        "The Ministry of Health (MOH) said 214 cases were recorded. Kell's health ministry "
        "said it had recorded none. On Friday, the MOH reported 188 new cases.",
        "188",
        "Ministry of Health",
    ),
    # the parser hangs the report on "as" and "found" on "came"
    (
        "The warning came as a joint report by the Varn Institute found that 4,000 children "
        "were malnourished.",
        "children",
        "Varn Institute",
    ),
    (
        "The fund will be run by the Orvane Development Bank, which said in a statement that "
        "it could lend $5 billion within a year.",
        "lend",
        "Orvane Development Bank",
    ),
    (
        "The main quake hit near Sorn, the Tessaly Institute of Seismology reported.",
        "quake",
        "Tessaly Institute of Seismology",
    ),
    (
        "One refugee, a mother of four identified only as Fatou, told reporters that her "
        "allowance had been cut.",
        "allowance",
        "Fatou",
    ),
    (
        "Fenn holds 604 pledged delegates, according to the Orvik Tribune's count.",
        "holds",
        "Orvik Tribune",
    ),
    (
        "Three people were killed and two others were injured, one critically, Varnia Police "
        "stated.",
        "killed",
        "Varnia Police",
    ),
    (
        "Lenvia's average temperature has risen by about 1.9C since 1900, double the global "
        "average, the weather service Meteolen says.",
        "temperature",
        "Meteolen",
    ),
    (
        "Turnout was nearly 41,000, according to the party's provincial chair, Lotte Varn.",
        "Turnout",
        "Lotte Varn",
    ),
    (
        "Ari Tamm sold 200,000 copies of his first novel, according to his publisher, Kestrel "
        "House.",
        "copies",
        "Kestrel House",
    ),
    (
        "Medical charity Doctors Across Borders reported 14 cases of cholera on Tuesday.",
        "cholera",
        "Doctors Across Borders",
    ),
    (
        "About 5,000 homes were without power, according to utility Vell Light & Power.",
        "homes",
        "Vell Light & Power",
    ),
    (
        "Researchers at the University of Tamsk published a study on Monday. The University "
        "of Tamsk said the project cost about 2 million euros.",
        "project",
        "University of Tamsk",
    ),
    (
        "A spokesperson for Corran Valley Police said the road was closed. Corran Valley "
        "Police said arrests rose by 14 per cent.",
        "Arrests",
        "Corran Valley Police",
    ),
    (
        "The Marine Safety Board (MSB) opened an inquiry. Nobody was hurt in two earlier "
        "incidents, according to the MSB's database.",
        "hurt",
        "Marine Safety Board",
    ),
    (
        "Emissions fell 3% in 2024, according to figures from the national statistics office "
        "published on Thursday.",
        "Emissions",
        "national statistics office",
    ),
    (
        "Generation rose 27% last year, according to calculations by the Kadro-based think "
        "tank Clean Grid.",
        "Generation",
        "Clean Grid",
    ),
    (
        "The Ostran government said it would spend 2 billion euros on dams.",
        "dams",
        "Ostran government",
    ),
    (
        "The charity SeaLine said at least 37 people were missing, citing survivors.",
        "missing",
        "SeaLine",
    ),
    (
        "The Kyodo News agency reported, citing two aides, that the minister would resign.",
        "resign",
        "two aides",
    ),
    (
        "The Varo Pension Fund lost 12% last year, according to the fund's annual report.",
        "lost",
        "Varo Pension Fund",
    ),
    (
        "About 3,000 migrants arrived in May, according to figures compiled by the regional "
        "prefecture.",
        "arrived",
        "regional prefecture",
    ),
    (
        "Donors pledged $2.1 billion, according to a tally by conference organisers.",
        "pledged",
        "conference organisers",
    ),
    (
        "The Helvan Statistics Board said prices rose 2%. Exports fell 4%, the board's figures "
        "show.",
        "Exports",
        "Helvan Statistics Board",
    ),
    (
        "KALLEN, Lusara, June 27 (Reuters) - Shipping group Orvane was fined on Thursday. The "
        "company said it would appeal.",
        "appeal",
        "Orvane",  # not the dateline's city; the group the article introduced
    ),
    (
        "Twelve people died in the floods, the ministry said, while about 3,000 others fled "
        "their homes, according to the Red Cross.",
        "fled",
        "Red Cross",
    ),
    (
        "Twelve people died in the floods, the ministry said, while about 3,000 others fled "
        "their homes, according to the Red Cross.",
        "died",
        "the ministry",
    ),
    (
        "Prices rose 3% in May, the statistics office said, while wages fell 1% over the year.",
        "fell",
        "the statistics office",
    ),
    (
        "Fighting spread on Sunday. Ostran's Defense Ministry said three soldiers were killed.",
        "soldiers",
        "Ostran's Defense Ministry",
    ),
    (
        "Perrin Mills's profit rose 8%, the Dunmore, Oregon-based company said.",
        "profit",
        "Perrin Mills",
    ),
    (
        "Perrin Mills posted a loss. The Dunmore, Oregon-based company said it would cut 200 jobs.",
        "jobs",
        "Perrin Mills",
    ),
    (
        "The monitor Sahel Watch said on Monday that 900 people were killed. Attacks on "
        "army posts rose by 40 percent, it said.",
        "Attacks",
        "Sahel Watch",
    ),
    (
        "A project run by exile journalists, Vesti Nord, said 1,200 soldiers were killed.",
        "soldiers",
        "Vesti Nord",
    ),
    (
        "The Valdric Front claimed to have shot down two army helicopters on Sunday.",
        "helicopters",
        "Valdric Front",
    ),
    (
        '"We are hopeful," Varan Foreign Minister Anders Holm told reporters.',
        "hopeful",
        "Anders Holm",
    ),
    (
        "The army will withdraw, Minister of Defence Hanna Lindqvist said.",
        "withdraw",
        "Hanna Lindqvist",
    ),
    ("Health Minister Ada Okonkwo-Reyes said cases had doubled.", "doubled", "Ada Okonkwo-Reyes"),
    (
        "Seismologist Karim Oudane of Dorvah University said the quake measured 6.1.",
        "quake",
        "Karim Oudane",
    ),
    ("Trooper Ana Vidal said the driver died at the scene.", "driver", "Ana Vidal"),
    (
        "Helvane Energy lowered its profit forecast on Wednesday. The company said demand "
        "for heating oil fell 12% in October.",
        "heating oil",
        "Helvane Energy",
    ),
    (
        "Helvane Energy cut its forecast, the Energy Ministry said. The company said demand "
        "for heating oil fell 12% in October.",
        "heating oil",
        "Helvane Energy",
    ),
    (
        "The vaccine, developed by Kessra-based Ilvane Biologics, was approved by Tarsen "
        "regulators on Monday. The company said it had delivered 1.5 million doses.",
        "doses",
        "Ilvane Biologics",
    ),
    (
        "Prosecutors opened an inquiry into the collapse, according to local broadcaster "
        "Radio Velmont.",
        "inquiry",
        "Radio Velmont",
    ),
    ("According to an Associated Press tally, Voss won 12 states.", "states", "Associated Press"),
    (
        "Ardent Mills said on Tuesday it had agreed to buy rival Solvo Group. Ardent will pay "
        "30 dollars per Solvo share, the company said.",
        "30 dollars",
        "Ardent Mills",
    ),
    (
        "Zentra Systems won a contract from the World Bank on Monday. The company said it "
        "would hire 200 engineers.",
        "200 engineers",
        "Zentra Systems",
    ),
    (
        "Police estimated that 4,000 people attended. A memorial fund has raised $2.3 million, "
        "the council said.",
        "memorial fund",
        "the council",
    ),
    (
        'Marlowe County Sheriff Ruth Ankeny visited the site. "This is the worst accident in '
        'the county since 1987," she said.',
        "worst accident",
        "Ruth Ankeny",
    ),
    (
        "A spokeswoman for the Social Democrats, Ines Morrow, said the party had offered to "
        "cut the tax.",
        "tax",
        "Ines Morrow",
    ),
    (
        "The University of Marlow opened a library on Monday. Enrolment has risen by a third "
        "since 2015, according to university figures.",
        "Enrolment",
        "University of Marlow",
    ),
    (
        "A helicopter operated by LifeWing Air Medical crashed on Sunday, the sheriff's office "
        "said. The helicopter took off from Ridgefield Hospital at 9:05 p.m., the company said.",
        "took off",
        "LifeWing Air Medical",
    ),
    ('"The bridge is safe," said Tomas Ekel.', "bridge is safe", "Tomas Ekel"),
    ('"The bridge is safe," Tomas Ekel said.', "bridge is safe", "Tomas Ekel"),
    ('"The bridge is safe," said Tomas Ekel, the city engineer.', "bridge is safe", "Tomas Ekel"),
    ('"The bridge is safe," said city engineer Tomas Ekel.', "bridge is safe", "Tomas Ekel"),
    (
        'The ministry closed the bridge in April. "It will reopen in June," Tomas Ekel said. '
        '"The repairs cost 4 million dollars," Ekel added.',
        "repairs cost",
        "Tomas Ekel",
    ),
    ("The spokesman, Ivo Lant, announced on Tuesday that the vote was fair.", "vote", "Ivo Lant"),
    ('"We have a clear mandate," Unity leader Sara Holm told supporters.', "mandate", "Sara Holm"),
    (
        "Turnout was low, party officials said. The party said the count would end soon.",
        "count",
        "The party",
    ),
    (
        "Chairman Henrik Sallo said it was early. The board said the pilot was experienced.",
        "pilot",
        "The board",
    ),
    (
        "Commissioner Ana Ruiz said a deal was near. The commissioner said the talks would resume.",
        "talks",
        "Ana Ruiz",
    ),
    (
        "Piet Dorn lost the vote on Tuesday. Turnout was 61%. Dorn conceded the race late "
        "Tuesday. In a speech in Merrow, he said he would not run again.",
        "not run again",
        "Piet Dorn",
    ),
    # a trailing speaker the parser hangs on the content as an appositive
    (
        "Floods have cut off 30 villages in the hills, the country's National Office for "
        "Civil Protection said Friday.",
        "30 villages",
        "National Office for Civil Protection",
    ),
    (
        "The board has sent four auditors to the mill, its chairman, Osric Pell, said.",
        "four auditors",
        "Osric Pell",
    ),
    (
        "Storms killed 12 people, the Tarsh Institute of Meteorology said. Of the dead, nine "
        "were in Pell province, according to the agency.",
        "nine",
        "Tarsh Institute of Meteorology",
    ),
    ("It was reported that four ministers had resigned.", "ministers", "reports"),
    # "the company" that already spoke, not a firm merely named in the sentence
    (
        "Norvik Energy said on Monday it would raise prices by 5%. Demand from Tarn Steel fell "
        "4% in February, the company said.",
        "4%",
        "Norvik Energy",
    ),
    # a pronoun before what it says can take up a person of its own sentence
    (
        "Tom Reed said prices rose 2%. Later Mark Kell took the stage, and he said 40 jobs "
        "would go.",
        "40 jobs",
        "Mark Kell",
    ),
    ("Conservative MP Kell said taxes rose 3%.", "3%", "Kell"),
    # "the statement" is a body's, never a person's
    (
        "Ana Ruiz, a teacher, said the town was calm. The Interior Ministry said 12 people "
        "were held. The curfew will end on Friday, the statement said.",
        "curfew",
        "Interior Ministry",
    ),
    # a name with particles the recognizer cut short
    (
        "Lead author Femke van der Laan told the Courant that 30 percent improved. She "
        "cautioned that the study of 200 people was small.",
        "200 people",
        "Femke van der Laan",
    ),
    # a firm named with its legal form is what "the company" refers back to
    (
        "The operator, Cuprum Andino S.A., said the dam was safe. The company said it would "
        "pay 50,000 soles to each family.",
        "50,000",
        "Cuprum Andino S.A.",
    ),
    # a given name the recognizer left off the surname it tagged
    (
        'Joost Verbeek, who has run Tarsh Paints since 2016, called the offer "compelling".',
        "compelling",
        "Joost Verbeek",
    ),
    # a portfolio the title-name splitter did not know
    (
        '"We have opened 12 camps," Minister of Territorial Administration Idris Haroun Saleh '
        "told reporters.",
        "12 camps",
        "Idris Haroun Saleh",
    ),
    # "the utility" is the body named in its own sentence, not the last one quoted
    (
        "The Ada County EMS said it had taken 17 people to hospital. Demand on Snake River "
        "Power's grid peaked at 3,861 megawatts on Monday, the utility said.",
        "3,861",
        "Snake River Power",
    ),
    (
        "Police have not ruled out arson, a spokesperson for the fire service said.",
        "arson",
        "a spokesperson for the fire service",
    ),
    # a named person in what was said is not who said it
    (
        "Gareth Tarn, 52, of Lorn, was sentenced at Varn Crown Court on Thursday. Ivo "
        "Strand, defending, said his client had run up debts. Tarn had repaid about 2,000 "
        "pounds and had not placed a bet since his arrest, he added.",
        "2,000",
        "Ivo Strand",
    ),
    # "told Tarn he had ...": the pronoun is the addressee's, not a clue to the speaker's sex
    (
        "Judge Orla Benn told Tarn he had betrayed his friends. She said she had cut the "
        "term by six months.",
        "six months",
        "Orla Benn",
    ),
    # adding jobs is no report
    (
        "Output fell 2% in May, the lowest since records began in 1998, and employers added "
        "9,000 jobs in the three months to June, according to official data released on Friday.",
        "9,000 jobs",
        "official data",
    ),
    # a poll's dates after "from" are no body behind it
    (
        "A Tessel Institute poll of 900 voters, conducted from May 4 to 9, found Aro with "
        "41 percent.",
        "41 percent",
        "Tessel Institute",
    ),
    (
        "The rebels seized two towns on Friday, it was reported on state radio.",
        "two",
        "state radio",
    ),
    (
        "Lumo Freight said in a statement that 40 trucks were idle. It will hire 25 drivers, "
        "the statement added.",
        "25 drivers",
        "Lumo Freight",
    ),
    # "the company" is no public body, even one the tagger missed
    (
        "The Central Inspectorate for Labour fined the firm 9,000 euros on Monday. Varro "
        "Textiles said it would appeal. The company said its 300 workers had been paid.",
        "300 workers",
        "Varro Textiles",
    ),
    # an occupation the title list had not known, and "she" who takes it up
    (
        "Glaciologist Sunniva Brekke of the Tromso Institute told reporters the ice had thinned "
        "by 4 metres. The loss is likely to speed up, she said.",
        "speed up",
        "Sunniva Brekke",
    ),
    # a described body named in commas before what it reported
    (
        "According to the regional water agency, Agua Norte, nitrate levels at the weir peaked "
        "at 40 mg per litre on Wednesday.",
        "levels at the weir",
        "Agua Norte",
    ),
    # a statistics office the tagger takes for a person, then "the office"
    (
        "Rents rose 2.1% in May, Statistics Ostrava said on Friday. Food prices jumped 4% on "
        "the month, according to the office.",
        "Food prices",
        "Statistics Ostrava",
    ),
    # an unnamed speaker's body told by its name; "district figures" are a district's
    (
        "The Tarn Valley Water Authority said 12 villages were flooded. About 300 soldiers were "
        "searching the hills, a spokesperson for the authority said.",
        "soldiers",
        "a spokesperson for the Tarn Valley Water Authority",
    ),
    (
        "The Lakeview Unified School District said 40 pupils fell ill. Attendance fell to 71% "
        "on Wednesday, district figures showed.",
        "Attendance",
        "Lakeview Unified School District",
    ),
    (
        "The Oslo-based Fjord Shipping Institute said 14 ships were seized.",
        "ships",
        "Fjord Shipping Institute",
    ),
    # polls, pollsters and people sharing a firm's name
    # a poll and "the same survey" are one document, its author the source
    (
        "A poll by the Varn Institute put approval at 31 percent. According to the same "
        "survey, the Greens would win about 22 percent.",
        "Greens",
        "Varn Institute",
    ),
    # "the pollster" is the author of the poll told last, however "by X" was hung
    (
        "A poll of 900 voters by Ostmark Data put the Greens at 40 percent. A poll of 1,500 "
        "adults by Tarlen Research had the two sides level at 45 percent each, the paper "
        "reported, citing the pollster's figures.",
        "level",
        "Tarlen Research",
    ),
    # a name before "of" and an organisation is a person's
    (
        "Tomasz Wielgus of Cardova Capital took a kinder view, saying the target looked "
        "achievable.",
        "target",
        "Tomasz Wielgus",
    ),
    # rules for places, counted groups, reports and firms stay narrow
    (
        "Texas health officials recorded 300 new cases on Monday.",
        "300",
        "Texas health officials",
    ),
    (
        "The bloc of 27 nations expects growth of 1% next year.",
        "growth",
        "The bloc of 27 nations",
    ),
    (
        "Ministers discussed a confidential report seen by the Tarn Herald. The report said "
        "40 officials took bribes.",
        "bribes",
        "the report",
    ),
    (
        "A report by the Velm Institute found 40 faults. Tarn Motors said its own report "
        "showed 12 faults. Profits fell 9%, the annual report said.",
        "Profits",
        "the annual report",
    ),
    (
        "Halden Motors Co was founded in 1950. Mrs. Halden said sales fell 4%.",
        "fell 4%",
        "Halden",
    ),
    (
        "Halden Motors said sales fell 4%. Halden Motorsport Ltd said it hired 40 drivers. "
        "Halden said prices would rise.",
        "would rise",
        "Halden",
    ),
    # inputs a review of rules 2025.17 found mishandled (each failed before its fix)
    ("Police on Monday blamed the crash on icy roads.", "was due to icy roads", "Police"),
    (
        "Haldor Foods blamed the losses on Monday on weak demand in Asia.",
        "losses were due to weak demand",
        "Haldor Foods",
    ),
    (
        "According to the police, Kowalski, who was driving the van, fled the scene.",
        "fled the scene",
        "the police",
    ),
    (
        "Halvar Chemicals was fined $3 million on Monday. The authority said the plant had "
        "leaked 40 tonnes of ammonia.",
        "leaked",
        "the authority",
    ),
    (
        "Shares in lender Bank of Ireland fell 4% on Monday. Ireland said its economy grew "
        "2% in the first quarter.",
        "economy grew",
        "Ireland",
    ),
    (
        "Halvar Chemicals agreed to buy Nordfrakt Coatings. Moody's said on Tuesday it may "
        "cut Halvar's rating. The two companies said the deal would close in June.",
        "deal would close",
        "Halvar Chemicals and Nordfrakt Coatings",
    ),
    # "the two companies": the last two bodies of that kind named before
    (
        "Halvar Chemicals agreed to buy Dutch rival Nordfrakt Coatings on Monday. The deal "
        "will create 500 jobs, the two companies said.",
        "500 jobs",
        "Halvar Chemicals and Nordfrakt Coatings",
    ),
    # a document closing the sentence, which the small parser reads as a noun ("agency show")
    (
        "The Vestal Flood Agency said 14 people had died. More than 300 roads were damaged, "
        "figures from the agency show.",
        "roads",
        "Vestal Flood Agency",
    ),
    # a name right after a firm's noun is the firm's, and "the company" and its first word
    # take it up
    (
        "A fire broke out at the depot, run by haulage company Brandt Logistik, at about 9 "
        "p.m., the company said. Brandt said 30 lorries had burned.",
        "30 lorries",
        "Brandt Logistik",
    ),
    (
        "A fire broke out at the depot, run by haulage company Brandt Logistik, at about 9 "
        "p.m., the company said.",
        "fire broke out",
        "Brandt Logistik",
    ),
    # a body the parser hung on "citing" still belongs to the cited people
    (
        "The Harbour Post reported, citing two officials at the port authority, that the "
        "cargo had been moved on Friday.",
        "cargo",
        "two officials at the port authority",
    ),
    (
        "The Harbour Post reported, citing documents on Friday, that the cargo had been moved.",
        "cargo",
        "documents",
    ),
    # an unnamed speaker's body: one that spoke before, though the tagger missed its name
    (
        "Swarms have damaged 9,000 hectares of maize, the West Sahel Crop Protection Agency "
        "said. Ministers will meet on Friday, a spokeswoman for the agency said.",
        "Ministers",
        "a spokeswoman for the West Sahel Crop Protection Agency",
    ),
    # the body last named, whether or not it spoke and the tagger caught its name
    (
        "Locusts destroyed 12,000 hectares of millet, the West Sahel Crop Protection Agency "
        "said. Farmers blamed the Lake Chad Basin Water Agency for delays. A spokeswoman for the "
        "agency said 300 pumps had been delivered.",
        "300 pumps",
        "A spokeswoman for the Lake Chad Basin Water Agency",
    ),
    (
        "Spain's Ministry of Health reported 4,200 new infections on Sunday. A spokeswoman for "
        "the ministry said 60 percent of adults had received a first dose.",
        "60 percent",
        "A spokeswoman for Spain's Ministry of Health",
    ),
    # a third review: the tagger's whole name, no sentence opener, title, person or place
    (
        "The Securities and Exchange Commission fined the broker $5 million on Tuesday. An "
        "official at the commission said the broker had misled 2,000 clients.",
        "2,000 clients",
        "an official at the Securities and Exchange Commission",
    ),
    (
        "But Interior Ministry officials said 40 people had been detained overnight. An official "
        "at the ministry said most had since been released.",
        "released",
        "an official at the Interior Ministry",
    ),
    (
        "Bank of Ostravia Governor Elena Markova said inflation would peak in the summer. A "
        "spokesman for the bank said the forecast assumed stable energy prices.",
        "forecast",
        "A spokesman for the Bank of Ostravia",
    ),
    (
        "The National Fire Agency said 15 wildfires were still burning. Former Water Agency chief "
        "Luis Pardo said the drought had been foreseeable. An official at the agency said water "
        "bombers were flying from dawn to dusk.",
        "Water bombers",
        "an official at the National Fire Agency",
    ),
    (
        "The Philippines' Department of Health reported 300 cases. A spokeswoman for the "
        "department said 12 had died.",
        "had died",
        "A spokeswoman for the Philippines' Department of Health",
    ),
    # a university keeps no country; a country the tagger split is left out
    (
        "Egypt's Al-Azhar University suspended 40 students. The university said the students "
        "had broken its rules.",
        "broken its rules",
        "Al-Azhar University",
    ),
    (
        "Bosnia and Herzegovina's Central Election Commission rejected 300 ballots. The "
        "commission said voting was fair.",
        "Voting was fair",
        "Central Election Commission",
    ),
    # a public body keeps the country told as its owner when "the ministry" points back
    (
        "Norway's Ministry of Fisheries disputed the figure. The ministry said 1,200 boats "
        "were affected.",
        "1,200 boats",
        "Norway's Ministry of Fisheries",
    ),
    (
        "Germany's Vell Motors will cut 300 jobs. The company said sales fell 9% in 2023.",
        "Sales fell",
        "Vell Motors",
    ),
    # a dated statement is the statement told before
    (
        "The Health Ministry said on Monday that 40 people had died. According to Monday's "
        "statement, 300 more were in hospital.",
        "hospital",
        "Health Ministry",
    ),
    # a document a described body owns ("the agency's readings") is that body's
    (
        "The Ostra Water Agency reported the spill on Monday. The agency's readings showed "
        "acidity peaking at a pH of 3.4 on Tuesday.",
        "acidity",
        "Ostra Water Agency",
    ),
    (
        "The Ostra Crop Agency warned of swarms. The agency's latest bulletin put the heaviest "
        "losses in Garissa.",
        "losses",
        "Ostra Crop Agency",
    ),
    # a name told right after a body's noun, or with "which", is a body's, whatever the
    # tagger says; "the group", "the airline" and its last word then point back to it
    (
        "Environmental group Velde Azul estimated that 15,000 fish had died. The group said "
        "the true toll was likely higher.",
        "true toll",
        "Velde Azul",
    ),
    (
        "Pilots at Spanish carrier Aerolíneas Brisa walked out on Thursday. The airline said "
        "about 70% of pilots on duty had stopped work.",
        "70%",
        "Aerolíneas Brisa",
    ),
    (
        "Pilots at Spanish carrier Aerolíneas Brisa walked out on Thursday. Brisa said it had "
        "cancelled 612 flights.",
        "612",
        "Aerolíneas Brisa",
    ),
    (
        "Textil Orzan, which employs 650 people, said on Wednesday it would pay the families. "
        "The company said the factory had passed an inspection in June.",
        "inspection",
        "Textil Orzan",
    ),
    (
        "Local media gave differing accounts. Newspaper Gazeta Norte, citing negotiators, said "
        "the talks had collapsed.",
        "talks",
        "Gazeta Norte",
    ),
    # a study the article says people at a named body published is theirs, and so is what
    # "the authors" write; the city a body sits in is no part of its name
    (
        "On Monday, researchers at the Varn Institute for Public Health in Hamburg, Germany "
        "published a study estimating that 2,400 people died from heat. The study, which "
        "appeared in Urban Health, found that the toll was 30 percent higher than in 2023.",
        "30 percent",
        "researchers at the Varn Institute for Public Health",
    ),
    (
        "On Monday, researchers at the Varn Institute for Public Health published a study of "
        "heat deaths. The authors wrote that the true total could be higher.",
        "true total",
        "researchers at the Varn Institute for Public Health",
    ),
    (
        "An earlier analysis was published by the think tank Clima Nova. The authors wrote that "
        "the true total could be higher.",
        "true total",
        "The authors",
    ),
    # a body's own count is its word, but a place's toll is the toll there
    (
        "The flood toll rose to 23 on Wednesday, the Tarn Interior Ministry said. The "
        "ministry's toll had stood at 11 on Monday evening.",
        "11",
        "Tarn Interior Ministry",
    ),
    (
        "The Red Crescent said 40 people died on Monday. The Red Crescent's tally rose to 52 on "
        "Tuesday.",
        "52",
        "Red Crescent",
    ),
    # a document a body described before owns, told first with how it was made
    (
        "A Varn Research poll put Ortiz at 41 percent. In the firm's previous poll, carried out "
        "January 8-11, Ortiz led Mbeki by 36 percent to 33 percent.",
        "36 percent",
        "Varn Research",
    ),
    # an unnamed speaker "at the utility" works for the body that spoke, told as it is named
    (
        "Power was cut to 40,000 homes, Harbour Grid Energy said. A senior official at the "
        "utility said crews would work overnight.",
        "Crews",
        "A senior official at Harbour Grid Energy",
    ),
    (
        "Fish died along the river, according to the Tarn Water Quality Agency. A senior "
        "official at the agency, who asked not to be named, said the valve had failed.",
        "valve",
        "A senior official at the Tarn Water Quality Agency",
    ),
    # a name its appositive calls a firm; a newspaper named after its kind
    (
        "Shares in Viação Serra Azul, one of the bus companies named in the warrants, fell 6 "
        "percent. The company said it was cooperating with the authorities.",
        "cooperating",
        "Viação Serra Azul",
    ),
    (
        "According to the daily newspaper Dnešní Zpráva, the talks lasted more than 14 hours.",
        "talks",
        "Dnešní Zpráva",
    ),
    ("The Health Ministry's count of confirmed cases reached 300.", "300", "Health Ministry"),
    (
        "Priya Nair, a software developer in Bangalore, said she was laid off.",
        "laid off",
        "Priya Nair",
    ),
    (
        "Orvida Airlines said flights were cancelled. A spokesman for the utility said the "
        "outage had been fixed.",
        "outage",
        "A spokesman for the utility",
    ),
    # near misses of those rules that a review found (each wrong in a first version)
    (
        "Workers at chipmaker Orlen Marsh protested on Monday. Marsh said pay talks would "
        "resume. Health Minister Anna Marsh said she was concerned.",
        "Pay talks",
        "Orlen Marsh",
    ),
    (
        "Pilots at carrier Air Serbia went on strike. Serbia said it would expel two diplomats.",
        "diplomats",
        "Serbia",
    ),
    (
        "A spokeswoman for the union Maria Lund said the strike would go ahead. Lund said talks "
        "had collapsed.",
        "Talks",
        "Maria Lund",
    ),
    ("Ruling party Nuevo Rumbo said the vote was fair.", "vote", "Nuevo Rumbo"),
    # a decision or order is its maker's document; a firm speaking is no regulator
    (
        "The Tarn Road Safety Administration fined Orvik Motors. Orvik Motors said it would "
        "appeal. Orvik knew of the fault by 2021, according to the agency's order.",
        "fault",
        "Tarn Road Safety Administration",
    ),
    (
        "Orvik Retail said it would appeal the fine. Attackers stole 40,000 records, according "
        "to the regulator's decision.",
        "records",
        "the regulator",
    ),
    # words that tell which or where, not who
    (
        "The smaller Tarn Teachers' Union said the strike would go on.",
        "strike",
        "Tarn Teachers' Union",
    ),
    ("The ruling Civic Party said the vote was fair.", "vote", "Civic Party"),
    ("Hospital officials there said 12 people had died.", "died", "hospital officials"),
    # a review of rules 2025.23: a title after an adjective names nobody new
    (
        "President Omar Fell said 12 schools would close. The former President said 30 had closed.",
        "30",
        "The former President",
    ),
    # two clubs introduced: "the club" may be either
    (
        "Football club Tarn Albion beat football club Orsk Rovers 3-1 on Saturday, the club said.",
        "beat",
        "the club",
    ),
    (
        "The provincial People's Committee said 12 people had died.",
        "died",
        "The provincial People's Committee",
    ),
    # "the club" is the body its own noun introduced, though its name does not say "club"
    (
        "Ridgeway agreed to buy football club Leith Albion, the club said on Tuesday.",
        "Ridgeway",
        "Leith Albion",
    ),
    (
        "The Ministry of Health in Gaza said 40 people had been killed.",
        "killed",
        "Ministry of Health in Gaza",
    ),
    (
        "Researchers at the Lund Institute published a study. Tom Vell published a study too. "
        "The study found that bees were dying.",
        "Bees",
        "The study",
    ),
    (
        "The Lund Institute published a report on Monday. The government's report, released in "
        "March, found the opposite. The report said 40 percent of forests were damaged.",
        "forests",
        "the government's report",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "source"), SOURCES, ids=[s[0][:50] for s in SOURCES])
def test_claim_is_attributed_to_the_source_the_sentence_names(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    assert _source(_claim(extractor, text, phrase)) == source


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "Missiles struck the capital, the air force said, killing at least three people.",
            "struck",
            3.0,
        ),
        (
            "The storm flattened homes, officials said, leaving 3,000 people without power.",
            "flattened",
            3000.0,
        ),
    ],
)
def test_a_participle_after_a_trailing_report_tells_the_reported_event(
    extractor: OfflineExtractor, text: str, phrase: str, value: float
):
    claim = _claim(extractor, text, phrase)
    assert [q.value for q in claim.quantities] == [value]
    assert claim.source is not None and claim.source.name != "three people"


def test_a_while_clause_giving_its_own_estimate_is_not_the_reports(
    extractor: OfflineExtractor,
):
    text = "Twelve people died, the ministry said, while rights groups put the toll far higher."
    assert _source(_claim(extractor, text, "toll far higher")) is None


def test_a_past_progressive_looks_back_for_its_month(extractor: OfflineExtractor):
    text = "About 52,000 cases were awaiting a decision at the end of December, the office said."
    claim = _claim(extractor, text, "awaiting")
    assert claim.time is not None and claim.time.start == "2020-12"


@pytest.mark.parametrize(
    ("text", "phrase", "person"),
    [
        (
            "Ari Tamm died on Tuesday. In 1989 he received the Orlen Prize, and in 2004 he was "
            "awarded the Order of the Silver Oak.",
            "Silver Oak",
            "Ari Tamm",
        ),
        (
            "Jan Roos died on Sunday. He completed the Selva range project in 1996. In total he "
            "made 37 expeditions.",
            "expeditions",
            "Jan Roos",
        ),
        (
            "Hart was born in 1929 in Sallow Cove, on Tessara's eastern coast. She earned her "
            "doctorate in 1956.",
            "doctorate",
            "Hart",
        ),
        (
            "The body of Ruben Achterhof, the mountaineer who climbed all 14 peaks of the Selva "
            "range, was recovered on Tuesday. He was 58.",
            "58",
            "Ruben Achterhof",
        ),
        (
            "Pavel Dremko died on Sunday. His former club, FK Lasta Korvan, confirmed his death. "
            "He had been treated for lung cancer.",
            "lung cancer",
            "Pavel Dremko",
        ),
        # a hyphenated name with an age and a description is a person, whatever the
        # recognizer says, and "she" told later makes the titled judge a woman
        (
            "Judge Amara Okafor of the Lagos High Court ordered Tunde Bello-Ade, 51, the founder "
            "of Harmattan Trust, to surrender his passport. He is due back in court on June 9. "
            "Okafor said the risk was low, but she set strict conditions.",
            "due back",
            "Tunde Bello-Ade",
        ),
    ],
)
def test_a_pronoun_keeps_to_the_person_it_took_up_before(
    extractor: OfflineExtractor, text: str, phrase: str, person: str
):
    assert _claim(extractor, text, phrase).statement.startswith(
        (person, f"In 2004 {person}", f"In total {person}")
    )


def test_a_described_place_with_a_number_of_its_own_is_a_claim(extractor: OfflineExtractor):
    claims = _claims(extractor, "Tarn, a village of about 900 people, has no doctor.")
    assert [(c.statement, [q.value for q in c.quantities], c.negated) for c in claims] == [
        ("Tarn has no doctor.", [], True),
        ("Tarn is a village of about 900 people.", [900.0], False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Turnout was 61 percent in Tarn, a rise of 4 points.",  # the figure's, not Tarn's
        "The army shelled Tarn overnight, a town of 8,000.",  # not right after the name
        "The rate rose to 70 percent in May, a 24-year high.",  # a date is no place
    ],
)
def test_a_closing_description_of_the_event_or_far_from_the_name_stays(
    extractor: OfflineExtractor, text: str
):
    assert [c.statement for c in _claims(extractor, text)] == [text]


def test_an_age_after_a_name_that_ends_a_longer_one_is_no_persons(extractor: OfflineExtractor):
    text = (
        "Coach Ana Madrid praised her players on Sunday. Real Madrid, 61, lead Barcelona by "
        "four points."
    )
    statements = [c.statement for c in _claims(extractor, text)]
    assert not any("years old" in statement for statement in statements), statements


def test_a_described_place_closing_the_sentence_is_a_claim_too(extractor: OfflineExtractor):
    text = "The flood reached Tarn, a village of about 900 people."
    claims = _claims(extractor, text)
    found = [(c.statement, [q.value for q in c.quantities]) for c in claims]
    assert ("The flood reached Tarn.", []) in found
    assert any(s.startswith("Tarn") and q == [900.0] for s, q in found), found


def test_a_name_with_an_age_is_a_person_whatever_the_tagger_says(extractor: OfflineExtractor):
    # the small model tags "Tavares" a common noun and the age a date
    claims = _claims(extractor, "Tavares, 23, did not speak to reporters on Wednesday.")
    assert [(c.statement, [(q.value, q.unit) for q in c.quantities]) for c in claims] == [
        ("Tavares did not speak to reporters on Wednesday, May 12, 2021.", []),
        ("Tavares is 23 years old.", [(23.0, "years of age")]),
    ]


@pytest.mark.parametrize(
    ("text", "main", "age"),
    [
        (
            "The magistrate ordered Tunde Bello-Ade, 51, the founder of Harmattan Trust, to "
            "surrender his passport.",
            "ordered Tunde Bello-Ade, the founder of Harmattan Trust, to surrender",
            "Tunde Bello-Ade is 51 years old.",
        ),
    ],
)
def test_an_age_after_any_capitalised_name_is_its_own_claim(
    extractor: OfflineExtractor, text: str, main: str, age: str
):
    statements = [c.statement for c in _claims(extractor, text)]
    assert any(main in statement for statement in statements), statements
    assert age in statements


@pytest.mark.parametrize(
    ("text", "main", "age"),
    [
        (
            "Former minister Tomislav Barić was arrested in May. Judge Vesna Lovrić of the Zagreb "
            "County Court found Barić, 58, guilty of abuse of office.",
            "found Barić guilty",
            "Barić is 58 years old.",
        ),
    ],
)
def test_an_age_after_the_surname_of_a_person_named_before_is_its_own_claim(
    extractor: OfflineExtractor, text: str, main: str, age: str
):
    """The tagger may take a lone surname for a place; the person named in full decides."""
    statements = [c.statement for c in _claims(extractor, text)]
    assert any(main in statement for statement in statements), statements
    assert age in statements


def test_an_age_set_off_after_a_name_in_a_story_of_long_ago_keeps_its_year(
    extractor: OfflineExtractor,
):
    age = _claim(extractor, "In 1998, Ana Berg, 22, won the gold medal in Nagano.", "22")
    assert age.time is not None and age.time.start == "1998"


def test_an_age_set_off_after_a_name_takes_no_time_from_the_sentence(
    extractor: OfflineExtractor,
):
    text = "On Friday, the premier named Ilse Marten, 47, a former banker, as finance minister."
    claims = _claims(extractor, text)
    age = next(c for c in claims if c.statement == "Ilse Marten is 47 years old.")
    named = next(c for c in claims if "named Ilse Marten" in c.statement)
    assert age.time is None
    assert named.time is not None and named.time.start == "2021-05-14"


@pytest.mark.parametrize(
    "text",
    [
        "The new council has Labour, 34, the Conservatives, 21, and the Greens, 8, the returning "
        "officer said.",
        "The table shows Arsenal, 61, Chelsea, 58, and Everton, 44.",
    ],
)
def test_names_paired_with_numbers_in_a_list_are_no_ages(extractor: OfflineExtractor, text: str):
    assert not any("years old" in c.statement for c in _claims(extractor, text))


def test_a_second_description_after_an_age_leaves_no_comma(extractor: OfflineExtractor):
    text = "Police said Marek Nowak, 52, the driver, a father of two, died at the scene."
    statements = [c.statement for c in _claims(extractor, text)]
    assert "Marek Nowak died at the scene." in statements


def test_names_with_particles_beside_a_firm_name_extract_without_error(
    extractor: OfflineExtractor,
):
    claims = _claims(extractor, "Jan van der Berg Transport BV said profits rose 4%.")
    assert [_source(c) for c in claims] == ["Jan van der Berg Transport BV"]


def test_a_place_with_a_number_is_no_aged_person(extractor: OfflineExtractor):
    claims = _claims(extractor, "In the table, Norway, 12, leads Sweden, 9.")
    assert not any("years old" in c.statement for c in claims)
    assert _claims(extractor, "Area of plot B, ², was 40 hectares.")  # no crash on "²"


def test_cents_take_the_currency_told_beside_them(extractor: OfflineExtractor):
    claim = _claim(extractor, "Bus fares will rise by 20 cents to €2.20 in June.", "fares")
    assert [(q.value, q.unit) for q in claim.quantities] == [(0.2, "EUR"), (2.2, "EUR")]


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        (
            "Officials said 62 people were taken to hospital, eight of them in critical condition.",
            [
                "62 people were taken to hospital.",
                "Eight of the people were in critical condition.",
            ],
        ),
        (
            "The storm killed 14 people, six of them children.",
            ["The storm killed 14 people.", "Six of the people were children."],
        ),
    ],
)
def test_a_share_of_them_closing_the_clause_is_its_own_claim(
    extractor: OfflineExtractor, text: str, statements: list[str]
):
    assert [c.statement for c in _claims(extractor, text)] == statements


def test_the_year_of_a_description_does_not_date_the_clause(extractor: OfflineExtractor):
    text = "The ferry, a Marlin 30 built in 1998, was registered to Keld Ferries."
    registered = _claim(extractor, text, "registered")
    assert registered.time is None
    built = _claim(extractor, text, "built in 1998")
    assert built.time is not None and built.time.start == "1998"


def test_at_the_time_is_not_the_year_of_a_description(extractor: OfflineExtractor):
    text = (
        "A ferry capsized near Tarn on Sunday. The ferry, a Marlin 30 built in 1998, was "
        "registered to Keld Ferries. The sea was calm at the time."
    )
    claim = _claim(extractor, text, "calm")
    assert claim.time is not None and claim.time.start == "2021-05-16"


def test_a_reporter_that_did_not_expect_something_negates_it(extractor: OfflineExtractor):
    text = "The weather office did not expect the storm to cause widespread damage."
    claim = _claim(extractor, text, "storm")
    assert (claim.statement, claim.negated) == (
        "The storm is not expected to cause widespread damage.",
        True,
    )


def test_tweeting_names_twitter_as_the_channel(extractor: OfflineExtractor):
    text = "Mayor Ilse Varn tweeted on Sunday that the town had lost three residents."
    claim = _claim(extractor, text, "residents")
    assert claim.source is not None and claim.source.via == "Twitter"


@pytest.mark.parametrize(
    ("text", "act"),
    [
        (
            "Tom Brask said the vote was a mistake and vowed to file a new motion in March.",
            "Tom Brask vowed to file a new motion in March.",
        ),
        (
            "Coach Rena Uhl said the team would meet on Monday but declined to name the captain.",
            "Coach Rena Uhl declined to name the captain.",
        ),
        (
            "Prosecutor Leah Tomasz said the inquiry was ongoing and did not rule out charges.",
            "Prosecutor Leah Tomasz did not rule out charges.",
        ),
    ],
)
def test_a_reporters_own_act_joined_to_the_reported_clause_is_the_reporters(
    extractor: OfflineExtractor, text: str, act: str
):
    claims = {claim.statement: claim for claim in _claims(extractor, text)}
    assert act in claims, list(claims)
    assert claims[act].source is None


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "At least 1,200 people were killed in the attacks, including more than 420 "
            "children, the ministry said.",
            "More than 420 children were among the people killed.",
        ),
        (
            "The quake killed 1,200 people, including 420 children.",
            "420 children were among the people killed.",
        ),
        (
            "Police documented 450 arrests, including at least 30 minors.",
            "At least 30 minors were among the arrests documented.",
        ),
    ],
)
def test_an_included_part_of_a_total_says_what_it_is_part_of(
    extractor: OfflineExtractor, text: str, part: str
):
    assert part in [claim.statement for claim in _claims(extractor, text)]


def test_event_relative_times_take_the_day_of_the_event_told_before(
    extractor: OfflineExtractor,
):
    text = (
        "A small plane crashed on Friday near Millbrook. Fog had covered the valley that "
        "morning. The plane had passed its last inspection in March. It went down at roughly "
        "6:20 p.m. Weather at the time was clear."
    )
    friday = "2021-05-14"
    for phrase in ("Fog", "went down", "Weather"):
        claim = _claim(extractor, text, phrase)
        assert claim.time is not None and claim.time.start == friday, phrase


def test_a_short_quote_with_an_inverted_attribution_keeps_both(extractor: OfflineExtractor):
    claim = _claim(extractor, '"It is over," said Fenn.', "over")
    assert _source(claim) == "Fenn"
    assert claim.evidence == ["It is over", "said Fenn"]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("Fenn holds 604 delegates and Lark holds 551, according to the Orvik Herald.", "Lark"),
        (
            "According to the Orvik Herald, Ensk now has 1,122 pledged delegates and Tasco "
            "has 1,105.",
            "Tasco",
        ),
    ],
)
def test_two_named_subjects_with_one_verb_give_two_claims_of_one_source(
    extractor: OfflineExtractor, text: str, second: str
):
    claims = _claims(extractor, text)
    assert len(claims) == 2
    assert claims[1].statement.startswith(second)
    assert {_source(claim) for claim in claims} == {"the Orvik Herald"}


def test_a_verb_the_tagger_took_for_a_noun_still_heads_a_claim(extractor: OfflineExtractor):
    text = "The PWS forecast further thunderstorms for Friday and Saturday."
    claim = _claim(extractor, text, "thunderstorms")
    assert claim.kind is ClaimKind.forecast
    assert claim.time is not None and claim.time.end == "2021-05-22"


def test_a_paragraph_opening_with_from_is_read(extractor: OfflineExtractor):
    text = "From June 2024, the museum will open on Sundays, the director said."
    assert _source(_claim(extractor, text, "museum")) == "the director"


def test_an_act_the_reported_person_could_do_stays_theirs(extractor: OfflineExtractor):
    text = "Police said the driver ignored the signals and refused to stop at the checkpoint."
    claim = _claim(extractor, text, "refused")
    assert claim.statement.startswith("The driver")


def test_a_remark_after_a_trailing_report_is_no_outcome(extractor: OfflineExtractor):
    text = "Missiles struck the capital overnight, the air force said, giving no further details."
    assert _claim(extractor, text, "struck").statement == "Missiles struck the capital overnight."


def test_a_date_given_as_is_no_speakers_name(extractor: OfflineExtractor):
    text = "A spokesperson, who gave the date as Monday, said power would return by noon."
    assert _source(_claim(extractor, text, "Power")) == "A spokesperson"


def test_a_verdict_is_an_event_not_a_report(extractor: OfflineExtractor):
    text = "A jury on Thursday found a Dellow man guilty of manslaughter, but acquitted him."
    claim = _claim(extractor, text, "guilty of manslaughter")
    assert claim.source is None and claim.statement.startswith("A jury on Thursday")


def test_a_duty_to_report_names_no_source(extractor: OfflineExtractor):
    text = "Under the pact, signatories must report their catches to a new secretariat."
    assert _source(_claim(extractor, text, "catches")) is None


def test_citing_a_reason_names_no_source(extractor: OfflineExtractor):
    text = "The minister resigned, his office said, citing health reasons."
    assert _source(_claim(extractor, text, "resigned")) == "his office"


def test_an_according_to_after_a_while_clause_is_no_via_of_the_report_before_it(
    extractor: OfflineExtractor,
):
    text = (
        "Twelve people died in the floods, the ministry said, while about 3,000 others fled "
        "their homes, according to the Red Cross."
    )
    claim = _claim(extractor, text, "died")
    assert claim.source is not None and claim.source.via is None


def test_a_participle_clause_never_takes_the_reporting_source_as_its_subject(
    extractor: OfflineExtractor,
):
    text = (
        "Severe storms and at least three tornadoes swept across southern Ostria on Sunday, "
        "killing at least 11 people, state emergency officials said."
    )
    claim = _claim(extractor, text, "11 people")
    assert "officials" not in claim.statement.lower()
    assert _source(claim) == "state emergency officials"


WHEN_CLAUSES = [
    ("The storms were the deadliest since 2011, when 23 people died.", "23 people", "2011"),
    ("The town last flooded in 1998, when the river rose six metres.", "river rose", "1998"),
    ("Floods last hit on April 27, 2011, when 31 people were killed.", "31 people", "2011-04-27"),
]


@pytest.mark.parametrize(
    ("text", "phrase", "year"), WHEN_CLAUSES, ids=[w[0][:50] for w in WHEN_CLAUSES]
)
def test_a_when_clause_after_a_date_happens_at_that_date(
    extractor: OfflineExtractor, text: str, phrase: str, year: str
):
    time = _claim(extractor, text, phrase).time
    assert time is not None and (time.start, time.end) == (year, year)


MORE_SOURCES = [
    # named groups and public bodies described by what they are (rules 2025.19)
    # a group's own name after its description is a named source
    (
        "At least 90 people were abducted in 2020, according to the Bamako-based monitoring "
        "group Observatoire Régional des Libertés.",
        "90 people",
        "Observatoire Régional des Libertés",
        False,
    ),
    # "the X Watch group": the group's name already says it is a group
    (
        "At least 37 workers have died since January, according to the Workplace Safety "
        "Watch group.",
        "37 workers",
        "Workplace Safety Watch",
        False,
    ),
    # one public body named by what it is, like "police said"
    (
        "Floods have killed 87 people, the disaster authority said.",
        "87",
        "disaster authority",
        False,
    ),
    # a review of rules 2025.19: words that name no body keep it anonymous, a body named
    # before is that body, a party's group is no party
    (
        "The relevant authority said 40 flights were cancelled.",
        "40",
        "the relevant authority",
        True,
    ),
    (
        "The Tarn Ports Authority runs the harbour. The ports authority said 300 containers "
        "were stranded on Monday.",
        "300",
        "Tarn Ports Authority",
        False,
    ),
    (
        "The Labour Party group said 25 councillors would resign.",
        "25",
        "The Labour Party group",
        True,
    ),
    # unnamed groups stay anonymous
    ("Local authorities said 40 homes were destroyed.", "40 homes", "local authorities", True),
    ("A rights group said 12 people were detained.", "12 people", "A rights group", True),
    ("Residents of Korr said help had arrived far too late.", "arrived", "residents of Korr", True),
    (
        "Three people involved in the talks said the sides remain far apart.",
        "sides",
        "three people involved in the talks",
        True,
    ),
    # a place or a possessor inside the unnamed speaker's phrase is not the speaker
    (
        "An official from Ostmark's foreign ministry said new listings would be decided by "
        "consensus.",
        "listings",
        "an official from Ostmark's foreign ministry",
        True,
    ),
    (
        "A diplomat at the French embassy in Ruma said the deal included $90 million in aid.",
        "deal",
        "A diplomat at the French embassy in Ruma",
        True,
    ),
    (
        "Unemployment rose to 6 percent, the national statistics agency said.",
        "Unemployment",
        "the national statistics agency",
        False,
    ),
    # the parser hangs "announced" on "agency" as a participle, the object of "received"
    (
        "Adults in Perin have received a dose, the national health agency announced on "
        "Thursday, as the country prepares to reopen.",
        "dose",
        "the national health agency",
        False,
    ),
    ("A Voss aide said the campaign was not worried.", "campaign", "A Voss aide", True),
    ("Rescuers said 12 people were missing.", "missing", "rescuers", True),
    ("Unions said 600,000 people marched.", "marched", "unions", True),
    ("Lund's agent said the singer died peacefully.", "peacefully", "Lund's agent", True),
    (
        "A spokesman for Governor Dale Ruiz said the mine would close.",
        "mine",
        "A spokesman for Governor Dale Ruiz",
        True,
    ),
    (
        "A union leader, who asked not to be named, told Interfax that checks were skipped.",
        "skipped",
        "A union leader",
        True,
    ),
    ("Police fined the firm, the RIA Novosti news agency reported.", "fined", "RIA Novosti", False),
    (
        "Boats rescued 176 people, according to state news agency Antara. Forecasters had "
        "issued a storm warning, the weather agency said.",
        "storm",
        "the weather agency",
        False,
    ),
    # a family speaks for the person it is named after (three annotators of made-up text)
    ("Vik died on Monday, his family said.", "died", "Vik's family", False),
    ("Several MPs said the deal was dead.", "deal", "several MPs", True),
    ("Police said the driver was 19.", "driver", "Police", False),
    (
        "Nordvik and Halstrom agreed to merge. The two companies said costs would fall.",
        "fall",
        "Nordvik and Halstrom",  # named, as labelled ("the two companies": both firms)
        False,
    ),
    (
        "Mara Vik's spokesman said the minister would resign.",
        "resign",
        "Mara Vik's spokesman",
        True,
    ),
    # a description of several words points back to the body named before (rules 2025.20)
    (
        "Velmar Holding posted a loss. The holding company said it would cut 300 jobs.",
        "300 jobs",
        "Velmar Holding",
        False,
    ),
    (
        "The Financial Conduct Board fined Orvik Bank. The conduct board said it had frozen "
        "95 million rand.",
        "frozen",
        "Financial Conduct Board",
        False,
    ),
    # ... but not when a lower-case word of it is missing from the name
    (
        "The Foreign Ministry summoned the envoy. Ten people have died, the health ministry said.",
        "Ten people",
        "the health ministry",
        False,
    ),
    # a courtesy title opens a name as a rank does
    ("According to Dr Awa Sow, all of them were in stable condition.", "stable", "Awa Sow", False),
    # review of rules 2025.20: a capitalised modifier may tell one body from another
    (
        "Halden Bank made an offer for Banco Serrano on Monday. The Spanish bank said the "
        "offer was too low.",
        "too low",
        "Spanish bank",
        False,
    ),
    # ... a courtesy title that opens an organisation's name stays in it
    (
        "Dr Pepper Snapple Group said profits rose 8 percent in March.",
        "Profits",
        "Dr Pepper Snapple Group",
        False,
    ),
    (
        "Dr. Oetker Group said it would close its Bielefeld plant.",
        "close",
        "Dr. Oetker Group",
        False,
    ),
    # a named body "X of the Y" is still "the Y" later (only a person for the Y is not)
    (
        "The Office of the Inspector General said 14 contracts were awarded without bids. The "
        "inspector general said the agency would repay 2 million dollars.",
        "repay",
        "Office of the Inspector General",
        False,
    ),
    # ... and a body citing its own data or images relays no one
    (
        "Citing its own data, the ministry reported that 40 people had died.",
        "40 people",
        "the ministry",
        False,
    ),
    (
        "Citing satellite images, the Kano Post reported that 40 homes had been destroyed.",
        "40 homes",
        "the Kano Post",
        False,
    ),
]

# Review of rules 2025.20: "it" after a firm whose name is a plural word, only where it is the firm.
IT_AFTER_A_PLURAL_FIRM = [
    ("Corvalen Systems said it would cut 1,800 jobs.", "Corvalen Systems would cut 1,800 jobs."),
    ("Corvalen Systems said it was a difficult decision.", "It was a difficult decision."),
    (
        "Corvalen Systems said it remains unclear whether the plant will reopen.",
        "It remains unclear whether the plant will reopen.",
    ),
    ("The Hendersons bought a farm in Iowa. It cost $3 million.", "It cost $3 million."),
    (
        "The Financial Conduct Authority (FCA) said it would fine Halcyon Bank $20 million.",
        "The Financial Conduct Authority would fine Halcyon Bank $20 million.",
    ),
]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The rebels seized the town of Kamo on Monday, and the army confirmed.", "the army"),
        ("Three climbers went missing on Saturday, and rescuers said as much.", "rescuers"),
        ("The dam burst after days of rain, and local officials said so.", "local officials"),
    ],
)
def test_a_report_after_and_that_only_points_back_is_the_source_of_the_clause_before(
    extractor: OfflineExtractor, text: str, source: str
):
    claims = _claims(extractor, text)
    assert len(claims) == 1 and claims[0].source is not None
    assert claims[0].source.name == source


@pytest.mark.parametrize(
    "text",
    [
        "Berg and Vik, who were both in office from 2012 to 2017, denied the charges.",
        "Tor Berg, who was the daily's sports editor, was arrested on Friday.",
        "The head of the army, who was previously a minister in the 1990s, resigned.",
    ],
)
def test_a_who_clause_stays_in_its_sentence_unless_it_dates_one_named_person(
    extractor: OfflineExtractor, text: str
):
    assert len(_claims(extractor, text)) == 1


def test_a_dated_fact_in_a_who_clause_is_a_claim_of_its_own(extractor: OfflineExtractor):
    text = "Ana Vik, who was mayor of Tarn from 2012 to 2017, died on Monday."
    claim = _claim(extractor, text, "was mayor")
    assert claim.statement == "Ana Vik was mayor of Tarn from 2012 to 2017."
    assert claim.time is not None and (claim.time.start, claim.time.end) == ("2012", "2017")


def test_a_clause_joined_by_and_is_no_trailing_report_of_the_clause_before(
    extractor: OfflineExtractor,
):
    text = (
        "Corvalen said on Monday it would cut 300 jobs. Corvalen also plans to close its plant "
        "in Tilburg next year, and it expects restructuring charges of about $95 million."
    )
    plant = _claim(extractor, text, "Tilburg")
    assert plant.source is None or plant.source.name != "and it"
    assert any("restructuring charges" in c.statement for c in _claims(extractor, text))


@pytest.mark.parametrize(("text", "statement"), IT_AFTER_A_PLURAL_FIRM)
def test_it_is_resolved_only_where_grammar_makes_it_the_firm(
    extractor: OfflineExtractor, text: str, statement: str
):
    assert statement in [claim.statement for claim in _claims(extractor, text)]


@pytest.mark.parametrize(
    ("text", "phrase", "source", "anonymous"), MORE_SOURCES, ids=[s[0][:50] for s in MORE_SOURCES]
)
def test_an_unnamed_role_is_an_anonymous_source_even_beside_a_name(
    extractor: OfflineExtractor, text: str, phrase: str, source: str, anonymous: bool
):
    claim = _claim(extractor, text, phrase)
    assert claim.source is not None
    assert (claim.source.name, claim.source.anonymous) == (source, anonymous)


def test_a_fronted_citing_names_the_source_an_outlet_relays(extractor: OfflineExtractor):
    text = "Citing police at the scene, the daily Kano Post reported that 14 people had died."
    claim = _claim(extractor, text, "14 people")
    assert claim.source is not None
    assert (claim.source.name, claim.source.via) == ("police at the scene", "Kano Post")


NEGATIONS = [
    ("Marek Dolan pleaded not guilty to manslaughter.", False),  # a plea, not a denial
    ("The Alliance has neither confirmed nor denied the figures.", True),
    ('"The window is not closed," the diplomat said.', True),
    ("The parties would return within weeks, not months, Vell said.", False),
    ("Neither has reached the 1,991 delegates needed for the nomination.", True),
    ("The talks failed on Monday.", False),
    ("The council failed to agree on a budget.", True),
    ("The party has yet to choose a leader.", True),
    ("Some parents refused to let vaccinators into their homes.", False),  # lexical
    ("Not a single battalion has been moved to the border.", True),
    ("Not every clinic has enough test kits.", True),
    ("The factory no longer employs local workers.", True),
]


@pytest.mark.parametrize(("text", "negated"), NEGATIONS, ids=[n[0][:50] for n in NEGATIONS])
def test_negation_comes_from_what_the_verb_governs(
    extractor: OfflineExtractor, text: str, negated: bool
):
    assert _claim(extractor, text, text.split()[2]).negated is negated


def test_what_a_denier_says_instead_is_not_negated(extractor: OfflineExtractor):
    text = "The mayor denied that, saying the contract had been awarded fairly."
    assert not _claim(extractor, text, "contract").negated


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("The suspect appeared in court on Monday.", "certain"),
        ("The suspect appeared to flee the scene.", "probable"),
    ],
)
def test_appear_hedges_only_with_a_complement(
    extractor: OfflineExtractor, text: str, certainty: str
):
    assert _claim(extractor, text, "suspect").certainty.value == certainty


QUANTITIES = [
    ("About 4.1 million people voted.", "voted", [(4_100_000, None)]),
    # "one of" counts nothing, even after a measure whose unit it could carry
    ("The canal, at 400 km one of the longest in Tarsh, reopened.", "reopened", [(400, None)]),
    # cents are hundredths of a dollar, compared by value with "$0.38"
    ("Tarn Foods earned 38 cents per share.", "earned", [(0.38, None)]),
    ("The dividend stays at 24 cents a share.", "dividend", [(0.24, None)]),
    (
        "The workforce grew by nearly 2,000 to 1.3 million.",
        "workforce",
        [(2000, None), (1_300_000, None)],
    ),
    ("Between 3 and 5 million people fled.", "fled", [(3_000_000, 5_000_000)]),
    ("Turnout was 61%, down from 67% in 2018.", "Turnout", [(61, None), (67, None)]),
    ("Datacor interviewed 1,050 adults from September 5 to 8.", "interviewed", [(1050, None)]),
    ("The survey of 3,000 adults ran between February 1 and 14.", "survey", [(3000, None)]),
    (
        "The talks lasted two weeks. A poll gave the Alliance between 29 and 32 percent.",
        "poll",
        [(29, 32)],
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "values"), QUANTITIES, ids=[q[0][:50] for q in QUANTITIES]
)
def test_quantity_values_are_exact_and_keep_their_own_scale(
    extractor: OfflineExtractor, text: str, phrase: str, values: list[tuple[float, float | None]]
):
    claim = _claim(extractor, text, phrase)
    assert [(q.value, q.upper) for q in claim.quantities] == values


def test_a_time_in_a_comparison_baseline_does_not_date_the_claim(extractor: OfflineExtractor):
    assert _claim(extractor, "Turnout was 61%, down from 67% in 2018.", "Turnout").time is None


def test_a_short_sentence_with_a_number_is_a_claim(extractor: OfflineExtractor):
    claim = _claim(extractor, "Anka Meril retired on Saturday. She was 88.", "was 88")
    assert [q.value for q in claim.quantities] == [88]


def test_a_sentence_opening_with_no_is_a_negated_claim(extractor: OfflineExtractor):
    claim = _claim(extractor, "No flights were cancelled, the airline said.", "flights")
    assert claim.negated
    assert _source(claim) == "the airline"


def test_counted_subjects_share_their_predicate(extractor: OfflineExtractor):
    text = "Two soldiers and three civilians were killed in the attack."
    claims = _claims(extractor, text)
    counted = {claim.statement: [q.value for q in claim.quantities] for claim in claims}
    assert counted == {
        "Two soldiers were killed in the attack.": [2],
        "Three civilians were killed in the attack.": [3],
    }


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("The foundation said in a post on Facebook that 15 homes had flooded.", "Facebook"),
        (
            "The ministry said in a statement posted on Telegram that the troops had withdrawn.",
            "Telegram",
        ),
    ],
)
def test_a_post_on_a_network_is_the_channel(extractor: OfflineExtractor, text: str, via: str):
    claim = _claim(extractor, text, text.split(" that ")[1].split()[-1].rstrip("."))
    assert claim.source is not None and claim.source.via == via


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the attack killed 12 people, the Drav Times reported.",
        "Analysts said the attack killed 12 people, the Drav Times reported.",
    ],
)
def test_a_publication_relaying_a_speaker_is_the_channel(extractor: OfflineExtractor, text: str):
    claim = _claim(extractor, text, "12 people")
    assert claim.source is not None
    assert (claim.source.name, claim.source.via) == (text.split()[0].lower(), "the Drav Times")
    assert "reported" not in claim.statement


@pytest.mark.parametrize(
    ("text", "phrase", "day"),
    [
        ("Lumenta announced on Friday that it had agreed to buy Kerrin.", "agreed", "2021-05-14"),
        ("The ministry announced on Friday that 27 people had died.", "died", None),
        ("Ana Ruiz said on Friday that she endorses Piet Dorn.", "endorses", "2021-05-14"),
        ("The ministry said on Friday that 27 people had died.", "died", None),
        ("Lumenta has agreed to buy Kerrin, the company said on Friday.", "agreed", "2021-05-14"),
        ("Lumenta has signed a lease, the company said on Friday.", "signed", None),
        ("Lumenta had previously agreed to buy Kerrin, the firm said on Friday.", "agreed", None),
        (
            "Tenants have agreed for years that rents are high, Ana Ruiz said on Friday.",
            "rents",
            None,
        ),
    ],
)
def test_an_act_done_by_announcing_it_happens_when_announced(
    extractor: OfflineExtractor, text: str, phrase: str, day: str | None
):
    time = _claim(extractor, text, phrase).time
    assert (time.start if time else None) == day


def test_items_that_leave_out_the_predicate_borrow_it(extractor: OfflineExtractor):
    text = (
        "On Sunday, eighteen people died in Marsh County, four in Vell County "
        "and two in Ostby County."
    )
    claims = _claims(extractor, text)
    found = {(c.quantities[0].value, c.location, c.time.start if c.time else None) for c in claims}
    assert found == {
        (18, "Marsh County", "2021-05-16"),
        (4, "Vell County", "2021-05-16"),
        (2, "Ostby County", "2021-05-16"),
    }
    statements = [c.statement for c in claims]
    assert "On Sunday, May 16, 2021, four people died in Vell County." in statements


@pytest.mark.parametrize(
    "text",
    [
        "The death toll rose to 1,541, the disaster agency said.",
        "Ostria's military intelligence agency said about 12,000 soldiers had been sent.",
    ],
)
def test_an_organisation_described_but_not_named_is_identified(
    extractor: OfflineExtractor, text: str
):
    claim = _claim(extractor, text, ",5") if "toll" in text else _claim(extractor, text, "sent")
    assert claim.source is not None and not claim.source.anonymous


def test_no_evidence_that_keeps_the_denial(extractor: OfflineExtractor):
    text = "Rendell said the alliance had no evidence that the troops had entered combat."
    claim = _claim(extractor, text, "combat")
    assert claim.negated


def test_a_quotation_belongs_to_the_speaker_named_at_its_end(extractor: OfflineExtractor):
    text = (
        "The World Health Agency said infections rose last week. "
        '"We are seeing increases in four regions. It is too early to say more," '
        "agency director Helga Strand told reporters."
    )
    assert _source(_claim(extractor, text, "four regions")) == "Helga Strand"


def test_according_to_after_the_speaker_is_the_channel(extractor: OfflineExtractor):
    text = '"We will not sign the deal," Ebo Dunn said, according to state broadcaster DRT.'
    claim = _claim(extractor, text, "sign the deal")
    assert claim.source is not None
    # the channel is the outlet's name, as the labels give it ("told state broadcaster TRT")
    assert (claim.source.name, claim.source.via) == ("Ebo Dunn", "DRT")


def test_the_court_heard_attributes_to_the_court(extractor: OfflineExtractor):
    claim = _claim(extractor, "Corin Tallis did not apply for bail, the court heard.", "bail")
    assert (_source(claim), claim.negated) == ("the court", True)
    assert "heard" not in claim.statement


def test_an_age_beside_a_name_is_a_claim_of_its_own(extractor: OfflineExtractor):
    text = "Shots were fired at two mosques. Corin Tallis, 28, was remanded in custody."
    claim = _claim(extractor, text, "remanded")
    assert claim.statement == "Corin Tallis was remanded in custody."
    assert claim.quantities == []
    age = _claim(extractor, text, "years old")
    assert age.statement == "Corin Tallis is 28 years old."
    assert [(q.value, q.unit) for q in age.quantities] == [(28, "years of age")]


def test_a_numbered_description_of_a_person_is_a_claim_of_its_own(extractor: OfflineExtractor):
    text = "Mara Kell, a three-time Olympic champion, died on Sunday in Dunmore."
    claims = _claims(extractor, text)
    assert [c.statement for c in claims] == [
        "Mara Kell died on Sunday, May 16, 2021, in Dunmore.",
        "Mara Kell was a three-time Olympic champion.",
    ]


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (
            "In an interview with Radio Ostria, Ilse Karvona said 12 schools had closed.",
            "Radio Ostria",
        ),
        ("Piet Marrow wrote on LinkedIn that the board had backed the offer.", "LinkedIn"),
        (
            "Talia Brandt told the Orsk Morning Post that the city had opened 40 centres.",
            "the Orsk Morning Post",
        ),
        # the kind of paper introduces a name the tagger knows nothing of
        (
            "Talia Brandt told the regional daily Vestkysten-Posten that 40 centres had opened.",
            "Vestkysten-Posten",
        ),
        (
            "Talia Brandt told the Lyon daily Le Courrier Sud that 40 centres had opened.",
            "Le Courrier Sud",
        ),
        # a person after the kind of paper is no channel (a review of rules 2025.18)
        ("The minister told newspaper reporter Anna Nowak that 40 jobs would go.", None),
        # the kind of outlet before its name: "news agency", "the broadcaster"
        (
            "A researcher told the news agency Ostmark Wire that the ransom was $5 million.",
            "Ostmark Wire",
        ),
        (
            "Ilse Karvona said in an interview with the broadcaster Tarn One that 12 schools had "
            "closed.",
            "Tarn One",
        ),
        (
            "In a statement carried by the state news agency Orsk Press, the ministry said 12 "
            "schools had closed.",
            "Orsk Press",
        ),
        # a news conference is no outlet
        ("Ilse Karvona told a news conference that 12 schools had closed.", None),
        # a review of rules 2025.23: numbers, joiners and hyphens inside the name, a date after
        # it, a courier service, a body or person that only holds an outlet word
        ("The governor told the television station Kanal 9 that 12 schools had closed.", "Kanal 9"),
        (
            "Ilse Karvona said in an interview with the news agency Voice of Tarn that 12 "
            "schools had closed.",
            "Voice of Tarn",
        ),
        (
            "The mayor told the news agency Xinhua-Orsk on Monday that 12 schools had closed.",
            "Xinhua-Orsk",
        ),
        ("The rescuer told the TV channel Vox Tarn that 12 schools had closed.", "Vox Tarn"),
        ("The shop told the courier service that 12 schools had closed.", None),
        ("In a statement released by the Post Office, the union said 12 schools had closed.", None),
        (
            "In a statement published by newspaper editor Anna Nowak, the family said 12 schools "
            "had closed.",
            None,
        ),
        # the parser hangs the speaker on the outlet and leaves "said" without a subject
        (
            "In an interview with Radio Tarn, its director, Ilse Karvona, said 12 schools had "
            "closed.",
            "Radio Tarn",
        ),
    ],
)
def test_interviews_networks_and_papers_told_are_channels(
    extractor: OfflineExtractor, text: str, via: str | None
):
    claim = next(c for c in _claims(extractor, text))
    assert claim.source is not None and claim.source.via == via


def test_a_name_hung_on_a_noun_inside_the_speakers_phrase_is_not_the_speaker(
    extractor: OfflineExtractor,
):
    text = (
        "In an interview with Radio Tarn, the brother of its director, Ilse Karvona, said 12 "
        "schools had closed."
    )
    sources = [c.source.name for c in _claims(extractor, text) if c.source]
    assert "Ilse Karvona" not in sources  # the brother spoke


@pytest.mark.parametrize(
    ("text", "statement", "via"),
    [
        # the parser hangs the clause on "jurors" as a relative clause
        (
            "The victim's wife, Dena Marl, told jurors she had watched from a window as the "
            "defendant hit her husband three times.",
            "Dena Marl had watched from a window as the defendant hit her husband three times.",
            None,
        ),
        # ... and "her client" on the paper as an appositive
        (
            "His lawyer, Petra Hovel, told the Veldmoor Courier her client would appeal.",
            "Her client would appeal.",
            "the Veldmoor Courier",
        ),
    ],
)
def test_told_someone_without_that_still_reports_the_clause(
    extractor: OfflineExtractor, text: str, statement: str, via: str | None
):
    claims = _claims(extractor, text)
    assert [c.statement for c in claims] == [statement]
    assert claims[0].source is not None and claims[0].source.via == via


def test_a_clause_before_a_coordinated_report_is_a_claim_of_its_own(extractor: OfflineExtractor):
    text = "Piet Brandl conceded defeat on Sunday and said he would step down."
    claims = _claims(extractor, text)
    conceded = next(c for c in claims if "conceded" in c.statement)
    assert (conceded.source, conceded.time and conceded.time.start) == (None, "2021-05-16")
    assert _source(_claim(extractor, text, "step down")) == "Piet Brandl"


def test_a_report_added_inside_reported_content_keeps_the_source(extractor: OfflineExtractor):
    text = "The minister said the bridge was safe and added that it would reopen."
    claim = _claim(extractor, text, "reopen")
    assert "added" not in claim.statement
    assert _source(claim) == "The minister"


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        (
            "Kessler Biotech said revenue rose 12 percent. The company said it would hire 300.",
            "hire",
            "Kessler Biotech",
        ),
        (
            "The Marian Competition Authority said prices would fall. "
            "The agency said it would decide by June.",
            "decide",
            "Marian Competition Authority",
        ),
        ("The Kell Institute said prices rose.", "Prices rose", "Kell Institute"),
        ("The Daily Varn Times said prices rose.", "Prices rose", "The Daily Varn Times"),
        (
            "Orlo Motors will close its plant in Tesk, the carmaker said.",
            "plant",
            "Orlo Motors",
        ),
        # a union is no airline, though it was the last body to speak
        (
            "The Varn Pilots' Union said talks had failed. Halden Air has cancelled 1,900 "
            "flights, the airline said.",
            "1,900",
            "Halden Air",
        ),
        (
            "In Tarn, Doctors Across Borders said it had treated 640 patients. The charity said "
            "it needed 1.2 million euros.",
            "euros",
            "Doctors Across Borders",
        ),
    ],
)
def test_a_described_organisation_is_the_one_last_named(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    assert _source(_claim(extractor, text, phrase)) == source


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        ("The death toll, officials said, rose to 40 overnight.", "rose to 40", "officials"),
        (
            "Negotiators have agreed on a ceasefire, a person familiar with the talks said.",
            "ceasefire",
            "a person familiar with the talks",
        ),
        ("Economists said inflation would fall.", "Inflation", "economists"),
    ],
)
def test_interjected_and_trailing_reports_name_their_source(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    claim = _claim(extractor, text, phrase)
    assert _source(claim) == source
    assert "said" not in claim.statement
    assert claim.source is not None and claim.source.anonymous


def test_the_second_half_of_a_split_quotation_is_kept(extractor: OfflineExtractor):
    text = '"We will rebuild," Governor Ilsa Varenko said, "and we will do it fast."'
    claim = _claim(extractor, text, "rebuild")
    assert "do it fast" in claim.statement
    assert _source(claim) == "Ilsa Varenko"


def test_a_denied_expectation_stays_negated(extractor: OfflineExtractor):
    claim = _claim(extractor, "Officials said they did not expect the rebels to attack.", "rebels")
    assert claim.negated


def test_a_past_verb_tagged_as_a_participle_still_reads_a_month_as_past(
    extractor: OfflineExtractor,
):
    text = "The river flooded in December."
    claims = extractor.extract(ArticleInput(text=text, published=dt.date(2021, 1, 3))).claims
    assert claims[0].time is not None and claims[0].time.start == "2020-12"


def test_a_person_the_model_calls_an_organisation_is_still_he(extractor: OfflineExtractor):
    text = (
        "Ruth Hallam said the money came from a donor. Marcus Vell said drilling would be "
        "safe. He said the sea would be protected."
    )
    assert _source(_claim(extractor, text, "sea")) == "Marcus Vell"


def test_a_national_agency_is_not_taken_for_a_person(extractor: OfflineExtractor):
    text = "South Korea's National Intelligence Service said 3,000 troops had arrived."
    claim = _claim(extractor, text, "troops")
    assert _source(claim) == "South Korea's National Intelligence Service"


def test_named_items_that_leave_out_the_verb_are_one_claim_each(extractor: OfflineExtractor):
    text = "The Unity Party won 365 seats, Labour 203 and the Liberal Democrats 11."
    claims = _claims(extractor, text)
    found = {c.statement: [q.value for q in c.quantities] for c in claims}
    assert found == {
        "The Unity Party won 365 seats.": [365],
        "Labour won 203 seats.": [203],
        "The Liberal Democrats won 11 seats.": [11],
    }


def test_numbered_names_in_a_list_stay_names(extractor: OfflineExtractor):
    text = "The quake affected the capital district, Region 11 and Region 12."
    claims = _claims(extractor, text)
    assert [q.value for c in claims for q in c.quantities] == []


@pytest.mark.parametrize(
    "text",
    [
        "Around the region, farmers announced new protests over grain prices.",
        "In the north, officials announced a curfew for the weekend.",
    ],
)
def test_a_fronted_place_before_a_report_verb_is_not_its_content(
    extractor: OfflineExtractor, text: str
):
    claim = _claim(extractor, text, "announced")
    assert claim.source is None


@pytest.mark.parametrize(
    ("text", "phrase", "start"),
    [
        ("The former mayor is due to appear before a judge on Friday.", "appear", "2021-05-21"),
        ("The trial resumes on Thursday.", "trial", "2021-05-20"),
        ("The minister is set to announce the budget on Tuesday.", "budget", "2021-05-18"),
        ("Parliamentary elections are due in March.", "elections", "2022-03"),
    ],
)
def test_a_schedule_without_will_is_a_forecast_dated_ahead(
    extractor: OfflineExtractor, text: str, phrase: str, start: str
):
    claim = _claim(extractor, f"Court news\n{text}", phrase)
    assert claim.kind is ClaimKind.forecast
    assert claim.time is not None and claim.time.start == start


def test_a_sentence_ending_in_a_clock_time_ends_there(extractor: OfflineExtractor):
    text = "Warehouse fire\nThe fire broke out at 2 p.m. Five workers were killed, police said."
    assert _source(_claim(extractor, text, "broke out")) is None
    assert _source(_claim(extractor, text, "workers")) == "police"


def test_a_sentence_ending_in_a_number_ends_before_an_acronym(extractor: OfflineExtractor):
    text = "The outbreak began on September 9. IHA head Ivan Okafor said the count was low."
    statements = [claim.statement for claim in _claims(extractor, text)]
    assert statements[0].startswith("The outbreak began on September 9"), statements


@pytest.mark.parametrize(
    "text",
    [
        "Warehouse fire\nThe fire broke out at 2 p.m. Sunday and burned for hours, police said.",
        "Plane crash\nA plane hit a hangar at 10:52 a.m. local time on Sunday after it tried to "
        "land, police said.",
    ],
)
def test_a_clock_time_before_its_day_or_zone_is_no_sentence_end(
    extractor: OfflineExtractor, text: str
):
    claims = _claims(extractor, text)
    assert claims
    assert [_source(claim) for claim in claims] == ["police"] * len(claims)


def test_a_toll_given_by_a_participle_stays_with_its_event(extractor: OfflineExtractor):
    text = "Quake hits town\nAn earthquake struck Ardel on Sunday, killing at least three people."
    claims = _claims(extractor, text)
    assert len(claims) == 1
    assert [q.value for q in claims[0].quantities] == [3]
    assert claims[0].time is not None and claims[0].time.start == "2021-05-16"


def test_remarks_about_the_reporting_are_not_claims(extractor: OfflineExtractor):
    text = (
        "Depot hit\nDrones hit a depot near Kessa on Sunday, the army said. "
        "The claim could not be independently verified. "
        "The ministry did not respond to a request for comment. "
        "Velox declined to comment on the figures.\n(Reporting by Per Aune; editing by Lise Moen)"
    )
    claims = _claims(extractor, text)
    assert [claim.statement for claim in claims] == [
        "Drones hit a depot near Kessa on Sunday, May 16, 2021."
    ]


def test_an_opening_time_dates_a_past_progressive_clause_too(extractor: OfflineExtractor):
    text = (
        "Floods\nAs of Sunday, more than 41,000 people had been evacuated, and about 6,200 "
        "were staying in 85 shelters, the agency said."
    )
    claim = _claim(extractor, text, "shelters")
    assert claim.time is not None and claim.time.start == "2021-05-16"


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        ("The Varn Rights Network put the death toll at 356.", "toll", "Varn Rights Network"),
        (
            "The Civic Alliance won 46.2 percent of the vote, according to preliminary results "
            "published by the Central Electoral Commission.",
            "vote",
            "Central Electoral Commission",
        ),
        (
            "Tarsk moved 2,000 troops to the border, according to satellite imagery analysed by "
            "the Centre for Open Monitoring.",
            "troops",
            "Centre for Open Monitoring",
        ),
    ],
)
def test_whoever_estimates_or_publishes_a_figure_is_its_source(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    found = _source(_claim(extractor, f"Figures\n{text}", phrase)) or ""
    assert found.removeprefix("The ") == source  # the scorer ignores a leading "The"


def test_we_believe_inside_a_quotation_is_the_speakers_view(extractor: OfflineExtractor):
    text = (
        'Study\n"These are people in their prime," said the lead author, Ines Salo. '
        '"We believe obesity is driving much of this increase."'
    )
    claim = _claim(extractor, text, "Obesity")
    assert _source(claim) == "Ines Salo"


def test_a_range_end_is_not_completed_with_a_noun_from_an_earlier_sentence(
    extractor: OfflineExtractor,
):
    text = "The talks lasted two weeks. A poll gave the Alliance between 29 and 32 percent."
    assert _claim(extractor, text, "poll").statement == (
        "A poll gave the Alliance between 29 and 32 percent."
    )


def test_a_clause_split_off_before_a_clock_time_keeps_its_a_m(extractor: OfflineExtractor):
    text = (
        "Eight people died in Oskaloosa, including a family of four whose home was flattened "
        "shortly before 1 a.m. Four people were killed in Tillery."
    )
    claims = _claims(extractor, text)
    statements = [claim.statement for claim in claims]
    assert "Eight people died in Oskaloosa." in statements
    assert any(s.endswith("before 1 a.m.") for s in statements), statements


@pytest.mark.parametrize(
    "text",
    [
        # a review of rules 2025.23: the sum a verb gives someone, a difference, a brand
        "The regulator fined Brenna Foods 4.2 million euros and Kestel Dairy 1.5 million euros.",
        "Brenna Foods was fined 4.2 million euros and Kestel Dairy 1.5 million euros more.",
    ],
)
def test_a_repeated_sum_that_is_no_second_agents_stays_one_claim(
    extractor: OfflineExtractor, text: str
):
    statements = [c.statement for c in _claims(extractor, text)]
    assert not any(s.startswith("Kestel Dairy") for s in statements), statements


def test_a_sum_of_the_vote_keeps_its_limit_for_the_second_agent(extractor: OfflineExtractor):
    text = "The Tarn Party won 41 percent of the vote and the Civic Party 38 percent."
    statements = [c.statement for c in _claims(extractor, text)]
    assert "The Civic Party won 38 percent of the vote." in statements, statements


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Green Left won 31 seats and the Farmers' League 15.",
            {("The Green Left won 31 seats.", 31, "seats"), ("won 15 seats.", 15, "seats")},
        ),
        (
            "Helmark pledged 310 million euros and Ostrenia 250 million.",
            {
                ("Helmark pledged 310 million euros.", 310e6, "EUR"),
                ("Ostrenia pledged 250 million euros.", 250e6, "EUR"),
            },
        ),
        # the second figure repeats its unit, and the parser hangs it beside the first
        (
            "Brenna Foods was fined 4.2 million euros and Kestel Dairy 1.5 million euros.",
            {
                ("Brenna Foods was fined 4.2 million euros.", 4.2e6, "EUR"),
                ("Kestel Dairy was fined 1.5 million euros.", 1.5e6, "EUR"),
            },
        ),
        (
            "Halvorsen was awarded four delegates and Dray two.",
            {
                ("Halvorsen was awarded four delegates.", 4, "delegates"),
                ("Dray was awarded two delegates.", 2, "delegates"),
            },
        ),
        (
            "The Unity party won 41 seats and the People's Movement 38.",
            {
                ("The Unity party won 41 seats.", 41, "seats"),
                ("The People's Movement won 38 seats.", 38, "seats"),
            },
        ),
        (
            "Voss has won 1,104 delegates and Okonkwo-Dahl 487.",
            {
                ("Voss has won 1,104 delegates.", 1104, "delegates"),
                ("Okonkwo-Dahl has won 487 delegates.", 487, "delegates"),
            },
        ),
        (
            "Labour won 202 seats, the Liberal Democrats 11 and the Greens one.",
            {
                ("Labour won 202 seats.", 202, "seats"),
                ("The Liberal Democrats won 11 seats.", 11, "seats"),
                ("The Greens won one seat.", 1, "seats"),
            },
        ),
    ],
)
def test_named_items_after_a_count_are_one_claim_each(
    extractor: OfflineExtractor, text: str, expected: set[tuple[str, float, str]]
):
    claims = _claims(extractor, text)
    found = {(c.statement, c.quantities[0].value, c.quantities[0].unit) for c in claims}
    assert len(found) == len(expected), found
    for statement, value, unit in expected:
        assert any(s.endswith(statement) and (v, u) == (value, unit) for s, v, u in found), found


@pytest.mark.parametrize(
    ("text", "participle", "main"),
    [
        (
            "Menon, born in 1936, played 38 Tests for Varania.",
            ("Menon was born in 1936.", "1936"),
            ("Menon played 38 Tests for Varania.", None),
        ),
        (
            "Born in Kvalsund in 1933, Ana Berg was the youngest of seven children.",
            ("Ana Berg was born in Kvalsund in 1933.", "1933"),
            ("Ana Berg was the youngest of seven children.", None),
        ),
        (
            "The aircraft, built in 2009, crashed on Sunday.",
            ("The aircraft was built in 2009.", "2009"),
            ("The aircraft crashed on Sunday, May 16, 2021.", "2021-05-16"),
        ),
    ],
)
def test_a_participle_with_its_own_date_is_a_claim_of_its_own(
    extractor: OfflineExtractor,
    text: str,
    participle: tuple[str, str | None],
    main: tuple[str, str | None],
):
    claims = _claims(extractor, text)
    found = {(c.statement, c.time.start if c.time else None) for c in claims}
    assert found == {participle, main}


def test_a_split_clause_takes_the_date_of_the_subject_it_shares(extractor: OfflineExtractor):
    claim = _claim(
        extractor, "The bombing on March 15 killed 51 people and injured 49 others.", "49"
    )
    assert claim.time is not None and claim.time.start == "2021-03-15"
    assert claim.evidence == ["injured 49 others", "The bombing on March 15"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The Labour Party won 44 seats, up 9.", [44, 9]),
        ("Labour received 43.6 percent of the vote, down 1.3 points.", [43.6, 1.3]),
    ],
)
def test_a_change_after_a_count_stays_with_it(
    extractor: OfflineExtractor, text: str, values: list[float]
):
    claims = _claims(extractor, text)
    assert [[q.value for q in c.quantities] for c in claims] == [values]


def test_a_where_clause_happens_on_the_occasion_of_its_main_clause(extractor: OfflineExtractor):
    text = "Tor Vik appeared in the Varn High Court on Friday, where he was charged with murder."
    claim = _claim(extractor, text, "charged")
    assert claim.time is not None and claim.time.start == "2021-05-14"
    assert claim.evidence == ["where he was charged with murder", "on Friday"]


def test_a_where_clause_takes_no_time_from_the_report_around_it(extractor: OfflineExtractor):
    text = (
        "Troops have arrived in Kursk, where they are expected to join the offensive, "
        "the Daily Varn reported Friday."
    )
    assert _claim(extractor, text, "offensive").time is None


def test_a_short_coordinated_count_is_a_claim_with_its_subject_as_evidence(
    extractor: OfflineExtractor,
):
    claim = _claim(extractor, "Under his captaincy, Marlland won 26 Tests and lost 14.", "lost")
    assert claim.statement == "Marlland lost 14."
    assert [q.value for q in claim.quantities] == [14]
    assert claim.evidence == ["lost 14", "Marlland"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The bill passed its first reading by 104 votes to 2.", [104, 2]),
        ("A memorial fund has raised NZ$2.3 million.", [2_300_000]),
    ],
)
def test_counts_the_small_model_tags_oddly_are_still_counted(
    extractor: OfflineExtractor, text: str, values: list[float]
):
    claims = _claims(extractor, text)
    assert [q.value for q in claims[0].quantities] == values


def test_a_source_labelling_the_headline_does_not_carry_into_the_body(
    extractor: OfflineExtractor,
):
    text = (
        "WHO: Tarsen fever infections surpass 100,000 worldwide\n\n"
        "Velmoria accounts for nearly 15 percent of all cases."
    )
    claims = _claims(extractor, text)
    assert [_source(c) for c in claims] == ["WHO", None]


def test_a_described_organisation_as_subject_is_the_one_named_before_it(
    extractor: OfflineExtractor,
):
    text = (
        "Helvane Energy lowered its forecast on Wednesday. The company will cut 300 jobs, "
        "its chief executive said. The regulator, Ofgen, said prices would stay flat."
    )
    assert _claim(extractor, text, "300 jobs").subject == "Helvane Energy"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police estimated the crowd at about 8,000, while organisers said more than 30,000 "
            "people took part.",
            {("crowd", "Police"), ("30,000", "organisers")},
        ),
        (
            "Ostrava has reported 21,400 cases, while Lunder has confirmed 18,950.",
            {("21,400", "Ostrava"), ("18,950", "Lunder")},
        ),
        (
            "A spokesman for the group said it would let convoys pass, but aid workers said "
            "no convoy had crossed in 12 days.",
            {("pass", "A spokesman for the group"), ("crossed", "aid workers")},
        ),
        (
            "The European Union said it would release 800,000 euros, and Norway's government "
            "said it had sent three aircraft.",
            {("euros", "European Union"), ("aircraft", "Norway's government")},
        ),
    ],
)
def test_each_side_of_a_contrast_keeps_its_own_source(
    extractor: OfflineExtractor, text: str, expected: set[tuple[str, str]]
):
    claims = _claims(extractor, text)
    assert len(claims) == 2, [c.statement for c in claims]
    for phrase, source in expected:
        assert _source(_claim(extractor, text, phrase)) == source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Australia said it had sent 30 tonnes of supplies, and Japan pledged $2 million "
            "in aid.",
            {("tonnes", "Australia"), ("Japan", None)},
        ),
        (
            "Fenn said there were no plans to close plants, but he would not rule out job cuts.",
            {("plants", "Fenn"), ("cuts", "Fenn")},
        ),
    ],
)
def test_a_clause_joined_to_a_report_is_reported_only_without_an_actor_of_its_own(
    extractor: OfflineExtractor, text: str, expected: set[tuple[str, str | None]]
):
    for phrase, source in expected:
        assert _source(_claim(extractor, text, phrase)) == source


def test_an_included_count_in_a_contrasting_report_keeps_that_reports_source(
    extractor: OfflineExtractor,
):
    text = (
        "The ministry puts the toll at about 1,800, while the monitor Vell Watch says at least "
        "3,100 people have been killed, including 900 civilians."
    )
    claim = _claim(extractor, text, "civilians")
    assert _source(claim) == "Vell Watch"
    assert claim.statement == "900 civilians were among the people killed."


def test_a_when_clause_reporting_a_figure_has_its_own_source_and_date(
    extractor: OfflineExtractor,
):
    text = "The protest was the largest since 2019, when police said about 15,000 people gathered."
    main = _claim(extractor, text, "largest")
    assert main.time is not None and (main.time.start, main.time.end) == ("2019", None)
    gathered = _claim(extractor, text, "gathered")
    assert _source(gathered) == "police"
    assert gathered.time is not None and gathered.time.start == "2019"


def test_a_when_clause_after_a_non_time_noun_stays_with_its_clause(extractor: OfflineExtractor):
    text = (
        "Four people were killed and 37 were injured, nine of them seriously, when the train "
        "struck a freight train on Tuesday."
    )
    claims = _claims(extractor, text)
    assert not any(c.statement.startswith("The train struck") for c in claims)
    injured = _claim(extractor, text, "37")
    assert injured.time is not None and injured.time.start == "2021-05-11"


def test_a_plan_said_to_be_original_is_dated_backward(extractor: OfflineExtractor):
    claim = _claim(extractor, "The launch was originally scheduled for February 27.", "launch")
    assert claim.time is not None and claim.time.start == "2021-02-27"


def test_hours_and_minutes_are_one_duration(extractor: OfflineExtractor):
    text = "The existing line takes about 2 hours and 10 minutes."
    claims = _claims(extractor, text)
    assert [[q.value for q in c.quantities] for c in claims] == [[2, 10]]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The party won 44 seats, up 9, and 2 mayoralties.", [[44, 9], [2]]),
        ("Rescuers found 3 bodies on May 5 and 12 survivors on May 6.", [[3], [12]]),
    ],
)
def test_narrow_list_rules_leave_other_lists_alone(
    extractor: OfflineExtractor, text: str, values: list[list[float]]
):
    claims = _claims(extractor, text)
    assert [[q.value for q in c.quantities] for c in claims] == values


def test_a_year_old_thing_has_no_age(extractor: OfflineExtractor):
    claim = _claim(extractor, "The 30-year-old bridge carried 88 cars an hour.", "bridge")
    assert "years of age" not in [q.unit for q in claim.quantities]


def test_a_transcript_speaker_is_written_as_a_name(extractor: OfflineExtractor):
    text = "SMITH: We have hired 40 new nurses this year.\n\nKIM: The wards are full."
    claims = _claims(extractor, text)
    assert {_source(c) for c in claims} == {"Smith", "Kim"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor, who took office in 2019, resigned on Monday.",
            ["The mayor resigned on Monday, May 17, 2021.", "The mayor took office in 2019."],
        ),
        (
            "The victims, whose names were released on Sunday, ranged in age from 17 to 71.",
            [
                "The victims ranged in age from 17 to 71.",
                "The victims’ names were released on Sunday, May 16, 2021.",
            ],
        ),
    ],
)
def test_a_relative_clause_split_off_takes_its_commas_with_it(
    extractor: OfflineExtractor, text: str, expected: list[str]
):
    claims = _claims(extractor, text)
    assert [c.statement for c in claims] == expected


def test_a_poll_by_a_named_body_has_that_body_as_source(extractor: OfflineExtractor):
    text = "A poll by Harlow University gave Brenner 44 percent support."
    assert _source(_claim(extractor, text, "44 percent")) == "Harlow University"
    text = "The government gave 300 families shelter."
    assert _source(_claim(extractor, text, "300 families")) is None


def test_a_part_of_a_total_is_a_claim_of_its_own(extractor: OfflineExtractor):
    text = "At least 63 people were injured, 11 of them seriously."
    claims = _claims(extractor, text)
    assert [(c.statement, [q.value for q in c.quantities]) for c in claims] == [
        ("At least 63 people were injured.", [63]),
        ("11 of the people were seriously injured.", [11]),
    ]


def test_a_person_who_told_an_outlet_is_the_source_of_what_follows(extractor: OfflineExtractor):
    text = (
        "Brenner faces businessman Felix Harrow, who told the Westmarch Courier that he would "
        "not leave the race."
    )
    claim = _claim(extractor, text, "leave the race")
    assert claim.source is not None
    assert (claim.source.name, claim.source.via, claim.negated) == (
        "Felix Harrow",
        "the Westmarch Courier",
        True,
    )


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        (
            "Judge Miriam Okafor set a trial date. The case will last three weeks, the judge said.",
            "three weeks",
            "Miriam Okafor",
        ),
        (
            "The crash is being investigated by the Federal Aviation Administration. According "
            "to FAA records, the pilot had 9,000 hours of experience.",
            "9,000",
            "Federal Aviation Administration",
        ),
    ],
)
def test_a_later_title_or_acronym_takes_the_full_name(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    assert _source(_claim(extractor, text, phrase)) == source


@pytest.mark.parametrize(
    "text",
    [
        "Investigators found no evidence that the driver had used his phone.",
        "The authors did not find evidence that runoff from farms was the main cause.",
    ],
)
def test_found_no_evidence_is_negated(extractor: OfflineExtractor, text: str):
    assert _claim(extractor, text, "vidence").negated


def test_an_opening_descriptor_leaves_the_source_name(extractor: OfflineExtractor):
    text = "National carrier Aeris Air said it would add 14 new routes from April."
    assert _source(_claim(extractor, text, "routes")) == "Aeris Air"


def test_an_order_in_force_until_a_weekday_looks_ahead(extractor: OfflineExtractor):
    claim = _claim(extractor, "LifeWing suspended all flights until Wednesday.", "flights")
    assert claim.time is not None and (claim.time.start, claim.time.end) == (None, "2021-05-19")


def test_joined_verbs_with_their_own_dates_split(extractor: OfflineExtractor):
    text = "The aircraft was built in 2004 and last inspected in March."
    claims = _claims(extractor, text)
    assert [(c.statement, c.time.start if c.time else None) for c in claims] == [
        ("The aircraft was built in 2004.", "2004"),
        ("The aircraft was last inspected in March.", "2021-03"),
    ]
    text = "The suspect was arrested and charged with murder."
    assert len(_claims(extractor, text)) == 1


def test_a_participle_with_its_own_date_is_told_as_a_clause(extractor: OfflineExtractor):
    text = "He taught there for 30 years, becoming a professor in 1988."
    claims = _claims(extractor, text)
    assert [(c.statement, c.time.start if c.time else None) for c in claims] == [
        ("He taught there for 30 years.", None),
        ("He became a professor in 1988.", "1988"),
    ]


def test_what_a_speakers_phrase_tells_in_passing_is_a_claim(extractor: OfflineExtractor):
    text = "Prime Minister-elect Arvid Dalstrom, 54, told supporters that he was humbled."
    age = _claim(extractor, text, "years old")
    assert (age.statement, _source(age)) == ("Arvid Dalstrom is 54 years old.", None)
    text = (
        "Albury, who has spent more than $40 million on the campaign since June, said he was "
        "reassessing his candidacy."
    )
    spent = _claim(extractor, text, "spent")
    assert spent.statement == "Albury has spent more than $40 million on the campaign since June."
    assert _source(spent) is None and [q.value for q in spent.quantities] == [40_000_000]


def test_a_bare_age_after_a_name_the_model_missed_is_still_an_age(extractor: OfflineExtractor):
    text = "Evers, 37, played 112 Test matches."
    claims = _claims(extractor, text)
    assert [c.statement for c in claims] == [
        "Evers played 112 Test matches.",
        "Evers is 37 years old.",
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        (
            "The Free Velmoria Movement organised the march on Sunday. The group says it has "
            "120,000 members.",
            "members",
            "Free Velmoria Movement",
        ),
        (
            "Turnout was low, party officials said. The party said the count would end soon.",
            "count",
            "The party",
        ),
        (
            "Aeris Air carried 18 million passengers last year, according to its annual report.",
            "passengers",
            "Aeris Air",
        ),
        (
            "The vote was certified, according to the National Electoral Commission. The result "
            "gives the party a majority of 80 seats.",
            "majority",
            None,
        ),
        (
            "The WHO declared Tarsen fever a public health emergency on February 2.",
            "emergency",
            None,
        ),
    ],
)
def test_groups_reports_and_declarations_name_the_right_source(
    extractor: OfflineExtractor, text: str, phrase: str, source: str | None
):
    assert _source(_claim(extractor, text, phrase)) == source


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("In a video posted to Twitter, Brenner said he would support Voss.", "Twitter"),
        ("Speaking on CNN, Brenner said 40 states would vote.", "CNN"),
    ],
)
def test_a_video_or_an_appearance_is_the_channel(extractor: OfflineExtractor, text: str, via: str):
    claim = _claim(extractor, text, "would")
    assert claim.source is not None and claim.source.via == via


def test_an_opening_time_does_not_date_a_relative_clause(extractor: OfflineExtractor):
    text = "In 1964 he published Prime Patterns, which sold more than 200,000 copies."
    assert _claim(extractor, text, "sold").time is None
    assert _claim(extractor, text, "published").time is not None


def test_a_claim_before_a_dated_event_ends_on_that_date(extractor: OfflineExtractor):
    text = "The board will name a new captain before the tour of Elvania, which starts on June 8."
    claim = _claim(extractor, text, "captain")
    assert claim.time is not None and (claim.time.start, claim.time.end) == (None, "2021-06-08")


def test_a_relative_clause_describing_a_speaker_is_no_claim(extractor: OfflineExtractor):
    text = (
        "Dr. Lena Sorvik, who heads the paediatric ward at Kessa General Hospital, said the "
        "hospital was treating 45 children."
    )
    claims = _claims(extractor, text)
    assert [c.statement for c in claims] == ["The hospital was treating 45 children."]


def test_a_headline_supplies_the_date_of_the_body_claim_it_restates(extractor: OfflineExtractor):
    text = (
        "Sarnet closes polling station on Tuesday\n\n"
        "The Sarnet council closed the old polling station, officials said."
    )
    claims = _claims(extractor, text)
    assert len(claims) == 1
    assert claims[0].time is not None and claims[0].time.start == "2021-05-11"


def test_denying_charges_is_a_lexical_negative_but_a_denied_report_is_negated(
    extractor: OfflineExtractor,
):
    assert not _claim(extractor, "Kestrel denied all charges.", "charges").negated
    text = "The ministry denied that troops had crossed the border."
    assert _claim(extractor, text, "border").negated


def test_a_glance_back_from_an_event_leaves_later_times_counting_from_it(
    extractor: OfflineExtractor,
):
    text = (
        "A warehouse collapsed in Orvel on Friday. Workers had reported cracks two days "
        "before the collapse. On the eve of the collapse, inspectors visited the site. "
        "Rescuers reached the site at 4 a.m. local time."
    )
    days = {
        phrase: _claim(extractor, text, phrase).time
        for phrase in ("cracks", "inspectors", "Rescuers")
    }
    assert {phrase: time.start if time else None for phrase, time in days.items()} == {
        "cracks": "2021-05-12",
        "inspectors": "2021-05-13",
        "Rescuers": "2021-05-14",
    }


def test_a_forecast_date_does_not_move_the_anchor_of_later_times(extractor: OfflineExtractor):
    text = (
        "A man appeared in court in Delby on Friday. He is due to reappear on June 22. "
        "Police recovered a knife two days later."
    )
    claim = _claim(extractor, text, "knife")
    assert claim.time is not None and claim.time.start == "2021-05-16"


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        (
            "Tor Vik died on Friday. He edited the Orvel Review from 1980 to his death.",
            "edited",
            "1980",
            "2021-05-14",
        ),
        (
            "A cargo plane crashed near Delby on Friday. Mechanics had checked the engines "
            "on Tuesday. The pilot had flown the route two days before the crash.",
            "route",
            "2021-05-12",
            "2021-05-12",
        ),
        (
            "A dam collapsed in Orvel on Friday. Poor upkeep contributed to the collapse.",
            "upkeep",
            None,
            None,
        ),
    ],
)
def test_a_phrase_naming_a_dated_event_takes_that_events_date(
    extractor: OfflineExtractor, text: str, phrase: str, start: str | None, end: str | None
):
    time = _claim(extractor, text, phrase).time
    bounds = (time.start, time.end) if time else (None, None)
    assert bounds == (start, end)


@pytest.mark.parametrize(
    ("text", "source", "via"),
    [
        (
            "According to CNN, citing two aides, Hartwell had spent nearly $3 million.",
            "two aides",
            "CNN",
        ),
        ("Barrow said in a tweet that the vote was rigged.", "Barrow", "Twitter"),
        ("Holt said in a Facebook post that the vote was rigged.", "Holt", "Facebook"),
        (
            "The ministry said in a statement on its Telegram channel that the vote was rigged.",
            "The ministry",
            "Telegram",
        ),
        ("Local media reported, citing police, that the vote was rigged.", "police", "local media"),
        (
            "The mayor told the newspaper Dagsposten that the vote was rigged.",
            "The mayor",
            "Dagsposten",
        ),
        (
            "Speaking to reporters in Manchester, Jessop said the vote was rigged.",
            "Jessop",
            None,
        ),
        # documents an outlet saw are the source, an official it quoted too
        (
            "The vote was rigged, according to court documents seen by the Orsk Tribune.",
            "court documents",
            "the Orsk Tribune",
        ),
        (
            "The vote was rigged, according to an official quoted by the Daily Varn.",
            "an official",
            "Daily Varn",
        ),
        # a name with a particle or a number, and an outlet told again by its kind
        (
            "The vote was rigged, the newspaper El Vigía del Sur reported, citing two observers.",
            "two observers",
            "El Vigía del Sur",
        ),
        (
            "The vote was rigged, the newspaper Folha do Vale reported, citing two observers.",
            "two observers",
            "Folha do Vale",
        ),
        (
            "The vote was rigged, an election official told the broadcaster Coastal Radio 95.",
            "an election official",
            "Coastal Radio 95",
        ),
        (
            'Tom Berg told Italian broadcaster RAI that he was worried. "The vote was rigged," '
            "he told the broadcaster.",
            "Tom Berg",
            "RAI",
        ),
    ],
)
def test_citations_posts_and_described_outlets_name_source_and_channel(
    extractor: OfflineExtractor, text: str, source: str, via: str | None
):
    claim = _claim(extractor, text, "vote" if "vote" in text else "spent")
    assert claim.source is not None and (claim.source.name, claim.source.via) == (source, via)


def test_a_name_the_tagger_missed_is_taken_up_by_she(extractor: OfflineExtractor):
    text = "Mark Jessop won the seat. Holt said she would appeal."
    assert _claim(extractor, text, "appeal").statement == "Holt would appeal."


def test_a_second_report_after_but_is_the_same_sources_claim(extractor: OfflineExtractor):
    text = (
        "Health official Ana Pareto said the outbreak would peak soon but warned that cases "
        "may continue into September."
    )
    claims = _claims(extractor, text)
    assert [c.statement for c in claims] == [
        "The outbreak would peak soon.",
        "Cases may continue into September.",
    ]
    assert {_source(c) for c in claims} == {"Ana Pareto"}
    assert claims[1].time is not None and claims[1].time.start == "2021-09"


def test_a_clause_after_an_interjected_report_goes_on_with_the_same_source(
    extractor: OfflineExtractor,
):
    text = (
        "Spokesman Daniel Price said the train derailed. No one was killed, he said, but four "
        "crew members were treated for smoke inhalation."
    )
    treated = _claim(extractor, text, "treated")
    assert treated.statement == "Four crew members were treated for smoke inhalation."
    assert _source(treated) == "Daniel Price"
    assert _claim(extractor, text, "killed").negated


def test_a_past_possibility_is_no_forecast(extractor: OfflineExtractor):
    claim = _claim(
        extractor, "The mayor said Friday's storm may have weakened the bridge.", "storm"
    )
    assert claim.kind is ClaimKind.assessment
    assert claim.time is not None and claim.time.start == "2021-05-14"


@pytest.mark.parametrize(
    ("text", "phrase", "day"),
    [
        ("On the eve of Sunday's vote, the party held a rally.", "rally", "2021-05-15"),
        (
            "The vote was held on Tuesday, May 11. On the day of the vote, turnout reached 40 "
            "percent.",
            "turnout",
            "2021-05-11",
        ),
    ],
)
def test_the_eve_or_day_of_a_dated_event(
    extractor: OfflineExtractor, text: str, phrase: str, day: str
):
    time = _claim(extractor, text, phrase).time
    assert time is not None and (time.start, time.end) == (day, day)


def test_a_breakdown_fronted_by_its_total_gives_one_claim_per_share(extractor: OfflineExtractor):
    text = "Of the 11 people who died, nine were aged over 70 and two were between 55 and 64."
    claims = _claims(extractor, text)
    assert [(c.statement, [q.value for q in c.quantities]) for c in claims] == [
        ("11 people died.", [11]),
        ("Nine of the people who died were aged over 70.", [9, 70]),
        ("Two of the people who died were between 55 and 64.", [2, 55]),
    ]


@pytest.mark.parametrize("opener", ["Of the", "Among the"])
def test_a_breakdown_fronted_by_a_group_without_its_count_keeps_every_share(
    extractor: OfflineExtractor, opener: str
):
    text = f"{opener} confirmed cases, 1,310 were adults and 830 were children, officials said."
    claims = _claims(extractor, text)
    assert [(c.statement, [q.value for q in c.quantities]) for c in claims] == [
        ("1,310 of the confirmed cases were adults.", [1310]),
        ("830 of the confirmed cases were children.", [830]),
    ]


def test_a_period_fronting_a_count_is_no_item_of_a_list(extractor: OfflineExtractor):
    claims = _claims(extractor, "In the past 24 hours, 312 new cases were reported.")
    assert [c.statement for c in claims] == ["In the past 24 hours, 312 new cases were reported."]


def test_a_change_after_a_count_stays_with_that_item(extractor: OfflineExtractor):
    text = (
        "The Liberal Alliance won 44 seats, down 12 from the previous parliament, and about 27 "
        "percent of the vote."
    )
    claims = _claims(extractor, text)
    assert [[q.value for q in c.quantities] for c in claims] == [[44, 12], [27]]
    assert "down" not in claims[1].statement


def test_a_report_in_a_clause_after_the_main_one_leaves_that_clause_a_claim(
    extractor: OfflineExtractor,
):
    text = (
        "Maren Harwell ended her campaign on Friday, one day after a poll showed her trailing "
        "by 17 points."
    )
    claims = _claims(extractor, text)
    ended = _claim(extractor, text, "ended")
    assert ended.source is None and ended.time is not None and ended.time.start == "2021-05-14"
    assert any(_source(c) == "a poll" and [q.value for q in c.quantities] == [17] for c in claims)


def test_he_continuing_after_a_quote_is_the_speaker(extractor: OfflineExtractor):
    text = '"Kole is a good person," Teller said. He added that he would keep his seat.'
    claim = _claim(extractor, text, "seat")
    assert (_source(claim), claim.statement) == ("Teller", "Teller would keep his seat.")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Okafor won 58 percent, according to a report by the Nevaro Sentinel.", "Nevaro Sentinel"),
        ("Treasurer Maren Harwell said Okafor won 58 percent.", "Maren Harwell"),
    ],
)
def test_a_documents_author_and_a_titled_name(extractor: OfflineExtractor, text: str, source: str):
    assert _source(_claim(extractor, text, "58 percent")) == source


def test_the_year_of_an_as_many_as_comparison_is_no_claim_time(extractor: OfflineExtractor):
    text = "Roughly 2,300 members took part, about twice as many as in the 2020 caucus."
    assert _claim(extractor, text, "members").time is None


def test_a_quoted_phrase_after_a_reporting_verb_is_no_quotation(extractor: OfflineExtractor):
    text = (
        'Forecasters had warned of a "particularly dangerous situation" on Friday afternoon, '
        "about six hours before the tornado hit."
    )
    claims = _claims(extractor, text)
    assert len(claims) == 1 and claims[0].statement.startswith("Forecasters had warned")
    assert [q.value for q in claims[0].quantities] == [6]


def test_ages_in_a_semicolon_list_are_claims_of_their_own(extractor: OfflineExtractor):
    text = (
        "The sheriff named the dead as pilot Harold Brennan, 75; co-pilot James Okafor, 58; "
        "and passenger Lisa Tran, 44."
    )
    claims = _claims(extractor, text)
    ages = sorted(q.value for c in claims if "years old" in c.statement for q in c.quantities)
    assert ages == [44, 58, 75]


def test_a_with_phrase_measuring_its_noun_stays_in_the_claim(extractor: OfflineExtractor):
    text = "The weather service rated the tornado EF-4, with winds of 170 mph."
    claims = _claims(extractor, text)
    assert len(claims) == 1 and [q.value for q in claims[0].quantities] == [170]


def test_a_headline_joins_the_lede_it_restates_in_other_word_forms(extractor: OfflineExtractor):
    text = (
        "Plane crash kills three\n\n"
        "A vintage plane crashed near Delby on Saturday, killing three people. In 2013 another "
        "plane crash killed two people near the town."
    )
    claims = _claims(extractor, text)
    assert len(claims) == 2
    assert claims[0].evidence[-1] == "Plane crash kills three"


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [("investigators", "2021-05-16", "2021-05-16"), ("flags", None, "2021-05-19")],
)
def test_plans_told_after_an_event_look_ahead_from_it(
    extractor: OfflineExtractor, phrase: str, start: str | None, end: str
):
    text = (
        "A helicopter crashed near Orvel on Saturday, killing five people. NTSB investigators "
        "were expected to arrive on Sunday. The governor ordered flags lowered to half-staff "
        "through Wednesday."
    )
    time = _claim(extractor, text, phrase).time
    assert time is not None and (time.start, time.end) == (start, end)


def test_the_reporters_own_second_act_is_no_report(extractor: OfflineExtractor):
    text = 'Governor Ann Hollis said she was "heartbroken" and ordered flags lowered to half-staff.'
    claims = _claims(extractor, text)
    assert [(c.statement, _source(c)) for c in claims] == [
        ("Ann Hollis was heartbroken.", "Ann Hollis"),
        ("Governor Ann Hollis ordered flags lowered to half-staff.", None),
    ]
    assert claims[0].kind is ClaimKind.assessment


def test_a_prefixed_word_stays_one_word(extractor: OfflineExtractor):
    text = "Lind was first elected in 2012 and was re-elected in 2018 with 58 percent."
    claim = _claim(extractor, text, "2018")
    assert claim.statement == "Lind was re-elected in 2018 with 58 percent."


def test_a_network_named_by_the_main_verb_relays_a_writing_participle(
    extractor: OfflineExtractor,
):
    text = "Teller congratulated Kole on Twitter, writing that the result was fair."
    claim = _claim(extractor, text, "fair")
    assert claim.source is not None and claim.source.via == "Twitter"


def test_a_relative_clause_split_off_leaves_the_main_clause_its_time(
    extractor: OfflineExtractor,
):
    text = "The centre, which has more than 200 shops, reopened on Friday."
    claim = _claim(extractor, text, "reopened")
    assert claim.statement == "The centre reopened on Friday, May 14, 2021."
    assert claim.time is not None and claim.time.start == "2021-05-14"


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        (
            "According to a police statement, the man was arrested at the scene.",
            "arrested",
            "police",
        ),
        ("Whitfield recorded her first album in 1955.", "album", None),
        ("Phivor recorded 611 aftershocks by Saturday.", "aftershocks", "Phivor"),
    ],
)
def test_statements_of_institutions_and_records_of_counts(
    extractor: OfflineExtractor, text: str, phrase: str, source: str | None
):
    assert _source(_claim(extractor, text, phrase)) == source


def test_a_sum_of_money_takes_no_noun_from_an_earlier_count(extractor: OfflineExtractor):
    text = "Reid coached youth teams for almost 20 years. In 2018 he raised over £250,000."
    assert "years" not in _claim(extractor, text, "raised").statement


def test_the_ages_of_one_group_stay_one_claim(extractor: OfflineExtractor):
    text = "Among the six dead were two teenagers, aged 15 and 17."
    claims = _claims(extractor, text)
    assert [c.statement for c in claims] == [text]
    assert [q.value for q in claims[0].quantities] == [6, 2, 15, 17]


def test_she_prefers_the_person_the_article_made_a_woman(extractor: OfflineExtractor):
    text = (
        "Elena Marsh ended her campaign on Friday. Tom Becker praised Marsh on Saturday. "
        "She said the country needed a steady leader."
    )
    assert _source(_claim(extractor, text, "steady")) == "Elena Marsh"


def test_a_glance_back_dates_no_event_of_its_own(extractor: OfflineExtractor):
    text = (
        "The vote was held on Sunday. On the eve of the vote, the party held a rally. The "
        "council met two days before the vote."
    )
    time = _claim(extractor, text, "council").time
    assert time is not None and time.start == "2021-05-14"


def test_a_misparsed_participle_is_no_act_of_the_reporter(extractor: OfflineExtractor):
    text = "The party announced on Sunday that Jo Lind had won the caucus, held the previous day."
    claims = _claims(extractor, text)
    assert not any(c.statement.startswith("The party held") for c in claims)


def test_a_previous_weekday_after_a_month_counts_from_publication(extractor: OfflineExtractor):
    text = "The firm was fined in March. He was sentenced the previous Tuesday."
    time = _claim(extractor, text, "sentenced").time
    assert time is not None and time.start == "2021-05-11"


def test_shares_given_with_with_are_one_claim_per_name(extractor: OfflineExtractor):
    text = "A poll found Okafor with 46 percent, Harwell with 29 percent and Pardo with 11 percent."
    claims = _claims(extractor, text)
    assert [(c.statement, [q.value for q in c.quantities]) for c in claims] == [
        ("A poll found Okafor with 46 percent.", [46]),
        ("A poll found Harwell with 29 percent.", [29]),
        ("A poll found Pardo with 11 percent.", [11]),
    ]


def test_calling_for_something_is_no_naming(extractor: OfflineExtractor):
    claim = _claim(extractor, "Vik called for talks on Monday.", "talks")
    assert claim.source is None and claim.kind is ClaimKind.event


def test_a_naming_by_he_is_the_person_named_before(extractor: OfflineExtractor):
    text = 'Bernie Sanders endorsed Joe Biden on Monday. He called Biden "a very decent man".'
    claim = _claim(extractor, text, "decent")
    assert (claim.statement, _source(claim), claim.subject) == (
        "Biden is a very decent man.",
        "Bernie Sanders",
        "Biden",
    )


def test_a_question_left_unanswered_after_but_is_no_claim(extractor: OfflineExtractor):
    text = "The utility said a line had failed, but it did not say whether it caused the fire."
    claims = _claims(extractor, text)
    assert [c.statement for c in claims] == ["A line had failed."]


def test_the_agency_is_no_broadcaster_a_speaker_was_relayed_by(extractor: OfflineExtractor):
    text = (
        "Minister Ada Relm told the broadcaster KVN that deliveries were on time. "
        "Admissions fell 12 percent last week, the agency said."
    )
    assert _source(_claim(extractor, text, "Admissions")) == "the agency"


def test_a_report_denied_of_a_question_is_a_remark_not_a_claim(extractor: OfflineExtractor):
    text = "Nordvik will cut jobs, the company said. The company did not say how many would go."
    claims = _claims(extractor, text)
    assert [c.statement for c in claims] == ["Nordvik will cut jobs."]


def test_a_naming_in_an_interview_is_relayed_by_the_broadcaster(extractor: OfflineExtractor):
    text = 'Ola Berg called the decision "a dark day" in an interview with Radio Kestria.'
    claim = _claim(extractor, text, "dark day")
    assert claim.source is not None and claim.source.via == "Radio Kestria"


def test_a_time_after_a_joined_verb_belongs_to_that_verb(extractor: OfflineExtractor):
    text = (
        "The ferry left port at 9:15 p.m. on Friday and sent a distress call about 40 minutes "
        "later, the captain told reporters."
    )
    claims = _claims(extractor, text)
    assert [c.statement for c in claims] == [
        "The ferry left port at 9:15 p.m. on Friday, May 14, 2021.",
        "The ferry sent a distress call about 40 minutes later.",
    ]
    assert claims[1].time is not None and claims[1].time.start == "2021-05-14"
    assert [q.value for q in claims[1].quantities] == [40]


def test_a_post_on_x_ends_its_sentence_and_names_the_network(extractor: OfflineExtractor):
    text = '"We will not give up," Harwell wrote on X. "The count is not over."'
    claims = _claims(extractor, text)
    assert [claim.statement for claim in claims] == [
        "We will not give up.",
        "The count is not over.",
    ]
    assert {claim.source.via if claim.source else None for claim in claims} == {"X"}


@pytest.mark.parametrize(
    ("text", "first_start"),
    [
        (
            "Nine people were killed and 40 injured when a bus overturned late Thursday.",
            "2021-05-13",
        ),
        (
            "Its forces killed 30 fighters and destroyed 4 tanks on Saturday, the army said.",
            "2021-05-15",
        ),
        ("Rada moved to the coast in 1960 at 17 and sold 2 paintings two years later.", "1960"),
        ("Rada moved to the coast at 17 and sold 2 paintings in 1961.", None),
    ],
)
def test_joined_tallies_share_a_time_written_once_after_the_last(
    extractor: OfflineExtractor, text: str, first_start: str | None
):
    first = _claims(extractor, text)[0]
    assert (first.time.start if first.time else None) == first_start


def test_a_clause_the_parser_hung_as_adverbial_is_still_a_trailing_reports_content(
    extractor: OfflineExtractor,
):
    text = "Fighting intensified on Wednesday, the army said in a post on X."
    claim = _claims(extractor, text)[0]
    assert claim.statement == "Fighting intensified on Wednesday, May 12, 2021."
    assert claim.source is not None and (claim.source.name, claim.source.via) == ("the army", "X")
    text = "When the storm hit, the mayor said the city was ready."
    claim = _claims(extractor, text)[0]
    assert claim.statement == "The city was ready."


@pytest.mark.parametrize(
    ("text", "source", "via"),
    [
        (
            "The bus fell about 80 metres, provincial police chief Farhad Rostami told reporters.",
            "Farhad Rostami",
            None,
        ),
        (
            '"We will search for six days," Sutanto told the Pelita news agency.',
            "Sutanto",
            "Pelita",
        ),
    ],
)
def test_a_trailing_told_after_a_comma_is_the_report_of_what_precedes(
    extractor: OfflineExtractor, text: str, source: str, via: str | None
):
    claims = _claims(extractor, text)
    assert len(claims) == 1 and claims[0].source is not None
    assert (claims[0].source.name, claims[0].source.via) == (source, via)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "No arrests were made, according to a statement from the district prosecutor's office.",
            "district prosecutor's office",
        ),
        ("At least 30 homes burned, according to a count by the municipality.", "municipality"),
        (
            "Orrin won the caucuses, according to results released by the state party.",
            "state party",
        ),
        ("Turnout was 58 percent, according to electoral commission data.", "electoral commission"),
    ],
)
def test_a_document_from_an_unnamed_body_is_that_bodys_word(
    extractor: OfflineExtractor, text: str, source: str
):
    claim = _claims(extractor, text)[0]
    assert claim.source is not None
    assert (claim.source.name, claim.source.anonymous) == (source, False)


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        (
            '"The enemy is losing," army spokesman Ivo Brannek said in a video posted on '
            "Telegram. The Defence Ministry gave a different account. It said 52 of its "
            "soldiers had been wounded.",
            "52",
            "Defence Ministry",
        ),
        (
            "Farhad Rostami said seven bodies were found. Rescuers needed six hours to reach "
            "the ravine, a Red Crescent spokesman said. He said 31 rescuers took part.",
            "31",
            "a Red Crescent spokesman",
        ),
        (
            '"Janne taught a whole generation," club chairman Eva Strand said. She said the '
            "club would retire his shirt.",
            "retire",
            "Eva Strand",
        ),
    ],
)
def test_a_pronoun_reporting_goes_on_with_the_speaker_or_body_just_told(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    assert _source(_claim(extractor, text, phrase)) == source


def test_a_quotation_ending_in_a_fragment_still_belongs_to_its_speaker(
    extractor: OfflineExtractor,
):
    text = '"We will not govern with the Homeland Front. Not now, not ever," Dalsgaard said.'
    claims = _claims(extractor, text)
    assert [(c.statement, _source(c)) for c in claims] == [
        ("We will not govern with the Homeland Front.", "Dalsgaard")
    ]


def test_a_since_phrase_does_not_move_the_day_later_times_count_from(
    extractor: OfflineExtractor,
):
    text = (
        'The robbery happened on Saturday. "We have been on this street since 1956," the '
        "owner said. A motorcycle was found burned out hours later."
    )
    claim = _claim(extractor, text, "motorcycle")
    assert claim.time is not None and claim.time.start == "2021-05-15"


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        (
            "Dentz is projected to win 41 delegates, the Associated Ledger reported. Dentz is "
            "expected to collect 17 delegates in Idaho, the news agency said.",
            "17",
            "Associated Ledger",
        ),
        (
            '"We are ready," Ola Berg told the Nordvik Herald. The newspaper said the party had '
            "40 seats.",
            "40",
            "the Nordvik Herald",
        ),
    ],
)
def test_the_newspaper_is_the_outlet_that_reported_or_relayed_before(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    assert _source(_claim(extractor, text, phrase)) == source


def test_a_short_joined_act_with_an_object_is_a_claim(extractor: OfflineExtractor):
    text = "Harlan ended her campaign on Thursday and endorsed Okafor."
    claims = _claims(extractor, text)
    assert [c.statement for c in claims][1:] == ["Harlan endorsed Okafor."]


@pytest.mark.parametrize(
    ("text", "statement", "source"),
    [
        (
            "Mayor Lena Castell promised that the bridge would be rebuilt within a year.",
            "The bridge would be rebuilt within a year.",
            "Lena Castell",
        ),
        (
            "Mayor Lena Castell promised to rebuild the bridge within a year.",
            "Mayor Lena Castell promised to rebuild the bridge within a year.",
            None,
        ),
    ],
)
def test_a_pledge_with_a_that_clause_is_the_speakers_report(
    extractor: OfflineExtractor, text: str, statement: str, source: str | None
):
    claim = _claims(extractor, text)[0]
    assert (claim.statement, _source(claim)) == (statement, source)


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        (
            "Police arrested 12 people on Monday, saying they had looted shops.",
            ["Police arrested 12 people on Monday, May 17, 2021."],
        ),
        (
            "Minister Ana Voss resigned on Friday, two days after a newspaper reported that a "
            "firm had paid her 9,000 euros.",
            ["Minister Ana Voss resigned on Friday, May 14, 2021."],
        ),
        (
            "His comments came a day after a newspaper reported that a firm had paid 9,000 euros.",
            [],
        ),
    ],
)
def test_a_main_clause_before_a_participle_or_subordinate_report_is_its_own_claim(
    extractor: OfflineExtractor, text: str, statements: list[str]
):
    claims = _claims(extractor, text)
    assert [c.statement for c in claims if c.source is None] == statements


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the talks had failed, adding that 3 envoys had left.",
        "The talks failed on Monday, the minister said, adding that 3 envoys had left.",
    ],
)
def test_what_a_speaker_adds_in_a_participle_is_the_same_speakers_claim(
    extractor: OfflineExtractor, text: str
):
    claim = _claim(extractor, text, "envoys")
    assert (claim.statement, (_source(claim) or "").lower()) == (
        "3 envoys had left.",
        "the minister",
    )


def test_according_to_an_outlet_which_cited_someone_is_that_persons_claim_via_the_outlet(
    extractor: OfflineExtractor,
):
    text = (
        "Morvia reported 2,100 cases on Wednesday, according to the broadcaster MTV, which "
        "cited the chief epidemiologist, Anton Grieg."
    )
    claims = _claims(extractor, text)
    assert len(claims) == 1 and claims[0].source is not None
    assert (claims[0].source.name, claims[0].source.via) == ("Anton Grieg", "MTV")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels killed 40 soldiers, a figure that cannot be independently verified.",
        "Rebels killed 40 soldiers, which cannot be independently confirmed.",
    ],
)
def test_a_remark_on_verification_set_off_after_a_claim_leaves_the_claim(
    extractor: OfflineExtractor, text: str
):
    claims = _claims(extractor, text)
    assert len(claims) == 1 and [q.value for q in claims[0].quantities] == [40]
    text = "The figures could not be independently verified."
    assert _claims(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Floods killed 9 people, the agency's spokesman, Agus Widodo, said.", "Agus Widodo"),
        (
            "Floods killed 9 people, the head of the provincial disaster agency, Rudi Hartanto, "
            "said on Tuesday.",
            "Rudi Hartanto",
        ),
        (
            "A quake killed 12 people, the country's disaster management agency AFAD said on "
            "Wednesday.",
            "AFAD",
        ),
    ],
)
def test_a_trailing_speaker_set_off_by_commas_or_hung_as_a_clause_is_the_source(
    extractor: OfflineExtractor, text: str, source: str
):
    claims = _claims(extractor, text)
    assert [(c.statement.split(",")[0], _source(c), c.time) for c in claims] == [
        (text.split(",")[0] + ".", source, None)
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        (
            "Army spokesman Rajaram Basnet said two helicopters were deployed. Roads into Jumla "
            "remained blocked on Monday, he added.",
            "Roads",
            "Rajaram Basnet",
        ),
        (
            "Storm surges hit villages in Rakhine State, an aid worker said. He said at least "
            "200 houses had been destroyed.",
            "200",
            "an aid worker",
        ),
    ],
)
def test_a_place_the_tagger_took_for_a_person_is_no_speaker(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    assert _source(_claim(extractor, text, phrase)) == source


@pytest.mark.parametrize(
    ("text", "phrase", "source", "via"),
    [
        (
            "The state news agency ZNA quoted Interior Minister Samir Kallab as saying that the "
            "government would not accept any preconditions.",
            "preconditions",
            "Samir Kallab",
            "ZNA",
        ),
        ("Erdogan's office said that 64 people had been detained.", "64", "Erdogan's office", None),
        ("The quake struck at 8:52 p.m. (1752 GMT), the agency said.", "quake", "the agency", None),
    ],
)
def test_quoted_as_saying_offices_of_a_person_and_time_zones_name_the_right_source(
    extractor: OfflineExtractor, text: str, phrase: str, source: str, via: str | None
):
    claim = _claim(extractor, text, phrase)
    assert claim.source is not None and (claim.source.name, claim.source.via) == (source, via)


def test_estimates_bulletins_and_all_but_counts(extractor: OfflineExtractor):
    claim = _claim(extractor, "An estimated 140,000 people live in the camps.", "camps")
    assert claim.certainty == "probable"
    claim = _claim(extractor, "Nine children died, according to the ministry's bulletin.", "Nine")
    assert _source(claim) == "the ministry"
    claim = _claim(extractor, "All but two of the children were under five years old.", "All")
    assert [q.value for q in claim.quantities] == [5]


def test_a_time_closing_a_list_dates_every_item_of_the_main_verb(extractor: OfflineExtractor):
    text = "The ministry recorded 312 new cases and four deaths in the week to Sunday."
    claims = _claims(extractor, text)
    assert [(c.time.start, c.time.end) if c.time else None for c in claims] == [
        ("2021-05-10", "2021-05-16"),
        ("2021-05-10", "2021-05-16"),
    ]


def test_a_quotation_left_open_at_the_end_of_a_paragraph_is_the_speakers(
    extractor: OfflineExtractor,
):
    text = (
        '"The situation is very serious," Mariela Fonte said. "People are arriving with '
        "nothing. Many have walked for days.\n\nAid groups said 12 trucks had arrived."
    )
    claims = _claims(extractor, text)
    assert [_source(c) for c in claims] == ["Mariela Fonte"] * 3 + ["aid groups"]


def test_a_comparison_after_a_trailing_report_stays_with_its_figure(extractor: OfflineExtractor):
    text = "Prices rose 9.4% in February, the statistics office said, up from 8.8% in January."
    claim = _claim(extractor, text, "Prices")
    assert [q.value for q in claim.quantities] == [9.4, 8.8]
    assert claim.time is not None and claim.time.start == "2021-02"


def test_the_companies_are_not_one_of_them(extractor: OfflineExtractor):
    text = "Halden Chemicals agreed to buy Ostra Polymers for $7.4 billion, the companies said."
    assert _source(_claim(extractor, text, "Halden")) == "the companies"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels killed or wounded 40 soldiers on Monday.",
        "The company said it had never sought or received any favour.",
    ],
)
def test_two_verbs_side_by_side_share_their_object_in_one_claim(
    extractor: OfflineExtractor, text: str
):
    claims = _claims(extractor, text)
    assert len(claims) == 1
    assert claims[0].negated == ("never" in text)


def test_why_a_source_is_unnamed_is_no_claim(extractor: OfflineExtractor):
    text = (
        "Ostra had rejected an earlier approach, according to a person familiar with the "
        "matter, who was not authorised to speak publicly."
    )
    claims = _claims(extractor, text)
    assert [c.statement for c in claims] == ["Ostra had rejected an earlier approach."]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Core inflation, which strips out food and energy, accelerated to 6.1%.", 1),
        ("The mayor, who won the seat in 2019, resigned on Friday.", 2),
        ("The plant, which employs 400 people, closed on Friday.", 2),
        ("The plan was backed by Varan officials, who are awaiting a vote.", 2),
    ],
)
def test_a_relative_clause_that_only_describes_folds_into_its_claim(
    extractor: OfflineExtractor, text: str, count: int
):
    assert len(_claims(extractor, text)) == count


def test_a_range_right_after_said_opens_the_content(extractor: OfflineExtractor):
    claim = _claim(extractor, "The UN said between 4,000 and 5,000 homes were flooded.", "homes")
    assert (claim.statement, _source(claim)) == (
        "Between 4,000 and 5,000 homes were flooded.",
        "UN",
    )
    assert [(q.value, q.upper) for q in claim.quantities] == [(4000, 5000)]


def test_an_expectation_beside_a_while_clause_is_no_report_of_it(extractor: OfflineExtractor):
    text = "Nine economists expected a hike, while three predicted a cut."
    claims = _claims(extractor, text)
    assert [(c.statement, c.source) for c in claims] == [
        ("Nine economists expected a hike.", None),
        ("Three economists predicted a cut.", None),
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "source", "via"),
    [
        (
            "Dalian military bloggers on Telegram claimed that 150 soldiers had been killed.",
            "150",
            "Dalian military bloggers",
            "Telegram",
        ),
        (
            "Two officers said ammunition was short. One of them, a battalion commander, said "
            "his unit was firing fewer than 200 rounds a day.",
            "200",
            "a battalion commander",
            None,
        ),
    ],
)
def test_a_network_or_appositive_inside_the_speaker_phrase(
    extractor: OfflineExtractor, text: str, phrase: str, source: str, via: str | None
):
    claim = _claim(extractor, text, phrase)
    assert claim.source is not None
    assert (claim.source.name, claim.source.anonymous, claim.source.via) == (source, True, via)


def test_the_time_of_a_report_before_its_citation_is_no_claim_time(extractor: OfflineExtractor):
    text = (
        "Bloomberg News reported last month, citing people familiar with the matter, that "
        "Pellucid had held talks with two buyers."
    )
    claim = _claims(extractor, text)[0]
    assert (claim.statement, claim.time) == ("Pellucid had held talks with two buyers.", None)
    assert claim.source is not None and claim.source.via == "Bloomberg News"


def test_a_place_set_off_after_a_speaker_s_workplace_is_not_the_speaker(
    extractor: OfflineExtractor,
):
    text = "A nurse at the clinic in the provincial capital, Okambe, said all 40 beds were taken."
    claim = _claim(extractor, text, "beds")
    assert claim.source is not None and claim.source.anonymous
    assert "Okambe" not in claim.source.name


@pytest.mark.parametrize(
    "remark",
    [
        "Neither claim could be independently verified.",
        "The ministry did not say how many soldiers were involved.",
        "Kessler did not give a toll.",
        "Governor Ada Relm declined to say whether the bank would raise rates in July.",
        "Neither government has said whether it would accept the proposal.",
    ],
)
def test_a_remark_about_what_was_told_is_no_claim(extractor: OfflineExtractor, remark: str):
    text = f"Rebels said they had taken the town of Brisk on Sunday. {remark}"
    claims = _claims(extractor, text)
    assert [c.statement for c in claims if "Brisk" not in c.statement] == []


def test_a_denial_of_a_count_is_still_a_claim(extractor: OfflineExtractor):
    text = "The ministry did not say the toll had risen to 40."
    claims = _claims(extractor, text)
    assert claims


def test_a_range_right_after_said_stays_one_claim(extractor: OfflineExtractor):
    text = "The mission said between 700 and 760 civilians were injured in January."
    claims = _claims(extractor, text)
    assert len(claims) == 1
    (quantity,) = claims[0].quantities
    assert (quantity.value, quantity.upper) == (700, 760)


CLAIM_TIMES = [
    # a passive's "by" before a possessive date bounds nothing; a deadline's "by" does
    ("The town was among those hardest hit by this year's floods.", "hardest hit", "2021", "2021"),
    ("Results are expected by the end of June.", "Results", None, "2021-06"),
    # "later this week" is the days of the week still to come
    ("The cut is expected to be approved later this week.", "approved", "2021-05-18", "2021-05-23"),
    # "when" an event the article dated happened is that event's day; the event's own
    # sentence dates it over a later report that only mentions it
    (
        "The death toll from a fire at a sawmill in Hallen rose to six on Sunday, police "
        "said. The fire broke out on Friday night. About 40 people were at work when the fire "
        "started.",
        "40 people",
        "2021-05-14",
        "2021-05-14",
    ),
    # a present perfect's length of time runs up to now; a passive's term is still to run
    (
        "Sergeant Ana Lund has served with the force for 12 years, police said.",
        "served",
        "2009",
        "2021",
    ),
    ("Lund has been suspended for two years.", "suspended", None, None),
    # a length of time closing at a year is counted back from it
    ("Ruiz led the union for two decades until 2019.", "led the union", "1999", "2019"),
    # ... and is no event later times count from
    (
        "The crash happened on Sunday. The driver has worked for the firm for 12 years. He "
        "was stopped shortly after 11 p.m.",
        "stopped",
        "2021-05-16",
        "2021-05-16",
    ),
    (
        "The vote was held on Saturday. Ruiz conceded shortly before midnight.",
        "conceded",
        "2021-05-15",
        "2021-05-15",
    ),
    # a "when" clause hanging from a date looks ahead as its main clause does
    (
        "Tarn was arrested on Friday. He is due back in court on Feb. 9, when the case is "
        "expected to go to trial.",
        "go to trial",
        "2022-02-09",
        "2022-02-09",
    ),
    # a forecast's weekday does not count from the day a state began
    (
        "The river has risen steadily since the rains began on May 3, the agency said. It "
        "forecast more rain through Saturday.",
        "more rain",
        None,
        "2021-05-22",
    ),
    # an offset from an event yet to come, named by the phrase itself, dates nothing
    (
        "A test flight failed last year. Engineers said the crew would rest for six hours "
        "before the first spacewalk.",
        "rest",
        None,
        None,
    ),
    # a description's date does not move the story on from its main clause
    (
        "Ivo Tarn, 41, was convicted on February 19, 2015, of killing Ada Lunn, who was "
        "found dead on August 3, 2013. Two days later, he was jailed for 12 years.",
        "jailed",
        "2015-02-21",
        "2015-02-21",
    ),
    # a plain date after "since" is no event to count from
    (
        "Prices have risen 20% since March 3, 2020. Two days later, the bank cut rates by 1%.",
        "cut rates",
        None,
        None,
    ),
    # the year of another clause is no bound of the act
    (
        "Ivo Tarn played for Pell for six years before moving to a club founded in 1998.",
        "six years",
        None,
        None,
    ),
    ("Ivo Tarn scored a second-half winner for Pell.", "winner", None, None),
    # minutes after a launch: the launch's day, not the year of a life told in between
    (
        "On Saturday, the Tarsh Space Agency launched its first crewed mission. Its "
        "commander, born in 1974, flew jets for 15 years. The capsule reached orbit about "
        "nine minutes after launch.",
        "orbit",
        "2021-05-15",
        "2021-05-15",
    ),
    # a time phrase inside a phrase on the main verb dates every item the verb takes
    (
        "Arn Doyle admitted one count of fraud and two counts of theft at a hearing in January.",
        "one count",
        "2021-01",
        "2021-01",
    ),
    # the month of predicting, before the predicted figure, is the time of saying
    (
        "The finance ministry projected in March a deficit of 90 million crowns this year.",
        "deficit",
        "2021",
        "2021",
    ),
    # a past-tense clause of time inside a forecast dates its own event, not the forecast
    (
        "Dorn Metals said it would close two mills after it reported a loss in the first quarter.",
        "two mills",
        None,
        None,
    ),
    # the day of an event told inside a since-phrase is what "two days later" counts from
    (
        "Vell led the council from 2009 to 2015. She has not lost a vote since Aro won "
        "Tarn on May 3. Two days later, her party dropped 12 of its staff.",
        "12 of its staff",
        "2021-05-05",
        "2021-05-05",
    ),
    # a tally joined to one dated on its own: the other verb has a time of its own
    (
        "About 3,000 people fled before the storm arrived, and 800 stayed in shelters on "
        "Saturday, officials said.",
        "fled",
        None,
        None,
    ),
    (
        "Another 800 stayed in shelters on Saturday, officials said.",
        "shelters",
        "2021-05-15",
        "2021-05-15",
    ),
    # a past "by" after a sentence dated at publication still looks back
    (
        "Power was still out on Monday. Crews had begun arriving by Sunday.",
        "Crews",
        None,
        "2021-05-16",
    ),
    # a clock time before which something happened dates the day, not a deadline
    ("The blast happened shortly before 2 a.m. on Sunday.", "blast", "2021-05-16", "2021-05-16"),
    ("The mine reported 22 deaths in the whole of 2020.", "deaths", "2020", "2020"),
    # a record's baseline never dates the tally beside it, even when misparsed
    (
        "The mission said 241 civilians were killed and 1,020 injured in April, the highest "
        "monthly toll since March 2019.",
        "1,020",
        "2021-04",
        "2021-04",
    ),
    # a pledge is a forecast, but a day on the pledging verb dates the pledge, behind
    ("Donors pledged $40 million at a meeting on Thursday.", "Donors", "2021-05-13", "2021-05-13"),
    ("The city pledged to reopen the bridge on Thursday.", "bridge", "2021-05-20", "2021-05-20"),
    ("Donors had pledged $9 million at a summit in April.", "Donors", "2021-04", "2021-04"),
    # a past perfect's date is background, but a relative time in its own sentence counts
    # from it
    (
        "The council met on Friday. An engineer said plans had been approved in 2016 but "
        "were shelved a year later.",
        "shelved",
        "2017",
        "2017",
    ),
    (
        "The plane crashed on Friday. The engine had been overhauled in June and had flown "
        "fewer than 300 hours since then.",
        "300 hours",
        "2020-06",
        None,
    ),
    # an expected tally's time lies ahead: no joined past tally takes it
    (
        "The agency said it had shipped 250,000 doses and that 400,000 more were expected "
        "next week.",
        "shipped",
        None,
        None,
    ),
    # a clock time without a day is the day of the event told before
    (
        "A plane crashed near Vell on Sunday. The pilot reported engine trouble shortly "
        "after 7:40 a.m.",
        "pilot",
        "2021-05-16",
        "2021-05-16",
    ),
    # a period starting on a weekday, or flights cancelled for it, lies ahead of the act
    (
        "The government declared three days of mourning starting Wednesday.",
        "mourning",
        "2021-05-19",
        None,
    ),
    ("The airline cancelled all flights for Friday.", "flights", "2021-05-21", "2021-05-21"),
    # "by" a time in the passive is a deadline, not an agent
    (
        "More than 140 aftershocks had been recorded by Tuesday morning.",
        "aftershocks",
        None,
        "2021-05-11",
    ),
    # a time closing a list of tallies before a participle dates every tally
    (
        "The ministry reported 188 new cases and four deaths on Friday, bringing the total "
        "to 4,058 cases.",
        "188",
        "2021-05-14",
        "2021-05-14",
    ),
    # a plan's or a noun's infinitive looks ahead, whatever the tense around it
    (
        "The envoys had discussed a proposal to reopen the strait by January 15.",
        "strait",
        None,
        "2022-01-15",
    ),
    (
        "The storm weakened and was expected to leave the islands by Saturday.",
        "islands",
        None,
        "2021-05-22",
    ),
    # a possessive day names the event: "to next week's summit" is no deadline
    (
        "The president is not expected to travel to next week's summit, his office said.",
        "summit",
        "2021-05-24",
        "2021-05-30",
    ),
    # an agency's forecast names it the source, and the period forecast lies ahead
    (
        "The weather service forecast another 40 centimetres of snow over the weekend.",
        "snow",
        "2021-05-22",
        "2021-05-23",
    ),
    # a dated clause of time in the present tense tells a coming event
    (
        "Exporters rushed to ship goods before the new duties take effect on March 1.",
        "Exporters",
        None,
        "2022-03-01",
    ),
    # a month naming what a noun covers lies behind, even in a forecast
    ("An official said the December figures might be revised.", "figures", "2020-12", "2020-12"),
    # a forecast about figures for a quarter already gone keeps that quarter
    (
        "The statistics office will publish revised figures for the first quarter.",
        "office",
        "2021-01",
        "2021-03",
    ),
    # a hope is an aim: its month lies ahead
    ("The ruling party hopes to win the election in March.", "party", "2022-03", "2022-03"),
    # every conjunct of a "when" clause happens at the time it hangs from
    (
        "Marn last faced an outbreak in 2017, when 9,000 people were infected and 180 died.",
        "180",
        "2017",
        "2017",
    ),
    # a poll's fieldwork dates what it found, however the parser hangs the participle
    (
        "A poll of 900 voters by the Tarlen Institute, conducted from May 3 to 9, put Ana "
        "Vell at 41 percent.",
        "41 percent",
        "2021-05-03",
        "2021-05-09",
    ),
    (
        "An online poll of 1,500 adults by Norvik Data, taken between May 6 and 10, had the "
        "two parties level at 38 percent each.",
        "level",
        "2021-05-06",
        "2021-05-10",
    ),
    (
        "Only Ostmark Research, which questioned 2,000 people between May 1 and May 7, still "
        "gave the Greens a clear lead.",
        "clear lead",
        "2021-05-01",
        "2021-05-07",
    ),
    # an event dated by a phrase of its own dates later phrases naming it
    (
        "Jon Pell ran the club's accounts from 2009 until his arrest in March 2016. He has "
        "not gambled since his arrest, his lawyer said.",
        "gambled",
        "2016-03",
        None,
    ),
    (
        "A candidate needs 700 delegates to win the nomination at the party convention, "
        "scheduled for August in Tarnby. Vell will stay in the race until the convention.",
        "stay in the race",
        None,
        "2021-08",
    ),
    (
        "A candidate needs 700 delegates to win the nomination at the party convention, "
        "scheduled for August in Tarnby. Ruud said she would campaign for Vell at the "
        "convention.",
        "campaign",
        "2021-08",
        "2021-08",
    ),
    # "at the crash site" is a place: only occasions one attends are dated by "at"
    (
        "A bus crashed on Saturday near Velm. Police remained at the crash site for hours.",
        "remained",
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"), CLAIM_TIMES, ids=[t[0][:50] for t in CLAIM_TIMES]
)
def test_a_claim_is_dated_by_its_own_time(
    extractor: OfflineExtractor, text: str, phrase: str, start: str | None, end: str | None
):
    claim = _claim(extractor, text, phrase)
    bounds = (claim.time.start, claim.time.end) if claim.time else (None, None)
    assert bounds == (start, end)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # the parser hangs the that-clause on "report"
        (
            "The monitor said in a report released Sunday that at least 180 civilians were "
            "killed in March, a 9% rise on February.",
            "180 civilians",
        ),
        # "peak" after "to" tagged as a noun
        ("Ida Varn, an economist at Rell Bank, expects the rate to peak at 5.25% by June.", "peak"),
    ],
)
def test_a_misparsed_report_still_gives_its_claim(
    extractor: OfflineExtractor, text: str, phrase: str
):
    claim = _claim(extractor, text, phrase)
    assert claim.source is not None


def test_an_elided_tally_keeps_its_attribution_as_evidence(extractor: OfflineExtractor):
    text = "The army said 15 soldiers had been killed and 22 wounded."
    claim = _claim(extractor, text, "22")
    assert claim.evidence == ["22 wounded", "The army said"]


def test_a_short_form_after_according_to_stays_out_of_the_statement(
    extractor: OfflineExtractor,
):
    text = (
        "According to the Pell Office for the Coordination of Humanitarian Affairs (POCHA), "
        "91,400 people have been displaced in Pell since mid-June."
    )
    claim = _claim(extractor, text, "91,400")
    assert claim.statement.startswith("91,400 people have been displaced")
    assert _source(claim) == "Pell Office for the Coordination of Humanitarian Affairs"


def test_a_polls_participle_is_told_of_the_poll_not_the_word_it_hangs_from(
    extractor: OfflineExtractor,
):
    text = (
        "An online poll of 1,500 adults by Norvik Data, taken between May 6 and 10, had the "
        "two parties level at 38 percent each."
    )
    claim = _claim(extractor, text, "taken")
    assert claim.statement.startswith("An online poll of 1,500 adults by Norvik Data was taken")


@pytest.mark.parametrize(
    ("text", "phrase", "source", "anonymous"),
    [
        # the author named in a later sentence is the source of the first "a report" too
        (
            "A glider crashed near Velm last month, according to a preliminary report released "
            "on Tuesday. The glider took off at noon, the report by the Ostmark Air Safety "
            "Office said. The pilot did not hold a licence, the report said.",
            "licence",
            "Ostmark Air Safety Office",
            False,
        ),
        (
            "A glider crashed near Velm last month, according to a preliminary report released "
            "on Tuesday. The glider took off at noon, the report by the Ostmark Air Safety "
            "Office said.",
            "crashed",
            "Ostmark Air Safety Office",
            False,
        ),
        # two bodies wrote a report: "the report" is the one told last
        (
            "A report by the Velm Institute found 40 faults. A report by Tarn University found "
            "12. The pilot did not hold a licence, the report said.",
            "licence",
            "Tarn University",
            False,
        ),
    ],
)
def test_the_report_is_the_word_of_the_one_body_the_article_says_wrote_it(
    extractor: OfflineExtractor, text: str, phrase: str, source: str, anonymous: bool
):
    claim = _claim(extractor, text, phrase)
    assert claim.source is not None
    assert (claim.source.name, claim.source.anonymous) == (source, anonymous)


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        # a family speaks for the person the article is about: named, not anonymous
        (
            "Novelist Ana Berg died on Monday. In a statement, her family said she had died "
            "peacefully.",
            "peacefully",
            "Ana Berg's family",
        ),
        (
            "Ivo Tarn died on Monday. He was admitted to hospital on May 1, according to a "
            "statement from his family.",
            "admitted",
            "Ivo Tarn's family",
        ),
        ("Tom Keane's family said the verdict was a relief.", "relief", "Tom Keane's family"),
        # a Spanish name's first surname alone is the person named in full before
        (
            "Chief executive Javier Olmedo Ruiz spoke on Monday. Costs rose 4%, Olmedo said.",
            "Costs",
            "Javier Olmedo Ruiz",
        ),
        # "the service", "the observatory": the body of that kind named before
        (
            "The Coastal Rescue Service sent 12 boats on Monday. About 350 people were "
            "evacuated, the service said.",
            "350",
            "Coastal Rescue Service",
        ),
        (
            "The National Seismic Observatory measured the quake at magnitude 6.1. The "
            "observatory said it had recorded 240 aftershocks.",
            "aftershocks",
            "National Seismic Observatory",
        ),
        # a firm's first word alone is the firm named in full before
        (
            "Tarvik Motors Co said it would recall 4,000 cars. Dealers will replace the part "
            "free of charge, Tarvik said.",
            "Dealers",
            "Tarvik Motors Co",
        ),
        # a name after a role is the speaker, however the tagger read it
        (
            "Rescuers reached the men on Tuesday, Karbonia spokesperson Marta Zielinska-Kos "
            "told reporters.",
            "Rescuers",
            "Marta Zielinska-Kos",
        ),
    ],
)
def test_families_short_names_and_bodies_named_before_are_written_in_full(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    claim = _claim(extractor, text, phrase)
    assert claim.source is not None
    assert (claim.source.name, claim.source.anonymous) == (source, False)


@pytest.mark.parametrize(
    "text",
    [
        # a place that recorded cases had them; no one reported them
        "Santa Cruz has recorded 4,917 cases.",
        "Texas registered 300 deaths last week.",
        # "recalled" with an object is a recall, not a recollection reported
        "In June, it recalled 60,000 trucks over a defect, and last month it recalled 23,000 vans.",
    ],
)
def test_places_that_record_and_firms_that_recall_report_nothing(
    extractor: OfflineExtractor, text: str
):
    assert all(claim.source is None for claim in _claims(extractor, text))


def test_an_abbreviated_rank_ends_no_sentence(extractor: OfflineExtractor):
    text = "Police named the officer as Sgt. Tom Vell, 41. Lt. Col. Ana Berg said the unit left."
    statements = [claim.statement for claim in _claims(extractor, text)]
    assert any("Sgt. Tom Vell" in statement for statement in statements), statements
    assert "Tom Vell is 41 years old." in statements


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        # whoever expects something with a noun object is the source of the expectation
        (
            "Ines Vell, an analyst at Tarn Bank, said the fine was small. Vell expects the "
            "recall to cut the firm's profit by about 4%.",
            "recall",
            "Ines Vell",
        ),
        (
            "Forecasters with the Ostmark Weather Service expect cooler temperatures on Thursday.",
            "cooler",
            "forecasters with the Ostmark Weather Service",
        ),
    ],
)
def test_an_expectation_of_a_noun_is_its_holders_claim(
    extractor: OfflineExtractor, text: str, phrase: str, source: str
):
    claim = _claim(extractor, text, phrase)
    assert claim.source is not None
    assert claim.source.name == source
    assert claim.kind is ClaimKind.forecast


@pytest.mark.parametrize("firm", ["Garrick", "Thornton"])
def test_a_firms_first_word_is_the_firm_even_when_tagged_a_person(
    extractor: OfflineExtractor, firm: str
):
    text = f"{firm} Chemicals agreed to buy a Dutch rival. {firm} said the deal would close in May."
    claim = _claim(extractor, text, "deal")
    assert claim.source is not None and claim.source.name == f"{firm} Chemicals"


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        # only a pollster's counted sample is fieldwork; "taking" tells no poll's dates
        (
            "Inspector Vell, who questioned the suspect in 2019, has 25 years' service.",
            "has",
            None,
            None,
        ),
        (
            "A poll of 900 parents, taking children to school in May, found that 40% walk.",
            "40%",
            None,
            None,
        ),
        # an event noun modifying another noun names no event
        (
            "The party convention, scheduled for August, will pick a nominee. Police arrested "
            "12 protesters at the convention centre.",
            "arrested",
            None,
            None,
        ),
        # each arrest keeps the date first told for it
        (
            "Pell was arrested in 2016. Ana Berg was arrested in 2020. Berg has not spoken since "
            "her arrest in 2020. Pell has gambled 40 times since his arrest.",
            "gambled",
            "2016",
            None,
        ),
        # "the next two years" of a past story is no period after publication
        ("Convicted in 1990, Vell spent the next two years in prison.", "prison", None, None),
    ],
)
def test_rules_for_fieldwork_events_and_periods_stay_narrow(
    extractor: OfflineExtractor, text: str, phrase: str, start: str | None, end: str | None
):
    claim = _claim(extractor, text, phrase)
    assert ((claim.time.start, claim.time.end) if claim.time else (None, None)) == (start, end)


def test_an_age_the_parser_took_for_an_adverb_is_a_claim_of_its_own(
    extractor: OfflineExtractor,
):
    # the small parser hangs "58" on the name as an adverbial phrase, not an apposition
    claims = _claims(extractor, "Brieck, 58, has run the Farmers Union since 2011.")
    assert [c.statement for c in claims] == [
        "Brieck has run the Farmers Union since 2011.",
        "Brieck is 58 years old.",
    ]


def test_a_description_that_is_the_claim_gives_its_time(extractor: OfflineExtractor):
    claim = _claim(
        extractor, "Lena Holt is a physician who has sat in parliament since 2014.", "physician"
    )
    assert claim.time is not None
    assert (claim.time.start, claim.time.end) == ("2014", None)


@pytest.mark.parametrize(
    "text",
    [
        '"Our thoughts are with the crew and their relatives," the harbour master said.',
        "The governor offered her condolences to the victims' relatives.",
        "The club thanked supporters for their patience.",
        "The interior ministry put the figure far lower.",
        "Opposition lawmakers gave a very different account.",
    ],
)
def test_sympathy_thanks_and_bridges_to_figures_are_no_claims(
    extractor: OfflineExtractor, text: str
):
    assert _claims(extractor, text) == []


def test_a_bridge_with_a_figure_or_a_report_keeps_what_it_tells(extractor: OfflineExtractor):
    text = (
        "The governor offered her condolences and urged drivers to stay home. The ministry "
        "gave a higher figure of 41 injured. Brokers took a kinder view, saying the target "
        "looked achievable."
    )
    statements = [c.statement for c in _claims(extractor, text)]
    assert statements == [
        "The governor urged drivers to stay home.",
        "The ministry gave a higher figure of 41 injured.",
        "The target looked achievable.",
    ]


def test_a_speaker_named_after_the_verb_has_their_age_told(extractor: OfflineExtractor):
    text = '"The water rose in minutes," said Ilse Brandt, 41, a baker from Dornbirn.'
    statements = [c.statement for c in _claims(extractor, text)]
    assert statements == ["The water rose in minutes.", "Ilse Brandt is 41 years old."]


def test_a_number_in_a_speakers_body_name_tells_nothing_of_them(extractor: OfflineExtractor):
    text = '"We will win," said Rui Matos, spokesman for the campaign, Vinte e 16.'
    assert [c.statement for c in _claims(extractor, text)] == ["We will win."]


def test_an_aged_name_apposed_to_a_role_is_a_person_whatever_the_tagger_says(
    extractor: OfflineExtractor,
):
    text = "Police arrested the plant manager, Jorge Villa Quispe, 52, on suspicion of fraud."
    assert "Jorge Villa Quispe is 52 years old." in [c.statement for c in _claims(extractor, text)]


# Inputs a review of rules 2025.17 found mishandled (each failed before its fix).
@pytest.mark.parametrize(
    "text",
    [
        "The company sold its stake in Orvik Bank, the largest lender in the country.",
        "Critics said the company had not thanked its workers for the record profits.",
        "Adjusted for 2% inflation, wages fell slightly last year.",
    ],
)
def test_reviewed_inputs_stay_one_claim(extractor: OfflineExtractor, text: str):
    assert len(_claims(extractor, text)) == 1


def test_reviewed_times_keep_their_dates(extractor: OfflineExtractor):
    dated = _claim(extractor, "Prices doubled within two weeks in March 2021.", "doubled")
    assert dated.time is not None and (dated.time.start, dated.time.end) == ("2021-03", "2021-03")
    strike = _claim(
        extractor,
        "The strike will last from 6 a.m. on Tuesday until 6 a.m. on Thursday, the union said.",
        "strike",
    )
    assert strike.time is not None
    assert (strike.time.start, strike.time.end) == ("2021-05-18", "2021-05-20")
    later = _claim(
        extractor, "By 9 a.m. the next day, floodwaters had reached 2 metres.", "floodwaters"
    )
    assert later.time is None or later.time.end != "2021-05-17"


def test_a_person_after_a_firms_noun_who_acts_stays_a_person(extractor: OfflineExtractor):
    claim = _claim(
        extractor, "Investors told the firm David Park had resigned in March.", "resigned"
    )
    assert claim.source is None or claim.source.via is None


def test_crashes_in_general_dated_by_a_year_do_not_date_the_crash_told_later(
    extractor: OfflineExtractor,
):
    text = (
        "A bus that crashed near Tarn last month, killing four, had faulty brakes, a report "
        "said on Monday. It was the third fatal bus accident this year, according to the "
        "office, which recorded 11 deaths in bus crashes in 2019. The operator said it had "
        "suspended all services since the crash."
    )
    claim = _claim(extractor, text, "suspended")
    assert claim.time is None or claim.time.start != "2019"


# Inputs a review of rules 2025.18 found mishandled (each failed before its fix).
REVIEWED_TIMES = [
    # a term that runs on from an act is no length up to now
    (
        "The court has sentenced Kowal to prison for 12 years, prosecutors said.",
        "sentenced",
        None,
        None,
    ),
    ("The club has signed the striker for three years, its president said.", "signed", None, None),
    (
        "The league has suspended the striker for six months, the club said.",
        "suspended",
        None,
        None,
    ),
    # a "when" clause about the future names no day the event already had
    (
        "Storm Xavi formed over the ocean on Friday. Officials will evacuate 3,000 people when "
        "the storm hits, the governor said.",
        "evacuate",
        None,
        None,
    ),
    # a "when" clause takes its main clause's time only for the same date phrase
    (
        "Imports doubled between 2010 and 2019 and peaked in 2019, when 40,000 cars arrived, "
        "the ministry said.",
        "40,000 cars",
        "2019",
        "2019",
    ),
    # a plan moved to a day's session still looks ahead
    (
        "Lawmakers will move the vote to Friday's session, the speaker said.",
        "vote",
        "2021-05-21",
        "2021-05-21",
    ),
    # a later stage of an event does not redate it
    (
        "Firefighters battled a blaze in Orsk on May 6. The blaze was contained on May 9, "
        "officials said. Since the blaze, 40 families have lived in shelters.",
        "40 families",
        "2021-05-06",
        None,
    ),
    # a possessive date after a deadline's "by" is still a deadline
    (
        "The bridge must be repaired by Friday's deadline, the mayor said.",
        "bridge",
        None,
        "2021-05-21",
    ),
    # "later this weekend" is the weekend
    (
        "The city council will vote on the budget later this weekend, the mayor said.",
        "budget",
        "2021-05-22",
        "2021-05-23",
    ),
    # an offset from an event told before keeps its day
    (
        "The bridge fell on Sunday. Crews will inspect 12 other bridges two days after the "
        "disaster, the mayor said.",
        "12 other bridges",
        "2021-05-18",
        "2021-05-18",
    ),
]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"), REVIEWED_TIMES, ids=[t[0][:50] for t in REVIEWED_TIMES]
)
def test_reviewed_inputs_keep_their_times(
    extractor: OfflineExtractor, text: str, phrase: str, start: str | None, end: str | None
):
    claim = _claim(extractor, text, phrase)
    assert ((claim.time.start, claim.time.end) if claim.time else (None, None)) == (start, end)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The ship had sailed from Lagos, port director-general Hashim Abdul Rahman said.",
            "Hashim Abdul Rahman",
        ),
        ("The vote was close, businessman Victor Szabo said.", "Victor Szabo"),
        # a review of rules 2025.20: a capitalised word opening the sentence is a title
        ("Manager Peter Holloway said the team would recover.", "Peter Holloway"),
        ("Meanwhile Tor Berglund said the talks had failed.", "Tor Berglund"),
        ("Whistleblower Edward Snowden said he would stay in Russia.", "Edward Snowden"),
    ],
)
def test_a_first_name_the_tagger_left_out_belongs_to_the_name(
    extractor: OfflineExtractor, text: str, source: str
):
    claims = _claims(extractor, text)
    assert claims and claims[0].source is not None and claims[0].source.name == source


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's death toll rose to 40 on Monday.",
        "Hurricane Milton's death toll rose to 16 on Friday.",
        "Labour's tally of seats rose to 410 after the last count.",
        "The team's tally rose to 30 points after Sunday's win.",
        "The ministry's toll rose to 30 and the UN's figure stood at 45.",
    ],
)
def test_a_places_or_a_teams_figure_is_the_articles_own(extractor: OfflineExtractor, text: str):
    claims = _claims(extractor, text)
    assert claims and all(claim.source is None for claim in claims)


def test_an_age_told_after_a_death_joins_the_death_claim(extractor: OfflineExtractor):
    text = (
        "Ilse Marrow, the Dutch chess champion, died in an Utrecht hospital on Tuesday, her "
        "family said. She was 84. Marrow had been treated for pneumonia since October."
    )
    claims = _claims(extractor, text)
    death = _claim(extractor, text, "died")
    assert [q.value for q in death.quantities] == [84]
    assert not any(claim.statement.endswith("was 84.") for claim in claims)


def test_a_race_half_is_no_half_of_the_year(extractor: OfflineExtractor):
    claim = _claim(extractor, "Kiprop ran the second half in 1:00:32.", "second half")
    assert claim.time is None or claim.time.start is None


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("Excavators could not get close to the worst-hit houses.", "certain"),
        ("The bridge may not reopen until June.", "possible"),
        ("Rescuers could reach the village by Friday.", "possible"),
        ("The group said the true toll was likely higher.", "probable"),
    ],
)
def test_a_negated_ability_is_fact_and_a_hedged_adjective_probable(
    extractor: OfflineExtractor, text: str, certainty: str
):
    assert _claims(extractor, text)[0].certainty.value == certainty


def test_a_half_of_the_year_told_in_a_race_story_keeps_its_months(extractor: OfflineExtractor):
    text = "Ticket sales for the marathon fell in the second half of the year, organisers said."
    claim = _claim(extractor, text, "Ticket sales")
    assert claim.time is not None and claim.time.start is not None


@pytest.mark.parametrize(
    ("text", "phrase", "via"),
    [
        # "the broadcaster" is the one named before, whoever speaks, but no newspaper
        (
            "Tom Berg told Italian broadcaster RAI that he would run. Anna Ferri told the "
            "broadcaster that she would not.",
            "Anna Ferri",
            "RAI",
        ),
        (
            "Tom Berg told the Orsk Post that 20 jobs would go. Later, Anna Kos told the "
            "broadcaster that 30 jobs would go.",
            "30 jobs",
            "the broadcaster",
        ),
        # one speaks in a place, and writes in a paper
        (
            "Governor Ana Ruiz toured the damage. Speaking in Larkfield on Tuesday, she said 300 "
            "troops had been sent.",
            "300",
            None,
        ),
    ],
)
def test_a_relay_told_by_its_kind_or_a_place_is_resolved(
    extractor: OfflineExtractor, text: str, phrase: str, via: str | None
):
    claim = _claim(extractor, text, phrase)
    assert claim.source is not None and claim.source.via == via
