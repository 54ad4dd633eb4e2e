//! Resource limits of an evaluator (§8.1), with Maestro's production defaults.

use std::time::Duration;

/// The limits every evaluation runs under. Each is enforced at the same threshold and
/// with the same error as the reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Operand-stack capacity (pushing onto a full stack fails).
    pub stack: usize,
    /// Iterations per loop instance (`count >= loops` after an iteration fails).
    pub loops: u64,
    /// `new T[n]` / `new T[]{..}` sizes must stay below this.
    pub array: u64,
    /// Expressions must be shorter than this many UTF-16 units.
    pub length: usize,
    /// Node visits per evaluation (`visits >= visits limit` fails).
    pub visits: u64,
    /// Accounted bytes per evaluation (§8.2).
    pub memory: u64,
    /// Wall-clock budget per evaluation.
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            stack: 128,
            loops: 25001,
            array: 25001,
            length: 10000,
            visits: 100_000_000,
            memory: 100_000_000,
            timeout: Duration::from_millis(120_000),
        }
    }
}

impl Limits {
    /// Sets one limit from text. Names: `stack`, `loop`, `array`, `length`, `visit`,
    /// `memory`, `timeout` (milliseconds).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let v: u64 = value
            .trim()
            .parse()
            .map_err(|_| format!("limit {name}: '{value}' is not a non-negative integer"))?;
        // The reference keeps these in Java ints; larger values are meaningless.
        let int_max = i32::MAX as u64;
        let check = |max: u64| {
            if v == 0 || v > max {
                Err(format!("limit {name}: {v} is out of range (1..={max})"))
            } else {
                Ok(v)
            }
        };
        match name {
            // The operand stack is preallocated: keep it reasonable.
            "stack" => self.stack = check(1 << 20)? as usize,
            "loop" | "loops" => self.loops = check(int_max)?,
            "array" => self.array = check(int_max)?,
            "length" => self.length = check(int_max)? as usize,
            "visit" | "visits" => self.visits = check(i64::MAX as u64)?,
            "memory" => self.memory = check(i64::MAX as u64)?,
            "timeout" => self.timeout = Duration::from_millis(check(i64::MAX as u64)?),
            _ => {
                return Err(format!(
                    "unknown limit '{name}' (expected stack, loop, array, length, visit, memory or timeout)"
                ))
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_maestro_production() {
        let l = Limits::default();
        assert_eq!(
            (l.stack, l.loops, l.array, l.length, l.visits, l.memory),
            (128, 25001, 25001, 10000, 100_000_000, 100_000_000)
        );
        assert_eq!(l.timeout, Duration::from_secs(120));
    }

    #[test]
    fn set_parses_and_rejects() {
        let mut l = Limits::default();
        l.set("loop", "100").unwrap();
        l.set("timeout", "5000").unwrap();
        assert_eq!(l.loops, 100);
        assert_eq!(l.timeout, Duration::from_secs(5));
        assert!(l.set("stack", "0").is_err());
        assert!(l.set("stack", "-1").is_err());
        assert!(l.set("array", "99999999999").is_err());
        assert!(l.set("bogus", "1").is_err());
    }
}
