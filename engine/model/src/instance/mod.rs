//! Maestro's run-time documents (SPEC §4, §7.3, §7.5) with serde: workflow instances, step
//! instances, evaluated parameters, runtime states and timelines.
//!
//! These are the shapes the REST API returns and the store keeps, so the engine, the
//! server and `maestro run --json` share them. Field names are Maestro's snake_case;
//! enums read case-insensitively and write Maestro's canonical spelling.

mod documents;
mod parameter;
mod status;

pub use documents::{
    ErrorDetails, Initiator, RunConfig, RuntimeDagNode, RuntimeState, StepInstance, StepRetry,
    StepTransitionState, Timeline, TimelineEvent, WorkflowInstance,
};
pub use parameter::{Parameter, ParameterMap};
pub use status::{InstanceStatus, StepStatus};

/// Serde for an enum written as its canonical name and read case-insensitively.
macro_rules! names_serde {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                <$t>::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown {} \"{text}\"", stringify!($t)))
                })
            }
        }
    };
}
pub(crate) use names_serde;

names_serde!(crate::ParamType);
names_serde!(crate::ParamMode);
