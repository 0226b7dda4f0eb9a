"""Ukrainian- and Russian-language sentences: events, sides by side word or the text's voice, speakers."""

from __future__ import annotations

import pytest

from services.extract.cyrillic import find_cyrillic_speakers, find_cyrillic_triggers, is_cyrillic, text_voice
from services.extract.events import extract_events
from tests.unit.extract_cases import Expected, article, tuples

gazetteer = pytest.importorskip("shared.gazetteer")

CASES: list[tuple[str, Expected]] = [
    # A side word in brackets acts for nobody; the enemy never liberates; "вибили російських військових": they withdraw.
    ("Бойцы группировки «Запад» заняли населённый пункт Купянск (украинское название — Куп'янськ).",
     {("advance", "RUS", "Kupiansk")}),
    ("Сили оборони зупинили наступ ворога на Харківському напрямку і звільнили Куп'янськ.", {("advance", "UKR", "Kupiansk")}),
    # The outlet told (dative) is not the speaker; a unit's number among the titles.
    ("Как рассказал РИА Новости военный эксперт Андрей Марочко, бои идут у Купянска.", {("statement", None, "Андрей Марочко")}),
    ("Бої тривають, повідомив «Українській правді» речник 57-ї окремої мотопіхотної бригади Євген Романов.",
     {("statement", None, "Євген Романов")}),
    # Staff reports: "інформує", "Генеральний штаб ЗСУ"; "просунувся"; a region's adjective after a village ends it.
    ("Генеральний штаб Збройних Сил України інформує: з початку доби відбулося 148 бойових зіткнень.",
     {("statement", "UKR", "Генеральний штаб Збройних Сил України")}),
    ("На Торецькому напрямку ворог просунувся на околиці населеного пункту Русин Яр.", {("advance", "RUS", "Русин Яр")}),
    ("Подразделения группировки войск «Север» освободили населённые пункты Морохорово и Лукьянцы Харьковской области.",
     {("advance", "RUS", "Морохорово"), ("advance", "RUS", "Лукьянцы")}),
    # Russian border oblasts in Ukrainian; North Korean troops sent are North Korea's deployment.
    ("Росія перекинула до Курської області північнокорейських військових.", {("deployment", "PRK", "Kursk Oblast")}),
    ("Росія перекинула до Курської області нові підрозділи.", {("deployment", "RUS", "Kursk Oblast")}),
    # Speakers: an expert by title, a name in the genitive after "за словами", a channel in «».
    ("ВСУ отступили из Угледара, сообщил военный эксперт Андрей Марочко.",
     {("withdrawal", "UKR", "Vuhledar"), ("statement", None, "Андрей Марочко")}),
    ("За словами речника Повітряних сил Юрія Ігната, ворог запустив 50 дронів.", {("statement", None, "Юрія Ігната")}),
    ("Российские войска вошли в Купянск с севера, пишет «Рыбарь».",
     {("advance", "RUS", "Kupiansk"), ("statement", "RUS", "«Рыбарь»")}),
    # "Under our control" is the writer's side taking it; staying under control is no event.
    ("После боёв за промзону Курахово фактически под нашим контролем.", {("advance", "RUS", "Kurakhove")}),
    ("Село Кіндратівка залишається під контролем Сил оборони.", set()),
    # "наши" alone before the verb; "вибили їх": those driven out withdraw.
    ("После штурма наши продвинулись на 1,5 км к Покровску.", {("advance", "RUS", "Pokrovsk")}),
    ("Вранці окупанти зайшли в село Кіндратівка, однак наші захисники вибили їх із північної частини села.",
     {("advance", "RUS", "Kindrativka"), ("advance", "UKR", "Kindrativka"), ("withdrawal", "RUS", "Kindrativka")}),
    # The enemy named before "вибили" is its object: it withdraws; "з села" is the village named before.
    ("Сили оборони звільнили село Кутьківка. Окупантів вибили з села, частина з них відступила до кордону.",
     {("advance", "UKR", "Кутьківка"), ("withdrawal", "RUS", "Кутьківка")}),
    # Speakers after the verb behind titles with a region or a body's name, and a unit after "у".
    ("Сили оборони відійшли на більш вигідні рубежі, повідомив речник Державної прикордонної служби Андрій Демченко.",
     {("withdrawal", "UKR", None), ("statement", None, "Андрій Демченко")}),
    ("Как сообщил губернатор Белгородской области Вячеслав Гладков, при атаке на Шебекино ранены двое жителей.",
     {("statement", "RUS", "Вячеслав Гладков")}),
    ("Про це в ефірі телемарафону розповів речник ОСУВ «Хортиця» Віктор Трегубов.",
     {("statement", None, "Віктор Трегубов")}),
    ("Бої тривають біля Куп'янська, повідомили у 14-й окремій механізованій бригаді.",
     {("statement", None, "14-й окремій механізованій бригаді")}),
    # "Our" units are the writer's side; taking over positions is a rotation in; Russian "зашли" enters.
    ("За минулий тиждень наші штурмові групи вибили окупантів із двох кварталів у північній частині Куп'янська.",
     {("advance", "UKR", "Kupiansk"), ("withdrawal", "RUS", "Kupiansk")}),
    ("На позиції в Куп'янську заступили свіжі підрозділи нашої бригади.", {("deployment", "UKR", "Kupiansk")}),
    ("Наши штурмовые подразделения зашли в Покровск с северо-востока.", {("advance", "RUS", "Pokrovsk")}),
    # Villages the gazetteer lacks, named as villages; the country in a speaker's name is not where it happened.
    ("По данным Минобороны России, за сутки освобождены сёла Ровнополье и Яблоково.",
     {("advance", "RUS", "Ровнополье"), ("advance", "RUS", "Яблоково"), ("statement", "RUS", "Минобороны России")}),
    # Where reserves came from is not where they went.
    ("Противник перебрасывает в Покровск резервы, в том числе из-под Запорожья.", {("deployment", "UKR", "Pokrovsk")}),
    # A speaker after the verb and lower-case titles; a first name is no village.
    ("«Місто тримаємо, і тримати будемо», — наголосив командир бригади полковник Андрій Мельник.",
     {("statement", None, "Андрій Мельник")}),
    # Ukrainian: the Defense Forces liberate; "the occupiers" and "the enemy" are Russia's.
    ("Сили оборони звільнили село Андріївка на Донеччині, повідомив Генштаб ЗСУ.",
     {("advance", "UKR", "Andriyivka"), ("statement", "UKR", "Генштаб ЗСУ")}),
    ("Окупанти захопили Очеретине та просуваються до Покровська.",
     {("advance", "RUS", "Ocheretyne"), ("advance", "RUS", "Pokrovsk")}),
    ("Наші захисники відійшли з Авдіївки, щоб зберегти життя особового складу.", {("withdrawal", "UKR", "Avdiivka")}),
    ("Ворог перекинув додаткові підрозділи під Покровськ.", {("deployment", "RUS", "Pokrovsk")}),
    ("Російські війська увійшли до Куп'янська, заявили в Міноборони РФ.",
     {("advance", "RUS", "Kupiansk"), ("statement", "RUS", "Міноборони РФ")}),
    # Russian: state media's "liberated" is Russia's; "the AFU" retreat.
    ("Подразделения группировки войск «Центр» освободили населенный пункт Новогродовка.",
     {("advance", "RUS", "Novohrodivka")}),
    ("ВСУ отступили из Красногоровки, заявил Денис Пушилин.",
     {("withdrawal", "UKR", "Krasnohorivka"), ("statement", "RUS", "Денис Пушилин")}),
    # The text's own units take its voice; "вибили" drives the enemy out: the subject advances, the enemy withdraws.
    ("Бійці 47-ї окремої механізованої бригади вибили окупантів з села Роботине, повідомили в бригаді.",
     {("advance", "UKR", "Robotyne"), ("withdrawal", "RUS", "Robotyne"),
      ("statement", None, "47-ї окремої механізованої бригади")}),
    # Russia named by its abbreviation; a list of villages.
    ("Міноборони РФ заявило про «звільнення» сіл Очеретине та Андріївка.",
     {("advance", "RUS", "Ocheretyne"), ("advance", "RUS", "Andriyivka"), ("statement", "RUS", "Міноборони РФ")}),
    ("Росія перекинула під Покровськ додаткові резерви.", {("deployment", "RUS", "Pokrovsk")}),
    # The euphemism for a withdrawal; "написав" as speech.
    ("Наші підрозділи біля Авдіївки перемістилися на більш вигідні позиції.", {("withdrawal", "UKR", "Avdiivka")}),
    # (Known speakers carry their side: the Kharkiv governor, the pro-Russian channel Rybar.)
    ("Олег Синєгубов написав, що ситуація під контролем.", {("statement", "UKR", "Олег Синєгубов")}),
    # A side adjective before the text's own-unit noun tells the side; a distant one does not own "liberated".
    ("Украинские подразделения отошли с позиций у Демидовки.", {("withdrawal", "UKR", "Demydivka")}),
    ("Курская область, куда украинские войска вторглись в августе 2024 года, почти полностью освобождена.",
     {("advance", "RUS", "Kursk Oblast")}),
    # A passive participle reports the text's own side; "в среду" between the verb and the speaker.
    ("Губернатор Вячеслав Гладков заявил, что в Белгород переброшены резервы.",
     {("deployment", "RUS", "Belgorod"), ("statement", "RUS", "Вячеслав Гладков")}),
    ("Российские войска отразили атаку, сообщили в среду в Министерстве обороны России.",
     {("statement", "RUS", "Министерстве обороны России")}),
    # Negations, attempts and plans are no event; a letter sent is no deployment.
    ("Російські війська не змогли захопити Часів Яр.", set()),
    ("Противник намагався захопити Торецьк.", set()),
    ("Российские войска не вошли в Купянск.", set()),
    ("Міністерство направило листа до Харкова.", set()),
    # A foothold gained; an attack thrown back to its starting line is a withdrawal only; units that arrived.
    ("Ворог закріпився на околиці села Русин Яр.", {("advance", "RUS", "Русин Яр")}),
    ("Окупанти намагалися просунутися біля Куп'янська, однак Сили оборони відкинули їх на вихідні позиції.",
     {("withdrawal", "RUS", "Kupiansk")}),
    ("До Харківської області прибули додаткові підрозділи Сил оборони.", {("deployment", "UKR", "Kharkiv Oblast")}),
    ("До Харкова прибули біженці з Куп'янська.", set()),
    ("Закон закріпив права громадян у Києві.", set()),
    ("Українські спортсмени закріпилися в лідерах медального заліку в Парижі.", set()),
    ("Російський рубль закріпився вище 100 за долар у Москві.", set()),
    ("Українські дипломати відкинули звинувачення Москви.", set()),
    ("Путин в Москве отбросил идею переговоров с Киевом.", set()),
    ("Сили оборони відкинули окупантів на вихідні позиції біля Куп'янська.", {("withdrawal", "RUS", "Kupiansk")}),
    # Speakers: a known stem starts a word; the body a person serves is no part of his name; an unnamed official.
    ("Іван Федоровський повідомив, що школа працює.", {("statement", None, "Іван Федоровський")}),
    ("Заступник керівника Офісу Президента Андрій Єрмак заявив, що переговори тривають.",
     {("statement", "UKR", "Андрій Єрмак")}),
    ("Заместитель председателя Совбеза Дмитрий Медведев заявил, что ответ будет.", {("statement", "RUS", "Дмитрий Медведев")}),
    ("Начальник ОВА заявив, що ситуація складна.", set()),
    # Two-word towns in their case forms; forces that "отходят" withdraw, "придётся отходить" is no event.
    ("Остатки гарнизона ВСУ отходят из Часова Яра.", {("withdrawal", "UKR", "Chasiv Yar")}),
    ("Бої тривають біля Великої Новосілки.", set()),
    ("Если это так, то ВСУ придётся отходить и оттуда.", set()),
    ("Вкладники відходять від російських банків.", set()),
    ("Канал «Рыбарь» сообщил, что ВСУ отошли от Купянска.", {("statement", "RUS", "Рыбарь"), ("withdrawal", "UKR", "Kupiansk")}),
    # Reports up the chain of command, channels after "и канал", a person's side before the staff he heads.
    ("Начальник Генштаба Валерий Герасимов доложил, что бои идут у Купянска.", {("statement", "RUS", "Валерий Герасимов")}),
    ("Об этом же сообщает и канал «Рыбарь».", {("statement", "RUS", "«Рыбарь»")}),
    ("Начальник Харківської ОВА Олег Синєгубов повідомив, що обстріл тривав.", {("statement", "UKR", "Олег Синєгубов")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_cyrillic_sentences(text: str, expected: Expected) -> None:
    assert tuples(extract_events(article(text), gazetteer.load_gazetteer())) == expected


def test_voice_decides_whom_liberated_and_enemy_mean() -> None:
    assert text_voice("Окупанти обстрілюють місто.") == "UKR"
    assert text_voice("ВСУ потеряли до 300 военнослужащих.") == "RUS"
    (ukr,) = find_cyrillic_triggers("Звільнено село Кліщіївка.", "UKR")
    (rus,) = find_cyrillic_triggers("Освобождён населённый пункт Кирово.", "RUS")
    assert (ukr.type, ukr.side, rus.type, rus.side) == ("advance", "UKR", "advance", "RUS")
    (enemy,) = find_cyrillic_triggers("Противник отступил к Покровску.", "RUS")
    assert enemy.side == "UKR"


def test_a_word_that_merely_starts_like_a_side_abbreviation_names_no_side() -> None:
    (advance,) = find_cyrillic_triggers("Росіяни трохи просунулися біля Покровська.", "UKR")  # "трохи": "a little"
    assert advance.side == "RUS"
    (held,) = find_cyrillic_triggers("ТрО звільнила село.", "RUS")
    assert held.side == "UKR"


def test_speaker_after_according_to() -> None:
    (sp,) = find_cyrillic_speakers("За словами Сирського, ситуація складна.", "UKR")
    assert (sp.name, sp.side) == ("Сирського", "UKR")


def test_english_with_a_cyrillic_name_is_english() -> None:
    assert not is_cyrillic("Russian troops entered Котлине on Monday, the General Staff said.")
    assert is_cyrillic("Російські війська увійшли до Котлиного.")


@pytest.mark.parametrize("text", [
    # Anyone can walk in or stand up for someone: only forces or a side advance or take over positions.
    "Наши туристы зашли в музей в Одессе.",
    "Наш корреспондент зашел в школу в Херсоне.",
    "Українські військові заступилися за мешканців Харкова.",
])
def test_no_cyrillic_event_in_ordinary_news(text: str) -> None:
    assert find_cyrillic_triggers(text, "UKR") == []


def test_villages_named_in_any_case_after_the_word_for_settlement_are_places() -> None:
    from services.extract.events import extract_places

    text = "Бої тривають в районі населеного пункту Русин Яр та поблизу населених пунктів Удачне та Котлине."
    names = [m.name for m in extract_places(article(text), gazetteer.load_gazetteer())]
    assert "Русин Яр" in names and "Котлине" in names
