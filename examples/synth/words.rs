//! The vocabulary stories are written from: roles, topics and sentence templates.
//!
//! Templates use `{N}` for an entity's full mention, `{R}` for its role, `{A}` for its short
//! form, `{T}` for a topic and `{X}` for another person or company of the same story.

use briefing::library::format::Kind;

/// What the stories are about.
pub const TOPICS: &[&str] = &[
    "export licences",
    "advanced packaging",
    "AI accelerators",
    "wafer supply",
    "data-centre demand",
    "memory prices",
    "subsidy rules",
    "foundry capacity",
    "tariff talks",
    "chip design tools",
    "rare-earth supplies",
    "power costs",
    "lithography machines",
    "cloud spending",
    "smartphone sales",
    "sovereign AI projects",
    "chip smuggling",
    "talent shortages",
    "open-source models",
    "inference costs",
];

pub const PLACE_ROLES: &[&str] = &[
    "a port city on the southern coast",
    "an industrial region known for its chip plants",
    "the capital and seat of government",
    "a university town with a growing technology cluster",
    "a free-trade zone near the border",
    "a mining region rich in rare earths",
    "a financial centre with a busy stock exchange",
    "a river valley dotted with assembly plants",
];

pub const COMPANY_TYPES: &[&str] = &[
    "A chipmaker",
    "A maker of lithography equipment",
    "A cloud computing provider",
    "A memory-chip maker",
    "A contract chip manufacturer",
    "A designer of AI accelerators",
    "A maker of networking gear",
    "A supplier of specialty gases",
    "A robotics company",
    "A smartphone maker",
    "An AI start-up",
];

pub const POLICY_ROLES: &[&str] = &[
    "limits sales of advanced chips abroad",
    "pays subsidies to new chip plants",
    "screens foreign investment in technology firms",
    "caps the computing power of exported systems",
    "requires licences for chipmaking tools",
    "sets tariffs on imported electronics",
    "protects personal data held by cloud providers",
    "funds research into next-generation processors",
];

pub const CHIP_TYPES: &[&str] = &[
    "An AI accelerator",
    "A data-centre GPU",
    "A high-bandwidth memory chip",
    "A networking processor",
    "A smartphone system-on-chip",
    "An inference chip",
    "An automotive processor",
];

pub const PRODUCT_TYPES: &[&str] = &[
    "A cloud service",
    "A design suite",
    "An AI assistant",
    "A server rack",
    "A self-driving platform",
    "A developer kit",
];

/// A title (with its preposition), and the relation it implies: type, label and inverse.
pub type Title = (&'static str, &'static str, &'static str, &'static str);

/// Titles at companies; the first goes to each story's lead person.
pub const COMPANY_TITLES: &[Title] = &[
    ("Chief executive of", "ceo_of", "chief executive of", "led by"),
    ("Founder of", "founder_of", "founder of", "founded by"),
    ("Chief financial officer of", "cfo_of", "CFO of", "has as CFO"),
    ("Chief technology officer of", "cto_of", "CTO of", "has as CTO"),
    ("Chair of", "chair_of", "chair of", "chaired by"),
    ("Head of research at", "works_for", "head of research at", "employs"),
];

pub const ORGANISATION_TITLES: &[Title] = &[
    ("Director of", "director_of", "director of", "directed by"),
    ("Chair of", "chair_of", "chair of", "chaired by"),
    ("Chief economist at", "works_for", "chief economist at", "employs"),
    ("Spokesperson for", "spokesperson_for", "spokesperson for", "represented by"),
    ("Deputy head of", "deputy_of", "deputy head of", "has as deputy head"),
];

pub const PERSON_INTRO: &[&str] = &[
    "{N}, {R}, said {T} would decide how the year turns out.",
    "{N}, {R}, told investors that {T} remained the biggest risk.",
    "According to {N}, {R}, talks on {T} had stalled for weeks.",
    "{N}, {R}, has argued for years that the fight over {T} matters more than price.",
    "“We are not going to wait,” said {N}, {R}.",
    "{N}, {R}, met {X} on Tuesday to discuss {T}.",
];

pub const PERSON_ALIAS: &[&str] = &[
    "{A} declined to give a timetable.",
    "Asked about {T}, {A} said the company was “watching closely”.",
    "{A} has made the same case before.",
    "People close to {A} describe the plan as a hedge.",
    "{A} is expected to testify before lawmakers next month.",
    "Colleagues say {A} rarely changes course once a decision is made.",
];

pub const COMPANY_INTRO: &[&str] = &[
    "{N}, {R}, said demand linked to {T} was stronger than expected.",
    "Shares of {N}, {R}, swung sharply as traders weighed {T}.",
    "{N}, {R}, has spent heavily on {T} over the past two years.",
    "Among the suppliers is {N}, {R}.",
    "{N}, {R}, is in talks with {X} about {T}.",
];

pub const COMPANY_ALIAS: &[&str] = &[
    "{A} did not respond to a request for comment.",
    "For {A}, the stakes are high.",
    "Analysts expect {A} to raise prices before the end of the year.",
    "{A}’s customers have started to look elsewhere.",
    "A spokesperson for {A} said the company would comply with the rules.",
];

pub const CHIP_INTRO: &[&str] = &[
    "The {N}, {R}, was designed with {T} in mind.",
    "Orders for the {N}, {R}, doubled in the spring.",
    "The {N} is {R}; it is the part most exposed to {T}.",
];

pub const CHIP_ALIAS: &[&str] = &[
    "Without the {A}, customers would have to wait a year for a successor.",
    "Orders for the {A} had already slowed.",
    "Engineers say the {A} uses less power than its rivals.",
];

pub const ORGANISATION_INTRO: &[&str] = &[
    "The {N}, {R}, opened a review of {T}.",
    "The {N}, {R}, said it would publish new guidance within weeks.",
    "Officials at the {N}, {R}, have been asked to look at {T}.",
];

pub const ORGANISATION_ALIAS: &[&str] = &[
    "The {A} said its review would take months.",
    "A report by the {A} is due in the autumn.",
    "Critics accuse the {A} of moving too slowly.",
];

pub const PLACE_INTRO: &[&str] = &[
    "In {N}, {R}, officials welcomed the decision.",
    "{N}, {R}, has become a hub for {T}.",
    "Factories around {N}, {R}, are running at full capacity.",
];

pub const PLACE_ALIAS: &[&str] =
    &["Local leaders in {A} want a bigger share of the investment.", "Land prices in {A} have risen sharply."];

pub const POLICY_INTRO: &[&str] = &[
    "The {N}, {R}, took effect at the start of the year.",
    "Under the {N}, {R}, companies must apply for licences covering {T}.",
    "Lobbyists spent months trying to soften the {N}, {R}.",
];

pub const POLICY_ALIAS: &[&str] = &[
    "Critics say the {A} goes too far.",
    "The {A} leaves room for exemptions.",
    "Supporters of the {A} say it is working.",
];

pub const PRODUCT_INTRO: &[&str] =
    &["{N}, {R}, is the fastest-growing line of its maker.", "Customers of {N}, {R}, were told to expect delays."];

/// What a story says of an entity another briefing describes, declared here by name only.
pub fn guest_role(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "a long-time industry figure",
        Kind::Company => "a company often caught up in these disputes",
        Kind::Chip => "a part in short supply",
        Kind::Organisation => "a body with a say in the matter",
        Kind::Place => "a place with its own stake in the outcome",
        Kind::Policy => "a measure with wide reach",
        Kind::Product | Kind::Figure => "a product that depends on these chips",
    }
}

/// Sentences that name nobody, for rhythm.
pub const FILLERS: &[&str] = &[
    "The mood in the industry has shifted.",
    "Few expect a quick resolution.",
    "The numbers tell only part of the story.",
    "Investors have taken note.",
    "Not everyone is convinced.",
    "The timing is awkward.",
];

pub const HEADINGS: &[&str] = &[
    "A sudden shift",
    "The numbers",
    "What comes next",
    "Pressure from abroad",
    "Inside the plant",
    "The rules",
    "Market reaction",
    "Rivals circle",
    "The politics",
    "Supply lines",
    "The bet",
    "Winners and losers",
];

pub const PUBLICATIONS: &[&str] = &[
    "The Ledger",
    "Market Wire",
    "Silicon Courier",
    "The Daily Dispatch",
    "Asia Tech Review",
    "Le Quotidien Économique",
];

pub const MONTHS: &[&str] = &[
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
];
