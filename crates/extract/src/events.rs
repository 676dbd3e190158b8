//! From per-sentence facts to events. Each sentence proposes candidate events (one per
//! category it signals, one per place when it lists several); a candidate then joins an
//! earlier event when it is the same incident told again (coreference), and every merge
//! records why. Casualty figures of merged statements are reconciled, never added.

use crate::actors::{self, TARGET_NOUNS};
use crate::casualties;
use crate::cues::Cue;
use crate::dates::Date;
use crate::model::{Casualty, CasualtyKind, Category, Event, Interval, Merge, PlaceKind, Weapon};
use crate::places::PlaceMention;
use crate::text::Tok;
use crate::weapons;

/// Everything one sentence says that events are built from.
pub struct SentenceFacts<'a> {
    pub id: usize,
    pub heading: bool,
    pub toks: Vec<Tok<'a>>,
    pub casualties: Vec<casualties::Hit>,
    pub weapons: Vec<weapons::Hit>,
    pub dates: Vec<String>,
    /// Dates of saying or publishing ("officials said on Sunday"): they date a report,
    /// an inquiry or talks, never a violent incident.
    pub report_dates: Vec<String>,
    pub time: Option<String>,
    /// Indexes into the article's place mentions that are literal locations here.
    pub places: Vec<usize>,
    pub actors: Vec<actors::ActorHit>,
}

fn trigger(t: &Tok, next: Option<&Tok>, prev: Option<&Tok>) -> Option<Category> {
    let w = t.norm();
    let next_w = next.map(|n| n.norm()).unwrap_or_default();
    Some(match w {
        "missile" | "missiles" | "asbm" | "asbms" | "iskander" => Category::MissileAttack,
        "drone" | "drones" | "uav" | "uavs" | "airstrike" | "airstrikes" | "shahed" | "shaheds" => {
            Category::AirDroneStrike
        }
        // A bombing is from the air only when the text says so ("aerial bombing", "jets
        // bombed"); "suicide bombings" and "car bombings" are explosions on the ground,
        // and a suicide attack on a crowd is violence against civilians.
        "bombing" | "bombings" | "bombed" => match prev.map(|p| p.norm()) {
            Some("suicide") => Category::AttackOnCivilians,
            Some("car" | "roadside" | "truck" | "bus") => Category::Explosion,
            _ => Category::AirDroneStrike,
        },
        "bomber" | "bombers" if prev.is_some_and(|p| p.is("suicide")) => {
            Category::AttackOnCivilians
        }
        "air" if matches!(next_w, "strike" | "strikes" | "raid" | "raids") => {
            Category::AirDroneStrike
        }
        "shelling" | "shelled" | "artillery" | "mortar" | "mortars" | "rockets" | "rocket" => {
            Category::Shelling
        }
        "clash" | "clashes" | "clashed" | "fighting" | "battle" | "battles" | "invasion"
        | "stormed" | "siege" | "besieged" | "firefight" | "offensive" | "insurgency" => {
            if prev.is_some_and(|p| weapons::weapon_of(p).is_some()) {
                return None;
            }
            Category::ArmedClash
        }
        "war"
            if matches!(next_w, "began" | "started" | "broke" | "erupted")
                || prev.is_some_and(|p| p.is_any(&["civil", "full-scale"])) =>
        {
            Category::ArmedClash
        }
        "massacre" | "massacres" | "killings" | "executed" | "executions" | "ambush" => {
            Category::AttackOnCivilians
        }
        "explosion" | "explosions" | "exploded" | "blast" | "landmine" | "ied" => {
            Category::Explosion
        }
        "talks" | "negotiations" | "negotiation" | "ceasefire" | "truce" | "memorandum"
        | "delegation" | "summit" | "mediation" | "treaty" => Category::DiplomacyTalks,
        "peace" if matches!(next_w, "talks" | "deal" | "process" | "plan" | "agreement") => {
            Category::DiplomacyTalks
        }
        "investigation" | "investigative" | "inquiry" | "probe" => Category::Investigation,
        _ => return None,
    })
}

/// Words that refer back to an incident already told.
const ANAPHORA: &[&str] = &[
    "strike",
    "attack",
    "blast",
    "incident",
    "assault",
    "missile",
    "explosion",
    "tragedy",
    "ship",
    "vessel",
];
/// Words that mark aggregate or context figures rather than one incident.
fn is_background(toks: &[Tok]) -> bool {
    let first = toks.first().map(|t| t.norm()).unwrap_or_default();
    let second = toks.get(1).map(|t| t.norm()).unwrap_or_default();
    (first == "by"
        && toks
            .get(1)
            .is_some_and(|t| crate::dates::month_of(t.text).is_some()))
        || (first == "as" && second == "of")
        || (first == "those" && matches!(second, "attacks" | "strikes"))
        || toks.windows(2).any(|w| w[0].is("in") && w[1].is("total"))
        || toks.windows(2).any(|w| w[0].is("so") && w[1].is("far"))
        || toks.iter().any(|t| t.is("occasions"))
}

struct Candidate {
    category: Category,
    sentence: usize,
    casualties: Vec<Casualty>,
    weapons: Vec<Weapon>,
    date: Option<String>,
    time: Option<String>,
    place: Option<usize>,
    country: Option<String>,
    actors: Vec<String>,
    background: bool,
    anaphoric: bool,
    explicit_new: bool,
    /// From the headline or standfirst: a summary of what the body tells in detail.
    heading: bool,
    /// The sentence places itself in time without a full date ("in 2014", "last
    /// month", "a week earlier"): it does not take the story's date.
    own_time: bool,
    /// Years the sentence names outside a full date ("in 2021").
    years: Vec<i32>,
    /// The sentence tells of a time before the story: "last month", "two years ago".
    long_ago: bool,
    /// A month the sentence names without a full date ("in mid-July"): enough to tell
    /// an incident recalled from another month.
    month: Option<u32>,
}

impl Candidate {
    fn vague(&self) -> bool {
        self.casualties.is_empty()
            && self.weapons.is_empty()
            && self.date.is_none()
            && self.place.is_none()
    }
}

fn specificity(k: PlaceKind) -> u8 {
    match k {
        PlaceKind::Facility => 4,
        PlaceKind::City => 3,
        PlaceKind::Region => 2,
        PlaceKind::Area => 1,
        PlaceKind::Country => 0,
    }
}

const ATTACK_VERBS: &[&str] = &[
    "launched",
    "fired",
    "conducted",
    "struck",
    "attacked",
    "opened",
    "stormed",
    "shelled",
    "hit",
    "targeted",
    "used",
    "unleashed",
    "carried",
    "besieged",
    "seized",
    "began",
    "launches",
    "fires",
    "strikes",
    "pressed",
];
const ATTACKER_NOUNS: &[&str] = &[
    "forces",
    "troops",
    "army",
    "military",
    "fighters",
    "drone",
    "drones",
    "missiles",
    "missile",
    "strikes",
    "strike",
    "militias",
    "soldiers",
    "bombers",
    "jets",
    "warplanes",
];

/// Who acted, from a sentence's actor mentions: subjects of attack verbs and demonyms
/// that modify attacker nouns; mentions that name the target side are left out.
fn attackers(f: &SentenceFacts, category: Category) -> (Vec<String>, Option<String>) {
    let mut acts = Vec::new();
    let mut target = None;
    for a in &f.actors {
        let next = f.toks.get(a.end);
        let prev = a.start.checked_sub(1).and_then(|p| f.toks.get(p));
        let is_target = next.is_some_and(|n| TARGET_NOUNS.contains(&n.norm()))
            || prev.is_some_and(|p| p.is_any(&["on", "at", "against", "into", "within", "in"]));
        if is_target {
            if target.is_none() && !a.country.is_empty() {
                target = Some(a.country.to_string());
            }
            continue;
        }
        // "Russian forces also fired", "Ukrainian drone strikes", "RSF (…) fighters stormed";
        // not "the Ukrainian army confirmed".
        let verb_follows =
            (a.end..(a.end + 4).min(f.toks.len())).any(|j| f.toks[j].is_any(ATTACK_VERBS));
        let acting = category == Category::DiplomacyTalks
            || verb_follows
            || next.is_some_and(|n| {
                weapons::weapon_of(n).is_some()
                    || n.is_any(&[
                        "strikes",
                        "strike",
                        "attack",
                        "attacks",
                        "airstrikes",
                        "shelling",
                    ])
            })
            || (next.is_some_and(|n| n.text == "(" || ATTACKER_NOUNS.contains(&n.norm()))
                && (a.end..(a.end + 8).min(f.toks.len())).any(|j| f.toks[j].is_any(ATTACK_VERBS)));
        if acting && !acts.contains(&a.name.to_string()) {
            acts.push(a.name.to_string());
        }
    }
    (acts, target)
}

/// Category triggers of a sentence with their token positions, and the categories named
/// only as a time or context reference ("the largest assault since the start of the
/// war", "missiles struck X as Russia pressed its invasion").
fn triggers(toks: &[Tok]) -> (Vec<(Category, usize)>, Vec<Category>) {
    let mut cats: Vec<(Category, usize)> = Vec::new();
    let mut reference_only: Vec<Category> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(c) = trigger(t, toks.get(i + 1), i.checked_sub(1).map(|p| &toks[p])) else {
            continue;
        };
        let since =
            c == Category::ArmedClash && toks[i.saturating_sub(6)..i].iter().any(|x| x.is("since"));
        if since && !reference_only.contains(&c) {
            reference_only.push(c);
        }
        if !cats.iter().any(|x| x.0 == c) {
            cats.push((c, i));
        }
    }
    // "a drone fired three missiles at the cars": the missiles are the drone's
    // munition, one air strike ("launched drones and fired missiles" stays two).
    let at = |c: Category| cats.iter().find(|x| x.0 == c).map(|x| x.1);
    if let (Some(d), Some(m)) = (at(Category::AirDroneStrike), at(Category::MissileAttack)) {
        let fires = |v: usize| {
            toks[v].is_any(&["fired", "fires", "launched", "launches", "dropped"])
                && v < m
                && m <= v + 5
        };
        if (d + 1..=d + 2).any(|v| v < toks.len() && fires(v))
            && !toks[d + 1..m].iter().any(|t| t.is("and"))
        {
            cats.retain(|x| x.0 != Category::MissileAttack);
        }
    }
    let war_as_context = cats
        .iter()
        .any(|c| c.0.is_violent() && c.0 != Category::ArmedClash)
        && cats.iter().any(|c| c.0 == Category::ArmedClash);
    if war_as_context && !reference_only.contains(&Category::ArmedClash) {
        reference_only.push(Category::ArmedClash);
    }
    (cats, reference_only)
}

/// How a sentence points back to an incident already told.
struct Reference {
    /// "the strike", "this incident", a definite weapon without a count.
    anaphoric: bool,
    /// "in addition", "also": the date of the last incident carries over.
    in_addition: bool,
    /// Triggers named only as "in addition to the X" point back to X.
    categories: Vec<Category>,
}

fn reference(f: &SentenceFacts, cats: &[(Category, usize)]) -> Reference {
    let toks = &f.toks;
    // "the Kh-22 anti-ship missiles were fired by…": a weapon told as already known.
    let definite_weapon = f.weapons.is_empty()
        && toks.iter().enumerate().any(|(i, t)| {
            weapons::weapon_of(t).is_some()
                && (i.saturating_sub(4)..i)
                    .rev()
                    .find(|&j| !toks[j].is_capitalized() && !toks[j].text.contains('-'))
                    .is_some_and(|j| toks[j].is_any(&["the", "these", "those"]))
        });
    let anaphoric = definite_weapon
        || toks
            .windows(2)
            .any(|w| w[0].is_any(&["the", "this", "that"]) && ANAPHORA.contains(&w[1].norm()));
    let in_addition = toks
        .windows(2)
        .any(|w| w[0].is("in") && w[1].is("addition"))
        || toks.iter().any(|t| t.is("also"));
    let categories = toks
        .windows(3)
        .position(|w| w[0].is("addition") && w[1].is("to"))
        .map(|p| {
            cats.iter()
                .filter(|c| c.1 > p && c.1 <= p + 5)
                .map(|c| c.0)
                .collect()
        })
        .unwrap_or_default();
    Reference {
        anaphoric,
        in_addition,
        categories,
    }
}

/// The category of a sentence with no trigger of its own, and whether it continues the
/// last incident: from its weapon, from the incident it refers back to, or from its
/// casualty statements alone (a casualty statement makes an incident).
fn untriggered(
    f: &SentenceFacts,
    prev_event: Option<&Event>,
    anaphoric: bool,
) -> Option<(Category, usize, bool)> {
    if let Some(w) = f.weapons.first() {
        return Some((
            weapon_category(w.kind).unwrap_or(Category::Shelling),
            w.start,
            false,
        ));
    }
    let has_facts = !f.casualties.is_empty() || !f.weapons.is_empty();
    let generic_attack = f
        .toks
        .iter()
        .any(|t| t.is_any(&["attack", "attacks", "strike", "strikes"]));
    if has_facts || anaphoric {
        return match prev_event {
            Some(e) if e.category.is_violent() || e.category == Category::Other => {
                Some((e.category, 0, true))
            }
            _ if has_facts && generic_attack => Some((Category::Other, 0, false)),
            _ if has_facts => Some((Category::AttackOnCivilians, 0, false)),
            _ => None,
        };
    }
    (generic_attack && !f.dates.is_empty() && !f.heading).then_some((Category::Other, 0, false))
}

/// The category a weapon kind implies on its own, where it implies one.
fn weapon_category(k: crate::model::WeaponKind) -> Option<Category> {
    match k {
        crate::model::WeaponKind::Drone | crate::model::WeaponKind::Bomb => {
            Some(Category::AirDroneStrike)
        }
        crate::model::WeaponKind::Missile => Some(Category::MissileAttack),
        _ => None,
    }
}

/// Where a wire dateline ("KHARKIV, Ukraine —") ends: an upper-case first word and a
/// dash within the first few tokens. The dateline says where the reporter filed from,
/// not where the incident happened.
fn dateline_end(toks: &[Tok]) -> Option<usize> {
    let first = toks.first()?;
    let caps = first.text.len() >= 2
        && first.text.chars().all(|c| !c.is_lowercase())
        && first.text.chars().any(char::is_alphabetic);
    if !caps {
        return None;
    }
    toks.iter()
        .take(8)
        .find(|t| matches!(t.text, "—" | "–" | "-" | "--"))
        .map(|t| t.span.end)
}

/// Verbs that move or treat the wounded: a place after them is where victims were
/// cared for ("evacuated to a hospital in Kaya"), not where the incident happened.
const CARE_VERBS: &[&str] = &[
    "evacuated",
    "taken",
    "rushed",
    "flown",
    "airlifted",
    "transferred",
    "brought",
    "treated",
    "admitted",
    "hospitalised",
    "hospitalized",
];

/// Whether a place is named as where victims were taken or treated: a care verb
/// shortly before it in the same clause, with no violence word in between.
fn place_of_care(toks: &[Tok], m: &PlaceMention) -> bool {
    let before: Vec<&Tok> = toks
        .iter()
        .rev()
        .filter(|t| t.span.end <= m.span.start)
        .take(7)
        .collect();
    for (i, t) in before.iter().enumerate() {
        // "… to the regional hospital in Kaya"
        let sent_to_care = t.is_any(&["hospital", "hospitals", "clinic", "morgue"])
            && before[i + 1..].iter().take(3).any(|p| p.is("to"));
        if t.is_any(CARE_VERBS) || sent_to_care {
            return true;
        }
        if t.has(crate::lexicon::Class::VIOLENCE_VERB)
            || matches!(t.text, "," | ";" | "—")
            || trigger(t, None, None).is_some()
        {
            return false;
        }
    }
    false
}

/// Words that may stand between two places of one coordination: "in Kharkiv and in
/// Odesa", "the Ryazan, Murmansk and Irkutsk regions".
const COORDINATION: &[&str] = &[
    ",", "and", "or", "in", "on", "the", "also", "both", "as", "well",
];

/// Whether places `a` and `b` (in text order) are coordinated in one phrase.
fn coordinated(toks: &[Tok], a: &PlaceMention, b: &PlaceMention) -> bool {
    toks.iter()
        .filter(|t| t.span.start >= a.span.end && t.span.end <= b.span.start)
        .all(|t| t.is_any(COORDINATION))
}

/// Literal places, most specific first. Places of the same level each get their own
/// event when the sentence coordinates them ("Ryazan and Murmansk regions") or gives
/// them different figures ("three died in Kyiv and one in Dnipro"); otherwise the
/// sentence has one place. A dateline's place counts only when it is the only one.
fn place_sets(
    f: &SentenceFacts,
    mentions: &[PlaceMention],
    cats: &[(Category, usize)],
) -> Vec<Option<usize>> {
    let diplomatic_only = cats.iter().all(|c| !c.0.is_violent());
    let mut places: Vec<usize> = f
        .places
        .iter()
        .copied()
        .filter(|&m| !(diplomatic_only && mentions[m].kind == PlaceKind::Country))
        .collect();
    if let Some(end) = dateline_end(&f.toks) {
        if places.iter().any(|&m| mentions[m].span.start >= end) {
            places.retain(|&m| mentions[m].span.start >= end);
        }
    }
    places.retain(|&m| !place_of_care(&f.toks, &mentions[m]));
    places.sort_by_key(|&m| std::cmp::Reverse(specificity(mentions[m].kind)));
    let top = places.first().map(|&m| specificity(mentions[m].kind));
    let mut same_level: Vec<usize> = places
        .iter()
        .copied()
        .filter(|&m| Some(specificity(mentions[m].kind)) == top)
        .collect();
    same_level.sort_by_key(|&m| mentions[m].span.start);
    let joined = same_level
        .windows(2)
        .all(|w| coordinated(&f.toks, &mentions[w[0]], &mentions[w[1]]));
    let own_figures = {
        let cas = &f.casualties;
        cas.iter()
            .any(|c| cas.iter().any(|d| d.kind == c.kind && d.count != c.count))
    };
    let split = same_level.len() >= 2
        && (joined || own_figures)
        && same_level
            .iter()
            .all(|&m| matches!(mentions[m].kind, PlaceKind::Region | PlaceKind::City))
        && cats.iter().any(|c| c.0.is_violent());
    if split {
        same_level.iter().map(|&m| Some(m)).collect()
    } else {
        vec![places.first().copied()]
    }
}

/// The sentence's casualty statements that belong to `category`: each goes to the
/// nearest trigger of a violent kind.
fn casualties_of(
    f: &SentenceFacts,
    category: Category,
    near: &dyn Fn(usize) -> Category,
) -> Vec<Casualty> {
    if !(category.is_violent() || category == Category::Other) {
        return Vec::new();
    }
    let toks = &f.toks;
    f.casualties
        .iter()
        .filter(|h| near(h.start) == category)
        .map(|h| Casualty {
            kind: h.kind,
            count: h.count.clone(),
            count_text: h.count_text.clone(),
            who: h.who.clone(),
            text: span_text(toks, h.start, h.end),
            sentence: f.id,
            span: crate::model::Span::new(
                toks[h.start].span.start,
                toks[h.end.min(toks.len()) - 1].span.end,
            ),
            // "…; three more die": a headline's "more" is told again in the body.
            cue: match h.cue {
                Cue::Additional { beyond: true }
                    if f.heading && toks.get(h.num.1).is_some_and(|t| t.is("more")) =>
                {
                    Cue::HeadlineMore
                }
                c => c,
            },
            joined: h.joined,
        })
        .collect()
}

/// The sentence's weapons that belong to `category` (drones and missiles by their kind,
/// others by the nearest trigger).
fn weapons_of(
    f: &SentenceFacts,
    category: Category,
    near: &dyn Fn(usize) -> Category,
    alone: bool,
) -> Vec<Weapon> {
    let toks = &f.toks;
    f.weapons
        .iter()
        .filter(|w| {
            // A missile goes with the trigger nearest it: its own word as a missile
            // attack, or the drone that fired it when that is the sentence's only strike.
            let wc = match w.kind {
                crate::model::WeaponKind::Drone => Category::AirDroneStrike,
                _ => near(w.start),
            };
            wc == category || (alone && category.is_violent())
        })
        .map(|w| Weapon {
            kind: w.kind,
            subtype: w.subtype.clone(),
            count: w.count,
            text: span_text(toks, w.start, w.end),
            sentence: f.id,
            span: crate::model::Span::new(toks[w.start].span.start, toks[w.end - 1].span.end),
        })
        .collect()
}

/// ACLED codes fighting whose stated victims are civilians as violence against
/// civilians ("stormed the village … and killed at least 100 civilians").
fn civilian_victims(category: Category, cas: &[Casualty]) -> Category {
    let civilians = cas.iter().any(|c| {
        c.kind == CasualtyKind::Killed
            && c.who
                .as_deref()
                .is_some_and(|w| w.to_lowercase().contains("civilian"))
    });
    if category == Category::ArmedClash && civilians {
        Category::AttackOnCivilians
    } else {
        category
    }
}

/// When a sentence is split by place ("three people died in Kyiv and one in Dnipro"),
/// each place keeps the statements told nearest to it. One statement alone, or several
/// with the same figure, stays with every place: it is shared, and the ledger counts a
/// shared statement once.
fn own_casualties(
    cas: &[Casualty],
    place: Option<usize>,
    places: &[Option<usize>],
    mentions: &[PlaceMention],
) -> Vec<Casualty> {
    let distinct = cas
        .iter()
        .any(|c| cas.iter().any(|d| d.kind == c.kind && d.count != c.count));
    let Some(me) = place.filter(|_| places.len() >= 2 && distinct) else {
        return cas.to_vec();
    };
    let distance = |m: usize, c: &Casualty| {
        let p = mentions[m].span;
        if p.end <= c.span.start {
            c.span.start - p.end
        } else {
            p.start.saturating_sub(c.span.end)
        }
    };
    cas.iter()
        .filter(|c| {
            let nearest = places
                .iter()
                .flatten()
                .min_by_key(|&&m| distance(m, c))
                .copied();
            nearest == Some(me)
        })
        .cloned()
        .collect()
}

/// Whether a sentence says outright that it tells another incident: "In another
/// attack", "Separately", or a time shift at its start ("Earlier, gunmen killed…").
fn opens_new_incident(toks: &[Tok]) -> bool {
    toks.first()
        .is_some_and(|t| t.is_any(&["other", "another", "separately", "meanwhile"]))
        && !counts_further_people(toks)
        || crate::cues::opens_with_time_shift(toks)
}

/// "Another 28 people were wounded", "Other victims…": the opening word adds people to
/// the incident being told, it does not open another one ("Another strike hit…").
fn counts_further_people(toks: &[Tok]) -> bool {
    let noun_at = crate::numbers::number_at(toks, 1).map_or(1, |n| n.end);
    toks.get(noun_at)
        .is_some_and(|t| t.has(crate::lexicon::Class::PERSON))
}

/// A category named only as context: kept as a background event with no facts.
fn context_candidate(f: &SentenceFacts, category: Category) -> Candidate {
    Candidate {
        category,
        sentence: f.id,
        casualties: Vec::new(),
        weapons: Vec::new(),
        date: None,
        time: None,
        place: None,
        country: None,
        actors: Vec::new(),
        background: true,
        anaphoric: false,
        explicit_new: false,
        heading: f.heading,
        month: None,
        own_time: true,
        years: Vec::new(),
        long_ago: false,
    }
}

/// The month a sentence names without a resolved date: "in mid-July", "in July".
fn named_month(f: &SentenceFacts) -> Option<u32> {
    if !f.dates.is_empty() {
        return None;
    }
    f.toks.windows(2).find_map(|w| {
        let word = w[1].text;
        let bare = ["mid-", "early-", "late-"]
            .iter()
            .find_map(|p| word.strip_prefix(p))
            .unwrap_or(word);
        let m = crate::dates::month_of(bare)?;
        // "In July", "in mid-July", "since June": not "May" the verb or a name.
        (w[1].is_capitalized() || bare != word)
            .then_some(())
            .filter(|_| w[0].is_any(&["in", "since", "during", "mid", "early", "late", "last"]))
            .map(|_| m)
    })
}

/// Whether a sentence reads as a count rather than an incident: a counting noun ("the
/// number killed", "the official count", "the death toll") or a perfect tense of
/// dying ("639 people have died").
fn tally_like(toks: &[Tok]) -> bool {
    use crate::lexicon::Class;
    toks.iter()
        .any(|t| t.is_any(&["count", "number", "tally", "toll", "figure", "figures"]))
        || toks.windows(3).any(|w| {
            w[0].is_any(&["have", "has"])
                && (w[1].is_any(&["died", "perished"])
                    || (w[1].is("been") && w[2].has(Class::KILL_VERB)))
        })
}

/// Years written as numbers ("in 2021", "since 2019").
fn named_years(toks: &[Tok]) -> Vec<i32> {
    toks.iter().filter_map(crate::dates::year_num).collect()
}

/// "last month", "last year", "two years ago", "weeks earlier": a time well before the
/// story's day. Not "last night" or "hours ago".
fn tells_past_period(toks: &[Tok]) -> bool {
    const PERIODS: &[&str] = &["month", "year", "months", "years", "weeks", "week"];
    toks.windows(2).any(|w| {
        (w[0].is_any(&["last", "previous"]) && w[1].is_any(&["month", "year"]))
            || (w[0].is_any(PERIODS) && w[1].is_any(&["ago", "earlier", "before"]))
    })
}

/// Words that move a sentence away from the story's day: "ago", "earlier", "last".
const OTHER_TIME: &[&str] = &[
    "ago",
    "earlier",
    "last",
    "previous",
    "previously",
    "yesterday",
    "since",
    "past",
    "days",
    "year",
    "years",
    "months",
    "weeks",
];

/// Whether a sentence says when it happened in words other than a full date (a year,
/// a month, "last week", "two days later", "since"), so the story's date is not its
/// date.
fn names_own_time(toks: &[Tok]) -> bool {
    // "had earlier reported ten deaths": the time of a report, not of the incident.
    let of_report = |i: usize| {
        toks.get(i + 1).is_some_and(|n| {
            n.has(crate::lexicon::Class::SAY)
                || n.is_any(&["reported", "put", "gave", "given", "announced", "stated"])
        })
    };
    toks.iter().enumerate().any(|(i, t)| {
        (t.is_any(OTHER_TIME) && !(t.is_any(&["earlier", "previously"]) && of_report(i)))
            || (t.is_capitalized() && crate::dates::month_of(t.text).is_some() && t.text.len() >= 3)
            || crate::dates::year_num(t).is_some()
    })
}

/// "killed in the blast": a definite reference to the incident just told, not a new one.
fn the_blast(toks: &[Tok], cats: &mut [(Category, usize)], prev_event: Option<&Event>) {
    if let [(c, at)] = cats {
        let definite =
            *c == Category::Explosion && *at > 0 && toks[*at - 1].is_any(&["the", "this", "that"]);
        if let Some(e) = prev_event.filter(|e| definite && e.category.is_violent()) {
            *c = e.category;
        }
    }
}

/// The incidents one sentence tells, one candidate per category, place and date.
fn candidates_for(
    f: &SentenceFacts,
    mentions: &[PlaceMention],
    prev_event: Option<&Event>,
    after_tally: bool,
) -> Vec<Candidate> {
    let toks = &f.toks;
    let (mut cats, reference_only) = triggers(toks);
    the_blast(toks, &mut cats, prev_event);
    let refs = reference(f, &cats);
    let mut continuation = false;
    let mut background = is_background(toks);
    if cats.is_empty() {
        let Some((c, at, cont)) = untriggered(f, prev_event, refs.anaphoric) else {
            return Vec::new();
        };
        cats.push((c, at));
        continuation = cont;
        // "In Iran, the official count put the number killed at 224": a tally told
        // beside the one before it, with no incident word or date of its own.
        background |= after_tally && f.dates.is_empty() && tally_like(toks);
    }
    let explicit_new = opens_new_incident(toks);
    let places = place_sets(f, mentions, &cats);
    let month = named_month(f);
    let own_time = names_own_time(&f.toks);
    let years = if f.dates.is_empty() {
        named_years(toks)
    } else {
        Vec::new()
    };
    let long_ago = tells_past_period(toks);
    // Several dates for an undifferentiated attack list ("on April 2 and 24"): one each.
    let dates: Vec<Option<String>> = match cats.as_slice() {
        [(Category::Other, _)] if f.dates.len() > 1 => f.dates.iter().cloned().map(Some).collect(),
        _ => vec![f.dates.first().cloned()],
    };
    let mut out = Vec::new();
    for &(category, _) in &cats {
        if reference_only.contains(&category) && cats.len() > 1 {
            out.push(context_candidate(f, category));
            continue;
        }
        let (acts, target) = attackers(f, category);
        let alone = cats.len() == 1;
        let near = |tok: usize| -> Category {
            if alone {
                return category;
            }
            cats.iter()
                .filter(|c| c.0.is_violent() && !reference_only.contains(&c.0))
                .min_by_key(|c| (c.1 as i64 - tok as i64).abs())
                .map(|c| c.0)
                .unwrap_or(category)
        };
        let cas = casualties_of(f, category, &near);
        let weps = weapons_of(f, category, &near, alone);
        let anaphoric = refs.anaphoric || continuation || refs.categories.contains(&category);
        let category = civilian_victims(category, &cas);
        let carried = if category.is_violent() {
            refs.in_addition
                .then(|| prev_event.and_then(|e| e.date.clone()))
                .flatten()
        } else {
            f.report_dates.first().cloned()
        };
        for place in &places {
            let cas = own_casualties(&cas, *place, &places, mentions);
            for date in &dates {
                let country = place
                    .and_then(|m| mentions[m].country.clone())
                    .or_else(|| target.clone())
                    .or_else(|| {
                        cas.iter()
                            .filter_map(|c| c.who.as_deref())
                            .find_map(actors_country)
                    });
                out.push(Candidate {
                    category,
                    sentence: f.id,
                    casualties: cas.clone(),
                    weapons: weps.clone(),
                    date: date.clone().or_else(|| carried.clone()),
                    time: f.time.clone(),
                    place: *place,
                    country,
                    actors: acts.clone(),
                    background,
                    anaphoric,
                    explicit_new,
                    heading: f.heading,
                    month,
                    own_time,
                    years: years.clone(),
                    long_ago,
                });
            }
        }
    }
    out
}

fn actors_country(who: &str) -> Option<String> {
    let first = who.split_whitespace().next()?;
    let tok = Tok::new(
        first,
        crate::model::Span::new(0, first.len()),
        crate::text::TokKind::Word,
    );
    actors::find(std::slice::from_ref(&tok))
        .first()
        .filter(|a| !a.country.is_empty())
        .map(|a| a.country.to_string())
}

fn span_text(toks: &[Tok], a: usize, b: usize) -> String {
    let b = b.min(toks.len());
    let mut s = String::new();
    for (i, t) in toks[a..b].iter().enumerate() {
        if i > 0 && !matches!(t.text, "," | "." | ";" | ":" | ")") {
            s.push(' ');
        }
        s.push_str(t.text);
    }
    s
}

/// Whether two stated intervals can describe the same count.
pub(crate) fn overlaps(a: &Interval, b: &Interval) -> bool {
    let lo = a.min.unwrap_or(0).max(b.min.unwrap_or(0));
    let hi = a.max.unwrap_or(u64::MAX).min(b.max.unwrap_or(u64::MAX));
    lo <= hi
}

fn figure(e_cas: &[Casualty], kind: CasualtyKind) -> Option<Interval> {
    reconcile(e_cas.iter().filter(|c| c.kind == kind).map(|c| &c.count)).0
}

/// Reconciles statements of one figure about one incident: the statement with the
/// highest lower bound wins (ties go to the one with an open or wider upper bound, the
/// more cautious reading); statements that contradict it are returned as competing.
pub fn reconcile<'a>(
    stmts: impl Iterator<Item = &'a Interval>,
) -> (Option<Interval>, Vec<Interval>) {
    let all: Vec<&Interval> = stmts.collect();
    let positive: Vec<&Interval> = all.iter().copied().filter(|i| !i.is_zero()).collect();
    let pool = if positive.is_empty() {
        all.clone()
    } else {
        positive
    };
    let best = pool
        .iter()
        .copied()
        .max_by_key(|i| (i.min.unwrap_or(0), i.max.map_or(u64::MAX, |m| m)));
    let Some(best) = best.cloned() else {
        return (None, Vec::new());
    };
    let competing = pool
        .iter()
        .filter(|i| !overlaps(i, &best))
        .map(|i| (*i).clone())
        .collect();
    (Some(best), competing)
}

fn compatible(
    e: &Event,
    c: &Candidate,
    mentions: &[PlaceMention],
    place_of: &dyn Fn(&Event) -> Option<usize>,
) -> Option<String> {
    if e.background != c.background {
        return None;
    }
    // "the one on June 27": an unspecific attack mention dated like a told incident is it.
    if c.category == Category::Other
        && e.category.is_violent()
        && c.date.is_some()
        && c.date == e.date
        && c.casualties.is_empty()
    {
        return Some(format!(
            "an attack mentioned again by its date ({})",
            c.date.as_deref().unwrap_or("")
        ));
    }
    // "Saturday's attack" and "the missile strike" are one incident when nothing else
    // tells them apart: an unspecific attack takes the category of a specific telling.
    let generic = (e.category == Category::Other && c.category.is_violent())
        || (c.category == Category::Other && e.category.is_violent());
    let headline = c.heading && e.category.is_violent() && c.category.is_violent();
    if e.category != c.category && !generic && !headline {
        return None;
    }
    // A toll update is dated when it was reported, not when the incident happened.
    // The increase it reports may be told beside it: "eight more bodies were found,
    // raising the toll to 20".
    let toll_report = c.casualties.iter().any(|x| x.cue == Cue::Update)
        || (!c.casualties.is_empty() && c.casualties.iter().all(|x| x.cue == Cue::Earlier));
    // "Residents dug graves for 25 bodies" on a later day: the same dead, counted after.
    let aftermath =
        !c.casualties.is_empty() && c.casualties.iter().all(|x| x.cue == Cue::Aftermath);
    let toll_report = (toll_report || aftermath)
        && !c
            .casualties
            .iter()
            .any(|x| matches!(x.cue, Cue::Claim | Cue::Aggregate | Cue::Separate));
    if let (Some(a), Some(b), false) = (&e.date, &c.date, toll_report) {
        if a != b {
            return None;
        }
    }
    let ep = place_of(e);
    // A sentence that points back ("the Kh-22 missiles were fired from…") may name other
    // places (a launch site) without being another incident.
    // A headline's place is often the wider or better-known one ("Gaza" for a strike
    // in a camp there); its exact figure identifies the incident better.
    let loose_place = (c.anaphoric && c.casualties.is_empty()) || (c.heading && equal_figure(e, c));
    if let (Some(a), Some(b), false) = (ep, c.place, loose_place) {
        let (pa, pb) = (&mentions[a], &mentions[b]);
        let same = pa.name == pb.name;
        // A country-wide telling and a place inside it are one incident unless the
        // narrower telling brings figures of its own: "in the Lviv region, a man was
        // killed" after a nationwide barrage is one of its local incidents.
        let within = pa.country == pb.country
            && (pa.kind == PlaceKind::Country || pb.kind == PlaceKind::Country)
            && (c.casualties.is_empty() || shared_figure(e, c).is_some());
        if !same && !within {
            return None;
        }
    }
    if !e.actors.is_empty()
        && !c.actors.is_empty()
        && !c.actors.iter().any(|a| e.actors.contains(a))
    {
        return None;
    }
    // "The army said it had killed 20 fighters": one side's account of the strike just
    // told, whose figure competes with the reported one instead of ruling it out.
    // A share of the claimed figure ("and named 81 of them") is part of the same account.
    let claim_only = c.casualties.iter().any(|x| x.cue == Cue::Claim)
        && c.casualties
            .iter()
            .all(|x| matches!(x.cue, Cue::Claim | Cue::Subset));
    for kind in [CasualtyKind::Killed, CasualtyKind::Injured] {
        let a = figure(&e.casualties, kind);
        let b = figure(&c.casualties, kind);
        if let (Some(a), Some(b), false) = (&a, &b, toll_report || claim_only) {
            // A headline may carry a figure the body later updated ("7 dead", then
            // "bringing the number of dead to ten"): any telling of it will do.
            let told = c.heading
                && e.casualties
                    .iter()
                    .any(|x| x.kind == kind && overlaps(&x.count, b));
            if !overlaps(a, b) && !told {
                return None;
            }
        }
    }
    // A headline summarises the body's main incident, whatever word each uses for it.
    if generic || headline {
        let same_day = c.date.is_some() && c.date == e.date;
        let reason = shared_figure(e, c).or_else(|| {
            same_day.then(|| format!("same date ({})", e.date.as_deref().unwrap_or("")))
        });
        if let Some(r) = reason {
            return Some(format!("an attack told in other words; {r}"));
        }
        if e.category != c.category {
            return None;
        }
    }
    if let Some(r) = shared_figure(e, c) {
        return Some(format!("same category; {r}"));
    }
    if !c.category.is_violent() {
        return Some("same talks or process, no conflicting date or place".into());
    }
    if c.anaphoric {
        return Some("refers back to the incident (\"the strike\", \"this incident\")".into());
    }
    if c.vague() {
        return Some("a general mention with no date, place or figures of its own".into());
    }
    if claim_only && c.category.is_violent() {
        return Some("one side's account of the same incident".into());
    }
    if c.place.is_some() && ep.is_some() && (c.casualties.is_empty() || e.casualties.is_empty()) {
        return Some("same category and place, no conflicting date".into());
    }
    // "a drone fired three missiles at the cars": how the incident just told was done,
    // on its day, with no place or figures of its own.
    if c.place.is_none() && c.casualties.is_empty() && c.date.is_some() && c.date == e.date {
        return Some("same category and date, no place or figures of its own".into());
    }
    None
}

pub fn fmt_iv(i: &Interval) -> String {
    match (i.min, i.max) {
        (Some(a), Some(b)) if a == b => format!("{}{a}", if i.approx { "about " } else { "" }),
        (Some(a), None) => format!("≥{a}"),
        (None, Some(b)) => format!("≤{b}"),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        (None, None) => "unknown".into(),
    }
}

/// How many earlier events a new mention is compared with. Retellings sit close to the
/// first telling (or, for headlines, near the top), and the bound keeps the whole
/// extraction linear in the length of the text instead of quadratic in its events.
const COREF_WINDOW: usize = 64;

/// Builds events from all sentences. `place_ids[m]` is the location id of mention m.
pub fn build(
    facts: &[SentenceFacts],
    mentions: &[PlaceMention],
    place_ids: &[String],
) -> (Vec<Event>, Vec<crate::model::Figure>) {
    let mut events: Vec<Event> = Vec::new();
    let mut event_place: Vec<Option<usize>> = Vec::new();
    let mut deferred: Vec<Candidate> = Vec::new();
    // The event that the latest sentence was mainly about: a following sentence without
    // a trigger of its own ("Thirteen people died…") continues it.
    let mut primary: Option<usize> = None;
    let mut main_day: Option<i64> = None;
    // The previous sentence told only tallies (background figures).
    let mut after_tally = false;
    for f in facts {
        let prev = primary.and_then(|i| events.get(i));
        let mut sentence_primary: Option<(bool, usize)> = None;
        // Figure-bearing background candidates, and candidates that are not background.
        let mut tallies = 0;
        let mut current = 0;
        for mut c in candidates_for(f, mentions, prev, after_tally) {
            // Figures that are all running tallies ("since the war began") make a
            // background event, whatever else the sentence says.
            if !c.casualties.is_empty()
                && c.casualties
                    .iter()
                    .all(|x| x.cue == crate::cues::Cue::Aggregate)
            {
                c.background = true;
            }
            recalled(&mut c, &mut main_day);
            tallies += usize::from(c.background && !c.casualties.is_empty());
            current += usize::from(!c.background);
            let concrete = !c.casualties.is_empty() || !c.weapons.is_empty();
            let background = c.background;
            // Headlines and general mentions join the incident they summarise once the
            // body has been read; only then is it known which incident that is.
            if (c.vague() || c.heading) && !c.anaphoric {
                deferred.push(c);
                continue;
            }
            let found = if c.explicit_new && c.category.is_violent() {
                None
            } else {
                (events.len().saturating_sub(COREF_WINDOW)..events.len())
                    .rev()
                    .find_map(|i| {
                        let ep = event_place[i];
                        compatible(&events[i], &c, mentions, &move |_| ep).map(|r| (i, r))
                    })
            };
            let at = match found {
                Some((i, reason)) => {
                    absorb(&mut events[i], &mut event_place[i], c, reason);
                    i
                }
                None => {
                    let mut c = c;
                    if c.date.is_none() && !c.own_time && !c.background && concrete {
                        c.date = main_day.map(|d| Date::from_days(d).to_string());
                    }
                    event_place.push(c.place);
                    events.push(new_event(c));
                    events.len() - 1
                }
            };

            if !background
                && sentence_primary.is_none_or(|(was_concrete, _)| concrete && !was_concrete)
            {
                sentence_primary = Some((concrete, at));
            }
        }
        if let Some((_, i)) = sentence_primary {
            primary = Some(i);
        }
        // Every candidate was background, and at least one carried figures.
        after_tally = tallies > 0 && current == 0;
    }
    for c in deferred {
        let found = (0..events.len().min(COREF_WINDOW)).find_map(|i| {
            let ep = event_place[i];
            compatible(&events[i], &c, mentions, &move |_| ep).map(|r| (i, r))
        });
        match found {
            Some((i, reason)) => absorb(&mut events[i], &mut event_place[i], c, reason),
            None => {
                event_place.push(c.place);
                events.push(new_event(c));
            }
        }
    }
    in_text_order(events, &event_place, mentions, place_ids)
}

/// Orders events by their first sentence, numbers them, gives them their place ids and
/// settles their figures.
fn in_text_order(
    events: Vec<Event>,
    event_place: &[Option<usize>],
    mentions: &[PlaceMention],
    place_ids: &[String],
) -> (Vec<Event>, Vec<crate::model::Figure>) {
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| events[i].sentences.first().copied().unwrap_or(0));
    let lone = only_earlier_figures(&events);
    let mut out = Vec::new();
    let mut ledger = Vec::new();
    for (n, i) in order.into_iter().enumerate() {
        let mut e = events[i].clone();
        e.id = format!("e{}", n + 1);
        e.place_id = event_place[i].map(|m| place_ids[m].clone());
        if e.country.is_none() {
            e.country = event_place[i].and_then(|m| mentions[m].country.clone());
        }
        ledger.extend(finish(
            &mut e,
            event_place[i].map(|m| mentions[m].name.as_str()),
            &lone,
        ));
        out.push(e);
    }
    (out, ledger)
}

/// "same killed figure (12 and ≥12)": why two tellings with figures are one incident.
fn shared_figure(e: &Event, c: &Candidate) -> Option<String> {
    [CasualtyKind::Killed, CasualtyKind::Injured]
        .into_iter()
        .find_map(
            |k| match (figure(&e.casualties, k), figure(&c.casualties, k)) {
                (Some(a), Some(b)) if !a.is_zero() => {
                    let what = if k == CasualtyKind::Killed {
                        "killed"
                    } else {
                        "injured"
                    };
                    Some(format!(
                        "same {what} figure ({} and {})",
                        fmt_iv(&a),
                        fmt_iv(&b)
                    ))
                }
                _ => None,
            },
        )
}

/// Whether an event and a candidate state the very same non-zero figure.
fn equal_figure(e: &Event, c: &Candidate) -> bool {
    [CasualtyKind::Killed, CasualtyKind::Injured]
        .into_iter()
        .any(
            |k| match (figure(&e.casualties, k), figure(&c.casualties, k)) {
                (Some(a), Some(b)) => !a.is_zero() && a.min == b.min && a.max == b.max,
                _ => false,
            },
        )
}

/// Kinds (killed, injured) for which the article's only non-zero figures of an incident
/// are earlier ones: nothing replaced them, so they stand.
fn only_earlier_figures(events: &[Event]) -> Vec<CasualtyKind> {
    use crate::cues::Cue;
    [CasualtyKind::Killed, CasualtyKind::Injured]
        .into_iter()
        .filter(|&k| {
            !events.iter().filter(|e| !e.background).any(|e| {
                e.casualties.iter().any(|c| {
                    c.kind == k
                        && !c.count.is_zero()
                        && !matches!(c.cue, Cue::Earlier | Cue::Aggregate | Cue::Subset)
                })
            })
        })
        .collect()
}

/// How far from the main incident another dated incident may be and still belong to
/// the story's totals. The labelling convention says a week, but the date an event gets
/// may be a follow-up's (an inquiry, a funeral) rather than the attack's; a month keeps
/// that noise from throwing out the story's own incidents while still catching those
/// recalled from months or years back.
const STORY_DAYS: i64 = 30;

/// Incidents recalled from further back: the main incident is the first one (in text
/// order) with casualty statements and a date; a sentence dated more than a month away
/// from it tells background ("in April, a strike on the same town killed six"), so its
/// figures never add to the totals. Deciding this per sentence, before coreference,
/// keeps a far-dated sentence from lending its date to a current incident.
fn recalled(c: &mut Candidate, main_day: &mut Option<i64>) {
    let Some(day) = c.date.as_deref().and_then(Date::parse).map(Date::days) else {
        let Some(main) = main_day.map(Date::from_days) else {
            return;
        };
        // "In mid-July, a car bomb killed nine": another month than the main incident's;
        // "in 2021", "last month", "two years ago": another time altogether.
        let other_month = c.month.is_some_and(|m| m != main.m);
        let other_year = c.years.iter().any(|&y| y != main.y);
        if other_month || other_year || c.long_ago {
            c.background = true;
        }
        return;
    };
    match *main_day {
        None if !c.background && (!c.casualties.is_empty() || c.category.is_violent()) => {
            *main_day = Some(day)
        }
        Some(main) if (day - main).abs() > STORY_DAYS => c.background = true,
        _ => {}
    }
}

fn new_event(c: Candidate) -> Event {
    Event {
        id: String::new(),
        category: c.category,
        date: c.date,
        time: c.time,
        place_id: None,
        country: c.country,
        actors: c.actors,
        killed: None,
        injured: None,
        no_casualties: false,
        background: c.background,
        casualties: c.casualties,
        weapons: c.weapons,
        summary: String::new(),
        sentences: vec![c.sentence],
        merges: Vec::new(),
    }
}

fn absorb(e: &mut Event, place: &mut Option<usize>, c: Candidate, reason: String) {
    if e.category == Category::Other && c.category.is_violent() {
        e.category = c.category;
    }
    if !e.sentences.contains(&c.sentence) {
        e.merges.push(Merge {
            sentence: c.sentence,
            reason,
        });
        e.sentences.push(c.sentence);
        e.sentences.sort_unstable();
    }
    if e.date.is_none() {
        e.date = c.date;
    }
    if e.time.is_none() {
        e.time = c.time;
    }
    if place.is_none() {
        *place = c.place;
        if c.country.is_some() {
            e.country = c.country.clone();
        }
    }
    if e.country.is_none() {
        e.country = c.country;
    }
    for a in c.actors {
        if !e.actors.contains(&a) {
            e.actors.push(a);
        }
    }
    for x in c.casualties {
        if !e
            .casualties
            .iter()
            .any(|y| y.span == x.span && y.kind == x.kind)
        {
            e.casualties.push(x);
        }
    }
    for w in c.weapons {
        if !e.weapons.iter().any(|y| y.span == w.span) {
            e.weapons.push(w);
        }
    }
}

/// Fills figures (through the ledger) and the summary. Weapons of one kind told twice
/// count once (the largest stated count), since a retelling does not fire more missiles.
fn finish(
    e: &mut Event,
    place_name: Option<&str>,
    earlier_stands: &[CasualtyKind],
) -> Vec<crate::model::Figure> {
    let figures = crate::ledger::settle(e, earlier_stands);
    e.no_casualties = e.killed.as_ref().is_some_and(|k| k.is_zero())
        && e.injured.as_ref().is_none_or(|i| i.is_zero());
    let mut parts = vec![crate::text::capitalize(e.category.label())];
    if !e.actors.is_empty() {
        parts.push(format!("by {}", e.actors.join(", ")));
    }
    if let Some(p) = place_name {
        parts.push(format!("in {p}"));
    }
    if let Some(d) = &e.date {
        parts.push(format!("on {d}"));
    }
    let mut s = parts.join(" ");
    let mut facts = Vec::new();
    if e.no_casualties {
        facts.push("no casualties reported".to_string());
    } else {
        if let Some(k) = &e.killed {
            facts.push(format!("{} killed", fmt_iv(k)));
        }
        if let Some(i) = &e.injured {
            facts.push(format!("{} injured", fmt_iv(i)));
        }
    }
    for (k, n) in e.weapon_totals() {
        facts.push(format!("{n} {}{}", k.key(), if n == 1 { "" } else { "s" }));
    }
    if !facts.is_empty() {
        s.push_str(": ");
        s.push_str(&facts.join(", "));
    }
    e.summary = s;
    figures
}

#[cfg(test)]
mod tests {
    use crate::model::{Category, Extraction};
    use crate::{extract_text, Gazetteer};

    fn run(text: &str) -> Extraction {
        extract_text(text, "t", Some("2025-03-10"), Gazetteer::embedded()).expect("extracts")
    }

    /// (category, date, first sentence) of each event that is not background.
    fn events(x: &Extraction) -> Vec<(Category, Option<&str>, usize)> {
        x.events
            .iter()
            .filter(|e| !e.background)
            .map(|e| (e.category, e.date.as_deref(), e.sentences[0]))
            .collect()
    }

    /// The lower bound of the article's killed total.
    fn killed_min(x: &Extraction) -> Option<u64> {
        x.totals.killed.as_ref().and_then(|k| k.min)
    }

    fn place_of(x: &Extraction, event: usize) -> Option<&str> {
        let id = x.events[event].place_id.as_deref()?;
        x.locations
            .iter()
            .find(|l| l.id == id)
            .map(|l| l.name.as_str())
    }

    #[test]
    fn a_dateline_does_not_place_the_incident() {
        let x =
            run("ODESA, Ukraine — A drone hit a port in Izmail on Sunday, killing two workers.");
        assert_eq!(x.events.len(), 1);
        assert_eq!(place_of(&x, 0), Some("Izmail"));
    }

    #[test]
    fn only_coordinated_places_split_a_sentence() {
        let x = run("Missiles hit Kharkiv and Poltava on Sunday, killing three people.");
        assert_eq!(x.events.len(), 2);
        let x = run("A missile fired from Belgorod hit a school in Kharkiv on Sunday, killing three people.");
        assert_eq!(x.events.len(), 1);
    }

    #[test]
    fn a_headline_joins_its_incident_in_other_words() {
        let x = run("Strike on Kherson market kills 14\nA Russian drone hit a market in Kherson on Sunday, killing 14 people.");
        assert_eq!(
            events(&x),
            [(Category::AirDroneStrike, Some("2025-03-09"), 0)]
        );
        assert_eq!(x.events[0].sentences, [0, 1]);
    }

    #[test]
    fn a_headline_with_its_own_word_for_the_incident_joins_it() {
        let x = run("Army says 12 soldiers killed in clash with rebels\nTwelve soldiers and at least 20 rebels were killed in fighting in the south-east on Saturday, the army said.");
        assert_eq!(events(&x).len(), 1);
        assert_eq!(killed_min(&x), Some(32));
    }

    #[test]
    fn an_unspecific_attack_is_the_specific_one_told_the_same_day() {
        let x = run("Saturday's attack on a bus station in Kherson killed nine people.\nThe missile struck the station on Saturday at noon.");
        assert_eq!(
            events(&x),
            [(Category::MissileAttack, Some("2025-03-08"), 0)]
        );
    }

    #[test]
    fn the_day_of_saying_does_not_date_the_incident() {
        let x =
            run("Shelling killed three people in Kherson on Saturday, officials said on Sunday.");
        assert_eq!(events(&x), [(Category::Shelling, Some("2025-03-08"), 0)]);
    }

    #[test]
    fn local_incidents_of_a_dated_attack_take_its_date() {
        let x = run("Russian missiles struck Kyiv on Monday, killing ten people.\nIn Dnipro, a missile killed two people.\nIn 2019, a bomb killed four people in Poltava.");
        let got = events(&x);
        assert_eq!(got[0], (Category::MissileAttack, Some("2025-03-10"), 0));
        assert_eq!(got[1], (Category::MissileAttack, Some("2025-03-10"), 1));
        let recalled = x.events.iter().find(|e| e.sentences == [2]).expect("told");
        assert_eq!(recalled.date, None);
    }

    #[test]
    fn a_time_shift_at_the_start_opens_another_incident() {
        let x = run("Gunmen killed 12 villagers in a raid on Sunday.\nEarlier, the gunmen killed at least five people in a nearby village.");
        assert_eq!(events(&x).len(), 2);
        assert_eq!(killed_min(&x), Some(17));
        // Not a shift: "earlier" inside the clause speaks of an earlier toll.
        let x = run("Gunmen killed 12 villagers in a raid on Sunday.\nOfficials had earlier put the toll at five.");
        assert_eq!(events(&x).len(), 1);
    }

    #[test]
    fn where_the_wounded_were_taken_is_not_where_it_happened() {
        let x = run("Gunmen killed 12 villagers in Gwoza on Sunday.\nAt least 40 wounded were evacuated to a hospital in Maiduguri.");
        assert_eq!(events(&x).len(), 1);
        let x = run("Gunmen killed 12 villagers in Gwoza on Sunday.\nAt least 40 people were wounded, 30 of them sent on to the main hospital in Maiduguri.");
        assert_eq!(events(&x).len(), 1);
        assert_eq!(place_of(&x, 0), Some("Gwoza"));
        // A strike on a hospital happened there.
        let x = run("A drone hit a hospital in Kherson on Sunday, killing two nurses.");
        assert_eq!(place_of(&x, 0), Some("Kherson"));
    }

    #[test]
    fn a_count_told_beside_a_tally_is_a_tally() {
        let x = run("A drone killed two people in Kherson on Sunday.\nSince the war began, shelling has killed 400 people in the region, officials said.\nIn the city itself, the official count puts the number killed at 120.");
        assert_eq!(killed_min(&x), Some(2));
        // An incident told after a tally is still an incident.
        let x = run("A drone killed two people in Kherson on Sunday.\nSince the war began, shelling has killed 400 people in the region, officials said.\nA man was also wounded when the drone struck.");
        assert_eq!(x.totals.injured.as_ref().and_then(|k| k.min), Some(1));
    }

    #[test]
    fn an_incident_from_another_year_or_last_month_is_recalled() {
        let x = run("A drone killed two people in Kherson on Sunday.\nIn 2022, a missile on the same street killed six people.");
        assert_eq!(killed_min(&x), Some(2));
        let x = run("A drone killed two people in Kherson on Sunday.\nLast month, a strike on another convoy killed a driver.");
        assert_eq!(killed_min(&x), Some(2));
        // The same year is no sign of another time.
        let x = run("A drone killed two people in Kherson on Sunday.\nShelling killed four people in Kharkiv, the worst toll there in 2025.");
        assert_eq!(killed_min(&x), Some(6));
    }

    #[test]
    fn one_sides_account_is_the_same_incident() {
        let x = run("An air strike on a camp killed 30 people on Sunday, the health ministry said.\nThe army said it had struck a command post and killed 20 fighters.\nAt least 45 people were wounded.");
        assert_eq!(events(&x).len(), 1);
        assert_eq!(killed_min(&x), Some(30));
    }

    #[test]
    fn a_headline_joins_an_incident_whose_toll_was_updated_since() {
        let x = run("Ferry attack: 7 dead\nGunmen opened fire on a river ferry on Friday, killing seven passengers.\nDivers recovered three bodies on Saturday, bringing the number of dead to ten.");
        assert_eq!(events(&x).len(), 1);
        assert_eq!(killed_min(&x), Some(10));
    }

    #[test]
    fn further_victims_in_a_headline_are_not_added_again() {
        let x = run("Overnight strikes kill five; three more die in afternoon attack\nOvernight drone strikes on the city killed five people on Sunday.\nIn the afternoon, a guided bomb hit a bus stop in a suburb, killing three more people.");
        assert_eq!(killed_min(&x), Some(8));
    }

    #[test]
    fn a_bombing_is_from_the_air_only_when_the_text_says_so() {
        let x = run("Two suicide bombings at a market killed 12 people on Sunday.");
        assert_eq!(events(&x)[0].0, Category::AttackOnCivilians);
        let x = run("A car bombing outside a police station killed four officers on Sunday.");
        assert_eq!(events(&x)[0].0, Category::Explosion);
        let x = run("Jets bombed the town on Sunday, killing four people.");
        assert_eq!(events(&x)[0].0, Category::AirDroneStrike);
    }

    #[test]
    fn a_local_toll_is_its_own_incident_within_a_country_wide_attack() {
        let x = run("Russia fired 90 missiles at Ukraine on Sunday.\nIn the Lviv region, a missile killed a man.");
        assert_eq!(events(&x).len(), 2);
        assert_eq!(killed_min(&x), Some(1));
    }

    #[test]
    fn another_with_a_count_of_people_adds_to_the_incident() {
        let x = run("A shell hit a bus station in the town on Sunday, killing nine people.\nAnother 14 people were wounded.");
        assert_eq!(events(&x).len(), 1, "{:#?}", x.events);
        let x = run("A shell hit a bus station in the town on Sunday, killing nine people.\nAnother shell struck a school on Sunday, killing two.");
        assert_eq!(events(&x).len(), 2, "{:#?}", x.events);
    }

    #[test]
    fn missiles_fired_by_a_drone_are_one_air_strike() {
        let x =
            run("A drone fired two missiles at a car in the town on Sunday, killing three people.");
        assert_eq!(events(&x).len(), 1, "{:#?}", x.events);
        assert_eq!(events(&x)[0].0, Category::AirDroneStrike);
        // How the strike just told was carried out, on its day: the same incident.
        let x = run("A drone strike killed seven aid workers in Kherson on Monday.\nInvestigators found that a drone had fired three missiles at their cars on Monday.");
        assert_eq!(events(&x).len(), 1, "{:#?}", x.events);
        assert_eq!(killed_min(&x), Some(7));
        let x = run("Russia launched 90 drones and fired seven missiles at Ukraine on Sunday.");
        let cats: Vec<Category> = events(&x).iter().map(|e| e.0).collect();
        assert!(cats.contains(&Category::MissileAttack), "{cats:?}");
    }

    #[test]
    fn a_report_told_earlier_does_not_move_the_incident_in_time() {
        let x = run("Missiles struck cities across the country on Monday, killing 30.\nIn Lviv, rescuers confirmed nine dead, after the mayor had earlier reported seven deaths.");
        assert!(
            events(&x).iter().all(|e| e.1 == Some("2025-03-10")),
            "{:#?}",
            x.events
        );
    }
}
