//! Time zones: Joda's `DateTimeZone.forID` rules over the tz database 2022a id set,
//! offsets from chrono-tz, and Joda's local-to-UTC resolution rules for DST gaps and
//! overlaps.

use super::calendar::{
    civil_from_days, day_of_week, days_from_civil, is_leap, split_millis, MS_PER_DAY, MS_PER_HOUR,
};
use super::links::ZONE_IDS;
use super::offset::{offset_id, parse_offset};
use super::overrides::{Override, OVERRIDES};
use super::text::invalid_format;
use crate::error::{ErrorKind, SelError};
use chrono::{LocalResult, Offset, TimeZone};
use chrono_tz::{OffsetComponents, Tz};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// A Joda `DateTimeZone`. Cheap to copy, and small (8 bytes): zones sit inside every
/// date-time and formatter value, so their size is paid on every value move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone(Repr);

#[derive(Clone, Copy, Debug)]
enum Repr {
    /// `DateTimeZone.UTC` (id `UTC`).
    Utc,
    /// A fixed offset from `forID("+05:30")`; its id is the normalised offset.
    Fixed(i32),
    /// A tz zone Joda compiles to a fixed offset (`EST`, `MST`, `HST`): newer tz
    /// releases made these links to zones with a different history. Index into
    /// [`NAMED_FIXED`].
    NamedFixed(u8),
    /// A tz region zone: index into [`ZONE_IDS`], whose entry gives the tz zone and
    /// the id Joda displays (links resolved as in 2022a); zones whose rules changed
    /// after 2022a carry the 2022a offsets to use instead ([`OVERRIDE_OF`]).
    Region(u16),
    /// A region zone tz 2022a did not have (see [`Zone::for_id_accepting_newer`]).
    Newer(Tz),
}

/// The zones of [`Repr::NamedFixed`]: id and offset.
const NAMED_FIXED: [(&str, i32); 3] = [
    ("EST", -5 * MS_PER_HOUR as i32),
    ("MST", -7 * MS_PER_HOUR as i32),
    ("HST", -10 * MS_PER_HOUR as i32),
];

impl Repr {
    /// A region zone's tz zone, displayed id and override.
    fn region(self) -> Option<(Tz, &'static str, Option<&'static Override>)> {
        match self {
            Repr::Region(i) => {
                let (_, display, tz) = ZONE_IDS[i as usize];
                let ov = match OVERRIDE_OF[i as usize] {
                    NO_OVERRIDE => None,
                    j => Some(&OVERRIDES[j as usize].1),
                };
                Some((tz, display, ov))
            }
            Repr::Newer(tz) => Some((tz, tz.name(), None)),
            _ => None,
        }
    }
}

/// Zones are equal when Joda's would be: the same rules under the same id, however
/// they were named (`US/Pacific` is `America/Los_Angeles`).
impl PartialEq for Repr {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Repr::Utc, Repr::Utc) => true,
            (Repr::Fixed(a), Repr::Fixed(b)) => a == b,
            (Repr::NamedFixed(a), Repr::NamedFixed(b)) => a == b,
            _ => match (self.region(), other.region()) {
                (Some((ta, ia, oa)), Some((tb, ib, ob))) => {
                    let same_override = match (oa, ob) {
                        (Some(a), Some(b)) => std::ptr::eq(a, b),
                        (None, None) => true,
                        _ => false,
                    };
                    ta == tb && ia == ib && same_override
                }
                _ => false,
            },
        }
    }
}

impl Eq for Repr {}

/// How a local (wall-clock) time maps to instants in a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalKind {
    /// Exactly one instant, with this offset.
    Unique(i32),
    /// Two instants (DST overlap): offsets of the earlier and of the later one.
    Overlap(i32, i32),
    /// No instant (DST gap): offsets before and after the transition.
    Gap(i32, i32),
}

/// For each entry of [`ZONE_IDS`], the index in [`OVERRIDES`] of its display id's
/// override, or [`NO_OVERRIDE`]. Computed at compile time, so that `forID` searches
/// once instead of twice.
static OVERRIDE_OF: [u16; ZONE_IDS.len()] = override_of();

const NO_OVERRIDE: u16 = u16::MAX;

/// Byte-wise comparison of two strings (`Ord for str`, usable in a `const fn`).
const fn cmp_str(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] { Less } else { Greater };
        }
        i += 1;
    }
    if a.len() < b.len() {
        Less
    } else if a.len() > b.len() {
        Greater
    } else {
        Equal
    }
}

const fn override_of() -> [u16; ZONE_IDS.len()] {
    assert!(OVERRIDES.len() < NO_OVERRIDE as usize);
    let mut out = [NO_OVERRIDE; ZONE_IDS.len()];
    let mut i = 0;
    while i < ZONE_IDS.len() {
        let display = ZONE_IDS[i].1;
        // Binary search of the sorted overrides.
        let (mut lo, mut hi) = (0, OVERRIDES.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match cmp_str(OVERRIDES[mid].0, display) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    out[i] = mid as u16;
                    break;
                }
            }
        }
        i += 1;
    }
    out
}

/// chrono's supported range, in seconds; offsets beyond it are those at its ends.
const MAX_SECS: i64 = 8_000_000_000_000;

fn naive(ms: i64) -> chrono::NaiveDateTime {
    let secs = ms.div_euclid(1000).clamp(-MAX_SECS, MAX_SECS);
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .naive_utc()
}

fn not_recognised(id: &str) -> SelError {
    SelError::new(
        ErrorKind::IllegalArgumentException,
        format!("The datetime zone id '{id}' is not recognised"),
    )
}

impl Zone {
    pub const UTC: Zone = Zone(Repr::Utc);

    /// Joda `DateTimeZone.forID` with the tz database 2022a id set (what the reference
    /// runs): ids added later (`Europe/Kyiv`, `America/Ciudad_Juarez`) are rejected,
    /// exactly like the reference.
    pub fn for_id(id: &str) -> Result<Zone, SelError> {
        if id == "UTC" {
            return Ok(Zone::UTC);
        }
        if let Ok(i) = ZONE_IDS.binary_search_by(|(k, _, _)| k.cmp(&id)) {
            let (_, display, _) = ZONE_IDS[i];
            return Ok(Zone(
                match NAMED_FIXED.iter().position(|(n, _)| *n == display) {
                    Some(k) => Repr::NamedFixed(k as u8),
                    None => Repr::Region(i as u16),
                },
            ));
        }
        if id.starts_with('+') || id.starts_with('-') {
            return match parse_offset(id, 0, None) {
                Ok((offset, end)) if end == id.len() => Ok(Zone::fixed(offset)),
                Ok((_, end)) => Err(invalid_format(id, end)),
                Err(at) => Err(invalid_format(id, at)),
            };
        }
        Err(not_recognised(id))
    }

    /// Like [`Zone::for_id`], but also accepts region ids the bundled chrono-tz
    /// database knows and tz 2022a did not (a deliberate divergence a host may opt into).
    pub fn for_id_accepting_newer(id: &str) -> Result<Zone, SelError> {
        match Zone::for_id(id) {
            Err(e) if e.message.ends_with("is not recognised") => match Tz::from_str(id) {
                Ok(tz) => Ok(Zone(Repr::Newer(tz))),
                Err(_) => Err(e),
            },
            r => r,
        }
    }

    /// A fixed-offset zone (`UTC` for a zero offset), like `forID("+05:30")`.
    pub fn fixed(offset_ms: i32) -> Zone {
        if offset_ms == 0 {
            Zone::UTC
        } else {
            Zone(Repr::Fixed(offset_ms))
        }
    }

    /// The id Joda displays (`America/Los_Angeles` for `US/Pacific`, `+05:30`).
    pub fn id(&self) -> Cow<'static, str> {
        match self.0 {
            Repr::Utc => Cow::Borrowed("UTC"),
            Repr::Fixed(o) => Cow::Owned(offset_id(o)),
            Repr::NamedFixed(k) => Cow::Borrowed(NAMED_FIXED[k as usize].0),
            Repr::Region(i) => Cow::Borrowed(ZONE_IDS[i as usize].1),
            Repr::Newer(tz) => Cow::Borrowed(tz.name()),
        }
    }

    /// Whether this is a fixed-offset zone created from an offset id (no names).
    pub fn is_offset_zone(&self) -> bool {
        matches!(self.0, Repr::Fixed(_))
    }

    /// The offset in milliseconds at an instant (Joda `getOffset`).
    pub fn offset_ms_at(&self, instant_ms: i64) -> i32 {
        match self.0 {
            Repr::Utc => 0,
            Repr::Fixed(o) => o,
            Repr::NamedFixed(k) => NAMED_FIXED[k as usize].1,
            r => r.region().map_or(0, |(tz, _, ov)| {
                region_at(tz, ov, equivalent_instant(instant_ms)).0
            }),
        }
    }

    /// Whether standard time (no daylight saving) is in force at an instant, as Joda
    /// sees it (for zones tz models with negative daylight saving the overrides carry
    /// Joda's own view).
    pub fn is_standard_at(&self, instant_ms: i64) -> bool {
        match self.0.region() {
            Some((tz, _, ov)) => !region_at(tz, ov, equivalent_instant(instant_ms)).1,
            None => true,
        }
    }

    /// How a local time maps to instants.
    pub fn local_kind(&self, local_ms: i64) -> LocalKind {
        let tz = match self.0.region() {
            Some((_, _, Some(ov))) if local_ms >= ov.from_ms.saturating_sub(2 * MS_PER_DAY) => {
                return self.local_kind_from_offsets(local_ms)
            }
            Some(_) if local_ms >= TABLE_END_MS - 2 * MS_PER_DAY => {
                return self.local_kind_from_offsets(local_ms)
            }
            Some((tz, _, _)) => tz,
            None => return LocalKind::Unique(self.offset_ms_at(0)),
        };
        match tz.offset_from_local_datetime(&naive(local_ms)) {
            LocalResult::Single(o) => LocalKind::Unique(o.fix().local_minus_utc() * 1000),
            LocalResult::Ambiguous(a, b) => {
                let (a, b) = (
                    a.fix().local_minus_utc() * 1000,
                    b.fix().local_minus_utc() * 1000,
                );
                LocalKind::Overlap(a.max(b), a.min(b))
            }
            LocalResult::None => {
                // Inside a gap `local - after` lies before the transition and
                // `local - before` after it.
                let o1 = self
                    .offset_ms_at(local_ms.saturating_sub(i64::from(self.offset_ms_at(local_ms))));
                let o2 = self.offset_ms_at(local_ms.saturating_sub(i64::from(o1)));
                let after = o1.max(o2);
                let before = self.offset_ms_at(local_ms.saturating_sub(i64::from(after)));
                LocalKind::Gap(before, after)
            }
        }
    }

    /// `local_kind` from offsets alone (for the 2022a overrides): the offsets a day
    /// before and after are the candidates; transitions are more than a day apart.
    fn local_kind_from_offsets(&self, local_ms: i64) -> LocalKind {
        let before = self.offset_ms_at(local_ms.saturating_sub(MS_PER_DAY));
        let after = self.offset_ms_at(local_ms.saturating_add(MS_PER_DAY));
        let valid = |o: i32| self.offset_ms_at(local_ms.saturating_sub(i64::from(o))) == o;
        match (valid(before), valid(after)) {
            (true, true) if before != after => {
                LocalKind::Overlap(before.max(after), before.min(after))
            }
            (true, _) => LocalKind::Unique(before),
            (_, true) => LocalKind::Unique(after),
            (false, false) => LocalKind::Gap(before, after),
        }
    }

    /// Joda `getOffsetFromLocal`: overlap → earlier instant; gap → the offset before
    /// the transition (the local time moves forward by the gap).
    pub fn offset_from_local(&self, local_ms: i64) -> i32 {
        match self.local_kind(local_ms) {
            LocalKind::Unique(o) | LocalKind::Overlap(o, _) | LocalKind::Gap(o, _) => o,
        }
    }

    /// Strict conversion (construction, parsing): `None` in a gap.
    pub fn local_to_utc_strict(&self, local_ms: i64) -> Option<i64> {
        match self.local_kind(local_ms) {
            LocalKind::Unique(o) | LocalKind::Overlap(o, _) => {
                Some(local_ms.saturating_sub(i64::from(o)))
            }
            LocalKind::Gap(..) => None,
        }
    }

    /// Joda `convertLocalToUTC(local, false, original)`: keeps the original instant's
    /// offset when it is valid for `local_ms`; otherwise a gap moves forward and an
    /// overlap takes `offset(local - offset(local))`.
    pub fn local_to_utc_lenient(&self, local_ms: i64, original: Option<i64>) -> i64 {
        if let Some(orig) = original {
            let o = i64::from(self.offset_ms_at(orig));
            if i64::from(self.offset_ms_at(local_ms.saturating_sub(o))) == o {
                return local_ms.saturating_sub(o);
            }
        }
        match self.local_kind(local_ms) {
            LocalKind::Unique(o) | LocalKind::Gap(o, _) => local_ms.saturating_sub(i64::from(o)),
            LocalKind::Overlap(..) => {
                let guess = i64::from(self.offset_ms_at(local_ms));
                local_ms
                    .saturating_sub(i64::from(self.offset_ms_at(local_ms.saturating_sub(guess))))
            }
        }
    }

    /// Joda `adjustOffset(instant, false)`: in an overlap, the earlier of the two
    /// instants with the same wall-clock time.
    pub fn earlier_at_overlap(&self, instant_ms: i64) -> i64 {
        let local = instant_ms.saturating_add(i64::from(self.offset_ms_at(instant_ms)));
        match self.local_kind(local) {
            LocalKind::Overlap(earlier, _) => local.saturating_sub(i64::from(earlier)),
            _ => instant_ms,
        }
    }

    /// Joda `nextTransition`: the first instant after `t` with another offset, looked
    /// for within `limit_ms` (`None` if there is none that close).
    pub fn next_transition(&self, t: i64, limit_ms: i64) -> Option<i64> {
        let base = self.offset_ms_at(t);
        let step = MS_PER_HOUR;
        let mut lo = t;
        while lo.saturating_sub(t) < limit_ms {
            let hi = lo.saturating_add(step);
            if hi == lo {
                break;
            }
            if self.offset_ms_at(hi) != base {
                return Some(self.bisect(lo, hi, base));
            }
            lo = hi;
        }
        None
    }

    /// Joda `previousTransition`: one millisecond before the last transition at or
    /// before `t`, looked for within `limit_ms`.
    pub fn previous_transition(&self, t: i64, limit_ms: i64) -> Option<i64> {
        let base = self.offset_ms_at(t);
        let step = MS_PER_HOUR;
        let mut hi = t;
        while t.saturating_sub(hi) < limit_ms {
            let lo = hi.saturating_sub(step);
            if hi == lo {
                break;
            }
            let o = self.offset_ms_at(lo);
            if o != base {
                return Some(self.bisect(lo, hi, o) - 1);
            }
            hi = lo;
        }
        None
    }

    /// First instant in `(lo, hi]` whose offset differs from `base` (`offset(lo)`).
    fn bisect(&self, mut lo: i64, mut hi: i64, base: i32) -> i64 {
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.offset_ms_at(mid) == base {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        hi
    }

    /// Short name for pattern `z` (Joda `getShortName`).
    pub fn short_name(&self, instant_ms: i64) -> Cow<'static, str> {
        self.name(instant_ms, true)
    }

    /// Long name for pattern `zzzz` (Joda `getName`).
    pub fn long_name(&self, instant_ms: i64) -> Cow<'static, str> {
        self.name(instant_ms, false)
    }

    fn name(&self, instant_ms: i64, short: bool) -> Cow<'static, str> {
        if self.is_offset_zone() {
            return self.id();
        }
        let id = self.id();
        match super::zone_names::names(&id) {
            Some(n) => {
                let std = self.is_standard_at(instant_ms);
                Cow::Borrowed(match (std, short) {
                    (true, true) => n.0,
                    (true, false) => n.1,
                    (false, true) => n.2,
                    (false, false) => n.3,
                })
            }
            None => Cow::Owned(offset_id(self.offset_ms_at(instant_ms))),
        }
    }
}

/// End of the transition tables of chrono-tz and of the overrides (2100-01-01T00:00Z).
const TABLE_END_MS: i64 = 4_102_444_800_000;

/// Joda applies a zone's last rules forever, the tables stop at 2100: map a later
/// instant to the same date and time of a year of the same calendar type (leap or
/// not, same weekday on January 1st) in 2072-2099, whose offsets are the same.
fn equivalent_instant(t: i64) -> i64 {
    if t < TABLE_END_MS {
        return t;
    }
    let (days, _) = split_millis(t);
    let (year, _, _) = civil_from_days(days);
    let jan1 = days_from_civil(year, 1, 1);
    let dow = day_of_week(jan1);
    for y in 2072..=2099 {
        let j = days_from_civil(y, 1, 1);
        if is_leap(y) == is_leap(year) && day_of_week(j) == dow {
            return t - (jan1 - j) * MS_PER_DAY;
        }
    }
    t
}

/// `(offset ms, daylight?)` of a region zone at an instant.
fn region_at(tz: Tz, ov: Option<&Override>, t: i64) -> (i32, bool) {
    if let Some(ov) = ov {
        if t >= ov.from_ms {
            return override_at(ov, t);
        }
    }
    let o = tz.offset_from_utc_datetime(&naive(t));
    (o.fix().local_minus_utc() * 1000, !o.dst_offset().is_zero())
}

/// `(offset ms, daylight?)` of an override at an instant at or after its start.
fn override_at(ov: &Override, instant_ms: i64) -> (i32, bool) {
    let i = ov.transitions.partition_point(|t| t.0 <= instant_ms);
    match i {
        0 => ov.initial,
        _ => (ov.transitions[i - 1].1, ov.transitions[i - 1].2),
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compile-time override table agrees with searching the overrides by
    /// display id, and every override belongs to some id.
    #[test]
    fn override_table() {
        let mut used = vec![false; OVERRIDES.len()];
        for (i, (_, display, _)) in ZONE_IDS.iter().enumerate() {
            let want = OVERRIDES
                .binary_search_by(|(k, _)| k.cmp(display))
                .ok()
                .map_or(NO_OVERRIDE, |j| j as u16);
            assert_eq!(OVERRIDE_OF[i], want, "{display}");
            if want != NO_OVERRIDE {
                used[want as usize] = true;
            }
        }
        assert!(used.iter().all(|&u| u));
        for (a, b) in [("a", "b"), ("ab", "a"), ("", ""), ("America/X", "America/")] {
            assert_eq!(cmp_str(a, b), a.cmp(b), "{a} {b}");
        }
    }

    /// Zones compare by rules and displayed id, however they were named; a zone is
    /// one word, so that date-time values stay small.
    #[test]
    fn equality_and_size() {
        let z = |s: &str| Zone::for_id(s).unwrap();
        assert_eq!(z("US/Pacific"), z("America/Los_Angeles"));
        assert_ne!(z("US/Pacific"), z("America/New_York"));
        assert_eq!(z("EST"), z("EST"));
        assert_ne!(z("EST"), z("EST5EDT"));
        assert_ne!(z("EST"), Zone::fixed(-5 * MS_PER_HOUR as i32));
        assert_eq!(z("+05:30"), Zone::fixed(19_800_000));
        assert_eq!(z("UTC"), Zone::UTC);
        assert_ne!(z("Etc/GMT+5"), Zone::fixed(-5 * MS_PER_HOUR as i32));
        // A zone tz 2022a did not have equals itself, and no 2022a zone.
        let kyiv = Zone::for_id_accepting_newer("Europe/Kyiv").unwrap();
        assert_eq!(kyiv, Zone::for_id_accepting_newer("Europe/Kyiv").unwrap());
        assert_ne!(kyiv, z("Europe/Kiev"));
        assert_eq!(kyiv.id(), "Europe/Kyiv");
        assert_eq!(std::mem::size_of::<Zone>(), 8);
    }

    fn id(s: &str) -> String {
        match Zone::for_id(s) {
            Ok(z) => z.id().into_owned(),
            Err(e) => e.message,
        }
    }

    #[test]
    fn ids() {
        assert_eq!(id("US/Pacific"), "America/Los_Angeles");
        assert_eq!(id("Asia/Calcutta"), "Asia/Kolkata");
        assert_eq!(id("Asia/Saigon"), "Asia/Ho_Chi_Minh");
        assert_eq!(id("Africa/Asmera"), "Africa/Asmara");
        assert_eq!(id("GMT"), "Etc/GMT");
        assert_eq!(id("GMT0"), "Etc/GMT");
        assert_eq!(id("Etc/UTC"), "Etc/UTC");
        assert_eq!(id("UTC"), "UTC");
        assert_eq!(id("EST"), "EST");
        assert_eq!(id("CET"), "CET");
        assert_eq!(id("EST5EDT"), "EST5EDT");
        assert_eq!(id("Europe/Kiev"), "Europe/Kiev");
        assert_eq!(id("+05"), "+05:00");
        assert_eq!(id("-0800"), "-08:00");
        assert_eq!(id("+05:30:15.123"), "+05:30:15.123");
        assert_eq!(id("-00:00"), "UTC");
        assert_eq!(id("+5"), "Invalid format: \"+5\" is malformed at \"5\"");
        assert_eq!(
            id("+24:00"),
            "Invalid format: \"+24:00\" is malformed at \"24:00\""
        );
        for bad in ["utc", "Z", "UT", "GMT+1", "UTC+1", "PST", "", "Europe/Kyiv"] {
            assert_eq!(
                id(bad),
                format!("The datetime zone id '{bad}' is not recognised")
            );
        }
        assert_eq!(
            Zone::for_id_accepting_newer("Europe/Kyiv").unwrap().id(),
            "Europe/Kyiv"
        );
    }

    #[test]
    fn every_2022a_id_has_rules() {
        for (k, v, tz) in ZONE_IDS {
            assert!(Zone::for_id(k).is_ok(), "{k} -> {v}");
            assert_eq!(tz.name(), *v);
        }
    }

    #[test]
    fn offsets_and_kinds() {
        let ny = Zone::for_id("America/New_York").unwrap();
        assert_eq!(ny.offset_ms_at(1_615_705_199_000), -18_000_000);
        assert_eq!(ny.offset_ms_at(1_615_705_200_000), -14_400_000);
        let la = Zone::for_id("America/Los_Angeles").unwrap();
        // 2019-03-10T02:30 local is in the gap, 2019-11-03T01:30 in the overlap.
        assert_eq!(
            la.local_kind(1_552_185_000_000),
            LocalKind::Gap(-28_800_000, -25_200_000)
        );
        assert_eq!(
            la.local_kind(1_572_744_600_000),
            LocalKind::Overlap(-25_200_000, -28_800_000)
        );
        assert_eq!(
            la.next_transition(1_552_100_000_000, 86_400_000 * 2),
            Some(1_552_212_000_000)
        );
        assert_eq!(
            la.previous_transition(1_552_300_000_000, 86_400_000 * 2),
            Some(1_552_211_999_999)
        );
    }
}
