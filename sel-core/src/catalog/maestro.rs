//! Methods of `Util` (SPEC §7.17) and of `params` (§7.18), including the ones Maestro's
//! host extension provides (§10.5) and the `Util.toJson` function it registers.

use super::{p, Call, Method, Param, ANY};

/// `Util` and `params` methods work on any receiver of their type.
const fn m(
    receivers: &'static [&'static str],
    name: &'static str,
    params: &'static [Param],
    returns: &'static str,
    doc: &'static str,
) -> Method {
    super::m(receivers, name, params, returns, Call::Any, doc)
}

const fn host(method: Method) -> Method {
    Method {
        host: true,
        ..method
    }
}

const UTIL: &[&str] = &["PRESET_UTIL_FUNCTION"];
const PARAMS: &[&str] = &["PRESET_PARAMS"];
const DATE: &str = "STRING|LONG";

pub(super) const METHODS: &[Method] = &[
    // Util (§7.17)
    m(
        UTIL,
        "dateIntToTs",
        &[p("dateInt", DATE)],
        "LONG",
        "Epoch milliseconds of UTC midnight of a yyyyMMdd date int.",
    ),
    m(
        UTIL,
        "tsToDateInt",
        &[p("ts", DATE)],
        "STRING",
        "The UTC yyyyMMdd date of epoch milliseconds `ts`.",
    ),
    m(
        UTIL,
        "incrementDateInt",
        &[p("dateInt", DATE), p("days", "LONG")],
        "STRING",
        "The yyyyMMdd date `days` days after `dateInt`.",
    ),
    m(
        UTIL,
        "dateIntHourToTs",
        &[
            p("dateInt", DATE),
            p("hour", DATE),
            p("zone", DATE),
            p("days", DATE),
            p("hours", DATE),
        ],
        "LONG",
        "Epoch ms of date and hour in `zone`, minus `days` days and `hours` hours.",
    ),
    m(
        UTIL,
        "timeoutForDateTimeDeadline",
        &[p("deadline", "DATETIME"), p("period", "STRING")],
        "STRING",
        "Milliseconds left until `deadline` plus a period like '2 hours', as \"N milliseconds\".",
    ),
    m(
        UTIL,
        "timeoutForDateIntDeadline",
        &[p("dateInt", DATE), p("period", "STRING")],
        "STRING",
        "Milliseconds left until UTC midnight of `dateInt` plus a period, as \"N milliseconds\".",
    ),
    m(
        UTIL,
        "dateIntsBetween",
        &[p("from", DATE), p("to", DATE), p("step", DATE)],
        "LONG_ARRAY",
        "yyyyMMdd dates from `from` (inclusive) to `to` (exclusive) every `step` days.",
    ),
    m(
        UTIL,
        "intsBetween",
        &[p("from", DATE), p("to", DATE), p("step", DATE)],
        "LONG_ARRAY",
        "Integers from `from` (inclusive) to `to` (exclusive) by `step`.",
    ),
    host(m(
        UTIL,
        "toJson",
        &[p("value", ANY)],
        "STRING",
        "Compact JSON text of a value (registered by Maestro).",
    )),
    // params (§7.18)
    m(
        PARAMS,
        "get",
        &[p("name", "STRING")],
        ANY,
        "A fresh copy of the parameter `name`, or null when absent.",
    ),
    m(
        PARAMS,
        "containsKey",
        &[p("name", "STRING")],
        "BOOLEAN",
        "Whether the parameter `name` is available (even when null).",
    ),
    // Maestro's params extension (§10.5)
    host(m(
        PARAMS,
        "nextUniqueId",
        &[],
        "LONG",
        "A new database-backed unique id.",
    )),
    host(m(
        PARAMS,
        "getExecutionEnvironment",
        &[],
        "STRING",
        "The name of the deployment environment.",
    )),
    host(m(
        PARAMS,
        "getFromInstance",
        &[p("field", "STRING")],
        ANY,
        "A workflow instance field such as 'workflow_id' or 'INITIATOR_TYPE'.",
    )),
    host(m(
        PARAMS,
        "getFromStep",
        &[p("field", "STRING")],
        ANY,
        "A field of the current step such as 'step_id' or 'step_attempt_id'.",
    )),
    host(m(
        PARAMS,
        "getFromStep",
        &[p("stepId", "STRING"), p("param", "STRING")],
        ANY,
        "The evaluated param `param` of the upstream step `stepId`.",
    )),
    host(m(
        PARAMS,
        "getFromSignal",
        &[p("param", "STRING")],
        ANY,
        "A param of the signal that triggered this run.",
    )),
    host(m(
        PARAMS,
        "getFromSignal",
        &[p("signal", "STRING"), p("param", "STRING")],
        ANY,
        "A param of the named signal trigger instance.",
    )),
    host(m(
        PARAMS,
        "getFromSignalOrDefault",
        &[
            p("signal", "STRING"),
            p("param", "STRING"),
            p("default", "STRING"),
        ],
        ANY,
        "A param of the named signal, or `default` on any failure.",
    )),
    host(m(
        PARAMS,
        "getFromSignalDependency",
        &[p("index", "STRING"), p("param", "STRING")],
        ANY,
        "A param of the step's `index`-th signal dependency.",
    )),
    host(m(
        PARAMS,
        "getFromForeach",
        &[
            p("foreachStepId", "STRING"),
            p("stepId", "STRING"),
            p("param", "STRING"),
        ],
        ANY,
        "The values of a step's param across all iterations of a foreach.",
    )),
    host(m(
        PARAMS,
        "getFromSubworkflow",
        &[
            p("subworkflowStepId", "STRING"),
            p("stepId", "STRING"),
            p("param", "STRING"),
        ],
        ANY,
        "A param of a step inside the launched subworkflow.",
    )),
];
