//! The host entry point: an [`Evaluator`] holds limits, clock, default zone and `Util`
//! functions; every call parses, checks and evaluates afresh with private state
//! (unless the host asked for a cache of parsed programs: see [`Evaluator::with_cache`]).

use crate::cache::{CacheStats, Parsed, ProgramCache};
use crate::error::SelError;
use crate::host::{Clock, Extension, SystemClock, UtilFunction, Vars};
use crate::interp::Interp;
use crate::java::text::utf16_len;
use crate::limits::Limits;
use crate::rt::convert::to_host;
use crate::value::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// A parsed program and its text, ready for [`Evaluator::evaluate_prepared`].
#[derive(Clone, Debug)]
pub struct Prepared {
    src: String,
    program: sel_grammar::Program,
}

/// Evaluates and validates SEL expressions. Cheap to share across threads.
#[derive(Clone)]
pub struct Evaluator {
    limits: Limits,
    clock: Arc<dyn Clock>,
    zone: String,
    /// Looked up on every `Util` call: a host registers a handful, and a few string
    /// comparisons cost less than hashing the name.
    utils: BTreeMap<String, Arc<dyn UtilFunction>>,
    /// Whether loops may run compiled (see `interp::fast`); off only to compare the
    /// compiled loops with the tree walk in tests.
    fast_loops: bool,
    /// Parsed programs by source text (shared by clones of this evaluator).
    cache: Option<Arc<ProgramCache>>,
}

impl std::fmt::Debug for Evaluator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evaluator")
            .field("limits", &self.limits)
            .field("zone", &self.zone)
            .field("utils", &self.utils.keys().collect::<Vec<_>>())
            .field("cache", &self.cache_stats())
            .finish()
    }
}

impl Evaluator {
    /// An evaluator with the system clock, default zone `UTC` and no `Util` functions.
    pub fn new(limits: Limits) -> Evaluator {
        Evaluator {
            limits,
            clock: Arc::new(SystemClock),
            zone: "UTC".to_string(),
            utils: BTreeMap::new(),
            fast_loops: true,
            cache: None,
        }
    }

    /// Keeps the parses of up to `capacity` distinct source texts (least recently used
    /// out first), so that [`Evaluator::evaluate`], [`Evaluator::evaluate_with_cancel`]
    /// and [`Evaluator::validate`] of a text seen before skip parsing. Results, errors
    /// and limit usage are the same as without the cache: parsing depends only on the
    /// text and the length limit, and each evaluation still starts from fresh state.
    /// The key is the text exactly as passed, so Maestro-style hosts pass it through
    /// [`crate::sanitize`] first, as they do anyway. Clones share the cache; 0 turns
    /// it off.
    pub fn with_cache(mut self, capacity: usize) -> Evaluator {
        self.cache = (capacity > 0).then(|| Arc::new(ProgramCache::new(capacity)));
        self
    }

    /// Hits, misses and size of the cache [`Evaluator::with_cache`] set up (`None`
    /// without one).
    pub fn cache_stats(&self) -> Option<CacheStats> {
        self.cache.as_ref().map(|c| c.stats())
    }

    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Evaluator {
        self.clock = clock;
        self
    }

    /// The zone of `new DateTime()` and zone-less formatters (a tz id; an id the
    /// joda module does not know means UTC).
    pub fn with_default_zone(mut self, zone_id: &str) -> Evaluator {
        self.zone = zone_id.to_string();
        self
    }

    /// Registers `Util.<name>(...)`; it shadows a built-in of the same name.
    pub fn with_util_function(mut self, name: &str, f: Arc<dyn UtilFunction>) -> Evaluator {
        self.utils.insert(name.to_string(), f);
        self
    }

    /// Turns the compiled loop fast path off (or on again). Results, errors and limit
    /// behaviour are the same either way; this exists so that tests can check exactly
    /// that.
    #[doc(hidden)]
    pub fn with_fast_loops(mut self, on: bool) -> Evaluator {
        self.fast_loops = on;
        self
    }

    pub(crate) fn fast_loops(&self) -> bool {
        self.fast_loops
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    pub(crate) fn clock(&self) -> &dyn Clock {
        &*self.clock
    }

    pub(crate) fn default_zone(&self) -> &str {
        &self.zone
    }

    pub(crate) fn util_function(&self, name: &str) -> Option<&Arc<dyn UtilFunction>> {
        self.utils.get(name)
    }

    /// Evaluates `src` with input variables `vars` and an optional `params` extension.
    pub fn evaluate(
        &self,
        src: &str,
        vars: &dyn Vars,
        ext: Option<&dyn Extension>,
    ) -> Result<Value, SelError> {
        self.run(src, vars, ext, None)
    }

    /// Like [`Evaluator::evaluate`]; setting `cancel` stops the evaluation soon after.
    pub fn evaluate_with_cancel(
        &self,
        src: &str,
        vars: &dyn Vars,
        ext: Option<&dyn Extension>,
        cancel: &AtomicBool,
    ) -> Result<Value, SelError> {
        self.run(src, vars, ext, Some(cancel))
    }

    fn check_length(&self, src: &str) -> Result<(), SelError> {
        let len = utf16_len(src);
        if len >= self.limits.length {
            return Err(SelError::limit(
                crate::ErrorKind::IllegalArgumentException,
                format!(
                    "Expression length is over the limit: {} vs length: {len}",
                    self.limits.length
                ),
            ));
        }
        Ok(())
    }

    fn parse(&self, src: &str) -> Result<sel_grammar::Program, SelError> {
        self.check_length(src)?;
        let parsed = sel_grammar::parse(src);
        if let Some(e) = parsed.errors.into_iter().next() {
            return Err(e.into());
        }
        Ok(parsed.program)
    }

    /// The parse of `src`, from the cache when there is one.
    fn parsed(&self, src: &str) -> Parsed {
        let fresh = || {
            self.parse(src).map(|program| {
                Arc::new(Prepared {
                    src: src.to_string(),
                    program,
                })
            })
        };
        match &self.cache {
            Some(cache) => cache.get_or_parse(src, fresh),
            None => fresh(),
        }
    }

    fn run(
        &self,
        src: &str,
        vars: &dyn Vars,
        ext: Option<&dyn Extension>,
        cancel: Option<&AtomicBool>,
    ) -> Result<Value, SelError> {
        if self.cache.is_none() {
            // No `Arc` and no copy of the text when nothing is kept.
            let program = self.parse(src)?;
            return self.run_program(&program, src, vars, ext, cancel);
        }
        let prepared = self.parsed(src)?;
        self.run_program(&prepared.program, &prepared.src, vars, ext, cancel)
    }

    fn run_program(
        &self,
        program: &sel_grammar::Program,
        src: &str,
        vars: &dyn Vars,
        ext: Option<&dyn Extension>,
        cancel: Option<&AtomicBool>,
    ) -> Result<Value, SelError> {
        let mut interp = Interp::new(program, src, self, vars, ext, cancel);
        let result = interp.run().map_err(|e| *e).and_then(|v| to_host(&v));
        interp.mem.release_maps();
        result
    }

    /// Parses and checks `src` once, for hosts (and benchmarks) that evaluate the same
    /// text many times with [`Evaluator::evaluate_prepared`].
    pub fn prepare(&self, src: &str) -> Result<Prepared, SelError> {
        let program = self.parse(src)?;
        Ok(Prepared {
            src: src.to_string(),
            program,
        })
    }

    /// Evaluates a program [`Evaluator::prepare`] parsed; the result is the same as
    /// [`Evaluator::evaluate`] on its text. Every evaluation still gets fresh state.
    pub fn evaluate_prepared(
        &self,
        prepared: &Prepared,
        vars: &dyn Vars,
        ext: Option<&dyn Extension>,
    ) -> Result<Value, SelError> {
        self.run_program(&prepared.program, &prepared.src, vars, ext, None)
    }

    /// The input names `src` reads (§6), minus the static names.
    pub fn validate(&self, src: &str) -> Result<BTreeSet<String>, SelError> {
        if self.cache.is_none() {
            let program = self.parse(src)?;
            return Ok(crate::validate::referenced_names(&program));
        }
        let prepared = self.parsed(src)?;
        Ok(crate::validate::referenced_names(&prepared.program))
    }
}
