//! The parts names are built from: real given names and surnames, syllables for built
//! ones, and the nouns of companies, chips, places, institutions, policies and products.
//! Kept in compact rows (hence `rustfmt::skip`): they are data, read as lists.

/// Given names; a tenth of people get one from [`FIRST_ACCENTED`] instead.
#[rustfmt::skip]
pub const FIRST: &[&str] = &[
    "Maria", "James", "Anna", "David", "Sarah", "Michael", "Laura", "Daniel", "Elena", "Thomas", "Sofia", "Peter",
    "Olivia", "Marco", "Nina", "Samuel", "Clara", "Lucas", "Emma", "Rahul", "Priya", "Omar", "Leila", "Ahmed",
    "Fatima", "Kwame", "Amara", "Ivan", "Olga", "Pavel", "Katya", "Hans", "Greta", "Luca", "Giulia", "Pierre",
    "Camille", "Diego", "Lucia", "Carlos", "Ana", "Tomas", "Aisha", "Yusuf", "Noah", "Grace", "Henry", "Alice",
    "Victor", "Irene", "Felix", "Nora", "Oscar", "Ruth", "Adam", "Julia", "Paul", "Helen", "Mark", "Rosa", "Leo",
    "Vera", "Hugo", "Arjun", "Kavya", "Tariq", "Zara", "Erik", "Freya", "Jonas", "Mila", "Niels", "Ingrid", "Rafael",
    "Beatriz", "Mateo", "Valentina", "Samir", "Nadia", "Femi", "Chidi", "Sipho", "Thandi", "Ravi",
];

#[rustfmt::skip]
pub const FIRST_ACCENTED: &[&str] = &[
    "José", "Zoë", "Søren", "Åsa", "Łukasz", "Ümit", "Chloé", "Raphaël", "Anaïs", "Björn", "Jürgen", "François",
    "Inés", "Iñaki", "Mónica", "Sébastien", "Zoltán", "Małgorzata", "Jiří", "Ægir", "Noémie", "Çağla", "Ștefan",
];

/// Real surnames; once one is an alias, later bearers get a built one from the parts below.
#[rustfmt::skip]
pub const SURNAMES: &[&str] = &[
    "Costa", "Berger", "Novak", "Rossi", "Silva", "Kowalski", "Patel", "Okafor", "Haddad", "Larsen", "Moreau",
    "Fischer", "Romano", "Ivanova", "Mensah", "Khan", "Lindberg", "Kaplan", "Fontaine", "Ortega", "Weber",
    "Schneider", "Brennan", "Walsh", "Quinn", "Dubois", "Mercier", "Ferreira", "Almeida", "Horvat", "Kovacs", "Nowak",
    "Petrov", "Volkov", "Eriksen", "Andersen", "Reyes", "Torres", "Navarro", "Castillo", "Mendes", "Carter", "Hughes",
    "Morgan", "Hayes", "Foster", "Barnes", "Bishop", "Adeyemi", "Banerjee", "Iyer", "Duarte",
];

#[rustfmt::skip]
pub const SURNAMES_ACCENTED: &[&str] = &[
    "Müller", "Núñez", "Gonçalves", "Šimić", "Dvořák", "Jäger", "Öztürk", "Høgberg", "Wójcik", "Søndergaard",
    "Ibáñez", "Gómez", "Peña", "Böhm", "Krüger", "Schäfer", "Brâncuși", "Đorđević", "Lefèvre", "Håkansson",
];

#[rustfmt::skip]
pub const SURNAME_START: &[&str] = &[
    "Al", "Bar", "Bel", "Cal", "Dal", "Den", "Ed", "Fal", "Gar", "Hal", "Har", "Kes", "Kor", "Lan", "Lor", "Mar",
    "Mor", "Nor", "Ol", "Pal", "Ren", "Ros", "Sal", "Sten", "Tal", "Tor", "Val", "Ver", "Wal", "Wes", "Ash", "Brom",
    "Cran", "Dun", "Ell", "Fen", "Grim", "Hol", "Kil", "Lind", "Mel", "Pem", "Rad", "Sel", "Thal", "Ul", "Vin", "Wyn",
    "Yar", "Zel", "Ost", "Bran", "Cor", "Dor", "Eck", "Gal", "Hen", "Jor", "Kar", "Mal",
];

#[rustfmt::skip]
pub const SURNAME_END: &[&str] = &[
    "ton", "ley", "berg", "mann", "stein", "ford", "wick", "son", "sen", "ström", "ovic", "ek", "ini", "etti", "ez",
    "ard", "ier", "dale", "by", "croft", "holm", "ssen", "ski", "ova", "ani", "ero", "ano", "ell", "ing", "worth",
    "hoff", "ner", "quist", "lund", "gaard", "escu", "oglu", "enko", "ides", "akis",
];

/// Chinese surname and given-name syllables with their characters.
#[rustfmt::skip]
pub const CN_FAMILY: &[(&str, &str)] = &[
    ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"), ("Zhao", "赵"),
    ("Huang", "黄"), ("Zhou", "周"), ("Wu", "吴"), ("Xu", "徐"), ("Sun", "孙"), ("Ma", "马"), ("Zhu", "朱"), ("Hu", "胡"),
    ("Guo", "郭"), ("Lin", "林"), ("Luo", "罗"), ("Gao", "高"), ("Zheng", "郑"),
];

#[rustfmt::skip]
pub const CN_GIVEN: &[(&str, &str)] = &[
    ("wei", "伟"), ("fang", "芳"), ("na", "娜"), ("min", "敏"), ("jing", "静"), ("lei", "磊"), ("qiang", "强"), ("jun", "军"),
    ("yang", "洋"), ("yong", "勇"), ("yan", "艳"), ("jie", "杰"), ("tao", "涛"), ("ming", "明"), ("chao", "超"),
    ("hui", "慧"), ("hao", "浩"), ("yu", "宇"), ("xin", "欣"), ("bo", "博"), ("lan", "兰"), ("ping", "平"), ("gang", "刚"),
    ("hong", "红"), ("kai", "凯"), ("rui", "瑞"), ("xiao", "晓"), ("feng", "峰"), ("hua", "华"), ("long", "龙"),
    ("wen", "文"), ("li", "丽"),
];

/// Japanese (family, given) pairs, written given-name first in English as news does.
#[rustfmt::skip]
pub const JP_FAMILY: &[(&str, &str)] = &[
    ("Tanaka", "田中"), ("Suzuki", "鈴木"), ("Takahashi", "高橋"), ("Watanabe", "渡辺"), ("Ito", "伊藤"), ("Yamamoto", "山本"),
    ("Nakamura", "中村"), ("Kobayashi", "小林"), ("Kato", "加藤"), ("Yoshida", "吉田"),
];

#[rustfmt::skip]
pub const JP_GIVEN: &[(&str, &str)] = &[
    ("Haruto", "陽翔"), ("Yui", "結衣"), ("Ren", "蓮"), ("Aoi", "葵"), ("Sota", "蒼太"), ("Hina", "陽菜"), ("Riku", "陸"),
    ("Mei", "芽依"), ("Daiki", "大輝"), ("Sakura", "さくら"), ("Kenji", "健二"), ("Yuko", "裕子"),
];

#[rustfmt::skip]
pub const KR_GIVEN: &[(&str, &str)] = &[
    ("Min-jun", "민준"), ("Seo-yeon", "서연"), ("Ji-ho", "지호"), ("Ha-eun", "하은"), ("Do-yun", "도윤"), ("Ji-woo", "지우"),
    ("Su-bin", "수빈"), ("Hyun-woo", "현우"),
];

#[rustfmt::skip]
pub const BRAND_START: &[&str] = &[
    "Vel", "Nor", "Axi", "Cor", "Hel", "Lum", "Qua", "Ter", "Zen", "Ori", "Syn", "Neo", "Vor", "Kel", "Ari", "Str",
    "Omn", "Pyr", "Sil", "Tri", "Ven", "Xan", "Ny", "Cae", "Dyn", "Eon", "Fla", "Gra", "Io", "Ju", "Mag", "Pol", "Sol",
    "Tal", "Ul", "Vir", "Wex", "Yot", "Zor", "Bry",
];

#[rustfmt::skip]
pub const BRAND_END: &[&str] = &[
    "trix", "com", "tek", "lon", "via", "nix", "sys", "gen", "ria", "tron", "ara", "ode", "ex", "ium", "ora", "ant",
    "ics", "yx", "is", "eon", "ta", "lux", "vance", "dyne", "mark", "wave", "core", "bit", "grid", "path",
];

#[rustfmt::skip]
pub const COMPANY_SUFFIX: &[&str] = &[
    "Semiconductor", "Systems", "Technologies", "Micro", "Devices", "Networks", "Labs", "Robotics", "Photonics",
    "Cloud", "Logic", "Electronics", "Materials", "Instruments", "Holdings",
];

#[rustfmt::skip]
pub const CHIP_FAMILY: &[&str] = &[
    "Orion", "Atlas", "Helix", "Titan", "Nova", "Vega", "Pulsar", "Quasar", "Aurora", "Zephyr", "Falcon", "Cobalt",
    "Onyx", "Argon", "Kestrel", "Lynx", "Raptor", "Sierra", "Tundra", "Vertex", "Mistral", "Boreas", "Cygnus",
];

#[rustfmt::skip]
pub const PLACE_START: &[&str] = &[
    "Val", "Mor", "Hal", "Kes", "Bran", "Cor", "Dun", "Est", "Fal", "Gil", "Isk", "Jor", "Kal", "Lur", "Mir", "Nar",
    "Ost", "Pel", "Quin", "Ros", "Sar", "Tav", "Ul", "Ver", "Wen", "Zar", "Ald", "Bel", "Car", "Dor", "Ebr", "Sil",
];

#[rustfmt::skip]
pub const PLACE_END: &[&str] = &[
   
    "mora", "den", "ingen", "ford", "polis", "grad", "stad", "haven", "ia", "ara", "esh", "ov", "ano", "ville", "burg",
    "mouth", "ton", "heim", "sund", "vik", "abad", "pur", "kent", "oro", "enza", "ønde", "ée", "ågen",
];

#[rustfmt::skip]
pub const ORG_NOUN: &[&str] = &[
    "Trade Commission", "Competition Authority", "Semiconductor Association", "Investment Board",
    "Standards Institute", "Development Bank", "Chamber of Commerce", "Research Council", "Customs Service",
    "Export Control Agency", "Data Protection Office", "Industry Ministry",
];

#[rustfmt::skip]
pub const POLICY_TOPIC: &[&str] = &[
    "Chip Export", "Semiconductor Subsidy", "Foundry Investment", "Data Security", "AI Safety", "Critical Minerals",
    "Tariff Relief", "Technology Transfer", "Advanced Computing", "Supply Chain", "Clean Fab", "Digital Markets",
];

pub const SURNAME_MIDDLE: &[&str] =
    &["", "", "en", "in", "a", "o", "er", "el", "an", "ar", "i", "ing", "ow", "ers", "und", "et", "ad", "is"];

pub const KR_FAMILY: &[(&str, &str)] = &[("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정")];

pub const BRAND_MIDDLE: &[&str] = &["", "", "a", "o", "i", "e", "ar", "en", "on", "ex", "ul", "ys"];

pub const PLACE_MIDDLE: &[&str] = &["", "", "", "a", "e", "i", "o", "an", "er", "en"];

pub const PLACE_PREFIX: &[&str] = &["Port", "San", "New", "Lake", "Saint", "São", "North", "Upper"];

pub const POLICY_INSTRUMENT: &[&str] =
    &["Act", "Rules", "Directive", "Ordinance", "Framework", "Programme", "Law", "Regulation", "Accord"];

pub const PRODUCT_WORD: &[&str] =
    &["Cloud", "Studio", "Edge", "Pilot", "Vision", "Link", "Core", "Stack", "Engine", "Forge"];
