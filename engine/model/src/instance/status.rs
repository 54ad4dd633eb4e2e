//! The statuses of a step attempt (§4.2) and of a workflow instance run (§4.1), with the
//! terminal / complete / retryable flags the DAG rules are written in.

use super::names_serde;

macro_rules! status_enum {
    ($name:ident { $($v:ident = $s:literal),* $(,)? }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($v),* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),* }
            }
            pub fn parse(s: &str) -> Option<$name> {
                let upper = s.trim().to_ascii_uppercase();
                $name::ALL.iter().copied().find(|v| v.as_str() == upper)
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        names_serde!($name);
    };
}

status_enum!(StepStatus {
    NotCreated = "NOT_CREATED",
    Created = "CREATED",
    Initialized = "INITIALIZED",
    Paused = "PAUSED",
    WaitingForSignals = "WAITING_FOR_SIGNALS",
    EvaluatingParams = "EVALUATING_PARAMS",
    WaitingForPermits = "WAITING_FOR_PERMITS",
    Starting = "STARTING",
    Running = "RUNNING",
    Finishing = "FINISHING",
    Disabled = "DISABLED",
    Unsatisfied = "UNSATISFIED",
    Skipped = "SKIPPED",
    Succeeded = "SUCCEEDED",
    CompletedWithError = "COMPLETED_WITH_ERROR",
    UserFailed = "USER_FAILED",
    PlatformFailed = "PLATFORM_FAILED",
    TimeoutFailed = "TIMEOUT_FAILED",
    FatallyFailed = "FATALLY_FAILED",
    InternallyFailed = "INTERNALLY_FAILED",
    Stopped = "STOPPED",
    TimedOut = "TIMED_OUT",
});

impl StepStatus {
    /// The attempt is over (it may still be retried when [`StepStatus::is_retryable`]).
    pub fn is_terminal(self) -> bool {
        use StepStatus::*;
        matches!(
            self,
            Disabled
                | Unsatisfied
                | Skipped
                | Succeeded
                | CompletedWithError
                | UserFailed
                | PlatformFailed
                | TimeoutFailed
                | FatallyFailed
                | InternallyFailed
                | Stopped
                | TimedOut
        )
    }

    /// A complete status lets successors start (§3.3).
    pub fn is_complete(self) -> bool {
        use StepStatus::*;
        matches!(
            self,
            Disabled | Unsatisfied | Skipped | Succeeded | CompletedWithError
        )
    }

    /// The engine retries the step by itself after a backoff.
    pub fn is_retryable(self) -> bool {
        use StepStatus::*;
        matches!(self, UserFailed | PlatformFailed | TimeoutFailed)
    }

    /// Terminal, not complete and not retried by the system: a user may restart it.
    pub fn is_restartable(self) -> bool {
        self.is_terminal() && !self.is_complete() && !self.is_retryable()
    }
}

status_enum!(InstanceStatus {
    Created = "CREATED",
    InProgress = "IN_PROGRESS",
    Paused = "PAUSED",
    Succeeded = "SUCCEEDED",
    Failed = "FAILED",
    Stopped = "STOPPED",
    TimedOut = "TIMED_OUT",
});

impl InstanceStatus {
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            InstanceStatus::Succeeded
                | InstanceStatus::Failed
                | InstanceStatus::Stopped
                | InstanceStatus::TimedOut
        )
    }
}
