//! A cursor over a state file's bytes that checks every read against what is left, so a
//! damaged or hostile file is an error with its offset, never a panic or a huge allocation.

/// What is wrong with a state file, and the byte offset where it was found. Eight bytes,
/// so a result carrying one comes back in registers from the many small reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corrupt {
    /// Offset from the start of the file (saturated: state files are far smaller).
    pub at: u32,
    /// What is wrong there.
    pub problem: Problem,
}

/// The ways a state file can be wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// It stops in the middle of something.
    EndsEarly,
    /// A number past 64 bits, or past what it counts.
    TooLarge,
    /// A count of items larger than the bytes left could hold.
    CountTooLarge,
    /// Text that is not UTF-8.
    NotUtf8,
    /// A flag that is neither 0 nor 1.
    BadFlag,
    /// Read mark flags with an unknown bit set.
    BadMarkFlags,
    /// Bookmark flags with an unknown bit set.
    BadBookmarkFlags,
    /// An unknown kind of place.
    BadPlaceKind,
    /// Ids not in strictly increasing order.
    OutOfOrder,
    /// An id that claims more bytes in common with the one before it than that one has.
    SharesTooMuch,
    /// An id that starts inside a UTF-8 character.
    SplitCharacter,
    /// A bookmark key that names nothing.
    BadKey,
    /// Bytes left over after the end.
    Trailing,
    /// Bytes left over after the last row of a table's part.
    PartTooLong,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Problem::EndsEarly => "the file ends early",
            Problem::TooLarge => "a number too large",
            Problem::CountTooLarge => "a count larger than the file could hold",
            Problem::NotUtf8 => "text that is not UTF-8",
            Problem::BadFlag => "a flag that is neither 0 nor 1",
            Problem::BadMarkFlags => "read mark flags with an unknown bit",
            Problem::BadBookmarkFlags => "bookmark flags with an unknown bit",
            Problem::BadPlaceKind => "an unknown kind of place",
            Problem::OutOfOrder => "ids out of order",
            Problem::SharesTooMuch => "an id shares more than the id before it has",
            Problem::SplitCharacter => "an id that starts inside a character",
            Problem::BadKey => "a bookmark key that names nothing",
            Problem::Trailing => "bytes after the end of the state",
            Problem::PartTooLong => "bytes after the last row of a part of a table",
        };
        f.write_str(text)
    }
}

impl Corrupt {
    /// `problem` at byte `at`.
    pub fn at(at: usize, problem: Problem) -> Self {
        Corrupt { at: u32::try_from(at).unwrap_or(u32::MAX), problem }
    }
}

/// The bytes not yet read, and where they start in the file. Its reads are small and
/// many (a few per row), so they are marked for inlining into the table readers, which
/// the compiler may otherwise place in another codegen unit and call.
#[derive(Debug, Clone)]
pub struct Bytes<'a> {
    rest: &'a [u8],
    offset: usize,
}

impl<'a> Bytes<'a> {
    /// The bytes of `file` from `offset` on.
    pub fn new(file: &'a [u8], offset: usize) -> Self {
        Bytes { rest: file.get(offset..).unwrap_or_default(), offset }
    }

    /// Where the next read starts in the file.
    #[inline]
    pub fn offset(&self) -> usize {
        self.offset
    }

    fn fail<T>(&self, problem: Problem) -> Result<T, Corrupt> {
        Err(Corrupt::at(self.offset, problem))
    }

    #[inline]
    fn take(&mut self, n: usize) -> Result<&'a [u8], Corrupt> {
        if n > self.rest.len() {
            return self.fail(Problem::EndsEarly);
        }
        let (taken, rest) = self.rest.split_at(n);
        self.rest = rest;
        self.offset += n;
        Ok(taken)
    }

    /// The next `n` bytes as a cursor of their own, skipped over here: a part of the file
    /// to be read elsewhere (on another thread), its offsets still counted from the start.
    pub fn split(&mut self, n: usize) -> Result<Bytes<'a>, Corrupt> {
        let offset = self.offset;
        Ok(Bytes { rest: self.take(n)?, offset })
    }

    /// One byte that must be below `limit`; `problem` if it is not.
    #[inline]
    pub fn u8_below(&mut self, limit: u8, problem: Problem) -> Result<u8, Corrupt> {
        match self.rest.first() {
            Some(&byte) if byte < limit => {
                self.rest = &self.rest[1..];
                self.offset += 1;
                Ok(byte)
            }
            Some(_) => self.fail(problem),
            None => self.fail(Problem::EndsEarly),
        }
    }

    /// A 0 or 1 byte.
    pub fn flag(&mut self) -> Result<bool, Corrupt> {
        Ok(self.u8_below(2, Problem::BadFlag)? == 1)
    }

    /// A little-endian u32.
    #[inline]
    pub fn u32(&mut self) -> Result<u32, Corrupt> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A little-endian u64.
    #[inline]
    pub fn u64(&mut self) -> Result<u64, Corrupt> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
    }

    /// An unsigned LEB128 varint of at most 64 bits. Most numbers in a state file
    /// (lengths, shared bytes, paragraphs, lines) fit one byte: that case is a few
    /// instructions inlined where it is read, the rest a call.
    #[inline]
    pub fn varint(&mut self) -> Result<u64, Corrupt> {
        match self.rest.split_first() {
            Some((&byte, rest)) if byte < 0x80 => {
                self.rest = rest;
                self.offset += 1;
                Ok(u64::from(byte))
            }
            _ => self.long_varint(),
        }
    }

    /// [`Bytes::varint`] of more than one byte, or none.
    #[inline(never)]
    fn long_varint(&mut self) -> Result<u64, Corrupt> {
        let mut n: u64 = 0;
        for (i, &byte) in self.rest.iter().take(10).enumerate() {
            let bits = u64::from(byte & 0x7f);
            if i == 9 && bits > 1 {
                break;
            }
            n |= bits << (7 * i);
            if byte & 0x80 == 0 {
                self.rest = &self.rest[i + 1..];
                self.offset += i + 1;
                return Ok(n);
            }
        }
        if self.rest.len() < 10 && self.rest.iter().all(|b| b & 0x80 != 0) {
            return Err(Corrupt::at(self.offset + self.rest.len(), Problem::EndsEarly));
        }
        self.fail(Problem::TooLarge)
    }

    /// A varint that fits a `u32`.
    #[inline]
    pub fn u32_varint(&mut self) -> Result<u32, Corrupt> {
        let n = self.varint()?;
        u32::try_from(n).or_else(|_| self.fail(Problem::TooLarge))
    }

    /// A varint that fits a `usize`.
    #[inline]
    pub fn usize(&mut self) -> Result<usize, Corrupt> {
        let n = self.varint()?;
        usize::try_from(n).or_else(|_| self.fail(Problem::TooLarge))
    }

    /// A count of items, each at least `smallest` bytes: one larger than what is left
    /// could hold is refused before anything is allocated for it.
    #[inline]
    pub fn count(&mut self, smallest: usize) -> Result<usize, Corrupt> {
        let n = self.usize()?;
        if n > self.rest.len() / smallest.max(1) {
            return self.fail(Problem::CountTooLarge);
        }
        Ok(n)
    }

    /// A length-prefixed string of bytes, not yet checked as UTF-8.
    #[inline]
    pub fn raw(&mut self) -> Result<&'a [u8], Corrupt> {
        let len = self.usize()?;
        self.take(len)
    }

    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<&'a str, Corrupt> {
        let len = self.usize()?;
        let at = self.offset;
        std::str::from_utf8(self.take(len)?).map_err(|_| Corrupt::at(at, Problem::NotUtf8))
    }

    /// A flag, then a string if it is set.
    pub fn optional_str(&mut self) -> Result<Option<&'a str>, Corrupt> {
        if self.flag()? { self.str().map(Some) } else { Ok(None) }
    }

    /// Succeeds only when everything was read.
    pub fn end(&self) -> Result<(), Corrupt> {
        if self.rest.is_empty() { Ok(()) } else { self.fail(Problem::Trailing) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_read_back_and_overlong_ones_are_refused() {
        let mut bytes = Bytes::new(&[0x96, 0x01, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], 0);
        assert_eq!((bytes.varint(), bytes.varint()), (Ok(150), Ok(127)));
        assert_eq!(bytes.varint(), Ok(u64::MAX));
        let too_big = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02];
        assert_eq!(Bytes::new(&too_big, 0).varint().map_err(|e| e.problem), Err(Problem::TooLarge));
        assert_eq!(Bytes::new(&[0, 0, 0x80], 2).varint(), Err(Corrupt::at(3, Problem::EndsEarly)));
    }

    #[test]
    fn a_count_beyond_the_file_is_refused_before_allocating() {
        let mut bytes = Bytes::new(&[0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0], 0);
        assert_eq!(bytes.count(1).map_err(|e| e.problem), Err(Problem::CountTooLarge));
        assert_eq!(Bytes::new(&[2, 0xc3, 0x28], 0).str().map_err(|e| e.problem), Err(Problem::NotUtf8));
        assert_eq!(std::mem::size_of::<Result<u64, Corrupt>>(), 16, "small enough for registers");
    }
}
