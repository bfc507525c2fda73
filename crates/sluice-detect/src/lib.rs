//! Payload screening: decode, normalise, detect injection attacks and PII.
