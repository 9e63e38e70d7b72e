"""Country adjectives ("Ukrainian", "French") and the country each names, for folding names."""

from __future__ import annotations

from functools import lru_cache

from core.entities.gazetteer import Place, lookup_place

# Adjective -> the country's name as the place index knows it. Only adjectives that name one
# country (not "Korean", "Congolese"); the common ones of international news.
_COUNTRY_OF = {
    "Afghan": "Afghanistan", "Albanian": "Albania", "Algerian": "Algeria",
    "American": "United States", "Argentine": "Argentina", "Argentinian": "Argentina",
    "Armenian": "Armenia", "Australian": "Australia", "Austrian": "Austria",
    "Azerbaijani": "Azerbaijan", "Bangladeshi": "Bangladesh", "Belarusian": "Belarus",
    "Belgian": "Belgium", "Bolivian": "Bolivia", "Bosnian": "Bosnia and Herzegovina",
    "Brazilian": "Brazil", "British": "United Kingdom", "Bulgarian": "Bulgaria",
    "Cambodian": "Cambodia", "Cameroonian": "Cameroon", "Canadian": "Canada",
    "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia", "Croatian": "Croatia",
    "Cuban": "Cuba", "Cypriot": "Cyprus", "Czech": "Czechia", "Danish": "Denmark",
    "Dutch": "Netherlands", "Ecuadorian": "Ecuador", "Egyptian": "Egypt",
    "Estonian": "Estonia", "Ethiopian": "Ethiopia", "Filipino": "Philippines",
    "Finnish": "Finland", "French": "France", "Georgian": "Georgia", "German": "Germany",
    "Ghanaian": "Ghana", "Greek": "Greece", "Hungarian": "Hungary", "Icelandic": "Iceland",
    "Indian": "India", "Indonesian": "Indonesia", "Iranian": "Iran", "Iraqi": "Iraq",
    "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy", "Japanese": "Japan",
    "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kenyan": "Kenya", "Kuwaiti": "Kuwait",
    "Latvian": "Latvia", "Lebanese": "Lebanon", "Libyan": "Libya",
    "Lithuanian": "Lithuania", "Malaysian": "Malaysia", "Malian": "Mali",
    "Mexican": "Mexico", "Moldovan": "Moldova", "Moroccan": "Morocco",
    "Nigerian": "Nigeria", "Norwegian": "Norway", "Pakistani": "Pakistan",
    "Palestinian": "Palestine, State of", "Peruvian": "Peru", "Polish": "Poland",
    "Portuguese": "Portugal", "Qatari": "Qatar", "Romanian": "Romania", "Russian": "Russia",
    "Rwandan": "Rwanda", "Saudi": "Saudi Arabia", "Senegalese": "Senegal",
    "Serbian": "Serbia", "Slovak": "Slovakia", "Slovenian": "Slovenia",
    "Somali": "Somalia", "Spanish": "Spain",
    "Sudanese": "Sudan", "Swedish": "Sweden", "Swiss": "Switzerland", "Syrian": "Syria",
    "Taiwanese": "Taiwan", "Thai": "Thailand", "Tunisian": "Tunisia", "Turkish": "Turkey",
    "Ugandan": "Uganda", "Ukrainian": "Ukraine", "Uzbek": "Uzbekistan",
    "Venezuelan": "Venezuela", "Vietnamese": "Vietnam", "Yemeni": "Yemen",
    "Zambian": "Zambia", "Zimbabwean": "Zimbabwe",
}


@lru_cache(maxsize=4_096)
def country_of(adjective: str) -> Place | None:
    """The country a capitalised adjective names ("Ukrainian" -> Ukraine), or None."""
    name = _COUNTRY_OF.get(adjective)
    if name is None:
        return None
    place = lookup_place(name)
    return place if place is not None and place.kind == "country" else None
