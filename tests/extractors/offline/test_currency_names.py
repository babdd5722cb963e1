"""Currency names from Babel's locale data: a unique name gives its ISO code, a shared one none."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from service.extractors.offline.quantities import find_quantities

Parse = Callable[[str], Doc]


UNITS = [
    ("The state released 18 billion ariary from the fund.", "MGA"),
    ("Each paid 1,500 Tunisian dinars for a seat.", "TND"),
    ("Sales reached 40 million Swedish kronor.", "SEK"),
    ("The fine was 500,000 kuna.", "HRK"),
    ("It cost 2 billion forints.", "HUF"),
    ("Bail was set at 9,000 rand.", "ZAR"),
    ("Losses could exceed 1.2 trillion dong.", "VND"),
    ("The fine can reach 500,000 ringgit each.", "MYR"),
    # the common names keep their old codes
    ("The bill came to 300 euros.", "EUR"),
    ("The fund gave roughly 4 million US dollars.", "USD"),
    # a name several currencies share, or an adjective, gives no code
    ("Each paid 1,500 dinars for a seat.", "dinars"),  # eight countries' dinars
    ("We saw three real problems.", "problems"),  # an adjective, not the real
    # a review of this change: words that name an older currency or no money at all
    ("She scored 95 marks in the exam.", "marks"),
    ("In 1995 a coffee in Rome cost 2,000 lira.", "lira"),
    ("The Dutch government paid 40 million guilders in 1990.", "guilders"),
    ("The developer sold 300 investment units.", "investment units"),
    ("Pakistan deported 1,200 Afghanis last month.", "afghanis"),
    ("The platform lists 12 Real Madrid players.", "players"),
    ("Biologists counted 40 quetzals in the cloud forest.", "quetzals"),
    ("He drank 3 drams of whisky before the match.", "drams"),
]


@pytest.mark.parametrize(("text", "unit"), UNITS, ids=[t for t, _ in UNITS])
def test_a_currency_named_after_a_number_gives_its_code_when_it_names_one(
    parse: Parse, text: str, unit: str
):
    found = [f.quantity for f in find_quantities(list(parse(text)))]
    assert [q.unit for q in found] == [unit], found
