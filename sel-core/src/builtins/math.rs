//! `Math` (§7.9) and the per-evaluation pseudo-random generator behind `Math.random()`
//! and `UUID.randomUUID()` (no global state).

use super::{double_result, long_result, no_method};
use crate::error::SelError;
use crate::interp::{cast_error, Interp};
use crate::ops::number_cast_error;
use crate::rt::{Args, Entry, Val};
use crate::types::Ty;

/// SplitMix64: small, fast and good enough for `Math.random()`. Seeded on first use
/// only, so evaluations that never draw a number do not pay for the seeding.
#[derive(Clone, Debug, Default)]
pub(crate) struct Rng(Option<u64>);

impl Rng {
    /// A generator seeded from the process's per-thread random hasher keys.
    fn seed() -> u64 {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(0x5e1);
        h.finish()
    }

    pub fn next_u64(&mut self) -> u64 {
        let state = self.0.get_or_insert_with(Rng::seed);
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits, like `java.util.Random.nextDouble`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// Java `Math.pow`. Exact integer powers are computed exactly and rounded once (the
/// platform `pow` may round `10^23` the other way from Java's).
fn pow(a: f64, b: f64) -> f64 {
    if a.fract() == 0.0
        && a.abs() <= 9_007_199_254_740_992.0
        && (0.0..=127.0).contains(&b)
        && b.fract() == 0.0
    {
        let mut acc: u128 = 1;
        let base = a.abs() as u128;
        let mut ok = true;
        for _ in 0..b as u32 {
            match acc.checked_mul(base) {
                Some(x) => acc = x,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            let mag = acc as f64;
            return if a.is_sign_negative() && (b as u32) % 2 == 1 {
                -mag
            } else {
                mag
            };
        }
    }
    a.powf(b)
}

fn long_arg(e: &Entry) -> Result<i64, SelError> {
    match e.get() {
        Val::Long(x) => Ok(x),
        other => Err(cast_error(other.ty(), Ty::Long)),
    }
}

fn number_arg(e: &Entry) -> Result<f64, SelError> {
    match e.get() {
        Val::Long(x) => Ok(x as f64),
        Val::Double(x) => Ok(x),
        other => Err(number_cast_error(&other)),
    }
}

pub(crate) fn call(it: &mut Interp<'_>, name: &str, args: Args) -> Result<Entry, SelError> {
    match (name, args.as_slice()) {
        ("min", [a, b]) => {
            let (a, b) = (long_arg(a)?, long_arg(b)?);
            long_result(it, a.min(b))
        }
        ("max", [a, b]) => {
            let (a, b) = (long_arg(a)?, long_arg(b)?);
            long_result(it, a.max(b))
        }
        ("random", []) => {
            let r = it.rng.next_f64();
            double_result(it, r)
        }
        ("pow", [a, b]) => {
            let (a, b) = (number_arg(a)?, number_arg(b)?);
            double_result(it, pow(a, b))
        }
        _ => Err(no_method(Ty::Math, name, &args)),
    }
}
