//! The gateway's configuration parsers never panic: a TOML file, sizes,
//! durations and upstream URLs are accepted or refused with an error.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sluice::gateway::{GatewayConfig, parse_duration, parse_size, parse_upstream};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_size(text);
    let _ = parse_duration(text);
    let _ = parse_upstream(text);
    if let Ok(cfg) = GatewayConfig::from_toml(text) {
        if cfg.validate().is_ok() {
            // What start-up derives from a valid configuration.
            let _ = cfg.effective_scan_concurrency();
            let _ = cfg.scan_reserve();
            let _ = cfg.body_budget();
            let _ = cfg.checked_out_cap();
        }
    }
});
