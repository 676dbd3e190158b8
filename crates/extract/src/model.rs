//! The data contract: the one shape that the extractor, the CLI, the build step and
//! the web app share. Nothing downstream re-reads article text; it reads this.
//! Bump [`SCHEMA_VERSION`] on any change that an older reader would misread.

use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// Version of the JSON contract; `schema/extraction.schema.json` is generated from it.
pub const SCHEMA_VERSION: &str = "2.2.0";

/// Byte offsets into the article text, `end` exclusive. Always on UTF-8 boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// What we know about the article itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ArticleMeta {
    /// Stable identifier (file stem for repo articles, "pasted" for user input).
    pub id: String,
    pub title: String,
    /// Publication date, `YYYY-MM-DD`; relative dates are resolved against it.
    pub published: Option<String>,
    pub source: Option<String>,
    /// The full text that every span points into.
    pub text: String,
}

/// A sentence of the article, including the headline and standfirst.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Sentence {
    pub id: usize,
    pub span: Span,
    /// True for the first line (headline) and a standfirst line without a final stop.
    pub heading: bool,
}

/// A count as the text states it: an interval, never a guessed point.
/// `min`/`max` are inclusive; `None` means unbounded on that side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Interval {
    pub min: Option<u64>,
    pub max: Option<u64>,
    /// "about", "nearly", "some": the writer gave an estimate.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
}

impl Interval {
    pub fn exact(n: u64) -> Self {
        Interval {
            min: Some(n),
            max: Some(n),
            approx: false,
        }
    }
    pub fn zero() -> Self {
        Self::exact(0)
    }
    pub fn is_zero(&self) -> bool {
        self.max == Some(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum CasualtyKind {
    Killed,
    Injured,
    Missing,
    Captured,
}

/// One casualty statement in one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Casualty {
    pub kind: CasualtyKind,
    pub count: Interval,
    /// The figure as the article words it ("at least 12", "over 60", "thirteen", "no"),
    /// so a card can say "over 60 injured" where the interval says min 61.
    pub count_text: String,
    /// Who, as written ("Ukrainian soldiers", "civilians"), when stated.
    pub who: Option<String>,
    /// The words the figure came from ("at least 12 service members were killed").
    pub text: String,
    pub sentence: usize,
    pub span: Span,
    /// What the words around the figure say about it; the ledger reads it, the JSON
    /// carries its outcome (the figure's role) instead.
    #[serde(skip)]
    pub cue: crate::cues::Cue,
    /// Coordinated with the statement before it in the same clause: the two add up.
    #[serde(skip)]
    pub joined: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum WeaponKind {
    Drone,
    Missile,
    Rocket,
    Shell,
    Bomb,
}

impl WeaponKind {
    /// Lower-case name used in links and labels ("drone", "missile", …).
    pub fn key(self) -> &'static str {
        match self {
            WeaponKind::Drone => "drone",
            WeaponKind::Missile => "missile",
            WeaponKind::Rocket => "rocket",
            WeaponKind::Shell => "shell",
            WeaponKind::Bomb => "bomb",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Weapon {
    pub kind: WeaponKind,
    /// "cruise", "ballistic", "glide", "Kh-22", … when written.
    pub subtype: Option<String>,
    pub count: Option<u64>,
    pub text: String,
    pub sentence: usize,
    pub span: Span,
}

/// Event categories aligned with ACLED's event types and sub-types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub enum Category {
    #[serde(rename = "missile attack")]
    MissileAttack,
    #[serde(rename = "air/drone strike")]
    AirDroneStrike,
    #[serde(rename = "shelling/artillery")]
    Shelling,
    #[serde(rename = "armed clash")]
    ArmedClash,
    #[serde(rename = "attack on civilians")]
    AttackOnCivilians,
    #[serde(rename = "explosion")]
    Explosion,
    #[serde(rename = "diplomacy/talks")]
    DiplomacyTalks,
    #[serde(rename = "investigation")]
    Investigation,
    #[serde(rename = "other")]
    Other,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::MissileAttack,
        Category::AirDroneStrike,
        Category::Shelling,
        Category::ArmedClash,
        Category::AttackOnCivilians,
        Category::Explosion,
        Category::DiplomacyTalks,
        Category::Investigation,
        Category::Other,
    ];
    /// Human label, identical to the serialized form.
    pub fn label(self) -> &'static str {
        match self {
            Category::MissileAttack => "missile attack",
            Category::AirDroneStrike => "air/drone strike",
            Category::Shelling => "shelling/artillery",
            Category::ArmedClash => "armed clash",
            Category::AttackOnCivilians => "attack on civilians",
            Category::Explosion => "explosion",
            Category::DiplomacyTalks => "diplomacy/talks",
            Category::Investigation => "investigation",
            Category::Other => "other",
        }
    }
    /// Short URL-safe key ("missile", "drone", …) used in links.
    pub fn key(self) -> &'static str {
        match self {
            Category::MissileAttack => "missile",
            Category::AirDroneStrike => "drone",
            Category::Shelling => "shelling",
            Category::ArmedClash => "clash",
            Category::AttackOnCivilians => "civilians",
            Category::Explosion => "explosion",
            Category::DiplomacyTalks => "talks",
            Category::Investigation => "investigation",
            Category::Other => "other",
        }
    }
    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }
    /// Violent categories carry casualties and weapons; the others do not.
    pub fn is_violent(self) -> bool {
        !matches!(
            self,
            Category::DiplomacyTalks | Category::Investigation | Category::Other
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Country,
    Region,
    City,
    Area,
    /// A hospital, camp, street, base… named in the text, shown at its town's point.
    Facility,
}

/// A place named in the article, resolved against the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Location {
    /// "p1", "p2", … stable within one extraction.
    pub id: String,
    /// The name as the gazetteer spells it (a region keeps its written form, e.g. "Irkutsk region").
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2, or `None` for seas and multi-country areas.
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// GeoNames id when the place came from GeoNames (0 for hand-added areas).
    pub geonameid: u64,
    /// Why this candidate won over others with the same name, for a reviewer.
    pub resolution: String,
    /// Set when the point is another place's (a facility shown at its town's point):
    /// that place's name, so no reader takes it for the facility's own position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point_of: Option<String>,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Mention {
    pub sentence: usize,
    /// Flattened so a mention reads `{"sentence", "start", "end"}`, the shape geoparsing scorers expect.
    #[serde(flatten)]
    pub span: Span,
    /// What the name does where it is written; only `literal` mentions place an event.
    #[serde(default, skip_serializing_if = "ToponymRole::is_literal")]
    pub role: ToponymRole,
}

/// The part a toponym plays in its sentence. Every mention is kept so a reader (and a
/// geoparsing benchmark) sees all that was found; events use only literal ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ToponymRole {
    /// Where something is or happened: "a strike on Kharkiv".
    #[default]
    Literal,
    /// Describes whose, not where: "U.S. officials", "Russian forces".
    Modifier,
    /// Stands for a government or army: "Moscow said", "Russia's forces".
    Metonym,
    /// A people or its adjective: "Syrians", "Russian troops".
    Demonym,
    /// Part of an organisation's name: "Washington Post", "University of Cambridge".
    Organisation,
}

impl ToponymRole {
    pub fn is_literal(&self) -> bool {
        *self == ToponymRole::Literal
    }
}

impl Location {
    /// Named as a place somewhere in the article (where, whose, or the state acting),
    /// not only through a demonym or inside an organisation's name: what a reader
    /// expects in a list of the article's places.
    pub fn is_named_place(&self) -> bool {
        self.mentions.iter().any(|m| {
            matches!(
                m.role,
                ToponymRole::Literal | ToponymRole::Metonym | ToponymRole::Modifier
            )
        })
    }
}

/// A distance or length the article states, with what we can check it against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct StatedDistance {
    /// The phrase as written ("over 2,800 miles east of Moscow").
    pub text: String,
    pub value: f64,
    /// "km" or "mi" as written (metres are converted to "km").
    pub unit: String,
    /// `value` in kilometres.
    pub km: f64,
    /// "over", "about", "some", … when written.
    pub qualifier: Option<String>,
    /// Compass direction as written ("east", "north-west").
    pub direction: Option<String>,
    /// The place the distance is measured from, as written ("Moscow").
    pub reference: Option<String>,
    /// Location id of the reference place, when resolved.
    pub reference_id: Option<String>,
    /// Location id of the place that lies at that distance, when the sentence names one.
    pub subject_id: Option<String>,
    /// True for a length ("the 620-mile front line"), not a separation between places.
    pub is_length: bool,
    pub sentence: usize,
    pub span: Span,
}

/// A quotation attributed to a speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Quote {
    pub text: String,
    pub speaker: Option<String>,
    /// How the speaker was found ("named before the quote", "pronoun 'He' → …").
    pub attribution: String,
    pub sentence: usize,
    pub span: Span,
}

/// Why two mentions were judged to be one incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Merge {
    pub sentence: usize,
    pub reason: String,
}

/// One incident or development, with everything traced to sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Event {
    /// "e1", "e2", … in order of first mention.
    pub id: String,
    pub category: Category,
    /// `YYYY-MM-DD` when the text fixes the day.
    pub date: Option<String>,
    /// `HH:MM` (24 h) when the text gives a clock time.
    pub time: Option<String>,
    /// Location id of where it happened.
    pub place_id: Option<String>,
    /// ISO country where it happened (from the place, or from the target when no place is named).
    pub country: Option<String>,
    /// Who acted (attacker, negotiator), as country or group names.
    pub actors: Vec<String>,
    /// Interval of killed for this incident (merged statements counted once).
    pub killed: Option<Interval>,
    pub injured: Option<Interval>,
    /// True when the text says no one was hurt (distinct from "not reported").
    pub no_casualties: bool,
    /// Aggregate or background figures ("By November 14, the death toll had reached…"):
    /// shown, but left out of totals so that they never add to the incident's count.
    pub background: bool,
    /// Every casualty statement that supports the figures above.
    pub casualties: Vec<Casualty>,
    pub weapons: Vec<Weapon>,
    /// A one-line summary made from the extracted fields.
    pub summary: String,
    /// Sentence ids that state this event's facts, ascending.
    pub sentences: Vec<usize>,
    /// Sentences folded into this event as a retelling, with the reason.
    pub merges: Vec<Merge>,
}

impl Event {
    /// Munitions per kind, in order of first mention. A retelling does not fire more
    /// missiles, so each kind counts its largest stated figure, never a sum.
    pub fn weapon_totals(&self) -> Vec<(WeaponKind, u64)> {
        let mut kinds: Vec<(WeaponKind, u64)> = Vec::new();
        for w in &self.weapons {
            let n = w.count.unwrap_or(0);
            match kinds.iter_mut().find(|k| k.0 == w.kind) {
                Some(k) => k.1 = k.1.max(n),
                None => kinds.push((w.kind, n)),
            }
        }
        kinds
    }
}

/// Casualty totals over the article's incidents, each incident counted once.
/// `None` means the text gives no figure at all: unknown, which is not zero.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Totals {
    pub killed: Option<Interval>,
    pub injured: Option<Interval>,
    /// Events whose killed/injured figures went into the totals.
    pub events: Vec<String>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Extraction {
    pub schema_version: String,
    pub article: ArticleMeta,
    pub sentences: Vec<Sentence>,
    pub events: Vec<Event>,
    pub locations: Vec<Location>,
    pub distances: Vec<StatedDistance>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub totals: Totals,
    /// Every number that could be read as a casualty count, each with the one role that
    /// decides whether it is in the totals, and why.
    #[serde(default)]
    pub ledger: Vec<Figure>,
    /// Problems with the input that did not stop extraction (e.g. "looks like HTML").
    pub warnings: Vec<String>,
    /// For a collection ([`crate::collection`]): the articles whose texts were joined
    /// into `article.text`, in order. Empty for a single article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<ArticlePart>,
}

/// One article inside a collection: where its text and sentences sit in the joined text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ArticlePart {
    pub id: String,
    pub title: String,
    pub published: Option<String>,
    pub source: Option<String>,
    /// The article's text within the collection's text.
    pub span: Span,
    /// Its sentences, as a range of sentence ids (`end` exclusive).
    pub sentences: Span,
}

impl Extraction {
    /// The index in `parts` of the article a sentence was read from; `None` for a
    /// single article (whose meta is `article`).
    pub fn part_index(&self, s: usize) -> Option<usize> {
        // Parts hold consecutive sentence ranges in order.
        let i = self.parts.partition_point(|p| p.sentences.end <= s);
        self.parts
            .get(i)
            .filter(|p| p.sentences.start <= s && s < p.sentences.end)
            .map(|_| i)
    }

    /// The article a sentence was read from, as [`Self::part_index`].
    pub fn part_of_sentence(&self, s: usize) -> Option<&ArticlePart> {
        self.part_index(s).map(|i| &self.parts[i])
    }

    /// The indexes in `parts` of the articles that tell an event, the one that told it
    /// first first (a collection folds one incident told by two articles into one event).
    pub fn parts_of(&self, e: &Event) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for p in e.sentences.iter().filter_map(|&s| self.part_index(s)) {
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }

    /// (id, title, published) of the article that first told an event.
    pub fn article_of(&self, e: &Event) -> (&str, &str, Option<&str>) {
        match e.sentences.first().and_then(|&s| self.part_of_sentence(s)) {
            Some(p) => (&p.id, &p.title, p.published.as_deref()),
            None => (
                &self.article.id,
                &self.article.title,
                self.article.published.as_deref(),
            ),
        }
    }
}

/// A date or clock time the text states, resolved to the calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct DateMention {
    pub text: String,
    /// `YYYY-MM-DD`, or `None` for a bare clock time.
    pub date: Option<String>,
    /// `HH:MM` when a clock time is part of it.
    pub time: Option<String>,
    pub sentence: usize,
    pub span: Span,
}

/// The part a casualty figure plays in the article. Only `Counted` figures reach totals;
/// every other role says why a figure that looks like a toll was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FigureRole {
    /// An incident's final figure: added to the totals.
    Counted,
    /// The same figure told again (headline and lede, a later re-mention).
    Restated,
    /// An earlier figure replaced by a later update ("had earlier put the toll at").
    Superseded,
    /// One part of a summary figure that is itself counted ("10 in one town, 1 in another").
    Part,
    /// A share of a counted figure ("including five children", "among the dead").
    Subset,
    /// A cumulative tally or an incident recalled from further back.
    Background,
    /// One side's competing figure for an incident that has another.
    Claim,
    /// A number near casualty words that counts something else (ages, weapons, homes).
    NotCasualties,
}

impl FigureRole {
    pub fn label(self) -> &'static str {
        match self {
            FigureRole::Counted => "counted",
            FigureRole::Restated => "restated",
            FigureRole::Superseded => "superseded",
            FigureRole::Part => "part",
            FigureRole::Subset => "subset",
            FigureRole::Background => "background",
            FigureRole::Claim => "claim",
            FigureRole::NotCasualties => "not casualties",
        }
    }
}

/// One entry of the casualty ledger: a figure as written, its role and the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Figure {
    /// `None` for numbers that are not casualty counts.
    pub kind: Option<CasualtyKind>,
    pub count: Interval,
    /// The figure as written ("at least 12", "a", "two").
    pub count_text: String,
    /// The words it came from.
    pub text: String,
    pub sentence: usize,
    pub span: Span,
    /// The event the figure belongs to, when it belongs to one.
    pub event: Option<String>,
    /// The event whose counted figure this one defers to (the summary a part belongs to,
    /// the incident a restatement repeats), when that is another event.
    pub refers_to: Option<String>,
    pub role: FigureRole,
    pub reason: String,
}
