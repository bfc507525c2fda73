//! After a spike and an idle period, trimming gives memory back to the OS.
//! (Its own test binary, so no other test's allocations move the RSS.)
#![cfg(all(target_os = "linux", not(loom)))]

use std::time::Duration;

use sluice_pool::Pool;

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn memory_is_released_after_a_spike_and_idle_age() {
    const MIB: usize = 1 << 20;
    let pool = Pool::builder()
        .max_retained_bytes(64 * MIB)
        .max_class_retained_bytes(64 * MIB)
        .max_idle(Duration::from_millis(300))
        .detect_cgroup(false)
        .build()
        .unwrap();
    let Some(before) = rss_kib() else { return };

    // A spike: 48 MiB written in full, then released (and retained).
    let bufs: Vec<_> = (0..48)
        .map(|i| {
            let mut b = pool.acquire(MIB);
            b.resize(MIB, i as u8 | 1);
            b
        })
        .collect();
    drop(bufs);
    let s = pool.stats();
    assert_eq!(s.retained_bytes, 48 * MIB as u64);
    let peak = rss_kib().unwrap();
    assert!(
        peak >= before + 40 * 1024,
        "spike visible: {before} -> {peak} KiB"
    );

    // Not idle long enough yet: nothing goes.
    assert_eq!(pool.trim().released_buffers, 0);

    std::thread::sleep(Duration::from_millis(400));
    let report = pool.trim();
    assert_eq!(report.released_bytes, 48 * MIB as u64, "{report:?}");
    assert_eq!(pool.stats().retained_bytes, 0);
    let after = rss_kib().unwrap();
    assert!(
        after + 40 * 1024 <= peak,
        "RSS fell by at least 40 MiB: {peak} -> {after} KiB"
    );
}
