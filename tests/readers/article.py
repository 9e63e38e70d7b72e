"""A known article (written for these tests) that every format fixture carries."""

from __future__ import annotations

TITLE = "Harbour Council Approves New Flood Barrier"

PARAGRAPHS = (
    "The harbour council of Westmere voted on Tuesday evening to build a movable flood "
    "barrier across the mouth of the old river channel, ending a dispute that had divided "
    "the town for almost six years.",
    "The barrier, estimated to cost 41 million euros, will consist of two steel gates that "
    "rest on the riverbed and rise when the tide gauge at Pilot Point reads more than two "
    "metres above the usual level. Engineers said the gates could be closed within forty "
    "minutes of a warning from the national weather office.",
    "Councillor Maria Okonkwo, who chaired the planning committee, told the meeting that the "
    "government had promised to pay half of the bill. She said the remaining money would come "
    "from a harbour levy on visiting cruise ships and from the sale of two unused warehouses "
    "on Quay Street.",
    "Opponents argued that the design had been chosen too quickly. Thomas Brennan, a retired "
    "fisherman who leads the Westmere Waterfront Association, said the gates would change the "
    "flow of silt and could harm the oyster beds that supply three local restaurants. He asked "
    "the council to commission an independent study before any contract is signed.",
    "The council rejected that request by nine votes to four, but agreed to publish the full "
    "environmental assessment on its website and to hold two public information evenings in "
    "the spring. Construction is expected to start in the autumn and to last about thirty "
    "months.",
    "Residents of the low streets near the fish market, which flooded twice last winter, "
    "welcomed the decision. Efficient drainage pumps will be installed first, so that the "
    "worst affected houses are protected before the gates are finished. Insurance companies "
    "have said that premiums in the area may fall once the barrier is working.",
)

TEXT = "\n\n".join((TITLE, *PARAGRAPHS))
