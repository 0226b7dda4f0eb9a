"""Round 9: speakers who judge out loud (hailed, praised, congratulated, conceded), and the events around them."""

from __future__ import annotations

import pytest

from tests.unit.extract_cases import Expected, run, tuples

CASES: list[tuple[str, Expected]] = [
    # Verbs of judging out loud make a statement by a named speaker.
    ("Defence Minister Rustem Umerov hailed the brigade's courage.", {("statement", "UKR", "Rustem Umerov")}),
    ("Kremlin spokesman Dmitry Peskov welcomed the talks in Istanbul.", {("statement", "RUS", "Dmitry Peskov")}),
    ("Coach Paulo Fonseca praised his players after the match.", {("statement", None, "Paulo Fonseca")}),
    ("The Russian Defence Ministry congratulated the paratroopers.", {("statement", "RUS", "Russian Defence Ministry")}),
    ("Polish President Andrzej Duda criticised the decision.", {("statement", "POL", "Andrzej Duda")}),
    ("Ukraine's foreign ministry condemned the strike and blamed Moscow.",
     {("statement", "UKR", "Ukraine's foreign ministry")}),
    ("Opposition leader Peter Dutton conceded defeat on Saturday.", {("statement", None, "Peter Dutton")}),
    ("General Oleksandr Syrskyi spoke of a difficult situation near Pokrovsk.",
     {("statement", "UKR", "Oleksandr Syrskyi")}),
    ("Commander Ivan Petrenko, praising the unit, said it had held the line.", {("statement", None, "Ivan Petrenko")}),
    # The speaker of a later "he said" is the one who spoke last, whatever the verb.
    ("Captain Oleh Moroz said the team was tired. Coach Andriy Vorona praised the defence. \"We stood firm,\" he said.",
     {("statement", None, "Oleh Moroz"), ("statement", None, "Andriy Vorona")}),
    # An inverted speech verb with a title between it and the name: the person speaks, not the title's body.
    ("\"We are holding,\" said Colonel Ivan Petrenko, a brigade spokesman.", {("statement", None, "Ivan Petrenko")}),
    ("\"Air defence comes first,\" said Ukrainian Defence Minister Rustem Umerov.", {("statement", "UKR", "Rustem Umerov")}),
    ("\"The talks failed,\" said Kremlin spokesman Dmitry Peskov.", {("statement", "RUS", "Dmitry Peskov")}),
    ("\"Nothing has changed,\" said Kupiansk resident Olha Ivanenko.", {("statement", None, "Olha Ivanenko")}),
    ("\"We held,\" said Ukraine's general staff.", {("statement", "UKR", "Ukraine's general staff")}),
    ("\"It was quiet,\" said Tuesday's report.", set()),
    # Small gains told as edging forward are advances; pressure on a town is not.
    ("Russian units edged closer to Toretsk.", {("advance", "RUS", "Toretsk")}),
    ("Ukrainian troops inched forward near Robotyne.", {("advance", "UKR", "Robotyne")}),
    ("Russian forces are pressing on Kostiantynivka.", set()),
    ("Prices edged higher in Kyiv.", set()),
    # "The US", "the UK" as the subject of a verb are the states; in lower case "us" is a pronoun.
    ("The UK sent 100 troops to Poland.", {("deployment", "GBR", "Poland")}),
    ("The US is deploying 3,000 troops to Poland.", {("deployment", "USA", "Poland")}),
    ("The U.S. deployed troops to Poland.", {("deployment", "USA", "Poland")}),
    ("US troops arrived in Poland.", {("deployment", "USA", "Poland")}),
    ("Let us send troops to Poland.", set()),
    # A settlement the gazetteer lacks, named with a short second word ("Yar") or an "-iv" ending, after a verb of taking.
    ("Russian forces seized Popiv Yar, south-west of Kostiantynivka.", {("advance", "RUS", "Popiv Yar")}),
    ("Russian forces captured Sergiv.", {("advance", "RUS", "Sergiv")}),
    ("She left Tel Aviv.", set()),
    # Units deployed in a list of places, one of them unknown to the gazetteer: each is a place of the deployment.
    ("Lebanese army units deployed in Kfar Kila and Odaisseh after the pullout.",
     {("deployment", "LBN", "Kfar Kila"), ("deployment", "LBN", "Odaisseh")}),
    ("The delegation arrived in Brussels.", set()),
    # A withdrawal "towards X" happens at the place the withdrawing forces' own phrase names, if it names one.
    ("Ukrainian forces near Pokrovsk withdrew towards Myrnohrad.", {("withdrawal", "UKR", "Pokrovsk")}),
    ("Ukrainian formations that had held Pokrovsk retreated towards Myrnohrad.", {("withdrawal", "UKR", "Pokrovsk")}),
    ("Ukrainian troops withdrew towards Myrnohrad.", {("withdrawal", "UKR", "Myrnohrad")}),
    ("After Russia captured Pokrovsk, Ukrainian troops withdrew towards Myrnohrad.",
     {("advance", "RUS", "Pokrovsk"), ("withdrawal", "UKR", "Myrnohrad")}),
    # Where an advance came from is not where it went; where forces were driven from is where they lost.
    ("Russian forces advancing from Kherson through Nova Kakhovka entered Melitopol.", {("advance", "RUS", "Melitopol")}),
    ("Russian columns crossed into Ukraine from Belgorod, Kursk and Bryansk.", {("advance", "RUS", "Ukraine")}),
    ("Russian units drove Ukrainian troops from Pokrovsk.", {("advance", "RUS", "Pokrovsk"), ("withdrawal", "UKR", "Pokrovsk")}),
    # Names with particles, and a person whose employer stands between the name and the verb.
    ("\"It is over,\" chief executive Dolf van den Brink said in a statement.", {("statement", None, "Dolf van den Brink")}),
    ("Analyst Marta Kowalczyk of the consultancy NordBev said the shares barely moved.",
     {("statement", None, "Marta Kowalczyk")}),
    # A capital "described" or "called" something: the government, not where anything happened.
    ("Russian forces were pulled back from Kupiansk in what Moscow described as a regrouping.",
     {("withdrawal", "RUS", "Kupiansk")}),
    # A unit's service after its number tells its side; the sent units' side is the deployment's.
    ("The occupiers attacked. The command transferred units of the 1st Corps of the National Guard to Pokrovsk.",
     {("deployment", "UKR", "Pokrovsk")}),
    ("Soldiers of the 3rd Brigade of the National Guard entered Kupiansk.", {("advance", "UKR", "Kupiansk")}),
    # A side's adjective before an event noun at the sentence's start ("The Russian withdrawal ...").
    ("The Russian withdrawal from Kherson began on Wednesday.", {("withdrawal", "RUS", "Kherson")}),
    ("The Russian offensive could stall.", set()),
    # Places taken one after another, each with its date; a name followed by its own verb starts a new clause.
    ("Ukrainian troops liberated Balakliia on Thursday and Kupiansk on Saturday.",
     {("advance", "UKR", "Balakliia"), ("advance", "UKR", "Kupiansk")}),
    ("Russian troops captured Avdiivka in February 2024 and then Pokrovsk.",
     {("advance", "RUS", "Avdiivka"), ("advance", "RUS", "Pokrovsk")}),
    ("Russian troops captured Avdiivka and Kyiv responded with strikes.", {("advance", "RUS", "Avdiivka")}),
    ("Russian troops captured Avdiivka last week and Kyiv responded.", {("advance", "RUS", "Avdiivka")}),
    # "whose garrisons had pulled out": the defenders of the places taken withdrew from them.
    ("Russian troops took Avdiivka, whose defenders had pulled out towards Pokrovsk.",
     {("advance", "RUS", "Avdiivka"), ("withdrawal", "UKR", "Avdiivka")}),
    ("Russian troops took Avdiivka, whose residents had fled.", {("advance", "RUS", "Avdiivka")}),
    # Two people joined by "and" (or "and his counterpart") both speak; a company's name with "and" is one name.
    ("Andrii Sybiha and Radoslaw Sikorski said the talks were useful.",
     {("statement", "UKR", "Andrii Sybiha"), ("statement", "POL", "Radoslaw Sikorski")}),
    ("President Felix Tshisekedi and his Rwandan counterpart Paul Kagame called for a ceasefire.",
     {("statement", None, "Felix Tshisekedi"), ("statement", "RWA", "Paul Kagame")}),
    ("Zelensky and Macron said the talks were useful.", {("statement", "UKR", "Zelensky"), ("statement", "FRA", "Macron")}),
    ("Marks and Spencer said sales fell.", set()),
    # A place taken with no agent named, right after one side was seen acting in the same paragraph: that side's.
    ("Ukrainian forces advanced south of Orikhiv in June. Robotyne was retaken on 27 July.",
     {("advance", "UKR", "Orikhiv"), ("advance", "UKR", "Robotyne")}),
    ("Russian troops advanced near Pokrovsk. The town of Avdiivka was recaptured in February.",
     {("advance", "RUS", "Pokrovsk"), ("advance", "RUS", "Avdiivka")}),
    ("Russian troops advanced near Pokrovsk.\n\nAvdiivka was recaptured in February.", {("advance", "RUS", "Pokrovsk")}),
    # (Only a retaking: a capture, or an attack before it, tells nothing of who took a place in the past.)
    ("Russian forces shelled Kherson on Monday. Kherson was retaken in November 2022.", set()),
    ("Ukrainian forces recaptured Kherson in 2022. Mariupol was captured in May 2022.", {("advance", "UKR", "Kherson")}),
    # Forces arriving at a list of names the gazetteer lacks: each is a place of the deployment.
    ("About 4,000 US Marines arrived at Setermoen and Bardufoss last week.",
     {("deployment", "USA", "Setermoen"), ("deployment", "USA", "Bardufoss")}),
    ("The delegation arrived at Heathrow and Gatwick.", set()),
    # A hyphenated village the gazetteer lacks, after "into eastern" or a verb of taking.
    ("Russian forces advanced into eastern Oleksandro-Shultyne, southeast of Kostiantynivka.",
     {("advance", "RUS", "Oleksandro-Shultyne")}),
    ("Russian forces captured Oleksandro-Shultyne.", {("advance", "RUS", "Oleksandro-Shultyne")}),
    # "the Ukrainian side" of state media is a party that acts; "the Russian side of the border" is a place.
    ("According to the ministry, the Ukrainian side withdrew its units from Pokrovsk.", {("withdrawal", "UKR", "Pokrovsk")}),
    ("Shells landed on the Russian side of the border near Belgorod.", set()),
    # A body the rules know keeps its own side, not one read from the sentence ("the Russians").
    ("According to DeepState, the Russians have advanced near Toretsk.",
     {("statement", "UKR", "DeepState"), ("advance", "RUS", "Toretsk")}),
    # "the enemy" of a known speaker is the other side.
    ("The enemy has concentrated up to 50,000 troops in the Kursk region, Syrskyi said.",
     {("deployment", "RUS", "Kursk"), ("statement", "UKR", "Syrskyi")}),
    # "recaptured it" in the next sentence: the place the sentence before took or held (not one flown over).
    ("Russian troops seized Sloviansk in April. Ukrainian forces recaptured it in July.",
     {("advance", "RUS", "Sloviansk"), ("advance", "UKR", "Sloviansk")}),
    ("Ukrainian photographers visited Sloviansk in June. Ukrainian soldiers took it in their stride.", set()),
    ("Russian troops shot down a drone over Kharkiv. Ukrainian forces captured it later.", set()),
    # "whose" forces after a place are its defenders; after the forces themselves, the same side.
    ("Ukrainian forces, whose garrison had pulled out of Avdiivka days earlier, regrouped.",
     {("withdrawal", "UKR", "Avdiivka")}),
    ("Russia, whose marines have captured Krynky, claimed a victory.", {("advance", "RUS", "Krynky")}),
    # "US" before a noun is an adjective, not the state acting; a place that names talks is no place of an event.
    ("Ukrainian troops using US weapons recaptured Robotyne.", {("advance", "UKR", "Robotyne")}),
    ("Trump said the US had taken control of Greenland talks.", {("statement", "USA", "Trump")}),
    # A place described by others is still where the event happened; a capital that "calls" speaks for its state.
    ("Russian troops entered Kupiansk described by locals as a ghost town.", {("advance", "RUS", "Kupiansk")}),
    # A withdrawal "towards X" is placed in the forces' own phrase only, not at the speaker's city.
    ("Speaking in Kyiv Zelensky said troops withdrew towards Pokrovsk.",
     {("statement", "UKR", "Zelensky"), ("withdrawal", "UKR", "Pokrovsk")}),
    # Names after "arrived in" that qualify a noun, and operations, are no places; people are no villages.
    ("Ukrainian soldiers arrived in Leopard and Abrams tanks near Robotyne.", {("deployment", "UKR", "Robotyne")}),
    ("Russian troops captured Yakiv Kovalenko, a local volunteer, near Pokrovsk.", set()),
    ("Ukrainian forces reached Petro Hnativ by radio near Chasiv Yar.", set()),
    # Edging towards a place is an advance; edging towards a deal is diplomacy.
    ("Hamas edged closer to accepting the truce in Cairo.", set()),
    # A listed name followed by a participle is still listed.
    ("Russian troops captured Pokrovsk and Myrnohrad located west of Donetsk.",
     {("advance", "RUS", "Pokrovsk"), ("advance", "RUS", "Myrnohrad")}),
    # Who is not speaking: a person named after "of", someone who "hailed from" a town, a verb's object, two firms.
    ("The wife of Ivan Petrenko from Kupiansk said the shelling continued.", set()),
    ("Oleksandr Usyk, who hailed from Simferopol, defended his title.", set()),
    ("Zelensky met Biden and Macron said the talks were useful.", {("statement", "FRA", "Macron")}),
    ("Lockheed Martin and General Dynamics said orders rose.", set()),
    # Leaving a deal is no withdrawal from a place.
    ("The Russian withdrawal from the Black Sea grain deal alarmed Kyiv.", set()),
    # A place opening the sentence is no side in a list with the subject; a participle is an adjective after "and".
    ("In eastern Ukraine, Russian forces pushed into the outskirts of Pokrovsk.", {("advance", "RUS", "Pokrovsk")}),
    ("The Russians there, a mix of paratroopers and mobilised men, pulled back from Pokrovsk.",
     {("withdrawal", "RUS", "Pokrovsk")}),
    ("Russia mobilised 300,000 reservists and sent them to Pokrovsk.", {("deployment", "RUS", "Pokrovsk")}),
    # An assessment that something was not observed negates it.
    ("ISW has not observed indications that Russian forces have redeployed units to Pokrovsk.", set()),
    ("There are no signs that Russian troops have entered Pokrovsk.", set()),
    # A town back under a side's control changed hands; a dash that says where keeps the advance's scope open;
    # a place inside a dashed aside is no place of the event.
    ("Sudzha was back under Russian control on Wednesday.", {("advance", "RUS", "Sudzha")}),
    ("Kyiv's forces had advanced on the flanks — north of the city near Pokrovsk.", {("advance", "UKR", "Pokrovsk")}),
    ("Kurakhove — a town west of Donetsk, not the Kurakhove near Pokrovsk — was taken by Russian troops.",
     {("advance", "RUS", "Kurakhove")}),
    # A state that drives forces out advances (not a firm driving costs out); "X says it" is that state.
    ("Russia pushed Ukrainian forces out of Pokrovsk.", {("advance", "RUS", "Pokrovsk"), ("withdrawal", "UKR", "Pokrovsk")}),
    ("Moscow says it has driven Ukrainian troops out of Sudzha.",
     {("advance", "RUS", "Sudzha"), ("withdrawal", "UKR", "Sudzha")}),
    ("The company says it has driven costs out of its plant in Kyiv.", set()),
    # "X said he had sent units": he is the speaker, of the speaker's side; armed groups speak as bodies.
    ("Oleksandr Syrskyi said he had sent additional units to the Pokrovsk sector.",
     {("deployment", "UKR", "Pokrovsk"), ("statement", "UKR", "Oleksandr Syrskyi")}),
    ("Zelensky said he had visited troops near Pokrovsk.", {("statement", "UKR", "Zelensky")}),
    ("Hezbollah said its fighters had pushed back an Israeli unit.", {("statement", "LBN", "Hezbollah")}),
    # "the town" far from any place named in passing is the text's topic, named three times before.
    ("Russian forces attacked Vuhledar in January. Vuhledar held. In Vuhledar the garrison dug in. "
     "Shelling also hit Pokrovsk, many kilometres to the north-west, and a supply depot in the wider district "
     "burned for a day and a night, while the roads to the front filled with refugees, aid convoys and the "
     "ambulances of volunteer medics. In October Russian troops entered the town.",
     {("advance", "RUS", "Vuhledar")}),
    # Second review: a capital that acts after "and" is no listed place; lists of side adjectives after "of" keep every
    # side; a dash's new clause is no where-phrase; "no signs of panic" negates nothing; a club is no town.
    ("Russian forces captured Avdiivka and Kyiv blamed a shortage of shells.", {("advance", "RUS", "Avdiivka")}),
    ("Thousands of American, British and Polish troops arrived in Pokrovsk.",
     {("deployment", "USA", "Pokrovsk"), ("deployment", "GBR", "Pokrovsk"), ("deployment", "POL", "Pokrovsk")}),
    ("Russian forces advanced on the flanks — in Kharkiv, meanwhile, a missile hit a school.", {("advance", "RUS", None)}),
    ("Officials saw no signs of panic as Russian troops entered Kupiansk.", {("advance", "RUS", "Kupiansk")}),
    ("Chelsea were back under American control after the takeover.", set()),
    ("Russia called up and mobilised 300,000 reservists.", {("deployment", "RUS", None)}),
    ("Foreign minister Sybiha and his Polish counterpart Sikorski said the talks were useful.",
     {("statement", "UKR", "Sybiha"), ("statement", "POL", "Sikorski")}),
    # "the town" is not a capital that only spoke.
    ("Moscow said the offensive went to plan. Moscow also said losses were light. Moscow insisted on talks. "
     "Fighting went on around Toretsk, where shells fell on the market and on the roads leading out of the town "
     "towards the west, while civilians waited for buses. On Sunday Russian troops entered the town.",
     {("advance", "RUS", "Toretsk")}),
    # Nobody named: no statement.
    ("Fans welcomed the team at the airport.", set()),
    ("Residents praised the rescuers.", set()),
    ("Many critics blamed the weather.", set()),
    # A verb of judging next to an event leaves the event as it was.
    ("Ukrainian forces liberated Kherson, and President Volodymyr Zelensky hailed the victory.",
     {("advance", "UKR", "Kherson"), ("statement", "UKR", "Volodymyr Zelensky")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round9(text: str, expected: Expected) -> None:
    assert tuples(run(text)) == expected
