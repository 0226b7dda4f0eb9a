"""Events and speakers in Ukrainian- and Russian-language sentences (a Telegram post, a headline).

A deliberately small rule set beside the English one: a lexicon of verb stems
per event type, of side words, and of speech verbs, read over inflected forms
by their stems ("звільнили", "звільнено", "освободили", "освобождён"). Who acts
comes from a side word before the verb; where the sentence names none, from
the voice of the text: Ukrainian copy reports its own forces' liberations and
calls the other side "the enemy", Russian state media the reverse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from services.extract.statements import SpeakerMention
from shared.schemas import EventType

Voice = Literal["UKR", "RUS"]
_W = r"[\w’'ʼ-]"  # a letter of a Cyrillic word (apostrophes included: "обʼєднання")

# "ворог закріпився на околиці села": gained a foothold (of forces only, and somewhere: see _FOOTHOLD_SUBJECT).
_FOOTHOLD_STEMS = ("закріпи", "закрепи")
# "відкинули їх": drove them back (only forces as the object; those thrown back withdraw).
_REPEL_STEMS = ("відкинули", "відкинув", "отбросили", "отбросил")
# (Plural forms only: "отходит" would also start the infinitive "отходить", "придётся отходить".)
_LEAVING_PLURALS = ("отходят", "відходять")
# Verb stems by event type; "own" verbs (to liberate) tell the acting side by the voice when no side is named.
_STEMS: dict[EventType, tuple[str, ...]] = {
    "advance": (
        "вибили", "вибив", "выбили", "выбил",
        "звільни", "звільне", "захопи", "захопле", "зайняли", "зайнято", "увійшл", "зайшл", "просунул", "просунув",
        "просуваю",
        "оволоді", "прорвал", "освободи", "освобожд", "освобожден", "захвати", "захвачен", "заняли", "занят",
        "вошл", "вошел", "вошёл", "зашл", "зашел", "зашёл", "продвинул", "продвига", "овладе",
        *_FOOTHOLD_STEMS, *_REPEL_STEMS,
    ),
    "withdrawal": (
        "відступи", "відступа", "відійшл", "відійшов", "відвели", "відведен", "залишили", "покину", "відкинут",
        "вибит", "отступи", "отступа", "отошл", "отошел", "отошёл", "отвели", "отведен", "оставили", "оставлен",
        *_LEAVING_PLURALS,
        "отброшен", "выбит",
    ),
    "deployment": (
        "перекину", "перекида", "розгорну", "розгорта", "зосереди", "зосереджу", "стягу", "стягну", "направи",
        "направля", "відправи", "передисло", "перебро", "перебрасыва", "разверну", "развёрну", "разворачива",
        "сосредото", "стягива", "стянул", "отправи",
        # "на позиції заступили свіжі підрозділи": units took over the positions (a rotation in).
        "заступили", "заступила", "заступив",
        # "до області прибули додаткові підрозділи": units arrived.
        "прибули", "прибув", "прибыли", "прибыл",
    ),
}
# Verbs anyone does ("зашли в музей"), an advance only when forces are named; the exact forms of "took over positions".
_ANYONE_STEMS = ("зашл", "зашел", "зашёл", "зайшл", *_LEAVING_PLURALS)
_TOOK_OVER = frozenset({"заступили", "заступила", "заступив"})
_TO_STARTING_POSITIONS = re.compile(r"(?:на|до|к)\s+(?:свої\s+|свои\s+)?(?:вихідн|исходн)", re.IGNORECASE)
# "відкинули окупантів/ворога": the enemy as the object of a verb of throwing back.
_ENEMY_OBJECT_AFTER = re.compile(r"\s+(?:окупантів|оккупантов|ворога|противника|врага|загарбників|росіян|русских)", re.IGNORECASE)
# Who gains a foothold: forces or the enemy, named just before the verb; and where: a spatial complement after it.
_FOOTHOLD_SUBJECT = re.compile(
    r"(?<![\w’'ʼ-])(?:ворог|противник|окупант|оккупант|загарбник|штурмов|підрозділ|подразделен|військ|войск|бійц|бойц|"
    r"ЗСУ|ВСУ|десантник|піхот|пехот|наші|наши)",
    re.IGNORECASE,
)
_SPATIAL_AFTER = re.compile(r"(?:ся|сь)?\s+(?:на|в|у|біля|поблизу|возле|около|под|під)\s+", re.IGNORECASE)
# "вибили окупантів з села": the subject drives the enemy out, so it advances; the enemy named after is no subject.
_CAUSATIVE_STEMS = ("вибили", "вибив", "выбили", "выбил", *_REPEL_STEMS)
# A side word in the accusative (the object of such a verb): "окупантів", "оккупантов", "ворога", "противника".
_OBJECT_FORM = re.compile(r"\w+(?:ів|ов|ев)|ворога|противника|врага|неприятеля")
# "здійснили маневр і перемістилися на більш вигідні позиції": the euphemism for a withdrawal.
_REPOSITION = re.compile(
    r"(?<![\w’'ʼ-])(?:перемісти\w*|переміщ\w*|відійшл\w*|отош\w*|отошл\w*|переместил\w*)\s+(?:на\s+)?(?:більш\s+|более\s+)?"
    r"(?:вигідн|выгодн|зручн|удобн|підготовлен|подготовленн)\w*",
    re.IGNORECASE,
)
# "Курахово под нашим контролем", "під контролем ЗСУ": control claimed (not kept: "залишається" blocks it).
_UNDER_CONTROL = re.compile(
    r"(?<![\w’'ʼ-])(?:под|під)\s+(?:наш\w*\s+)?(?:повн\w+\s+|полн\w+\s+)?контролем"
    r"(?=\s+(?:ВС|ЗС|ВСУ|ЗСУ|росі|росси|украин|україн|Сил)|\s*[.,;]|$)",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"(?<![\w’'ʼ-])(?:взял\w*|взят\w*|встановил\w*|установил\w*|вернули|повернули|вернул|повернув)\s+"
                      r"(?:повн\w+\s+|полн\w+\s+)?(?:(?:під|под)\s+(?:свій\s+|свой\s+)?)?контрол\w*(?:\s+(?:над|над))?|"
                      r"(?:взял\w*|взят\w*|встановил\w*|установил\w*)\s+(?:повн\w+\s+|полн\w+\s+)?"
                      r"(?:під|под)\s+(?:свій\s+|свой\s+)?контрол\w*", re.IGNORECASE)
# "наши продвинулись": the pronoun alone, right before the verb, is the writer's side.
_OURS_BEFORE = re.compile(r"(?<![\w’'ʼ-])(?:наші|наши)\s+(?:[\w’'ʼ-]+\s+)?$", re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]*\)")
_SIDE_OBJECT_AFTER = re.compile(
    r"\s+(?P<side>[а-яіїєґё’'ʼ-]+)\s+(?:військов|солдат|окупант|войск|военн|бойц|боевик)", re.IGNORECASE
)
_THEM_AFTER = re.compile(r"\s+(?:їх|их)(?![\w’'ʼ-])", re.IGNORECASE)
_OWN_VERBS = ("звільни", "звільне", "освободи", "освобожд", "освобожден")
_STEM_PATTERN = re.compile(
    r"(?<![\w’'ʼ-])(?:" + "|".join(sorted({s for stems in _STEMS.values() for s in stems}, key=len, reverse=True)) + rf"){_W}*",
    re.IGNORECASE,
)
_TYPE_OF_STEM = sorted(((s, t) for t, stems in _STEMS.items() for s in stems), key=lambda p: -len(p[0]))
# Words that undo a verb: a negation, an attempt, a plan, a possibility (and, before "under control", staying so).
_BLOCK_BEFORE = re.compile(
    r"(?<![\w’'ʼ-])(?:не|ні|оста\w*|залиша\w*|сохраня\w*|утриму\w*|удержива\w*|намага\w*|спроб\w*|пыта\w*|попыт\w*|планую\w*|планиру\w*|мож\w*|могут|можуть|зможуть|"
    r"хоч\w*|хот\w*|готу\w*|готов\w*|щоб|чтобы|якщо|если)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# Side words, as lower-case stems; "enemy" words name the other side of the text's voice.
_UKR_WORDS = (
    "зсу", "всу", "вфу", "сили оборони", "силы обороны",
    "сил оборони", "сил обороны", "збройні сили україни", "вооруженные силы украины",
    "українськ", "украинск", "захисник", "оборонц", "наші воїни", "наші бійці", "наші захисники", "киевск", "боевик",
    "националист", "нацгвард",
)
_RUS_WORDS = (
    "рф", "росія", "росії", "росію", "россия", "россии", "москв",
    "окупант", "оккупант", "загарбник", "рашист", "росіян", "російськ", "российск", "зс рф", "вс рф", "армія рф",
    "армия рф", "армии рф", "группировк", "угруповання військ рф", "наши бойцы", "наши военные", "россиян",
)
# North Korea's troops ("північнокорейських військових", "военные КНДР"): sent, as in English copy, by Russia.
_PRK_WORDS = ("північнокорейськ", "северокорейск", "кндр")
_RUS_PREFIXES = tuple(w.strip() for w in _RUS_WORDS)
_UKR_PREFIXES = tuple(w.strip() for w in _UKR_WORDS)
# Side words that must be whole words: "ТрО" (territorial defence) is not the "тро" of "трохи" (a little).
_UKR_WHOLE_WORDS = frozenset({"тро"})
_ENEMY_WORDS = ("ворог", "противник", "враг", "неприятел")
# The text's own forces, named without a side ("бійці 92-ї бригади", "подразделения группировки"): the voice's side.
_OWN_WORDS = (
    "бійц", "бійці", "бригад", "підрозділ", "воїн", "бойц", "подразделен", "военнослужащ", "штурмов",
    # "наші штурмові групи", "наши подразделения": the writer's own side (only with a force noun: not "наши туристы").
    "наші штурмов", "наши штурмов", "наші підрозділ", "наши подразделен", "наша бригад", "нашої бригад",
    "наши военн", "наші військ", "наши войск", "наші групи", "наши групп",
)
_SIDE_WORD = re.compile(
    r"(?<![\w’'ʼ-])(?:" + "|".join(re.escape(w.strip()) for w in sorted(
        {*_UKR_WORDS, *_UKR_WHOLE_WORDS, *_RUS_WORDS, *_PRK_WORDS, *_ENEMY_WORDS, *_OWN_WORDS}, key=len, reverse=True))
    + rf"){_W}*",
    re.IGNORECASE,
)
_FORCE_NOUN = re.compile(
    r"(?<![\w’'ʼ-])(?:військ|війська|підрозділ|бригад|бійц|бійці|воїн|солдат|сил|десант|штурмов|морпіх|резерв|техні|"
    r"войск|подразделен|бойц|военн|силы|морпех|батальйон|батальон|полк|угруповання|группировк|арми|армі|армей)\w*",
    re.IGNORECASE,
)
# Passive participles ("переброшены", "звільнено", "освобождена"): the text reports its own side's doing.
_PASSIVE_PARTICIPLE = re.compile(r"(?:ен[аоиі]?|ені|ены|ено|нн[аоыі]|т[аоиі]|ті)$", re.IGNORECASE)
# Common words only one of the two languages has: a short text may lack the letters that tell them apart.
_RUSSIAN_WORDS = re.compile(r"(?<![\w’'ʼ-])(?:что|как|это|его|или|года|который|которые|почти|после|только|также)(?![\w’'ʼ-])")
_UKRAINIAN_WORDS = re.compile(r"(?<![\w’'ʼ-])(?:що|як|це|його|або|року|який|які|майже|після|тільки|також)(?![\w’'ʼ-])")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_LETTERS = re.compile(r"[ыэъёЫЭЪЁ]")
_CYRILLIC = re.compile(r"[а-яА-ЯіїєґІЇЄҐёЁ]")
_LATIN = re.compile(r"[A-Za-z]")

# Speech: "заявив", "повідомили", "сообщает"; "за словами X", "по данным X".
_SPEECH = re.compile(
    r"(?<![\w’'ʼ-])(?P<verb>інформу\w*|информиру\w*|заяви\w*|повідоми\w*|повідомля\w*|сказа\w*|написа\w*|пишет|пише|назва\w*|рассказа\w*|розпові\w*|зазначи\w*|наголоси\w*|підтверди\w*|спростува\w*|"
    r"сообщи\w*|сообща\w*|отмети\w*|подчеркну\w*|подтверди\w*|опроверг\w*|заявля\w*|"
    r"доложи\w*|докладыва\w*|доповів\w*|доповіл\w*|доповіда\w*)"
    r"|(?P<acc>за\s+словами|за\s+даними|по\s+словам|по\s+данным|як\s+повідоми\w*|как\s+сообщи\w*)",
    re.IGNORECASE,
)
_NAME = re.compile(
    r"(?<![\w’'ʼ-])[А-ЯІЇЄҐ][\w’'ʼ-]*(?:\s+(?:[А-ЯІЇЄҐ][\w’'ʼ-]*|ЗСУ|РФ|України|России|Росії|Украины|"
    r"обороны|оборони|иностранных|закордонних|внутренних|внутрішніх|дел|справ|штаб|штабу|штаба))*"
)
# Bodies and people the rules know, by lower-case stem, with their side.
KNOWN_SPEAKERS: dict[str, str | None] = {
    "генштаб": "UKR", "генеральний штаб": "UKR", "міноборони": "UKR", "минобороны": "RUS", "кремл": "RUS",
    "министерств": "RUS", "міністерств": "UKR", "мид": "RUS", "мзс": "UKR",
    "зеленськ": "UKR", "зеленск": "UKR", "сирськ": "UKR", "сырск": "UKR", "буданов": "UKR", "умєров": "UKR",
    "умеров": "UKR", "путін": "RUS", "путин": "RUS", "герасимов": "RUS", "гєрасимов": "RUS",
    "«рыбар": "RUS", "«рибар": "RUS", "синєгубов": "UKR", "синегубов": "UKR", "іван федоров": "UKR", "иван федоров": "UKR",
    "пєсков": "RUS", "песков": "RUS", "шойгу": "RUS", "єрмак": "UKR", "медведєв": "RUS",
    "медведев": "RUS", "офісу президента": "UKR", "офіс президента": "UKR", "совбез": "RUS",
    "бєлоусов": "RUS", "белоусов": "RUS", "лавров": "RUS", "захаров": "RUS", "конашенков": "RUS", "гладков": "RUS",
    "пушилін": "RUS", "пушилин": "RUS", "сальдо": "RUS", "балицьк": "RUS", "балицк": "RUS",
    "сили оборони": "UKR", "дпсу": "UKR", "гур": "UKR", "сбу": "UKR", "фсб": "RUS", "deepstate": "UKR",
}
_IN_THE_UNIT = re.compile(r"\s+(?:в|у|во)\s+(?:бригад|батальйон|батальон|полку|штаб|угрупованн|группировк|корпус)", re.IGNORECASE)
_CYRILLIC_UNIT = re.compile(
    r"\d{1,3}-[а-яіїє]{1,3}\s+(?:[а-яіїєґ’'ʼ-]+\s+){0,3}?(?:бригад|батальйон|батальон|полк|дивізі|дивизи|корпус)\w*",
    re.IGNORECASE,
)
# Titles before a name ("Губернатор Вячеслав Гладков"): the speaker is the person.
_TITLE_WORDS = re.compile(
    r"(?:(?:Губернатор|Президент|Прем[’'ʼ]?єр-міністр|Премьер-министр|Міністр|Министр|Голова|Глава|Командувач|Командующий|"
    r"Командир|Речник|Спікер|Представитель|Официальный\s+представитель|Генерал|Полковник|Мэр|Мер|"
    r"Начальник|Начальниця|Заступник|Заместитель|Керівник|Руководитель)\s+"
    # What the title heads, before the name: "Начальник Генштаба Валерий Герасимов", "Начальник ОВА Іван Федоров".
    r"(?:(?:[А-ЯІЇЄҐ][а-яіїєґё’'ʼ-]+(?:ської|ской|цької|цкой|ої|ой)\s+)?"  # "Начальник Харківської ОВА Олег Синєгубов"
    r"(?:[А-ЯІЇЄҐ]{2,5}|Генштаб[а-яу]?|Генерального\s+штабу?)\s+(?=[А-ЯІЇЄҐ][а-яіїєґё]))?)+"
)
_GAP_AFTER = re.compile(
    r"\s*(?:(?:в|у|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|понеділок|вівторок|середу|четвер|"
    r"п[’'ʼ]?ятницю|суботу|неділю)\s+)?(?:(?:в|у|во)\s+)?"
)
_COMMA_BEFORE = re.compile(r"[,—–-]\s*$")
# Words between a speech verb and the speaker's name: titles and what they head ("командир бригади",
# "губернатор Белгородской области", "речник ОСУВ «Хортиця»").
# "Белгородской области", "Харківської ОВА": the region's adjective (a surname "Сирського" is followed by no such noun).
_REGION_ADJECTIVE = (
    r"[А-ЯІЇЄҐ][а-яіїєґё’'ʼ-]+(?:ской|ского|ської|ського)(?=\s+(?:області|области|району|района|краю|края|ОВА|ОДА)\b)"
)
_REGION_ADJECTIVE_AT = re.compile(_REGION_ADJECTIVE)
# "речник Державної прикордонної служби": a capitalised adjective opening a body's name, before a lower-case word.
_BODY_ADJECTIVE = r"[А-ЯІЇЄҐ][а-яіїєґё’'ʼ-]+(?:ої|ого|ой|ей|его|ий|ый|ій|ая|а|их|іх|ых)(?=\s+[а-яіїєґё])"
_TITLES_BETWEEN = re.compile(
    rf"(?:(?:[а-яіїєґё’'ʼ-]+|\d{{1,3}}-[а-яіїє]{{1,3}}|{_REGION_ADJECTIVE}|{_BODY_ADJECTIVE}|[А-ЯІЇЄҐ]{{2,6}}|«[^»]{{1,30}}»)\s+)"
    r"{1,6}"
)
_IN_PREPOSITION = re.compile(r"\s+(?:в|у|во)\s+")
_TITLE_HEADS = ("губернатор", "президент", "міністр", "министр", "голова", "глава", "командир", "командувач",
                "командующ", "речник", "спікер", "представител", "мэр", "мер", "полковник", "генерал",
                "эксперт", "експерт", "аналитик", "аналітик", "военкор", "блогер", "журналист", "журналіст", "советник",
                "радник", "депутат", "заместител", "заступник", "начальник", "секретар", "директор", "очільник")


def _is_region_adjective(sentence: str, name: re.Match[str]) -> bool:
    """A capitalised word that is only a region's adjective ("Белгородской области"): part of a title, not a name."""
    return _REGION_ADJECTIVE_AT.match(sentence, name.start()) is not None and " " not in name.group(0)


def _titled_name(sentence: str, names: list[re.Match[str]], at: int) -> re.Match[str] | None:
    """The name after titles from ``at`` on, if what stands between is titles and what they head."""
    between = _TITLES_BETWEEN.match(sentence, at)
    if between is None or not any(w in between.group(0).lower() for w in _TITLE_HEADS):
        return None
    return next((n for n in names if n.start() == between.end()), None)
# The outlet a speaker told (dative) stands between the verb and the speaker.
_OUTLET_AFTER = re.compile(
    r"\s*(?:РИА\s+Новости|ТАСС|Интерфаксу?|РБК|Известиям|Коммерсанту|Укрінформу|Суспільному|УНІАН|Радіо\s+Свобода|"
    r"«[^«»]{2,40}»|[А-ЯІЇЄҐ][а-яіїєґё’'ʼ-]+(?:ій|ому)\s+(?:правді|праве|правде))\s+"
)
# "пишет «Рыбарь»", "сообщает и канал «Рыбарь»": a channel in quotes speaks.
_ONLY_ABBREVIATIONS = re.compile(r"(?:\s*[А-ЯІЇЄҐ]{2,5})*\s*")
_LEADING_BODY = re.compile(
    r"(?:Офіс[уа]\s+Президента|Офиса\s+Президента|Совбеза|Генштаб[ауі]?|Генерального\s+штабу?|Совета\s+безопасности|"
    r"Ради\s+безпеки|Міноборони|Минобороны)(?:\s+[А-ЯІЇЄҐ]{2,5})?\s+(?=[А-ЯІЇЄҐ][а-яіїєґё]+\s+[А-ЯІЇЄҐ])"
)
_QUOTED_NAME = re.compile(r"«[А-ЯІЇЄҐA-Z][^«»]{1,40}»")
_BEFORE_QUOTED_NAME = re.compile(r"(?:(?:и|і|й|также|також)\s+)?(?:(?:телеграм-)?канал\s+)?")
_MINISTRY_OF = re.compile(r"(?:РФ|Росії|России)\b")


@dataclass(frozen=True, slots=True)
class CyrillicTrigger:
    """An event verb at ``[start, end)`` of a sentence, and the side acting (None: the text does not say)."""

    type: EventType
    side: str | None
    start: int
    end: int
    text: str


def is_cyrillic(sentence: str) -> bool:
    """Whether a sentence is written in Ukrainian or Russian (mostly Cyrillic letters)."""
    if _CYRILLIC.search(sentence) is None:
        return False  # most sentences: decided without counting letters
    cyr = len(_CYRILLIC.findall(sentence))
    return cyr > 10 and cyr > 3 * len(_LATIN.findall(sentence))


def text_voice(text: str) -> Voice:
    """Whose voice a Cyrillic text speaks in: "the occupiers" say Ukrainian, "the AFU" Russian; else by its language."""
    low = text.lower()
    ukr = sum(low.count(w) for w in ("окупант", "оккупант", "загарбник", "рашист", "наші захисники", "сили оборони"))
    rus = sum(low.count(w) for w in ("всу", "вфу", "киевск", "боевик", "националист", "сво "))
    if ukr != rus:
        return "UKR" if ukr > rus else "RUS"
    russian = len(_RUSSIAN_LETTERS.findall(text)) + len(_RUSSIAN_WORDS.findall(low))
    ukrainian = len(_UKRAINIAN_LETTERS.findall(text)) + len(_UKRAINIAN_WORDS.findall(low))
    return "RUS" if russian > ukrainian else "UKR"


def _side_word(word: str, voice: Voice) -> str | None:
    low = word.lower()
    if low.startswith(_ENEMY_WORDS):
        return "RUS" if voice == "UKR" else "UKR"
    if low.startswith(_PRK_WORDS):
        return "PRK"
    if low.startswith(_RUS_PREFIXES):
        return "RUS"
    if low.startswith(_UKR_PREFIXES) or low in _UKR_WHOLE_WORDS:
        return "UKR"
    if low.startswith(_OWN_WORDS):
        return voice
    return None


def find_cyrillic_triggers(sentence: str, voice: Voice) -> list[CyrillicTrigger]:
    """Advances, withdrawals and deployments a Cyrillic sentence asserts, with the acting side where known."""
    found: list[tuple[int, int, str, EventType]] = [
        (m.start(), m.end(), m.group(0), "advance") for m in _CONTROL.finditer(sentence)
    ]
    found.extend((m.start(), m.end(), m.group(0), "advance") for m in _UNDER_CONTROL.finditer(sentence))
    found.extend((m.start(), m.end(), m.group(0), "withdrawal") for m in _REPOSITION.finditer(sentence))
    for m in _STEM_PATTERN.finditer(sentence):
        if any(s <= m.start() < e for s, e, _, _ in found):
            continue
        low = m.group(0).lower()
        ev_type = next(t for stem, t in _TYPE_OF_STEM if low.startswith(stem))
        found.append((m.start(), m.end(), m.group(0), ev_type))
    out: list[CyrillicTrigger] = []
    for start, end, text, ev_type in sorted(found):
        if _BLOCK_BEFORE.search(sentence, max(0, start - 40), start):
            continue
        low_text = text.lower()
        if low_text.startswith("заступ") and low_text not in _TOOK_OVER:
            continue  # "заступилися за мешканців" (stood up for): not "заступили на позиції"
        if ev_type == "deployment" and not _FORCE_NOUN.search(sentence):
            continue  # "направили листа": something other than forces was sent
        # (word, its side) for each side word before the verb, not in brackets ("Дзержинск (украинское название
        # — Торецк)") and, before a verb of liberating, not the enemy ("зупинили наступ ворога і звільнили село").
        brackets = [(b.start(), b.end()) for b in _BRACKETED.finditer(sentence, 0, start)]
        words = [(w, named) for w in _SIDE_WORD.finditer(sentence, 0, start)
                 if (named := _side_word(w.group(0), voice)) and not any(bs <= w.start() < be for bs, be in brackets)
                 and not (low_text.startswith(_OWN_VERBS) and w.group(0).lower().startswith(_ENEMY_WORDS))]
        if low_text.startswith(_ANYONE_STEMS) and not words and not _FORCE_NOUN.search(sentence):
            continue  # "туристы зашли в музей": anyone can walk in; forces or a side ("окупанти зайшли") advance
        if low_text.startswith(_REPEL_STEMS) and not (
            _THEM_AFTER.match(sentence, end) or _SIDE_OBJECT_AFTER.match(sentence, end)
            or _ENEMY_OBJECT_AFTER.match(sentence, end)
        ):
            continue  # "відкинули звинувачення", "отбросил идею": only forces thrown back make an event
        if low_text.startswith(_FOOTHOLD_STEMS) and not (
            _FOOTHOLD_SUBJECT.search(sentence, max(0, start - 60), start) and _SPATIAL_AFTER.match(sentence, end)
        ):
            continue  # "спортсмени закріпилися в лідерах", "рубль закрепился": a foothold only of forces, somewhere
        side = None
        if words and text.lower().startswith(_CAUSATIVE_STEMS) and _OBJECT_FORM.fullmatch(words[-1][0].group(0).lower()):
            # "Окупантів вибили з села": the enemy named before the verb is its object, driven out: it withdraws.
            out.append(CyrillicTrigger("withdrawal", words[-1][1], start, end, text))
            continue
        if words:
            last, side = words[-1]
            if last.group(0).lower().startswith(_OWN_WORDS) and len(words) > 1 and last.start() - words[-2][0].end() <= 2:
                side = words[-2][1]  # "украинские подразделения": the adjective tells
            if text.lower().startswith(_OWN_VERBS) and start - last.end() > 30:
                side = voice  # "... освобождена": only the voice's own side "liberates"; a distant word is not its subject
        ours = _OURS_BEFORE.search(sentence, max(0, start - 30), start) is not None
        if side is None and (ours or low_text.startswith(("под наш", "під наш"))):
            side = voice  # "наши продвинулись", "под нашим контролем": the writer's own side
        if side is None and not text.lower().startswith(_CAUSATIVE_STEMS):
            # No subject named: the verb's own side words after it ("звільнено ... бійцями ЗСУ"), else the voice.
            after = [_side_word(w.group(0), voice) for w in _SIDE_WORD.finditer(sentence, end)]
            side = next((s for s in after if s), None)
        if side is None and (text.lower().startswith(_OWN_VERBS) or _PASSIVE_PARTICIPLE.search(text)):
            side = voice  # each side "liberates" only in its own voice; "переброшены резервы": its own report
        if ev_type == "deployment":
            # "Росія перекинула ... північнокорейських військових": forces of another side named as the object are sent.
            sent_side = next((_side_word(w.group(0), voice) for w in _SIDE_WORD.finditer(sentence, end, end + 80)
                              if w.group(0).lower().startswith((*_PRK_WORDS, *_RUS_PREFIXES, *_UKR_PREFIXES))
                              and _FORCE_NOUN.match(sentence, w.end() + 1)), None)
            if sent_side is not None and sent_side != side:
                side = sent_side
        out.append(CyrillicTrigger(ev_type, side, start, end, text))
        driven_out = _SIDE_OBJECT_AFTER.match(sentence, end) if low_text.startswith(_CAUSATIVE_STEMS) else None
        if side in ("UKR", "RUS") and (
            ((_THEM_AFTER.match(sentence, end) or _ENEMY_OBJECT_AFTER.match(sentence, end))
             and low_text.startswith(_CAUSATIVE_STEMS))
            or (driven_out is not None and _side_word(driven_out.group("side"), voice) not in (None, side))
        ):
            # "наші захисники вибили їх із села", "вибили російських військових з кварталів": those driven out withdraw.
            out.append(CyrillicTrigger("withdrawal", "RUS" if side == "UKR" else "UKR", start, end, text))
            if low_text.startswith(_REPEL_STEMS) and _TO_STARTING_POSITIONS.search(sentence, end, end + 60):
                # "відкинули їх на вихідні позиції": an attack repelled, no ground taken by those who repelled it.
                out.pop(-2)
    return out


def find_cyrillic_speakers(sentence: str, voice: Voice) -> list[SpeakerMention]:
    """Named speakers of a Cyrillic sentence: "Генштаб ЗСУ повідомив", "за словами Сирського"."""
    out: list[SpeakerMention] = []
    names = list(_NAME.finditer(sentence))

    def names_before(pos: int) -> bool:
        # (A capitalised first word alone, "Как сообщил", is no name.)
        return any(n.end() <= pos and pos - n.end() <= 40 and (n.start() > 0 or " " in n.group(0) or _known(n.group(0)))
                   for n in names)
    for m in _SPEECH.finditer(sentence):
        # "..., повідомив Генштаб", "заявили в Міноборони", "за словами Сирського": the name follows the verb.
        gap = _GAP_AFTER.match(sentence, m.end())
        outlet = _OUTLET_AFTER.match(sentence, gap.end() if gap else m.end())
        if outlet is not None:
            gap = outlet  # "рассказал РИА Новости военный эксперт X", "повідомив «Українській правді» речник X"
        after = next((n for n in names if n.start() == (gap.end() if gap else m.end())), None)
        if m.group("acc") or _COMMA_BEFORE.search(sentence, 0, m.start()) or not names_before(m.start()):
            # "— наголосив командир бригади полковник Андрій Мельник", "Как сообщил губернатор Белгородской
            # области Вячеслав Гладков": titles (and what they head) may stand between the verb and the name.
            start_at = gap.end() if gap else m.end()
            name = after if after is not None and not _is_region_adjective(sentence, after) else None
            name = name or _titled_name(sentence, names, start_at)
        else:
            name = next((n for n in reversed(names) if n.end() <= m.start() and m.start() - n.end() <= 40), None) or after
        if name is None and m.group("verb"):
            lead = _BEFORE_QUOTED_NAME.match(sentence, gap.end() if gap else m.end())
            name = _QUOTED_NAME.match(sentence, lead.end() if lead else m.end())  # "пишет «Рыбарь»": a channel speaks
        if name is None and (prep := _IN_PREPOSITION.match(sentence, m.end())) is not None:
            name = _CYRILLIC_UNIT.match(sentence, prep.end())  # "повідомили у 14-й окремій механізованій бригаді"
        if name is None and _IN_THE_UNIT.match(sentence, m.end()):
            # "повідомили в бригаді": the unit the sentence named speaks.
            name = next((u for u in reversed(list(_CYRILLIC_UNIT.finditer(sentence, 0, m.start())))), None)
        if name is None or (name.start() == 0 and len(name.group(0).split()) == 1 and not _known(name.group(0))):
            continue  # a capitalised first word alone is no name
        title = _TITLE_WORDS.match(name.group(0))
        if title is not None and _ONLY_ABBREVIATIONS.fullmatch(name.group(0), title.end()):
            continue  # "Начальник ОВА заявив": an official not named
        start = name.start() + (title.end() if title and title.end() < len(name.group(0)) else 0)
        # "керівника Офісу Президента Андрій Єрмак", "Совбеза Дмитрий Медведев": the body he serves is no part of him.
        body = _LEADING_BODY.match(sentence, start, name.end())
        start = body.end() if body is not None else start
        # The person's own name first: "Начальник Генштаба Валерий Герасимов" is Gerasimov's side, not the staff's.
        # (With the quote before it: "Канал «Рыбарь» сообщил" names the channel the rules know as «Рыбарь».)
        known = (_known(sentence[start:name.end()]) or _known(name.group(0))
                 or _known(sentence[max(0, name.start() - 1):name.end()]))
        side = KNOWN_SPEAKERS[known] if known else None
        if known in {"міноборони", "минобороны", "генштаб"} and _MINISTRY_OF.search(name.group(0)):
            side = "RUS"
        verb = m.group(0)
        vstart = m.start()
        out.append(SpeakerMention(sentence[start:name.end()], side, False, verb, vstart, start, name.end(),
                                  sentence[m.end():].strip(" ,:—-") or None))
    return out


def _known(name: str) -> str | None:
    """The known speaker's stem that starts a word of ``name`` ("Федоровський" is not Fedorov)."""
    low = name.lower()
    for key in KNOWN_SPEAKERS:
        at = low.find(key)
        while at >= 0:
            if at == 0 or not (low[at - 1].isalnum() or low[at - 1] in "’'ʼ-"):
                end = at + len(key)
                # (A full name known only whole: "іван федоров", not "Іван Федоровський".)
                if " " not in key or end == len(low) or not low[end].isalpha():
                    return key
            at = low.find(key, at + 1)
    return None
