//! Error types.

/// A [`PoolConfig`](crate::PoolConfig) that cannot be built into a pool.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// A field has a value that makes no sense on its own or with the others.
    #[error("invalid `{field}`: {reason}")]
    Invalid {
        /// The config key.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// A prewarm size lies above the largest size class.
    #[error("prewarm size {size} exceeds the largest pooled size {max}")]
    PrewarmTooLarge {
        /// The requested size.
        size: usize,
        /// The largest class size.
        max: usize,
    },
    /// Prewarming would retain more bytes than a cap allows.
    #[error("prewarm needs {bytes} bytes but the retained cap is {cap}")]
    PrewarmExceedsCap {
        /// Bytes the prewarm entries need (total, or in one class).
        bytes: usize,
        /// The cap it exceeds.
        cap: usize,
    },
}

/// Why [`Pool::try_acquire`](crate::Pool::try_acquire) handed out no buffer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AcquireError {
    /// Checking the buffer out would exceed `max_checked_out_bytes`.
    #[error(
        "acquiring {requested} bytes would exceed the checked-out cap \
         ({checked_out} of {cap} bytes out)"
    )]
    WouldExceedCap {
        /// Bytes the buffer would count for (its class size).
        requested: usize,
        /// Bytes checked out when the attempt was made.
        checked_out: usize,
        /// The configured cap.
        cap: usize,
    },
    /// No buffer can have this capacity: it exceeds `isize::MAX` bytes.
    #[error("a buffer of {requested} bytes cannot exist (at most {max})")]
    TooLarge {
        /// The requested capacity.
        requested: usize,
        /// The largest capacity a buffer can have.
        max: usize,
    },
}
