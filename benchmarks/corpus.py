"""A deterministic corpus of invented news stories, for timing factcheck.

``generate(n_articles, seed)`` builds stories of 2-4 articles each, as rival
outlets would cover one event: the articles share most facts but word them
differently (several phrasings per fact, sums and counts written in different
forms, relative or absolute dates), and differ on a few (a number, a date, a
word in a quote). ``write(stories, root)`` writes one folder per story with
one ``.txt`` file per article. Same seed, same files, byte for byte.

Everything is invented: names come from syllable lists and a small list of
given names, places and firms from word parts; no real person, no copied text.

Layout of this module: the templates and word lists (data) first, then the
value types that render a fact in one of its forms, then one fact builder per
story kind, then the assembly of articles and stories.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

# ====================================================================== data

GIVEN_NAMES = [
    "Alana",
    "Brenna",
    "Cato",
    "Dalia",
    "Edwin",
    "Farah",
    "Gideon",
    "Hana",
    "Ines",
    "Jarek",
    "Kaia",
    "Lionel",
    "Mirela",
    "Nils",
    "Orla",
    "Petra",
    "Quinn",
    "Rosalind",
    "Soren",
    "Talia",
    "Ulric",
    "Vera",
    "Wendell",
    "Ximena",
    "Yusuf",
    "Zora",
    "Anselm",
    "Bettina",
    "Corin",
    "Delphine",
]
SURNAME_HEADS = [
    "Brand",
    "Hal",
    "Mor",
    "Dal",
    "Wren",
    "Thorn",
    "Lind",
    "Carr",
    "Vos",
    "Eber",
    "Tal",
    "Rook",
    "Fen",
    "Ost",
    "Hark",
    "Quill",
    "Stav",
    "Mar",
    "Bel",
    "Cor",
    "Ander",
    "Gray",
    "Hollis",
    "Pen",
]
SURNAME_TAILS = [
    "vold",
    "ler",
    "worth",
    "by",
    "sen",
    "ton",
    "wick",
    "ard",
    "man",
    "ford",
    "ell",
    "stead",
    "holm",
    "ane",
    "ova",
    "ek",
    "rigg",
    "ley",
    "ish",
    "quist",
]
PLACE_HEADS = [
    "Ash",
    "Bram",
    "Cinder",
    "Dray",
    "Elm",
    "Fallow",
    "Gorse",
    "Hazel",
    "Iron",
    "Juniper",
    "Kestrel",
    "Larch",
    "Marl",
    "Nether",
    "Oak",
    "Plover",
    "Quarry",
    "Rush",
    "Slate",
    "Tarn",
    "Umber",
    "Vale",
    "Wold",
    "Yarrow",
]
PLACE_TAILS = [
    "ford",
    "wick",
    "dale",
    "mouth",
    "ton",
    "field",
    "haven",
    "moor",
    "bury",
    "gate",
    "mere",
    "hollow",
    "stead",
    "cliff",
    "brook",
]
COMPANY_FORMS = [
    "{head}{tail} Systems",
    "{head}{tail} Holdings",
    "{head} Foods",
    "{head}{tail} Motors",
    "{head} Labs",
    "{head}{tail} Energy",
    "{head} Logistics",
    "{head}{tail} Retail Group",
    "{head} Telecom",
]
PRODUCTS = [
    ("cloud software", "Cloudline 7 router"),
    ("electric scooters", "Vantor E3 scooter"),
    ("kitchen appliances", "CrispPro 300 air fryer"),
    ("medical devices", "PulseMate home monitor"),
    ("batteries", "PowerCell 20 power bank"),
    ("toys", "Starbuild 40 magnetic tile set"),
    ("furniture", "Nestle-Rock baby bouncer"),
    ("e-bikes", "Urbana 5 e-bike"),
]
TEAM_NICKNAMES = ["Rovers", "Harriers", "Comets", "Falcons", "Miners", "Wanderers", "Athletic", "Rangers"]

# Outlets: (name form, kind). Wires put a "TOWN, Mon D (Wire) - " prefix on the first paragraph.
OUTLET_FORMS = [
    ("{head} Wire", "wire"),
    ("{head} Press Agency", "wire"),
    ("{place} {paper}", "paper"),
    ("The {place} {paper}", "paper"),
    ("{place} Notes", "blog"),
    ("{head} Daily", "paper"),
]
PAPER_WORDS = ["Courier", "Gazette", "Herald", "Chronicle", "Dispatch", "Observer", "Sentinel", "Post"]
BYLINE_SUFFIXES = ["", "", "", ", Staff Writer", ", Senior Correspondent"]

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
QUARTER_ORDINALS = ["first", "second", "third", "fourth"]
NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# Hedges by meaning: an article picks any word of the fact's hedge kind.
HEDGES = {
    "": [""],
    "approx": ["about", "around", "roughly", "some", "approximately", "an estimated"],
    "above": ["more than", "over"],
    "floor": ["at least", "no fewer than"],
}

# The four dateline forms the loader reads (checker.load.parse_dateline).
DATELINE_FORMS = ["mdy", "iso", "wire", "ap"]

# Yuan per US dollar, yearly average, for "CNY 100m ($14m)" conversions.
CNY_PER_USD = {2019: 6.91, 2020: 6.90, 2021: 6.45, 2022: 6.73, 2023: 7.08, 2024: 7.19, 2025: 7.20}

# Page furniture after the story. Fields: {other} a headline from RELATED_HEADLINES, {byline}, {outlet}.
RELATED_LINES = ["Related: {other}", "Read more: {other}", "See also: {other}"]
RELATED_HEADLINES = [
    "{place} council to review emergency plans",
    "Five things to know about the {place} bypass",
    "Opinion: {place} deserves better transport links",
    "{place} school wins regional science prize",
    "Inside the fight over {place}'s old mill",
    "Weekend weather: showers clearing by Sunday in {place}",
]
SHARE_LINES = ["Share this article: Facebook | X | Email", "Share this story: Facebook | X | Email | Print"]
BIO_HEADINGS = ["About the author", "About the author:"]
BIO_TEXTS = [
    "{byline} has covered {beat} for the {outlet} for 12 years. Before that, {byline_last} spent six years at a regional daily.",
    "{byline} is a correspondent for the {outlet}, where {byline_last} writes about {beat}. {byline_last} joined in 2017.",
]
WIRE_CREDIT = "(Reporting by {byline}; Editing by {editor})"

# Sentences any story may take as padding: no contested fact in them.
GENERIC_FILLER = [
    "More details are expected to be released in the coming days.",
    "The {outlet} has asked for further comment and will update this story.",
    "The news drew a flood of reactions on social media within hours.",
    "The {outlet} spoke to more than a dozen people for this story, several of whom asked not to be named because they were not authorised to speak publicly.",
    "Some of those contacted by the {outlet} declined to comment.",
]
# Reaction sentences, "{voice} {verb} {reaction}.", made from the kind's voices
# and reactions: padding that stays on topic and differs between outlets.
REACTION_VERBS = ["said", "told the {outlet}", "said that", "argued that"]

# ---------------------------------------------------------------- story kinds
#
# Each kind: headlines, slots and filler. A slot is (name, required, phrasings):
# every article states the required slots and most optional ones, each in a
# phrasing of its own. Phrasings are str.format templates over the fields that
# the kind's fact builder (further down) makes; "{q_x}" fields are whole quote
# sentences. Sentences are capitalised after formatting. Filler pads an
# article to its length, with "voices" and "reactions" (see REACTION_VERBS).

KINDS: dict[str, dict[str, Any]] = {
    "earnings": {
        "beat": "business",
        "headlines": [
            "{company} revenue climbs as quarter beats forecasts",
            "{company} to cut {jobs} despite higher quarterly sales",
            "{company} posts strong quarter, unveils restructuring",
            "Earnings: {company} tops estimates as {product} sales grow",
        ],
        "slots": [
            (
                "lede",
                True,
                [
                    "{company} said {day} that revenue rose {growth} to {revenue} in {quarter}, ahead of analysts' forecasts.",
                    "{company} reported revenue of {revenue} for {quarter} {day}, up {growth} from a year earlier.",
                    "Revenue at {company} climbed {growth} to {revenue} in {quarter}, the {city}-based company said {day}.",
                ],
            ),
            (
                "profit",
                True,
                [
                    "Net profit came in at {profit}, compared with {profit_prev} a year earlier.",
                    "The company earned {profit} in the period, up from {profit_prev} in the same quarter last year.",
                    "Profit for the quarter reached {profit}, against {profit_prev} a year ago.",
                ],
            ),
            (
                "eps",
                False,
                [
                    "Earnings per share were {eps}, above the consensus estimate of {eps_est}.",
                    "That works out to {eps} a share, while analysts had expected {eps_est}.",
                ],
            ),
            (
                "jobs",
                True,
                [
                    "The company also said it would cut {jobs} as part of a restructuring to be completed {deadline}.",
                    "{company} plans to eliminate {jobs} {deadline}, it said in a statement.",
                    "As part of the overhaul, {jobs} will go {deadline}, the company said.",
                ],
            ),
            ("q_ceo", True, ["{q_ceo}"]),
            (
                "para_ceo",
                False,
                [
                    "{ceo_last} said the company would keep investing in its {product} business {from_year}.",
                    "According to {ceo_last}, {company} will put more money into {product} {from_year}.",
                ],
            ),
            (
                "shares",
                False,
                [
                    "Shares in {company} rose {share_move} in early trading.",
                    "The stock gained {share_move} in morning trade after the release.",
                ],
            ),
            (
                "guidance",
                False,
                [
                    "For the full year, the company now expects revenue of about {guidance}.",
                    "{company} forecast full-year sales of roughly {guidance}.",
                ],
            ),
            ("q_cfo", False, ["{q_cfo}"]),
            (
                "markets",
                False,
                [
                    "The company sells its products in {markets} and employs {staff} worldwide.",
                    "{company}, which operates in {markets}, has {staff} on its payroll.",
                ],
            ),
            (
                "history",
                False,
                [
                    "The group roughly doubled its headcount {years_range}, a period of rapid growth in {product}.",
                    "{years_range}, the company more than doubled its workforce as demand for {product} grew.",
                ],
            ),
            ("q_analyst", False, ["{q_analyst}"]),
            (
                "para_analyst",
                False,
                [
                    "{analyst}, an analyst at {analyst_firm}, said the job cuts showed management was serious about costs.",
                    "Analysts such as {analyst} of {analyst_firm} said the cuts pointed to a slower year ahead.",
                ],
            ),
        ],
        "filler": [
            "The results come as {company} faces rising costs for components and freight.",
            "Analysts had expected a weaker performance after a difficult start to the year.",
            "{company} did not give a breakdown of where the job cuts would fall.",
            "The company is due to hold its annual shareholder meeting later this year.",
            "Investors have been watching closely for signs that demand for {product} is slowing.",
            "A spokesperson for {company} declined to comment beyond the statement.",
            "Competition in the market for {product} has intensified as larger rivals cut prices.",
            "{ceo_last} told analysts on a conference call that the company had no plans for further acquisitions.",
            "Trade unions said they had not been consulted about the job cuts and would seek talks with management.",
            "{ceo}, the chief executive, took over the role after a boardroom shake-up.",
            "{company} has spent the past two years reorganising its operations, selling smaller divisions and concentrating on what executives describe as its core markets.",
            "Some investors have questioned whether the company's spending on new factories will pay off before demand cools.",
            "The company's suppliers, many of them small firms, have been asked to accept longer payment terms as part of the cost drive.",
            "Industry figures suggest that prices of {product} have been falling steadily as new competitors enter the market.",
            "Executives said they would set out more detail on the restructuring at an investor day later in the year.",
        ],
        "voices": [
            "Investors",
            "Several analysts",
            "Employees at the company's main site",
            "Union officials",
            "Fund managers who hold the stock",
            "Industry consultants",
        ],
        "reactions": [
            "the results were better than they had feared",
            "the job cuts had been expected for months",
            "the company still had work to do to win back confidence",
            "the outlook for the rest of the year remained uncertain",
            "they would wait for more detail before drawing conclusions",
            "rising costs remained the biggest worry",
            "the restructuring was overdue",
            "management had been slow to react to cheaper competition",
        ],
    },
    "wildfire": {
        "beat": "the environment",
        "headlines": [
            "Wind-driven wildfire forces thousands from homes near {town}",
            "{fire} grows as evacuation zone widens to {town2}",
            "{fire}: what we know so far",
            "Crews battle {fire} in {county} as homes burn",
        ],
        "slots": [
            (
                "lede",
                True,
                [
                    "A fast-moving wildfire in {county} has forced {evacuees} to leave their homes and destroyed {homes}, officials said {day}.",
                    "{evacuees} have been ordered to evacuate as the {fire} burned through the hills near {town}, destroying {homes}, officials said {day}.",
                    "The {fire} has destroyed {homes} near {town} and forced {evacuees} from their homes, county officials said {day}.",
                ],
            ),
            (
                "start",
                True,
                [
                    "The fire broke out {day_start} near {road}, east of {town}.",
                    "It started {day_start} close to {road} and spread quickly in dry, gusty conditions.",
                ],
            ),
            (
                "acres",
                True,
                [
                    "It had burned {acres} and was {contained} contained, according to {agency}.",
                    "{agency} said the blaze had scorched {acres} and was {contained} contained.",
                    "The fire has now consumed {acres}; crews have it {contained} contained.",
                ],
            ),
            (
                "crews",
                False,
                [
                    "{firefighters} were working the fire lines, backed by {tankers} and several helicopters.",
                    "{agency} said {firefighters} were assigned to the fire, supported by {tankers}.",
                ],
            ),
            (
                "widen",
                True,
                [
                    "County officials widened the evacuation order {day_widen} to include {town2} and homes along Highway {highway}.",
                    "The evacuation zone was expanded {day_widen}, taking in {town2} and several subdivisions along Highway {highway}.",
                ],
            ),
            ("q_sheriff", True, ["{q_sheriff}"]),
            ("q_chief", False, ["{q_chief}"]),
            (
                "para_chief",
                False,
                [
                    "{chief_last} said crews hoped to have the fire fully contained {contain_by}.",
                    "Fire officials said they expected full containment {contain_by}.",
                ],
            ),
            (
                "shelter",
                False,
                [
                    "An evacuation centre opened at {shelter}, where {sheltered} spent the night.",
                    "{sheltered} spent the night at an evacuation centre set up at {shelter}.",
                ],
            ),
            (
                "highway",
                False,
                [
                    "Highway {highway} remains closed between {town} and {town2}.",
                    "A stretch of Highway {highway} between {town} and {town2} was closed to traffic.",
                ],
            ),
            (
                "history",
                False,
                [
                    "The {fire} is already the largest in the county {since_year}, when the {old_fire} burned {old_acres}.",
                    "Officials said it was the biggest fire in {county} {since_year}, when the {old_fire} blackened {old_acres}.",
                ],
            ),
            ("q_resident", False, ["{q_resident}"]),
        ],
        "filler": [
            "The cause of the fire is under investigation.",
            "Smoke from the fire could be seen for miles, and an air quality alert remained in place for the county.",
            "Forecasters warned that gusty winds and low humidity would keep fire danger high through the week.",
            "Officials urged residents to sign up for emergency alerts and to leave as soon as they are told to.",
            "Schools in the area were closed, and several roads were blocked by fire engines and debris.",
            "Volunteers brought water, blankets and pet food to the evacuation centre.",
            "Power was cut to parts of {town} as a precaution, the local utility said.",
            "The fire season has started earlier than usual after a dry winter and a hot spring.",
            "Residents were told they would not be allowed to return until crews had made the area safe.",
            "Many of the homes in the hills around {town} are reached by a single narrow road, which makes evacuations slow and dangerous.",
            "Ranchers moved horses and cattle to fairgrounds and open fields outside the fire zone, with neighbours lending trailers.",
            "Firefighters from neighbouring counties arrived overnight to relieve crews who had worked through the weekend.",
            "Insurance companies said they were sending adjusters to the area as soon as it was safe to do so.",
            "The local school district said buses would be used to help residents without cars reach the evacuation centre.",
            "Community radio stations in {town} broadcast regular updates, and local churches and sports clubs offered rooms to anyone who needed them.",
            "Local leaders called for calm and asked people to rely on official information.",
            "Officials said they would give another update later in the day.",
        ],
        "voices": [
            "Residents",
            "Evacuees at the shelter",
            "Local business owners",
            "Volunteers",
            "Farmers on the edge of the fire zone",
            "Neighbours",
        ],
        "reactions": [
            "they had packed their cars days ago, just in case",
            "the smoke had been thick enough to sting their eyes",
            "they were waiting anxiously for news of their homes",
            "they had never seen a fire move so fast",
            "the alerts had arrived in time for them to leave safely",
            "they planned to rebuild whatever happened",
            "they were grateful to the crews working through the night",
            "they wanted clearer information about when they could return",
        ],
    },
    "sentencing": {
        "beat": "the courts",
        "headlines": [
            "Former {def_job} jailed for fraud that cost investors {fraud}",
            "{defendant} sentenced to {years} over investment scheme",
            "Judge hands {defendant_last} long sentence, orders repayment",
        ],
        "slots": [
            (
                "lede",
                True,
                [
                    "A former {def_job} who stole {fraud} from {victims} was sentenced {day} to {years} in prison.",
                    "{defendant}, a former {def_job}, was jailed for {years} {day} for defrauding {victims} of {fraud}.",
                    "A judge at {court} {day} sentenced {defendant} to {years} behind bars for a fraud that cost {victims} a total of {fraud}.",
                ],
            ),
            (
                "scheme",
                True,
                [
                    "Prosecutors said {defendant_last} ran the scheme {period}, using money from new clients to pay earlier ones.",
                    "{period}, {defendant_last} took money from clients who believed they were investing in property, the court heard.",
                ],
            ),
            (
                "conviction",
                True,
                [
                    "{defendant_last} was convicted {convicted} on {counts} of fraud.",
                    "A jury found {defendant_last} guilty {convicted} of {counts} of fraud.",
                ],
            ),
            (
                "parole",
                False,
                [
                    "{defendant_last} will be eligible for parole after serving {parole}.",
                    "Under the sentence, {defendant_last} must serve at least {parole} before being considered for release.",
                ],
            ),
            (
                "restitution",
                True,
                [
                    "The judge also ordered {defendant_last} to repay {restitution} to the victims.",
                    "{judge_last} also ordered restitution of {restitution}.",
                ],
            ),
            ("q_judge", True, ["{q_judge}"]),
            ("q_prosecutor", False, ["{q_prosecutor}"]),
            (
                "para_lawyer",
                False,
                [
                    "{lawyer}, who represented {defendant_last}, said the defence would consider an appeal.",
                    "The defence lawyer, {lawyer}, told reporters outside {court} that an appeal was likely.",
                ],
            ),
            ("q_victim", False, ["{q_victim}"]),
            (
                "victims",
                False,
                [
                    "Many of the {victims_noun} were retirees, and some lost their life savings, prosecutors said.",
                    "Prosecutors said most of the {victims_noun} were older people who had trusted {defendant_last} for years.",
                ],
            ),
        ],
        "filler": [
            "{defendant_last} showed no visible reaction as the sentence was read out.",
            "Several victims read statements in court describing the impact of the losses on their families.",
            "The case was brought after a joint investigation by police and financial regulators.",
            "Investigators traced the money through a network of bank accounts and shell companies.",
            "The firm where {defendant_last} worked collapsed shortly after the fraud came to light.",
            "Supporters of {defendant_last} sat in the public gallery throughout the hearing.",
            "Regulators said the case showed the need for closer checks on small investment firms.",
            "The hearing at {court} lasted most of the day.",
            "During the trial, jurors heard from dozens of witnesses, including former colleagues who said they had raised concerns that were ignored.",
            "Prosecutors told the court that the money had paid for a holiday home, luxury cars and private school fees.",
            "The defence had argued that {defendant_last} intended to repay the clients and had been overwhelmed by the firm's debts.",
            "Regulators have since tightened the rules on how client money must be held and reported.",
            "Victims' groups said the sentence sent a message, but that many families would never recover what they had lost.",
        ],
        "voices": [
            "Former clients",
            "Victims' relatives",
            "Legal experts",
            "Former colleagues",
            "Campaigners for fraud victims",
            "People who sat through the trial",
        ],
        "reactions": [
            "the sentence was fair but could not undo the damage",
            "the warning signs had been missed for years",
            "they hoped the case would lead to tougher checks",
            "they felt relieved that the case was finally over",
            "they still could not understand how the fraud went undetected",
            "the money was unlikely ever to be fully recovered",
            "the trial had been painful to watch",
        ],
    },
    "accident": {
        "beat": "transport",
        "headlines": [
            "Passenger train derails near {town}, injuring dozens",
            "{operator} derailment: investigators begin work at crash site",
            "Carriages overturn as train leaves the tracks near {town}",
        ],
        "slots": [
            (
                "lede",
                True,
                [
                    "A passenger train carrying {passengers} derailed near {town} {day}, injuring {injured}, officials said.",
                    "{injured} were hurt when a {operator} train came off the tracks near {town} {day}.",
                    "A {operator} service from {route_from} to {route_to} left the rails near {town} {day}, injuring {injured}.",
                ],
            ),
            (
                "detail",
                True,
                [
                    "The train derailed {time} as it crossed a bridge over the {river}.",
                    "It came off the tracks {time} shortly after crossing the {river}, according to {operator}.",
                ],
            ),
            (
                "serious",
                False,
                [
                    "{serious} of the injured were taken to hospital in a serious condition.",
                    "Of those hurt, {serious} were said to be in a serious condition.",
                ],
            ),
            (
                "onboard",
                False,
                [
                    "There were {passengers} and {crew} on board, {operator} said.",
                    "{operator} said {passengers} and {crew} had been on the train.",
                ],
            ),
            (
                "speed",
                False,
                [
                    "Investigators said the train was travelling at about {speed} when it derailed.",
                    "Early data suggested the train was moving at roughly {speed}, officials said.",
                ],
            ),
            (
                "investigation",
                True,
                [
                    "{agency} said it had opened an investigation and expected to publish an interim report {report_by}.",
                    "An interim report from {agency} is due {report_by}, the agency said.",
                ],
            ),
            (
                "closure",
                False,
                [
                    "The line will remain closed {closed_until} while the track is repaired.",
                    "{operator} said the route would stay shut {closed_until}.",
                ],
            ),
            ("q_official", True, ["{q_official}"]),
            ("q_passenger", False, ["{q_passenger}"]),
            ("q_operator", False, ["{q_operator}"]),
            (
                "history",
                False,
                [
                    "It is the first derailment on the line in {decade}.",
                    "The line had not seen a derailment in {decade}, according to the operator.",
                ],
            ),
        ],
        "filler": [
            "Emergency crews used ladders to help passengers out of the tilted carriages.",
            "Replacement buses were running between {route_from} and {route_to}.",
            "Photographs posted online showed carriages lying on their sides in a field.",
            "The weather at the time was clear, according to local residents.",
            "Local hospitals said they had called in extra staff to treat the injured.",
            "The rail union called for a review of track inspections across the network.",
            "Passengers described a loud bang followed by violent shaking before the train stopped.",
            "{operator} set up a helpline for relatives of those on board.",
            "Residents living near the line said they heard a loud crash and ran outside to see carriages lying at an angle beside the track.",
            "The line is one of the busiest in the region, used by commuters travelling between {route_from} and {route_to} every day.",
            "Engineers will inspect the bridge and the surrounding track before any trains are allowed to run again.",
            "Recovery teams were expected to use heavy cranes to lift the damaged carriages back onto the rails.",
            "Campaigners have long called for the older rolling stock on the route to be replaced.",
            "Several questions remain unanswered, including whether anything could have been done differently.",
            "Officials have promised a full account of what happened, but local leaders said they wanted answers sooner rather than later.",
        ],
        "voices": [
            "Passengers",
            "Witnesses",
            "Residents near the track",
            "Rail workers",
            "Commuters",
            "Relatives waiting for news",
        ],
        "reactions": [
            "the train had seemed to be going faster than usual",
            "the emergency response had been quick",
            "they were shaken but grateful to be alive",
            "they wanted to know whether the track had been checked recently",
            "the carriages had filled with dust and broken glass",
            "they would think twice before taking the train again",
            "strangers had helped each other climb out",
        ],
    },
    "budget": {
        "beat": "city hall",
        "headlines": [
            "{city} council passes {budget} budget after long debate",
            "{city} budget approved in split vote; property taxes to rise",
            "What {city}'s new budget means for residents",
        ],
        "slots": [
            (
                "lede",
                True,
                [
                    "The {city} City Council approved a {budget} budget {day} in {vote}.",
                    "In {vote} {day}, {city}'s council passed a {budget} spending plan for {fiscal}.",
                    "{city} council members {day} approved a budget of {budget} for {fiscal} in {vote}, after weeks of debate.",
                ],
            ),
            (
                "growth",
                True,
                [
                    "The budget is {growth} larger than this year's.",
                    "Spending will rise {growth} compared with the current year.",
                ],
            ),
            (
                "lines",
                True,
                [
                    "It includes {police} for the police department and {housing} for affordable housing.",
                    "The plan sets aside {housing} for affordable housing and {police} for policing.",
                ],
            ),
            (
                "tax",
                True,
                [
                    "Property taxes will rise by {tax} {from_year}.",
                    "Homeowners will see property taxes go up {tax} {from_year}.",
                ],
            ),
            (
                "deficit",
                False,
                [
                    "The city had faced a projected deficit of {deficit}.",
                    "Officials had warned of a shortfall of {deficit} before the cuts were agreed.",
                ],
            ),
            (
                "jobs",
                False,
                [
                    "The budget also adds {city_jobs}, most of them in parks and sanitation.",
                    "{city_jobs} will be created under the plan, mostly in parks and sanitation.",
                ],
            ),
            ("q_mayor", True, ["{q_mayor}"]),
            (
                "para_mayor",
                False,
                [
                    "{mayor_last} said the plan would put the city's finances on a stable footing {deadline}.",
                    "The mayor, {mayor}, said the city would balance its books {deadline}.",
                ],
            ),
            ("q_critic", False, ["{q_critic}"]),
            (
                "hearings",
                False,
                [
                    "The council held {hearings} before the vote, drawing hundreds of speakers.",
                    "Before the vote, members sat through {hearings} at which residents lined up to speak.",
                ],
            ),
        ],
        "filler": [
            "Library hours, which had been cut last year, will be restored under the plan.",
            "Several speakers at the final hearing urged the council to spend more on street repairs.",
            "The budget now goes to the mayor's office for signature.",
            "Business groups said they welcomed the spending restraint but opposed the tax increase.",
            "Council staff said the figures could still change if state funding falls short.",
            "The debate ran past midnight before members took the final vote.",
            "A coalition of tenants' groups rallied outside city hall before the meeting.",
            "{critic_last} said {critic_pronoun} would push for an audit of overtime spending.",
            "The city has struggled in recent years with rising pension costs and falling revenue from commercial property taxes.",
            "Neighbourhood groups had lobbied hard for more money for parks, libraries and youth programmes in the weeks before the vote.",
            "Council staff warned that the city's reserves would be drawn down further if the economy slowed.",
            "The budget also includes money to repair roads and replace ageing water pipes in older neighbourhoods.",
            "Several council members said they expected to revisit parts of the plan in the middle of the year.",
            "Opposition politicians seized on the vote, saying it raised wider questions about planning, oversight and the use of public money.",
            "Critics said the process had been slow, while supporters argued that the council had done what it could in a difficult year.",
        ],
        "voices": [
            "Residents at the meeting",
            "Small business owners",
            "Tenants' advocates",
            "Police union leaders",
            "Some council members",
            "Taxpayer groups",
        ],
        "reactions": [
            "the plan did not go far enough on housing",
            "the tax rise would hit families already under pressure",
            "the budget was a sensible compromise",
            "they wanted more spending on roads and parks",
            "the city had avoided deeper cuts",
            "the process had been rushed",
            "they would keep pressing for changes next year",
        ],
    },
    "sports": {
        "beat": "sport",
        "headlines": [
            "{home} beat {away} to climb the table",
            "{scorer_last} double lifts {home} past {away}",
            "{home} extend unbeaten run with win over {away}",
        ],
        "slots": [
            (
                "lede",
                True,
                [
                    "{home} beat {away} {score} {day} to move up to {position}.",
                    "{scorer} scored twice as {home} defeated {away} {score} at {stadium} {day}.",
                    "{home} climbed to {position} with a {score} win over {away} {day}.",
                ],
            ),
            (
                "goals",
                True,
                [
                    "{scorer_last} opened the scoring {minute} and added a second from the penalty spot.",
                    "The breakthrough came {minute}, when {scorer_last} finished from close range.",
                ],
            ),
            (
                "reply",
                False,
                [
                    "{away_scorer} pulled one back for the visitors before half-time.",
                    "The visitors' only goal came from {away_scorer}.",
                ],
            ),
            (
                "crowd",
                False,
                [
                    "A crowd of {attendance} watched at {stadium}.",
                    "{attendance} were at {stadium} for the match.",
                ],
            ),
            (
                "run",
                True,
                [
                    "The win extended {home_pos} unbeaten run to {unbeaten}.",
                    "{home} have now gone {unbeaten} without defeat.",
                ],
            ),
            (
                "since",
                False,
                [
                    "It was {home_pos} first win over {away} {since}.",
                    "{home} had not beaten {away} {since}.",
                ],
            ),
            ("q_coach", True, ["{q_coach}"]),
            ("q_player", False, ["{q_player}"]),
            (
                "next",
                False,
                [
                    "{home} travel to {next_opponent} {next_day}.",
                    "Next up for {home} is an away trip to {next_opponent} {next_day}.",
                ],
            ),
        ],
        "filler": [
            "The visitors had the better of the opening exchanges but failed to test the goalkeeper.",
            "Rain fell steadily throughout the second half, making the pitch heavy.",
            "Both sides were missing several players through injury.",
            "The home fans stayed behind to applaud the players after the final whistle.",
            "{coach_last} made three changes to the side that started the previous match.",
            "The referee showed four yellow cards in a bad-tempered second half.",
            "{away} remain in the bottom half of the table after the defeat.",
            "The home side dominated possession in the second half and could have added more goals but for a string of fine saves.",
            "The visitors' manager said afterwards that his side had been undone by two moments of poor defending.",
            "The result leaves the home side well placed ahead of a busy run of fixtures over the coming weeks.",
            "Supporters who travelled from the other end of the country were left disappointed by the result.",
            "The club's owners have invested heavily in the squad over the past two seasons.",
        ],
        "voices": [
            "Fans leaving the ground",
            "Supporters",
            "Former players",
            "Pundits",
            "Local radio commentators",
            "Season-ticket holders",
        ],
        "reactions": [
            "the win was thoroughly deserved",
            "the team finally looked like genuine contenders",
            "the defence still looked fragile at times",
            "the manager had got his tactics right",
            "the crowd had driven the team on",
            "the result could prove a turning point in the season",
            "the striker was in the form of his career",
        ],
    },
    "election": {
        "beat": "politics",
        "headlines": [
            "{winner} wins {office} race",
            "{winner_last} claims victory as {runner_last} concedes",
            "Voters pick {winner_last} in close contest for {office}",
        ],
        "slots": [
            (
                "lede",
                True,
                [
                    "{winner} won the race for {office} {day}, taking {win_share} of the vote.",
                    "Voters elected {winner} as {office} {day}, with {win_share} of ballots cast, according to official results.",
                    "{winner} was elected {office} {day} after winning {win_share} of the vote.",
                ],
            ),
            (
                "runner",
                True,
                [
                    "{runner}, the incumbent, received {run_share}.",
                    "The incumbent, {runner}, finished second with {run_share}.",
                ],
            ),
            (
                "margin",
                False,
                [
                    "The margin of victory was {margin}.",
                    "{winner_last} finished {margin} ahead.",
                ],
            ),
            (
                "turnout",
                True,
                [
                    "Turnout was {turnout}, the election commission said.",
                    "The election commission put turnout at {turnout}.",
                ],
            ),
            (
                "districts",
                False,
                [
                    "{winner_last} carried {districts}, including the populous districts around {place}.",
                    "Results showed {winner_last} ahead in {districts}.",
                ],
            ),
            ("q_winner", True, ["{q_winner}"]),
            (
                "concede",
                False,
                [
                    "{runner_last} conceded {concede_day} and called {winner_last} to offer congratulations.",
                    "{runner_last} conceded defeat {concede_day}.",
                ],
            ),
            ("q_runner", False, ["{q_runner}"]),
            (
                "sworn",
                True,
                [
                    "{winner_last} will be sworn in {inauguration} for a term of {term}.",
                    "The new {office_title} takes office {inauguration} and will serve {term}.",
                ],
            ),
        ],
        "filler": [
            "Queues formed outside several polling stations before they opened.",
            "The campaign was dominated by housing costs and the state of local roads.",
            "Election officials said counting went smoothly despite a late surge of postal votes.",
            "Both candidates spent the final days of the campaign knocking on doors in the suburbs.",
            "Supporters gathered at a hotel in {place} to watch the results come in.",
            "Observers said the vote was calm and well organised.",
            "Several smaller parties failed to win enough votes to keep their deposits.",
            "The campaign was one of the most expensive in the region's history, with both candidates spending heavily on television advertising.",
            "Analysts said the result reflected frustration with the rising cost of living and long waits for public services.",
            "The winner will take office facing a difficult budget, a backlog of road repairs and a shortage of affordable housing.",
            "Both campaigns had predicted a close race, and neither candidate appeared in public until the final results were known.",
            "Turnout was higher in the suburbs than in the city centre, according to early figures.",
            "People in {place} said the race had dominated conversations in shops, cafes and school playgrounds for weeks.",
        ],
        "voices": [
            "Voters",
            "Campaign volunteers",
            "Political analysts",
            "Supporters of the winner",
            "Business leaders",
            "Opposition figures",
        ],
        "reactions": [
            "the result was a clear call for change",
            "the cost of living had decided the race",
            "the new administration would face a difficult first year",
            "they hoped the winner would keep campaign promises on housing",
            "the campaign had been unusually bitter",
            "the result had surprised them",
            "turnout had been higher than expected in the suburbs",
        ],
    },
    "recall": {
        "beat": "consumer affairs",
        "headlines": [
            "{company} recalls {product} over fire risk",
            "Recall: {product} may overheat, {regulator} warns",
            "{product} recall covers {units} after burn reports",
        ],
        "slots": [
            (
                "lede",
                True,
                [
                    "{company} is recalling {units} of its {product} after reports that the devices can overheat, the company said {day}.",
                    "{company} said {day} it would recall {units} of the {product} because of a fire risk.",
                    "{units} of the {product} are being recalled, {company} announced {day}, after the devices were found to overheat.",
                ],
            ),
            (
                "sold",
                True,
                [
                    "The products were sold {sold_period} in {countries}.",
                    "The affected units were sold in {countries} {sold_period}.",
                ],
            ),
            (
                "reports",
                True,
                [
                    "The company has received {reports} of the device overheating, including {burns} of minor burns.",
                    "There have been {reports} of overheating, {regulator} said, and {burns} of minor burns.",
                ],
            ),
            (
                "refund",
                False,
                [
                    "Customers can return the product for a full refund of {price}.",
                    "Owners are being offered a refund of {price}.",
                ],
            ),
            (
                "cost",
                False,
                [
                    "The recall is expected to cost the company {cost}.",
                    "{company} estimated the cost of the recall at {cost}.",
                ],
            ),
            ("q_spokesperson", True, ["{q_spokesperson}"]),
            ("q_regulator", False, ["{q_regulator}"]),
            (
                "fix",
                False,
                [
                    "{company} said a redesigned version would be on sale {deadline}.",
                    "A corrected model is due {deadline}, the company said.",
                ],
            ),
        ],
        "filler": [
            "Customers were told to unplug the device and stop using it straight away.",
            "Retailers have removed the product from shelves and websites.",
            "Consumer groups said the company should have acted sooner.",
            "The company said the fault was traced to a component from a single supplier.",
            "Owners can check whether their unit is affected by entering its serial number on the company's website.",
            "No serious injuries have been reported, the company said.",
            "Shares in {company} were little changed after the announcement.",
            "The company said it had identified the problem after analysing complaints received through its customer service line.",
            "Consumer advocates urged shoppers who bought the product as a gift to pass on the recall notice.",
            "The product had been one of the company's best sellers and was widely advertised online.",
            "Retailers said customers would not need a receipt to return the product.",
            "The company has faced two smaller recalls in recent years, both involving faulty chargers.",
            "Those who bought the product were urged to keep receipts and photographs in case they need them for a claim.",
            "Some customers said they had learned about the recall from neighbours and social media before any official announcement was made.",
        ],
        "voices": [
            "Customers",
            "Consumer advocates",
            "Retail staff",
            "Safety experts",
            "Parents' groups",
            "Owners of the device",
        ],
        "reactions": [
            "the recall should have come sooner",
            "the company had handled the problem responsibly",
            "they had noticed the device getting unusually hot",
            "the instructions for returns were easy to follow",
            "they would look for another brand in future",
            "clear labelling would have helped",
            "they wanted to know how the fault was missed in testing",
        ],
    },
}

# Quotes per speaker key. "[a|b]": the story's wording is a; an article that
# differs on the quote says b instead (one changed word).
QUOTES: dict[str, list[str]] = {
    "ceo": [
        "This was a [strong|solid] quarter for us, and we expect the momentum to carry into next year.",
        "Our customers kept buying even as prices rose, and that tells me our products are [winning|holding up].",
        "These are [difficult|painful] decisions, but they will make the company stronger and more focused.",
    ],
    "cfo": [
        "We are [comfortable|confident] with our balance sheet and we will keep a close eye on costs.",
        "Margins improved in every region, which is [exactly|precisely] what we set out to do.",
    ],
    "analyst": [
        "The numbers were [better|stronger] than feared, but the job cuts tell you management sees a slower year ahead.",
        "It is a [clean|tidy] beat, and the guidance looks conservative to me.",
    ],
    "sheriff": [
        "Get out now. Do not wait for a knock on the [door|doorstep].",
        "If you are told to leave, [leave|go]. We cannot promise that anyone who stays will be reached.",
    ],
    "chief": [
        "The wind is [driving|pushing] this fire faster than we can build lines in front of it.",
        "We have made [good|real] progress overnight, but this fire is far from over.",
    ],
    "resident": [
        "I have never seen anything like it. The whole ridge was [glowing|burning] by the time we got in the car.",
        "We grabbed the dog and the photo albums and [drove|left]. That was all we had time for.",
    ],
    "judge": [
        "You betrayed people who trusted you with their [savings|pensions], and you did it for years.",
        "The harm you caused is [enormous|immense], and nothing in your conduct suggests real remorse.",
    ],
    "prosecutor": [
        "This was a [calculated|deliberate] fraud that targeted people who could least afford to lose their money.",
    ],
    "victim": [
        "I lost everything I had [saved|put aside] for my retirement, and I will never get it back.",
        "We trusted him like a member of the [family|household].",
    ],
    "official": [
        "Our first priority is the people who were [hurt|injured] and their families.",
        "It is too early to say what [caused|led to] the derailment, and we will not speculate.",
    ],
    "passenger": [
        "There was a loud bang and then the carriage [tipped|rolled] onto its side. People were screaming.",
        "I was thrown out of my seat. Everyone was [helping|looking after] each other.",
    ],
    "operator": [
        "We are [deeply|truly] sorry for what our passengers went through.",
    ],
    "mayor": [
        "This budget keeps our streets safe and puts real money into [housing|homes] for working families.",
        "We made [hard|tough] choices, but we closed the gap without cutting core services.",
    ],
    "critic": [
        "This budget spends money we do not have and [leaves|hands] the bill to the next council.",
        "I could not support a tax increase at a time when families are already [struggling|stretched].",
    ],
    "coach": [
        "I am [proud|pleased] with the way the players responded after a slow start.",
        "We were [clinical|sharp] in front of goal and that was the difference.",
    ],
    "player": [
        "The whole team worked so hard for this one. It [means|feels like] a lot to score in front of our own fans.",
        "We knew we had to [win|get a result] today and we did it.",
    ],
    "winner": [
        "Tonight voters chose a [different|new] direction, and I will work every day to earn their trust.",
        "This victory belongs to the volunteers who knocked on [thousands|tens of thousands] of doors.",
    ],
    "runner": [
        "The voters have spoken and I [respect|accept] their decision.",
        "We ran a campaign we can be [proud|glad] of, and I have called to congratulate my opponent.",
    ],
    "spokesperson": [
        "The safety of our customers is our [highest|top] priority, and we are acting out of an abundance of caution.",
        "We are [sorry|apologising] for any inconvenience and urge customers to stop using the product immediately.",
    ],
    "regulator": [
        "Consumers should check their homes for this product and stop using it [right away|immediately].",
    ],
}

# How a quote sentence is put together. {o}/{c}: the outlet's quote marks;
# {q}: the quote ending in a full stop, {qc}: ending in a comma.
QUOTE_FORMS = [
    "{o}{qc}{c} said {name}, {role}.",
    "{name}, {role}, said: {o}{q}{c}",
    "{o}{qc}{c} {name} told reporters.",
    "{name}, {role}, said in a statement: {o}{q}{c}",
    "{o}{qc}{c} {last} said.",
]


# ============================================================ rendered values


@dataclass(frozen=True)
class Ctx:
    """What rendering a fact in one article needs."""

    rng: random.Random
    published: dt.date
    quotes: tuple[str, str]


def number_words(n: int) -> str:
    """0..999 in words."""
    if n < 20:
        return NUMBER_WORDS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS_WORDS[tens] + (f"-{NUMBER_WORDS[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    return f"{NUMBER_WORDS[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _dec(x: float) -> str:
    """4.2 -> '4.2', 40.0 -> '40', 1.25 -> '1.25'."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _round_sig(x: float, digits: int = 2) -> float:
    if x == 0:
        return 0
    return round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))


def _hedge(kind: str, rng: random.Random) -> str:
    word = rng.choice(HEDGES[kind])
    return word + " " if word else ""


@dataclass(frozen=True)
class Money:
    """A sum in a currency's units (amount=4_200_000, currency='USD')."""

    amount: float
    currency: str
    hedge: str = ""

    def render(self, ctx: Ctx) -> str:
        return _hedge(self.hedge, ctx.rng) + self._figure(ctx)

    def _figure(self, ctx: Ctx) -> str:
        rng, a, cur = ctx.rng, self.amount, self.currency
        if a < 1_000_000:  # small sums: "$89", "$1.07", "£250,000"
            figure = f"{a:,.2f}" if a != int(a) else f"{int(a):,}"
            sym = {"USD": "$", "GBP": "£", "EUR": "€", "CNY": "CNY "}[cur]
            return sym + figure
        big = a >= 1_000_000_000
        v = _dec(a / (1e9 if big else 1e6))
        scale, short = ("billion", rng.choice(["bn", "bn", "b"])) if big else ("million", rng.choice(["m", "m", "mn"]))
        as_words = v.isdigit() and (int(v) < 100 or int(v) % 100 == 0) and rng.random() < 0.5
        if cur == "USD":
            forms = [f"${v} {scale}", f"{v} {scale} dollars", f"${v}{short}", f"USD {v} {scale}", f"US${v} {scale}"]
            if as_words:
                forms.append(f"{number_words(int(v))} {scale} dollars")
        elif cur == "GBP":
            forms = [f"£{v}{short}", f"£{v} {scale}", f"{v} {scale} pounds"]
        elif cur == "EUR":
            forms = [f"€{v} {scale}", f"€{v}{short}", f"{v} {scale} euros", f"EUR {v}{short}"]
        else:  # CNY, sometimes with its dollar value as papers give it
            usd = a / CNY_PER_USD.get(ctx.published.year, 7.0)
            usd_big = usd >= 1e9
            uv = _dec(_round_sig(usd / (1e9 if usd_big else 1e6), 2))
            usd_short = f"${uv}{'bn' if usd_big else 'm'}"
            forms = [
                f"{v} {scale} yuan",
                f"CNY {v}{short} ({usd_short})",
                f"RMB {v} {scale}",
                f"{v} {scale} yuan (about {usd_short})",
            ]
            if as_words:
                forms.append(f"{number_words(int(v))} {scale} yuan")
        return rng.choice(forms)

    def variant(self, rng: random.Random) -> Money:
        factor = rng.choice([0.85, 0.9, 0.95, 1.05, 1.1, 1.2])
        return replace(self, amount=_round_sig(self.amount * factor, 2))


@dataclass(frozen=True)
class Count:
    """A counted thing: 'about 3,000 residents', 'three people', 'more than 30 provinces'."""

    n: int
    noun: str = ""
    hedge: str = ""
    words: bool = True  # may be written in words when small

    def render(self, ctx: Ctx) -> str:
        rng, n = ctx.rng, self.n
        if self.words and n <= 12 and rng.random() < 0.6:
            figure = number_words(n)
        elif n >= 1_000_000 and n % 100_000 == 0 and rng.random() < 0.7:
            figure = f"{_dec(n / 1e6)} million"
        else:
            figure = f"{n:,}"
        if n == 1 and self.noun.endswith("s"):
            return _hedge(self.hedge, rng) + figure + " " + self.noun[:-1]
        return (_hedge(self.hedge, rng) + figure + (" " + self.noun if self.noun else "")).strip()

    def variant(self, rng: random.Random) -> Count:
        if self.n <= 12:
            return replace(self, n=max(1, self.n + rng.choice([-2, -1, 1, 2])))
        step = 10 ** max(0, len(str(self.n)) - 2)
        new = round(self.n * rng.choice([0.8, 0.9, 1.1, 1.25]) / step) * step
        return replace(self, n=new if new != self.n else self.n + step)


@dataclass(frozen=True)
class Percent:
    p: float

    def render(self, ctx: Ctx) -> str:
        v = _dec(self.p)
        return ctx.rng.choice([f"{v}%", f"{v}%", f"{v} percent", f"{v} per cent"])

    def variant(self, rng: random.Random) -> Percent:
        return Percent(round(self.p + rng.choice([-3, -2, -1, 1, 2, 3]) * (1 if self.p >= 5 else 0.5), 1))


@dataclass(frozen=True)
class Day:
    """A calendar day, written relative to the article's dateline or in full."""

    date: dt.date
    prep: str = "on"  # "on Tuesday", "by Friday", "until June 3rd"

    def render(self, ctx: Ctx) -> str:
        rng, d, p = ctx.rng, self.date, self.prep
        delta = (ctx.published - d).days
        year = f", {d.year}" if d.year != ctx.published.year else ""
        forms = [
            f"{p} {MONTHS[d.month - 1]} {d.day}{year}",
            f"{p} {MONTHS[d.month - 1]} {ordinal(d.day)}{year}",
            f"{p} {d.day} {MONTHS[d.month - 1]}{year and ' ' + str(d.year)}",
            f"{p} {AP_MONTHS[d.month - 1]} {d.day}{year}",
        ]
        if abs(delta) <= 5:
            forms += [f"{p} {WEEKDAYS[d.weekday()]}"] * 4
        if delta == 1 and p == "on":
            forms.append("yesterday")
        last_week = ctx.published.isocalendar()[:2] == (d + dt.timedelta(days=7)).isocalendar()[:2]
        if last_week and p == "on" and rng.random() < 0.3:
            return "last week"
        return rng.choice(forms)

    def variant(self, rng: random.Random) -> Day:
        return replace(self, date=self.date + dt.timedelta(days=rng.choice([-1, 1])))


@dataclass(frozen=True)
class Phrase:
    """One fact in equivalent wordings ('by the end of 2025' / 'before the end of 2025')."""

    options: tuple[str, ...]
    alt: tuple[str, ...] = ()  # wordings of a different value, for a differing article

    def render(self, ctx: Ctx) -> str:
        return ctx.rng.choice(self.options)

    def variant(self, rng: random.Random) -> Phrase:
        return Phrase(self.alt, self.options) if self.alt else self


@dataclass(frozen=True)
class Score:
    """A match score or a council vote: '3-1', 'a 5-2 vote'."""

    a: int
    b: int
    vote: bool = False

    def render(self, ctx: Ctx) -> str:
        a, b = self.a, self.b
        if self.vote:
            return ctx.rng.choice([f"a {a}-{b} vote", f"a {a}-to-{b} vote", f"a vote of {number_words(a)} to {number_words(b)}"])
        return ctx.rng.choice([f"{a}-{b}", f"{a}–{b}", f"{a}-{b}"])

    def variant(self, rng: random.Random) -> Score:
        return replace(self, a=self.a + 1) if self.vote or rng.random() < 0.5 else replace(self, b=self.b + 1)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    role: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class Quote:
    """A quote with '[a|b]' marks: the story says a; a differing article says b."""

    text: str
    speaker: Person
    changed: bool = False

    def render(self, ctx: Ctx) -> str:
        pick = 1 if self.changed else 0
        q = re.sub(r"\[([^|\]]+)\|([^\]]+)\]", lambda m: m.group(1 + pick), self.text)
        qc = q[:-1] + "," if q.endswith(".") else q
        o, c = ctx.quotes
        s = self.speaker
        form = ctx.rng.choice(QUOTE_FORMS)
        return form.format(o=o, c=c, q=q, qc=qc, name=s.name, last=s.last, role=s.role)

    def variant(self, rng: random.Random) -> Quote:
        return replace(self, changed=True)


# ================================================================ fact builders
#
# One builder per kind: (rng, event date, place names) -> facts. A fact is a str
# (same in every article), a Person (fields x, x_last, x_role) or a rendered
# value above. `contestable` names the facts a rival article may state
# differently (its variant()).


@dataclass
class Facts:
    values: dict[str, Any]
    contestable: list[str]


class Names:
    """Invented names for one story: no two people or places in it share a name.

    Names may recur across stories (the space is a few hundred places), which is
    harmless: stories are checked one at a time.
    """

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make: Callable[[], str]) -> str:
        for _ in range(50):
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name
        return name  # the space is exhausted: accept a repeat

    def surname(self) -> str:
        return self.rng.choice(SURNAME_HEADS) + self.rng.choice(SURNAME_TAILS)

    def person(self, role: str) -> Person:
        full = self._unique(lambda: f"{self.rng.choice(GIVEN_NAMES)} {self.surname()}")
        first, last = full.split(" ", 1)
        return Person(first, last, role)

    def place(self) -> str:
        return self._unique(lambda: self.rng.choice(PLACE_HEADS) + self.rng.choice(PLACE_TAILS))

    def company(self) -> str:
        form = self.rng.choice(COMPANY_FORMS)
        return self._unique(
            lambda: form.format(head=self.rng.choice(PLACE_HEADS), tail=self.rng.choice(["a", "o", "ex", "ion", "is"]))
        )


def _quote(rng: random.Random, key: str, who: Person) -> Quote:
    return Quote(rng.choice(QUOTES[key]), who)


def _years_range(rng: random.Random, year: int) -> Phrase:
    a, b = year - rng.randint(6, 9), year - rng.randint(1, 3)
    return Phrase((f"between {a} and {b}", f"from {a} to {b}"), (f"between {a} and {b - 1}", f"from {a} to {b - 1}"))


def _deadline(year: int) -> Phrase:
    return Phrase((f"by the end of {year}", f"before the end of {year}"), (f"by the end of {year + 1}", f"by mid-{year + 1}"))


def _from_year() -> Phrase:
    return Phrase(("from this year", "starting this year", "from this year onwards"), ("from next year", "starting next year"))


def build_earnings(rng: random.Random, day: dt.date, n: Names) -> Facts:
    q_index = (day.month - 1) // 3 - 1  # the quarter just ended
    q_year = day.year if q_index >= 0 else day.year - 1
    q_index %= 4
    q_months = ["January-March", "April-June", "July-September", "October-December"][q_index]
    quarter = Phrase(
        (
            f"the {QUARTER_ORDINALS[q_index]} quarter of {q_year}",
            f"the {q_months} quarter of {q_year}",
            f"Q{q_index + 1} {q_year}",
        )
    )
    cur = rng.choice(["USD", "USD", "GBP", "EUR", "CNY"])
    revenue = _round_sig(rng.uniform(0.3e9, 9e9), 2)
    profit = _round_sig(revenue * rng.uniform(0.05, 0.2), 2)
    field, _ = rng.choice(PRODUCTS)
    ceo, cfo = n.person("the chief executive"), n.person("the chief financial officer")
    analyst_firm = n.place() + " Capital"
    analyst = n.person(f"an analyst at {analyst_firm}")
    eps = round(rng.uniform(0.4, 3.5), 2)
    return Facts(
        {
            "company": n.company(),
            "city": n.place(),
            "product": field,
            "ceo": ceo,
            "cfo": cfo,
            "analyst": analyst,
            "analyst_firm": analyst_firm,
            "quarter": quarter,
            "day": Day(day),
            "revenue": Money(revenue, cur),
            "growth": Percent(rng.randint(3, 25)),
            "profit": Money(profit, cur),
            "profit_prev": Money(_round_sig(profit * rng.uniform(0.6, 0.95), 2), cur),
            "eps": Money(eps, "USD"),
            "eps_est": Money(round(eps - rng.uniform(0.02, 0.2), 2), "USD"),
            "jobs": Count(rng.choice([350, 800, 1200, 1500, 2400, 4000]), "jobs", rng.choice(["", "", "approx"])),
            "deadline": _deadline(day.year if day.month < 10 else day.year + 1),
            "guidance": Money(_round_sig(revenue * rng.uniform(3.8, 4.4), 2), cur),
            "share_move": Percent(rng.randint(2, 12)),
            "markets": Count(rng.choice([20, 30, 40, 60]), "countries", "above"),
            "staff": Count(rng.choice([9000, 12000, 25000, 48000]), "people", "approx"),
            "years_range": _years_range(rng, day.year),
            "from_year": _from_year(),
            "q_ceo": _quote(rng, "ceo", ceo),
            "q_cfo": _quote(rng, "cfo", cfo),
            "q_analyst": _quote(rng, "analyst", analyst),
        },
        ["revenue", "growth", "profit", "jobs", "deadline", "day", "q_ceo", "share_move", "years_range", "from_year"],
    )


def build_wildfire(rng: random.Random, day: dt.date, n: Names) -> Facts:
    town, town2, county = n.place(), n.place(), f"{n.place()} County"
    sheriff = n.person(f"the {county} sheriff")
    chief = n.person("the fire chief")
    resident = n.person(f"who has lived in {town} for {rng.randint(8, 40)} years")
    old_year = day.year - rng.randint(2, 9)
    return Facts(
        {
            "fire": f"{n.place()} Fire",
            "old_fire": f"{n.place()} Fire",
            "county": county,
            "town": town,
            "town2": town2,
            "road": f"{n.place()} Road",
            "highway": str(rng.randint(3, 99)),
            "agency": rng.choice(["the state Forestry and Fire Service", "the regional fire authority"]),
            "shelter": f"{town} High School",
            "day": Day(day),
            "day_start": Day(day - dt.timedelta(days=rng.randint(2, 3))),
            "day_widen": Day(day - dt.timedelta(days=1)),
            "contain_by": Day(day + dt.timedelta(days=rng.randint(2, 4)), "by"),
            "evacuees": Count(rng.choice([1500, 3000, 4500, 8000]), rng.choice(["residents", "people"]), "approx"),
            "homes": Count(rng.randint(6, 60), "homes"),
            "acres": Count(rng.choice([2800, 4300, 6100, 12500]), "acres", "approx"),
            "contained": Percent(rng.choice([5, 10, 15, 20, 35])),
            "firefighters": Count(rng.choice([300, 450, 600, 900]), "firefighters", "above"),
            "tankers": Count(rng.randint(3, 9), "air tankers"),
            "sheltered": Count(rng.choice([120, 200, 350]), "people", "approx"),
            "since_year": Phrase((f"since {old_year}",), (f"since {old_year - 1}",)),
            "old_acres": Count(rng.choice([9000, 11000, 15000]), "acres", "above"),
            "sheriff": sheriff,
            "chief": chief,
            "resident": resident,
            "q_sheriff": _quote(rng, "sheriff", sheriff),
            "q_chief": _quote(rng, "chief", chief),
            "q_resident": _quote(rng, "resident", resident),
        },
        ["evacuees", "homes", "acres", "contained", "firefighters", "day_start", "day_widen", "q_sheriff", "since_year"],
    )


def build_sentencing(rng: random.Random, day: dt.date, n: Names) -> Facts:
    cur = rng.choice(["USD", "GBP"])
    fraud = _round_sig(rng.uniform(1.5e6, 40e6), 2)
    judge = n.person("the judge")
    defendant = n.person("the defendant")
    prosecutor = n.person("the lead prosecutor")
    victim = n.person("one of the victims")
    years = rng.randint(6, 14)
    county = n.place()
    return Facts(
        {
            "defendant": defendant,
            "judge": judge,
            "prosecutor": prosecutor,
            "victim": victim,
            "lawyer": n.person("the defence lawyer").name,
            "def_job": rng.choice(["accountant", "financial adviser", "fund manager", "bank clerk"]),
            "court": rng.choice([f"{county} Crown Court", f"{county} Superior Court", f"the {county} district court"]),
            "day": Day(day),
            "fraud": Money(fraud, cur, rng.choice(["", "above"])),
            "victims": Count(rng.choice([40, 120, 200, 350]), rng.choice(["investors", "clients"]), rng.choice(["above", ""])),
            "victims_noun": rng.choice(["victims", "investors"]),
            "years": Count(years, "years"),
            "parole": Count(years // 2, "years"),
            "period": _years_range(rng, day.year),
            "convicted": Phrase(("in mid-April", "in the middle of April"), ("in late April", "at the end of April"))
            if day.month > 5
            else Phrase((f"in {MONTHS[(day.month - 3) % 12]}",), (f"in {MONTHS[(day.month - 2) % 12]}",)),
            "counts": Count(rng.randint(5, 19), "counts"),
            "restitution": Money(_round_sig(fraud * rng.uniform(0.5, 0.9), 2), cur),
            "q_judge": _quote(rng, "judge", judge),
            "q_prosecutor": _quote(rng, "prosecutor", prosecutor),
            "q_victim": _quote(rng, "victim", victim),
        },
        ["years", "fraud", "victims", "parole", "restitution", "day", "period", "q_judge", "convicted", "counts"],
    )


def build_accident(rng: random.Random, day: dt.date, n: Names) -> Facts:
    operator = n.place() + rng.choice([" Rail", " Railways", "line Trains"])
    official = n.person(f"a spokesperson for {operator}")
    passenger = n.person(f"a passenger from {n.place()}")
    boss = n.person(f"the chief executive of {operator}")
    hour = rng.randint(6, 20)
    clock = [f"{h - 12 if h > 12 else h} {'a.m.' if h < 12 else 'p.m.'}" for h in (hour, hour + 1)]
    return Facts(
        {
            "operator": operator,
            "town": n.place(),
            "route_from": n.place(),
            "route_to": n.place(),
            "river": f"River {n.place()}",
            "agency": "the Rail Accident Investigation Branch",
            "day": Day(day),
            "time": Phrase((f"shortly after {clock[0]}", f"just after {clock[0]}"), (f"shortly after {clock[1]}",)),
            "passengers": Count(rng.choice([120, 180, 240, 300]), "passengers", "approx"),
            "crew": Count(rng.randint(3, 6), "crew members"),
            "injured": Count(rng.choice([14, 23, 31, 47]), "people"),
            "serious": Count(rng.randint(2, 6), ""),
            "speed": Count(rng.choice([40, 55, 60, 75]), "miles per hour"),
            "report_by": _deadline(day.year if day.month < 9 else day.year + 1),
            "closed_until": Day(day + dt.timedelta(days=rng.randint(2, 5)), "until"),
            "decade": Phrase(("10 years", "a decade", "ten years"), ("15 years", "fifteen years")),
            "official": official,
            "passenger": passenger,
            "q_official": _quote(rng, "official", official),
            "q_passenger": _quote(rng, "passenger", passenger),
            "q_operator": _quote(rng, "operator", boss),
        },
        ["injured", "passengers", "serious", "time", "day", "speed", "closed_until", "q_official", "decade"],
    )


def build_budget(rng: random.Random, day: dt.date, n: Names) -> Facts:
    cur = rng.choice(["USD", "USD", "EUR", "CNY"])
    budget = _round_sig(rng.uniform(0.4e9, 12e9), 2)
    mayor = n.person("the mayor")
    critic = n.person("a council member who voted against the plan")
    fy = day.year if day.month < 7 else day.year + 1
    yes = rng.randint(5, 9)
    return Facts(
        {
            "city": n.place(),
            "mayor": mayor,
            "critic": critic,
            "critic_pronoun": rng.choice(["she", "he"]),
            "day": Day(day),
            "vote": Score(yes, rng.randint(1, yes - 2), vote=True),
            "fiscal": Phrase((f"the fiscal year that begins July 1, {fy}", f"the {fy}-{str(fy + 1)[2:]} fiscal year")),
            "budget": Money(budget, cur),
            "growth": Percent(rng.randint(2, 9)),
            "police": Money(_round_sig(budget * rng.uniform(0.1, 0.2), 2), cur),
            "housing": Money(_round_sig(budget * rng.uniform(0.02, 0.06), 2), cur),
            "tax": Percent(rng.choice([2, 3, 4.5, 6])),
            "deficit": Money(_round_sig(budget * rng.uniform(0.02, 0.08), 2), cur),
            "city_jobs": Count(rng.choice([120, 250, 400]), "city jobs", rng.choice(["", "approx"])),
            "hearings": Count(rng.randint(3, 8), "public hearings"),
            "deadline": _deadline(fy + 1),
            "from_year": _from_year(),
            "q_mayor": _quote(rng, "mayor", mayor),
            "q_critic": _quote(rng, "critic", critic),
        },
        ["budget", "vote", "growth", "police", "housing", "tax", "deficit", "day", "from_year", "q_mayor", "hearings"],
    )


def build_sports(rng: random.Random, day: dt.date, n: Names) -> Facts:
    home, away, nxt = (f"{n.place()} {rng.choice(TEAM_NICKNAMES)}" for _ in range(3))
    coach = n.person(f"the {home} manager")
    scorer = n.person("the striker")
    a, b = rng.randint(2, 4), rng.randint(0, 1)
    minute = rng.randint(8, 70)
    since = day.year - rng.randint(3, 9)
    return Facts(
        {
            "home": home,
            "home_pos": home + ("'" if home.endswith("s") else "'s"),
            "away": away,
            "next_opponent": nxt,
            "stadium": f"{n.place()} Park",
            "coach": coach,
            "scorer": scorer,
            "away_scorer": n.person("the midfielder").name,
            "score": Score(a, b),
            "day": Day(day),
            "position": Phrase((f"{rng.choice(['third', 'fourth', 'fifth'])} in the table",)),
            "minute": Phrase(
                (f"in the {ordinal(minute)} minute", f"after {minute} minutes"), (f"in the {ordinal(minute + 3)} minute",)
            ),
            "attendance": Count(rng.choice([18000, 24500, 31000, 41000]), "fans", "approx"),
            "unbeaten": Count(rng.randint(4, 12), "matches"),
            "since": Phrase((f"since {since}",), (f"since {since + 1}",)),
            "next_day": Day(day + dt.timedelta(days=rng.randint(3, 7))),
            "q_coach": _quote(rng, "coach", coach),
            "q_player": _quote(rng, "player", scorer),
        },
        ["score", "minute", "attendance", "unbeaten", "since", "day", "q_coach"],
    )


def build_election(rng: random.Random, day: dt.date, n: Names) -> Facts:
    region = n.place()
    office_title = rng.choice(["mayor", "governor"])
    winner = n.person("the winner")
    runner = n.person("the incumbent")
    win = round(rng.uniform(50.5, 58), 1)
    inaug = day + dt.timedelta(days=rng.randint(25, 45))
    return Facts(
        {
            "winner": winner,
            "runner": runner,
            "place": region,
            "office_title": office_title,
            "office": f"{office_title} of {region}" if office_title == "mayor" else f"governor of {region} province",
            "day": Day(day),
            "concede_day": Day(day + dt.timedelta(days=rng.randint(0, 1))),
            "win_share": Percent(win),
            "run_share": Percent(round(100 - win - rng.uniform(2, 6), 1)),
            "turnout": Percent(round(rng.uniform(38, 72), 1)),
            "margin": Count(rng.choice([1200, 3400, 8700, 15000]), "votes", rng.choice(["", "approx"])),
            "districts": Count(rng.choice([20, 30, 45]), rng.choice(["districts", "provinces"]), "above"),
            "inauguration": Day(inaug),
            "term": Count(rng.choice([4, 5]), "years"),
            "q_winner": _quote(rng, "winner", winner),
            "q_runner": _quote(rng, "runner", runner),
        },
        ["win_share", "run_share", "turnout", "margin", "districts", "inauguration", "day", "q_winner", "term"],
    )


def build_recall(rng: random.Random, day: dt.date, n: Names) -> Facts:
    _, product = rng.choice(PRODUCTS)
    spokesperson = n.person("a company spokesperson")
    regulator_name = rng.choice(["the Consumer Product Safety Board", "the national product safety office"])
    regulator = n.person(f"a spokesperson for {regulator_name}")
    start = dt.date(day.year - rng.randint(2, 4), rng.randint(1, 12), 1)
    end = dt.date(day.year - rng.randint(0, 1), rng.randint(1, day.month), 1)
    sold = Phrase(
        (
            f"between {MONTHS[start.month - 1]} {start.year} and {MONTHS[end.month - 1]} {end.year}",
            f"from {MONTHS[start.month - 1]} {start.year} to {MONTHS[end.month - 1]} {end.year}",
        ),
        (f"between {MONTHS[start.month - 1]} {start.year} and {MONTHS[end.month - 1]} {end.year + 1}",),
    )
    return Facts(
        {
            "company": n.company(),
            "product": product,
            "regulator": regulator_name,
            "day": Day(day),
            "sold_period": sold,
            "units": Count(rng.choice([45000, 250000, 1200000, 3400000]), "units", "approx"),
            "countries": Count(rng.choice([12, 18, 30]), "countries", rng.choice(["", "above"])),
            "reports": Count(rng.choice([23, 61, 140]), "reports", rng.choice(["", "above"])),
            "burns": Count(rng.randint(2, 9), "cases", words=True),
            "price": Money(rng.choice([49, 89, 129.99, 199]), rng.choice(["USD", "GBP", "EUR"])),
            "cost": Money(_round_sig(rng.uniform(2e6, 90e6), 2), rng.choice(["USD", "GBP", "EUR"]), "approx"),
            "deadline": _deadline(day.year if day.month < 10 else day.year + 1),
            "q_spokesperson": _quote(rng, "spokesperson", spokesperson),
            "q_regulator": _quote(rng, "regulator", regulator),
        },
        ["units", "countries", "reports", "burns", "cost", "day", "sold_period", "q_spokesperson", "deadline"],
    )


BUILDERS: dict[str, Callable[[random.Random, dt.date, Names], Facts]] = {
    "earnings": build_earnings,
    "wildfire": build_wildfire,
    "sentencing": build_sentencing,
    "accident": build_accident,
    "budget": build_budget,
    "sports": build_sports,
    "election": build_election,
    "recall": build_recall,
}
assert BUILDERS.keys() == KINDS.keys()


# ==================================================================== assembly


@dataclass(frozen=True)
class GeneratedArticle:
    filename: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class GeneratedStory:
    slug: str
    kind: str
    articles: tuple[GeneratedArticle, ...]

    @property
    def words(self) -> int:
        return sum(a.words for a in self.articles)


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str  # wire, paper, blog
    short: str  # for the wire prefix, "(Meridian)"
    slug: str


def _outlet(rng: random.Random, n: Names) -> Outlet:
    form, kind = rng.choice(OUTLET_FORMS)
    head = rng.choice(PLACE_HEADS) + rng.choice(["", "ia", "on"])
    name = form.format(head=head, place=n.place(), paper=rng.choice(PAPER_WORDS))
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().removeprefix("the ")).strip("-")
    return Outlet(name, kind, head, slug)


def _dateline(rng: random.Random, d: dt.date) -> str:
    form = rng.choice(DATELINE_FORMS)
    if form == "mdy":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if form == "iso":
        return f"Published {d.isoformat()}"
    if form == "wire":
        return f"{WEEKDAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]} {d.year} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} GMT"
    hour = rng.randint(1, 12)
    return f"Updated: {AP_MONTHS[d.month - 1]} {d.day}, {d.year}, {hour}:{rng.randint(0, 59):02d} {rng.choice(['a.m.', 'p.m.'])}"


def _capitalise(s: str) -> str:
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1 :]
    return s


def _fields(values: dict[str, Any], ctx: Ctx) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, v in values.items():
        if isinstance(v, Person):
            out[key], out[key + "_last"], out[key + "_role"] = v.name, v.last, v.role
        elif isinstance(v, str):
            out[key] = v
        else:
            out[key] = v.render(ctx)
    return out


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    """Group sentences into 8-20 paragraphs of 1-3 sentences (the lede alone)."""
    n = len(sentences)
    assert n >= 8, "an article needs at least 8 sentences for 8 paragraphs"
    lo, hi = max(8, math.ceil((n - 1) / 3) + 1), min(20, n)
    count = rng.randint(lo, max(lo, hi))
    sizes = [1] * count
    for _ in range(n - count):
        i = rng.choice([j for j in range(1, count) if sizes[j] < 3])
        sizes[i] += 1
    out, pos = [], 0
    for size in sizes:
        out.append(" ".join(sentences[pos : pos + size]))
        pos += size
    return out


def _article(
    rng: random.Random,
    kind: str,
    values: dict[str, Any],
    published: dt.date,
    outlet: Outlet,
    author: Person,
    editor: Person,
    place: str,
    other_headline: str,
) -> str:
    spec = KINDS[kind]
    quotes = ('"', '"') if rng.random() < 0.6 else ("“", "”")
    ctx = Ctx(rng, published, quotes)
    f = _fields(values, ctx)
    f.update(outlet=outlet.name, place=place)
    headline = rng.choice(spec["headlines"]).format_map(f)
    headline = _capitalise(headline.rstrip(".!?"))

    # the story: required slots and most optional ones, in order with a few swaps
    slots = [s for s in spec["slots"] if s[1] or rng.random() < 0.8]
    for i in range(1, len(slots) - 1):
        if rng.random() < 0.25:
            slots[i], slots[i + 1] = slots[i + 1], slots[i]
    sentences = [_capitalise(rng.choice(phrasings).format_map(f)) for _, _, phrasings in slots]

    # padding to a target length, inserted after the lede
    target = rng.randint(430, 840)
    pool = [_capitalise(s.format_map(f)) for s in spec["filler"] + GENERIC_FILLER]
    rng.shuffle(pool)
    reactions = list(spec["reactions"])  # each reaction once per article
    rng.shuffle(reactions)
    words = sum(len(s.split()) for s in sentences) + 12
    while words < target and len(sentences) < 58 and (pool or reactions):
        if pool and (not reactions or rng.random() < 0.7):
            s = pool.pop()
        else:
            verb = rng.choice(REACTION_VERBS).format_map(f)
            s = f"{rng.choice(spec['voices'])} {verb} {reactions.pop()}."
        sentences.insert(rng.randint(2, len(sentences)), s)
        words += len(s.split())

    paras = _paragraphs(rng, sentences)
    if outlet.kind == "wire":
        d = published
        paras[0] = f"{f.get('town', place).upper()}, {MONTHS[d.month - 1][:3]} {d.day} ({outlet.short}) - {paras[0]}"

    byline = f"By {author.name}{rng.choice(BYLINE_SUFFIXES)}"
    parts = [headline, _dateline(rng, published), byline, *paras]

    # page furniture
    if outlet.kind == "wire" and rng.random() < 0.7:
        parts.append(WIRE_CREDIT.format(byline=author.name, editor=editor.name))
    if rng.random() < 0.35:
        parts.append(rng.choice(RELATED_LINES).format(other=other_headline))
    if rng.random() < 0.35:
        parts.append(rng.choice(SHARE_LINES))
    if rng.random() < 0.3:
        parts.append(rng.choice(BIO_HEADINGS))
        parts.append(
            rng.choice(BIO_TEXTS).format(byline=author.name, byline_last=author.last, beat=spec["beat"], outlet=outlet.name)
        )
    return "\n\n".join(parts) + "\n"


def _story(rng: random.Random, index: int, kind: str, size: int) -> GeneratedStory:
    n = Names(rng)
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365 - 40))
    if kind == "election":  # elections are held on Sundays
        day += dt.timedelta(days=(6 - day.weekday()) % 7)
    facts = BUILDERS[kind](rng, day, n)
    contested = rng.sample(facts.contestable, k=rng.randint(1, 3))
    plans = [set()] + [{c for c in contested if rng.random() < 0.5} for _ in range(size - 1)]
    if not any(plans):
        plans[-1].add(contested[0])
    place = next((facts.values[k] for k in ("town", "city", "place") if k in facts.values), n.place())
    other_headline = rng.choice(RELATED_HEADLINES).format(place=n.place())
    outlets: list[Outlet] = []
    while len(outlets) < size:
        o = _outlet(rng, n)
        if o.slug not in {x.slug for x in outlets}:
            outlets.append(o)
    articles = []
    for outlet, plan in zip(outlets, plans):
        values = {k: (v.variant(rng) if k in plan else v) for k, v in facts.values.items()}
        published = day + dt.timedelta(days=rng.choice([0, 0, 1]))
        text = _article(rng, kind, values, published, outlet, n.person("reporter"), n.person("editor"), place, other_headline)
        articles.append(GeneratedArticle(f"{outlet.slug}.txt", text))
    return GeneratedStory(f"s{index:04d}-{kind}", kind, tuple(articles))


def story_sizes(n_articles: int, rng: random.Random) -> list[int]:
    """Sizes of 2-4 summing exactly to n_articles (n_articles >= 2)."""
    if n_articles < 2:
        raise ValueError("a corpus needs at least 2 articles (a story has 2-4)")
    sizes, left = [], n_articles
    while left:
        k = left if left <= 4 else rng.choice([k for k in (2, 3, 4) if left - k != 1])
        sizes.append(k)
        left -= k
    return sizes


def generate(n_articles: int, seed: int = 0) -> list[GeneratedStory]:
    """Stories holding exactly n_articles articles, the same for the same seed."""
    rng = random.Random(seed)
    kinds = list(KINDS)
    stories = []
    for i, size in enumerate(story_sizes(n_articles, rng)):
        if i % len(kinds) == 0:  # every kind once per round, in a shuffled order
            rng.shuffle(kinds)
        stories.append(_story(rng, i, kinds[i % len(kinds)], size))
    return stories


def write(stories: list[GeneratedStory], root: str | Path) -> list[Path]:
    """Write one folder per story under root; return the folders in order."""
    root = Path(root)
    dirs = []
    for story in stories:
        d = root / story.slug
        d.mkdir(parents=True, exist_ok=True)
        for a in story.articles:
            (d / a.filename).write_text(a.text, encoding="utf-8", newline="\n")
        dirs.append(d)
    return dirs
