//! The domain: briefing files on disk become one validated, linked, immutable [`Library`].
//!
//! Nothing in here knows about terminals; the reader and the CLI are both consumers.

pub(crate) mod built;
pub mod bundled;
pub mod card;
pub mod card_text;
pub mod cite;
pub mod diagnostic;
pub mod draft;
pub mod escape;
pub mod export;
pub mod figure_text;
pub mod format;
pub mod graph;
pub mod input;
pub mod link;
pub mod load;
pub mod locate;
pub(crate) mod mapped;
pub mod markup;
pub mod model;
pub(crate) mod objects;
pub(crate) mod pages;
pub(crate) mod parallel;
pub(crate) mod scan;
pub mod shorthand;
pub mod store;
pub mod suggest;
pub mod text;
pub mod validate;

pub use diagnostic::{Diagnostic, Severity};
pub use input::{Input, Options};
pub use load::{LoadError, Loaded, load_dir, load_sources};
pub use model::{Briefing, BriefingId, Entity, EntityId, Event, Figure, Kind, Mention, Relation};
pub use store::Library;
