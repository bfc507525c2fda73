//! Sampled leak tracking: where and when sampled buffers were checked out.

use std::collections::HashMap;
use std::panic::Location;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::loom::{Mutex, lock};

/// Marks a buffer that is not tracked.
pub(crate) const UNTRACKED: u32 = u32::MAX;

/// Checked-out buffers older than a given age, grouped by the call site that
/// acquired them (from [`Pool::leaks`](crate::Pool::leaks)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeakSite {
    /// Source file of the `acquire` call.
    pub file: &'static str,
    /// Line of the `acquire` call.
    pub line: u32,
    /// Column of the `acquire` call.
    pub column: u32,
    /// Tracked buffers from this site still checked out.
    pub count: usize,
    /// Age of the oldest of them.
    #[serde(serialize_with = "ser_duration")]
    pub oldest_age: Duration,
    /// Their bytes (class size, or requested size when unpooled).
    pub bytes: usize,
}

fn ser_duration<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

struct Record {
    location: &'static Location<'static>,
    since: Instant,
    bytes: usize,
}

#[derive(Default)]
struct Slab {
    slots: Vec<Option<Record>>,
    free: Vec<u32>,
    live: usize,
}

pub(crate) struct LeakTracker {
    slab: Mutex<Slab>,
}

impl LeakTracker {
    pub(crate) fn new() -> Self {
        Self {
            slab: Mutex::new(Slab::default()),
        }
    }

    pub(crate) fn track(&self, location: &'static Location<'static>, bytes: usize) -> u32 {
        let rec = Record {
            location,
            since: Instant::now(),
            bytes,
        };
        let mut slab = lock(&self.slab);
        slab.live += 1;
        if let Some(i) = slab.free.pop() {
            slab.slots[i as usize] = Some(rec);
            return i;
        }
        let Ok(i) = u32::try_from(slab.slots.len()) else {
            slab.live -= 1;
            return UNTRACKED;
        };
        if i == UNTRACKED {
            slab.live -= 1;
            return UNTRACKED;
        }
        slab.slots.push(Some(rec));
        i
    }

    pub(crate) fn untrack(&self, id: u32) {
        let mut slab = lock(&self.slab);
        if let Some(slot) = slab.slots.get_mut(id as usize)
            && slot.take().is_some()
        {
            slab.live -= 1;
            slab.free.push(id);
        }
    }

    pub(crate) fn live(&self) -> usize {
        lock(&self.slab).live
    }

    pub(crate) fn report(&self, older_than: Duration) -> Vec<LeakSite> {
        let now = Instant::now();
        let mut sites: HashMap<(&'static str, u32, u32), LeakSite> = HashMap::new();
        {
            let slab = lock(&self.slab);
            for rec in slab.slots.iter().flatten() {
                let age = now.saturating_duration_since(rec.since);
                if age < older_than {
                    continue;
                }
                let l = rec.location;
                let site = sites
                    .entry((l.file(), l.line(), l.column()))
                    .or_insert_with(|| LeakSite {
                        file: l.file(),
                        line: l.line(),
                        column: l.column(),
                        count: 0,
                        oldest_age: Duration::ZERO,
                        bytes: 0,
                    });
                site.count += 1;
                site.bytes += rec.bytes;
                site.oldest_age = site.oldest_age.max(age);
            }
        }
        let mut out: Vec<LeakSite> = sites.into_values().collect();
        out.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(b.oldest_age.cmp(&a.oldest_age))
                .then(a.file.cmp(b.file))
                .then(a.line.cmp(&b.line))
        });
        out
    }
}
