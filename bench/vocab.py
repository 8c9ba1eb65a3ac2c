"""Word lists and sentence templates of the generated benchmark corpus (see corpus_gen.py).

A few hundred domain words: sectors with their products, risks under the categories Milieu,
Arbeid and Mensenrechten, organisations, countries, covenants. Templates use `{a|b|c}` for a
choice of words and `<slot>` for a word list; with a fixed seed every page is different but
the corpus is the same on every run. The organisations are real names, the statements made
about them are invented: the corpus is marked synthetic in every PDF's metadata.
"""

from __future__ import annotations

SECTORS: dict[str, tuple[str, ...]] = {
    "Bouw": ("natuursteen", "zand", "grind", "cement", "constructiestaal", "graniet"),
    "Chemie": ("basischemicaliën", "kleurstoffen", "pesticiden", "kunstmest", "oplosmiddelen"),
    "Detailhandel": ("speelgoed", "huishoudartikelen", "schoenen", "sportartikelen"),
    "Energie": ("steenkool", "biomassa", "aardgas", "zonnepanelen", "windturbines"),
    "Financiële sector": (
        "bedrijfsleningen", "beleggingen", "projectfinanciering", "herverzekeringen",
    ),
    "Groothandel": ("consumentengoederen", "groenten en fruit", "bouwmaterialen", "machines"),
    "Hout en papier": ("tropisch hardhout", "pulp", "karton", "meubelhout"),
    "Land- en tuinbouw": ("soja", "veevoer", "zaden", "snijbloemen", "bananen"),
    "Metaal en elektronica": ("tin", "kobalt", "goud", "koper", "printplaten", "smartphones"),
    "Olie en gas": ("ruwe olie", "vloeibaar aardgas", "boorplatforms", "pijpleidingen"),
    "Textiel en kleding": ("katoen", "garens", "spijkerbroeken", "T-shirts", "leer"),
    "Voedingsmiddelen": ("cacao", "koffie", "thee", "palmolie", "suikerriet", "garnalen", "noten"),
    "Mijnbouw": ("ijzererts", "bauxiet", "zilver", "mica", "lithium"),
    "Visserij": ("tonijn", "vismeel", "zeewier", "pangasius"),
    "Transport en logistiek": ("containervervoer", "scheepssloop", "luchtvracht", "wegtransport"),
    "Farmacie": ("werkzame stoffen", "medische hulpmiddelen", "vaccins", "hulpstoffen"),
    "ICT": ("datacenters", "laptops", "servers", "netwerkapparatuur"),
    "Rubber": ("natuurrubber", "autobanden", "rubberhandschoenen"),
}

RISKS: dict[str, tuple[str, ...]] = {
    "Milieu": (
        "ontbossing", "waterverontreiniging", "luchtverontreiniging", "bodemverontreiniging",
        "uitstoot van broeikasgassen", "verlies van biodiversiteit", "overmatig watergebruik",
        "lozing van chemisch afval", "overmatig gebruik van pesticiden", "overbevissing",
        "plasticafval", "bodemerosie", "verzilting van landbouwgrond", "olielekkages",
        "aantasting van mangrovebossen", "stofoverlast",
    ),
    "Arbeid": (
        "kinderarbeid", "dwangarbeid", "lage lonen", "excessieve werktijden",
        "onveilige werkomstandigheden", "gebrek aan vakbondsvrijheid",
        "discriminatie van vrouwen", "ontbreken van arbeidscontracten",
        "blootstelling aan gevaarlijke stoffen", "schuldslavernij",
        "uitbuiting van arbeidsmigranten", "intimidatie op de werkvloer",
        "ongezonde werkomstandigheden", "het ontbreken van een leefbaar loon",
        "gedwongen overwerk", "brandgevaar in fabrieken",
    ),
    "Mensenrechten": (
        "landroof", "schending van de rechten van inheemse volken", "gedwongen verhuizing",
        "corruptie", "handel in conflictmineralen", "gebrek aan toegang tot herstel",
        "beperking van de vrijheid van meningsuiting", "gezondheidsrisico's voor omwonenden",
        "schending van privacy", "onveilige producten", "belastingontwijking",
        "geweld door beveiligers", "verlies van toegang tot drinkwater",
        "intimidatie van mensenrechtenverdedigers",
    ),
}

ORGANISATIONS = (
    "FNV", "CNV", "SOMO", "Oxfam Novib", "de Schone Kleren Kampagne", "Amnesty International",
    "Greenpeace", "Milieudefensie", "ICCO", "Solidaridad", "Stop Kinderarbeid", "Hivos",
    "Both ENDS", "Fair Wear Foundation", "MVO Nederland", "het MVO Platform", "VNO-NCW",
    "de SER", "KPMG", "de ILO", "de OESO", "UNICEF", "Human Rights Watch", "Global Witness",
    "het Wereld Natuur Fonds", "Rainforest Alliance", "IDH", "Max Havelaar", "Cordaid", "PAX",
    "de Clean Clothes Campaign", "Landelijk India Werkgroep", "Mondiaal FNV", "Cividep",
)

COUNTRIES = (
    "Bangladesh", "India", "China", "Pakistan", "Vietnam", "Cambodja", "Turkije", "Indonesië",
    "Maleisië", "Brazilië", "Colombia", "Peru", "Ghana", "Ivoorkust", "Congo", "Zuid-Afrika",
    "Myanmar", "Ethiopië", "Kenia", "Marokko", "Mexico", "Bolivia", "de Filipijnen",
    "Sri Lanka", "Oezbekistan", "Chili", "Argentinië", "Nigeria", "Liberia", "Guatemala",
)

COVENANTS = (
    "Duurzame Kleding en Textiel", "Verantwoord Goud", "Bancaire sector", "Natuursteen",
    "Voedingsmiddelen", "Metaal", "Pensioenfondsen", "Verzekeringssector",
    "Duurzame Bosbouw", "Plantaardige Eiwitten", "Sierteelt",
)

ACTORS = (
    "brancheorganisaties", "vakbonden", "ngo's", "inkopers", "toeleveranciers", "fabrieken",
    "plantages", "mijnen", "werknemers", "omwonenden", "boeren", "kleine producenten",
    "vrouwelijke werknemers", "kinderen", "arbeidsmigranten", "thuiswerkers", "onderaannemers",
)

MONTHS = (
    "JANUARI", "FEBRUARI", "MAART", "APRIL", "MEI", "JUNI", "JULI", "AUGUSTUS", "SEPTEMBER",
    "OKTOBER", "NOVEMBER", "DECEMBER",
)

REPORT_TITLES = (
    "MVO Sector Risico Analyse", "Sectorrisico's in internationale ketens",
    "Risicoverkenning internationale ketens", "Ketenrisico's van Nederlandse sectoren",
    "IMVO-risico's per sector",
)

SENTENCES = (
    ("<org> {wijst op|signaleert|beschrijft|waarschuwt voor|documenteert} <risk> bij de "
    "{productie|winning|verwerking|teelt} van <product> in <country> <ref>."),
    ("In <country> {komt|speelt} <risk> {vooral|met name|nog steeds|in toenemende mate|regelmatig} "
    "voor in de keten van <product>."),
    ("Volgens <org> <ref> werken {naar schatting|ongeveer|meer dan} <num> mensen in de keten van "
    "<product> in <country> zonder {schriftelijk contract|leefbaar loon|sociale zekerheid}."),
    ("Nederlandse {bedrijven|inkopers|importeurs|handelaren} {betrekken|kopen|importeren} "
    "<product> {uit|via tussenhandelaren in} <country>, waar <risk> "
    "{een bekend probleem is|veel voorkomt|"
    "onvoldoende wordt aangepakt}."),
    ("{Het toezicht|De handhaving|De controle} op <risk> is in <country> "
    "{beperkt|zwak|onvoldoende}, {zodat|waardoor} {risico's|misstanden|problemen} "
    "{laat|pas laat|niet altijd} in beeld komen "
    "bij {afnemers|Nederlandse bedrijven|inkopers}."),
    ("{Het kabinet|De minister|De overheid} {verwacht|vraagt|wil} dat bedrijven in de sector "
    "<sector> {due diligence toepassen|hun ketens in kaart brengen|risico's op <risk> voorkomen "
    "en aanpakken}."),
    ("In <year> {sloten|ondertekenden} {bedrijven|brancheorganisaties}, vakbonden en ngo's het "
    "convenant <covenant>, met afspraken over <risk> en <risk>."),
    ("Het {convenant|IMVO-convenant} <covenant> {bevat|omvat|legt vast} afspraken over <risk> en "
    "{een klachtenmechanisme|toegang tot herstel|jaarlijkse rapportage|een gezamenlijk project "
    "in <country>}."),
    ("Uit {onderzoek|een studie|een rapport} van <org> uit <year> <ref> blijkt dat <pct> procent "
    "van de {fabrieken|plantages|mijnen|werkplaatsen} in <country> {niet voldoet aan|tekortschiet "
    "op} {de wettelijke normen|de ILO-normen|de eigen gedragscode}."),
    ("{Daarnaast|Verder|Ook|Bovendien} {is er|bestaat er} "
    "{een verhoogd risico op|kans op|zorg over} <risk> {bij|onder} <actor> in <country>."),
    ("{Een|De} {belangrijke|grote|structurele} {oorzaak|factor} is {de prijsdruk in de keten|het "
    "ontbreken van transparantie|de lange en complexe keten van <product>|de zwakke positie van "
    "<actor>|de korte levertijden}."),
    ("<org> en <org> {werken samen|trekken samen op} {in een project|in een programma|met lokale "
    "partners} om <risk> in <country> {terug te dringen|aan te pakken|te voorkomen}."),
    ("Voor de sector <sector> is <risk> het {belangrijkste|meest genoemde|ernstigste} risico, "
    "{volgens|aldus} <org> <ref>."),
    ("{Inkopers|Bedrijven|Importeurs} kunnen {invloed uitoefenen|hun invloed vergroten} door "
    "{samen te werken met|afspraken te maken met|langdurige relaties aan te gaan met} <actor> "
    "in <country>."),
    ("{Een deel van|Ongeveer <pct> procent van|Het grootste deel van} {de|het aanbod van} "
    "<product> {komt uit|wordt geproduceerd in|wordt gewonnen in} <country> en <country>."),
    ("{Tijdens|In} {de dialoog|het overleg|de gesprekken} tussen {de sector|bedrijven} en <org> "
    "{werd|is} {afgesproken|benadrukt|vastgesteld} dat <risk> {prioriteit krijgt|de komende "
    "jaren centraal staat|nader wordt onderzocht}."),
    ("De OESO-richtlijnen {vragen|verwachten} van ondernemingen dat zij {risico's|negatieve "
    "gevolgen} zoals <risk> {identificeren, voorkomen en beperken|in kaart brengen en aanpakken}."),
    ("{Het aantal|De omvang van} {meldingen|klachten|gevallen} van <risk> in <country> {is "
    "gestegen|nam toe|daalde} sinds <year> <ref>."),
    ("De UN Guiding Principles {vragen|verwachten} dat {bedrijven|ondernemingen} <actor> toegang "
    "{bieden|geven} tot {herstel|een klachtenprocedure} bij <risk>."),
    ("{Bij|Rond} de {winning|productie|verwerking} van <product> {zijn|worden} <actor> "
    "{blootgesteld aan|getroffen door} <risk> <ref>."),
)

BULLETS = (
    ("{<Risk>|Risico op <risk>} bij de {productie|winning|verwerking|teelt} van <product>"
    "{, vooral in <country>| in <country> en <country>|} <ref>."),
    "<Risk> {onder|bij} <actor> in {de keten van <product>|<country>} <ref>.",
    "<Risk> en <risk> {in|rond} {fabrieken|plantages|mijnen|havens} in <country> <ref>.",
)

LETTER_OPENINGS = (
    ("Met deze brief {informeer|bericht} ik u over {de voortgang van|de uitkomsten van} "
    "{de sectorrisicoanalyse|het IMVO-beleid|de convenantenaanpak} in <year>."),
    ("{Hierbij|Bij deze} {bied|zend} ik u {het rapport|de evaluatie|de voortgangsrapportage} "
    "{aan|toe} over {de sector <sector>|het convenant <covenant>}."),
    ("{In antwoord op|Naar aanleiding van} {de motie|vragen van het lid|het verzoek van de "
    "commissie} over <risk> {ga ik in op|bericht ik u over} de stand van zaken."),
)

ENGLISH = (
    ("{Companies|Buyers|Importers} {source|buy} <product_en> from <country_en>, where <risk_en> "
    "{remains common|is a known problem|is poorly addressed} <ref>."),
    ("<org_en> {reports|documents|warns of} <risk_en> in the "
    "{production|processing|supply chain} of <product_en> in <country_en> <ref>."),
    ("Under the agreement, {signatories|companies|parties} {commit to|undertake to} "
    "{identify|prevent and mitigate|report on} <risk_en> in their supply chains."),
    ("The OECD Guidelines {expect|ask} enterprises to carry out due diligence on <risk_en> "
    "and <risk_en>."),
    ("{About|Roughly|More than} <pct> percent of the {factories|plantations|mines} in "
    "<country_en> {do not meet|fall short of} {the legal minimum|ILO standards} <ref>."),
    ("{Trade unions|NGOs|Workers} in <country_en> {call for|ask for} {a living wage|access to "
    "remedy|freedom of association} in the <product_en> sector."),
    ("In <year>, {business associations|companies}, trade unions and NGOs signed the "
    "{agreement|covenant} on <covenant_en>, which {covers|addresses} <risk_en>."),
    ("{The government|The minister|Parliament} {expects|asks} {companies|enterprises} in the "
    "<product_en> {sector|chain} to {map their supply chains|publish their due diligence "
    "findings|join a sector agreement}."),
    ("A {study|report|survey} by <org_en> from <year> <ref> {found|shows} that <risk_en> "
    "{persists|is widespread|has declined} in <country_en>."),
    ("{Monitoring|Enforcement|Inspection} of <risk_en> in <country_en> is {weak|limited|"
    "insufficient}, so {buyers|Dutch companies} {often|rarely|only late} {learn of|see} "
    "{abuses|problems} in their chains."),
    ("{Smallholders|Women workers|Migrant workers|Local communities} in <country_en> are "
    "{most affected by|exposed to} <risk_en> <ref>."),
    ("<org_en> and <org_en> {run|support} a {project|programme} {to reduce|against} <risk_en> "
    "in the <product_en> {sector|chain} of <country_en>."),
    ("The agreement {includes|provides for} {a complaints mechanism|an independent secretariat|"
    "annual reporting|a joint project in <country_en>} {and|as well as} {a review after three "
    "years|a list of production locations}."),
    ("The UN Guiding Principles {expect|require} companies to {provide|enable} access to remedy "
    "for <risk_en> <ref>."),
)

ORGANISATIONS_EN = tuple(
    name.removeprefix("de ").removeprefix("het ") for name in ORGANISATIONS
)
COVENANTS_EN = (
    "Sustainable Garments and Textile", "Responsible Gold", "the Banking Sector",
    "Natural Stone", "International Responsible Business Conduct in the Metals Sector",
    "Sustainable Forestry", "Pension Funds", "the Insurance Sector", "Floriculture",
)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

RISKS_EN = (
    "child labour", "forced labour", "low wages", "excessive working hours", ("unsafe working "
    "conditions"), "land grabbing", "water pollution", "deforestation", "corruption",
    "lack of freedom of association", "discrimination of women", "conflict minerals",
)
PRODUCTS_EN = (
    "cotton", "garments", "cocoa", "palm oil", "gold", "tin", "cobalt", "natural stone",
    "coffee", "soy", "timber", "shrimp",
)
COUNTRIES_EN = (
    "Bangladesh", "India", "China", "Pakistan", "Vietnam", "Cambodia", "Turkey", "Indonesia",
    "Ghana", "Ivory Coast", "Congo", "Peru", "Myanmar", "Brazil",
)
