//! One back/forward history for the whole reader, of [`Location`]s: each records
//! everything needed to put the screen back as it was.

use super::location::Location;

/// How many places back the history keeps.
const LIMIT: usize = 500;

/// Places behind and ahead of the current one.
#[derive(Debug, Clone, Default)]
pub struct History {
    back: Vec<Location>,
    forward: Vec<Location>,
}

impl History {
    /// Leaves `current` for somewhere new: it goes on the back stack, forward is dropped.
    pub fn visit(&mut self, current: Location) {
        if self.back.last() != Some(&current) {
            self.back.push(current);
        }
        if self.back.len() > LIMIT {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// The place to go back to from `current`, if any.
    pub fn back(&mut self, current: Location) -> Option<Location> {
        let place = self.back.pop()?;
        self.forward.push(current);
        Some(place)
    }

    /// The place to go forward to from `current`, if any.
    pub fn forward(&mut self, current: Location) -> Option<Location> {
        let place = self.forward.pop()?;
        self.back.push(current);
        Some(place)
    }

    /// Places behind the current one, oldest first.
    pub fn behind(&self) -> &[Location] {
        &self.back
    }

    /// How many places are ahead.
    pub fn ahead(&self) -> usize {
        self.forward.len()
    }

    /// The same history with every place passed through `relink` (onto a reloaded
    /// library); places that became the same one in a row are kept once.
    pub fn relinked(&self, relink: impl Fn(&Location) -> Location) -> History {
        let mut back: Vec<Location> = self.back.iter().map(&relink).collect();
        let mut forward: Vec<Location> = self.forward.iter().map(&relink).collect();
        back.dedup();
        forward.dedup();
        History { back, forward }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::doc::Anchor;

    fn at(block: usize) -> Location {
        let mut place = Location::default();
        place.story.top = Anchor { block, line: 0 };
        place
    }
    #[test]
    fn back_then_forward_returns_to_the_same_place() {
        let mut h = History::default();
        h.visit(at(0));
        h.visit(at(1));
        assert_eq!(h.back(at(2)), Some(at(1)));
        assert_eq!(h.back(at(1)), Some(at(0)));
        assert_eq!(h.back(at(0)), None);
        assert_eq!(h.forward(at(0)), Some(at(1)));
        assert_eq!(h.forward(at(1)), Some(at(2)));
        assert_eq!(h.forward(at(2)), None);
    }

    #[test]
    fn visiting_drops_the_forward_stack() {
        let mut h = History::default();
        h.visit(at(0));
        h.back(at(1));
        assert_eq!(h.ahead(), 1);
        h.visit(at(0));
        assert_eq!(h.ahead(), 0);
    }
}
