//! Per-client limits: requests in flight and a token-bucket request rate,
//! keyed by the client's IP address.
//!
//! The client table has a fixed size chosen at start, so a flood from many
//! addresses cannot grow the gateway's memory: it is a set-associative
//! cache of [`WAYS`] slots per set, each set behind its own lock. A new
//! client takes a free slot of its set, else the idle slot (no request in
//! flight) seen least recently; its bucket starts full. When every slot of
//! its set has requests in flight, the client goes untracked for that
//! request rather than evicting a client whose in-flight count would be lost.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use super::config::ClientLimitConfig;

/// Slots per set of the client table.
pub(crate) const WAYS: usize = 8;

/// A client over one of its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Limited {
    /// Too many requests in flight.
    Concurrency {
        /// The limit.
        limit: u32,
    },
    /// The request rate's bucket is empty.
    Rate {
        /// Whole seconds until a token is back.
        retry_after: u64,
    },
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    used: bool,
    key: u128,
    in_flight: u32,
    tokens: f64,
    /// Nanoseconds since the limiter's epoch at the last refill.
    seen_ns: u64,
}

#[derive(Debug, Default)]
struct Set {
    slots: [Slot; WAYS],
}

/// The per-client limits and the bounded table of clients.
#[derive(Debug)]
pub(crate) struct ClientLimiter {
    max_concurrent: u32,
    rate: f64,
    burst: f64,
    epoch: Instant,
    hasher: RandomState,
    sets: Box<[Mutex<Set>]>,
}

/// Held while a client's request is in flight; gives the slot back on drop.
#[derive(Debug)]
pub(crate) struct ClientPermit {
    limiter: Arc<ClientLimiter>,
    set: usize,
    key: u128,
}

/// The table key of an address: IPv4 as its mapped IPv6 form, IPv6 by its
/// /64 prefix (one host or one customer site holds a whole /64).
pub(crate) fn client_key(ip: IpAddr) -> u128 {
    match ip {
        IpAddr::V4(v4) => u128::from(v4.to_ipv6_mapped()),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => u128::from(v4.to_ipv6_mapped()),
            None => u128::from(v6) & !((1u128 << 64) - 1),
        },
    }
}

impl ClientLimiter {
    /// The limiter `config` asks for, or `None` when both limits are off.
    pub(crate) fn from_config(config: &ClientLimitConfig) -> Option<Arc<Self>> {
        if !config.enabled() {
            return None;
        }
        let sets = config.table_size.div_ceil(WAYS).max(1).next_power_of_two();
        let burst = if config.burst > 0 {
            f64::from(config.burst)
        } else {
            config.rate.ceil().max(1.0)
        };
        Some(Arc::new(Self {
            max_concurrent: u32::try_from(config.max_concurrent).unwrap_or(u32::MAX),
            rate: config.rate,
            burst,
            epoch: Instant::now(),
            hasher: RandomState::new(),
            sets: (0..sets).map(|_| Mutex::new(Set::default())).collect(),
        }))
    }

    /// Clients the table can hold at once.
    pub(crate) fn capacity(&self) -> usize {
        self.sets.len() * WAYS
    }

    fn set_of(&self, key: u128) -> usize {
        // `sets.len()` is a power of two.
        (self.hasher.hash_one(key) as usize) & (self.sets.len() - 1)
    }

    fn lock(&self, set: usize) -> std::sync::MutexGuard<'_, Set> {
        // A panic while holding the lock leaves counters, not broken
        // invariants: keep using them.
        self.sets[set]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Admits one request from `ip` now, or says which limit it is over.
    /// `Ok(None)`: admitted untracked (its set is full of busy clients).
    pub(crate) fn admit(self: &Arc<Self>, ip: IpAddr) -> Result<Option<ClientPermit>, Limited> {
        let now = u64::try_from(self.epoch.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.admit_at(ip, now)
    }

    fn admit_at(self: &Arc<Self>, ip: IpAddr, now: u64) -> Result<Option<ClientPermit>, Limited> {
        let key = client_key(ip);
        let set_index = self.set_of(key);
        let mut set = self.lock(set_index);
        let slot = match set.slots.iter().position(|s| s.used && s.key == key) {
            Some(i) => &mut set.slots[i],
            None => {
                let victim = set.slots.iter().position(|s| !s.used).or_else(|| {
                    set.slots
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| s.in_flight == 0)
                        .min_by_key(|(_, s)| s.seen_ns)
                        .map(|(i, _)| i)
                });
                let Some(i) = victim else {
                    return Ok(None);
                };
                set.slots[i] = Slot {
                    used: true,
                    key,
                    in_flight: 0,
                    tokens: self.burst,
                    seen_ns: now,
                };
                &mut set.slots[i]
            }
        };
        if self.rate > 0.0 {
            let elapsed = now.saturating_sub(slot.seen_ns) as f64 / 1e9;
            slot.tokens = (slot.tokens + elapsed * self.rate).min(self.burst);
        }
        slot.seen_ns = now;
        if self.max_concurrent > 0 && slot.in_flight >= self.max_concurrent {
            return Err(Limited::Concurrency {
                limit: self.max_concurrent,
            });
        }
        if self.rate > 0.0 {
            if slot.tokens < 1.0 {
                let wait = ((1.0 - slot.tokens) / self.rate).ceil();
                return Err(Limited::Rate {
                    retry_after: (wait as u64).max(1),
                });
            }
            slot.tokens -= 1.0;
        }
        slot.in_flight += 1;
        Ok(Some(ClientPermit {
            limiter: Arc::clone(self),
            set: set_index,
            key,
        }))
    }

    #[cfg(test)]
    fn in_flight(&self, ip: IpAddr) -> u32 {
        let key = client_key(ip);
        let set = self.lock(self.set_of(key));
        set.slots
            .iter()
            .find(|s| s.used && s.key == key)
            .map_or(0, |s| s.in_flight)
    }
}

impl Drop for ClientPermit {
    fn drop(&mut self) {
        let mut set = self.limiter.lock(self.set);
        // A slot with requests in flight is never evicted, so it is there.
        if let Some(s) = set.slots.iter_mut().find(|s| s.used && s.key == self.key) {
            s.in_flight = s.in_flight.saturating_sub(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(
        max_concurrent: usize,
        rate: f64,
        burst: u32,
        table_size: usize,
    ) -> Arc<ClientLimiter> {
        ClientLimiter::from_config(&ClientLimitConfig {
            max_concurrent,
            rate,
            burst,
            table_size,
        })
        .unwrap()
    }

    fn ip(n: u32) -> IpAddr {
        IpAddr::from(n.to_be_bytes())
    }

    #[test]
    fn off_by_default() {
        assert!(ClientLimiter::from_config(&ClientLimitConfig::default()).is_none());
    }

    #[test]
    fn concurrency_is_limited_per_client_and_released() {
        let l = limiter(2, 0.0, 0, 64);
        let a = l.admit_at(ip(1), 0).unwrap();
        let b = l.admit_at(ip(1), 0).unwrap();
        assert_eq!(
            l.admit_at(ip(1), 0).unwrap_err(),
            Limited::Concurrency { limit: 2 }
        );
        // Another client is unaffected.
        assert!(l.admit_at(ip(2), 0).unwrap().is_some());
        drop(a);
        assert_eq!(l.in_flight(ip(1)), 1);
        assert!(l.admit_at(ip(1), 0).unwrap().is_some());
        drop(b);
    }

    #[test]
    fn token_bucket_refills_at_the_rate() {
        let l = limiter(0, 2.0, 3, 64);
        for _ in 0..3 {
            drop(l.admit_at(ip(7), 0).unwrap());
        }
        assert_eq!(
            l.admit_at(ip(7), 0).unwrap_err(),
            Limited::Rate { retry_after: 1 }
        );
        // Half a second later one token (2/s) is back, and only one.
        drop(l.admit_at(ip(7), 500_000_000).unwrap());
        assert!(l.admit_at(ip(7), 500_000_000).is_err());
    }

    #[test]
    fn slow_rate_asks_for_a_longer_wait() {
        let l = limiter(0, 0.1, 1, 64);
        drop(l.admit_at(ip(7), 0).unwrap());
        assert_eq!(
            l.admit_at(ip(7), 0).unwrap_err(),
            Limited::Rate { retry_after: 10 }
        );
    }

    #[test]
    fn the_table_stays_bounded_and_busy_clients_are_kept() {
        let l = limiter(1, 0.0, 0, 8);
        assert_eq!(l.capacity(), WAYS);
        let held: Vec<_> = (0..WAYS as u32)
            .map(|i| l.admit_at(ip(i), 0).unwrap().unwrap())
            .collect();
        // Every slot is busy: a new client goes untracked, and the busy
        // ones keep their counts.
        assert!(l.admit_at(ip(100), 1).unwrap().is_none());
        assert!(l.admit_at(ip(0), 1).is_err());
        drop(held);
        // Idle now: a new client takes the least recently seen slot.
        for i in 100..1000 {
            drop(l.admit_at(ip(i), u64::from(i)).unwrap().unwrap());
        }
        let used: usize = l
            .sets
            .iter()
            .map(|s| s.lock().unwrap().slots.iter().filter(|s| s.used).count())
            .sum();
        assert_eq!(used, WAYS);
    }

    #[test]
    fn ipv6_clients_are_grouped_by_prefix() {
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(c));
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(client_key(mapped), client_key("10.0.0.1".parse().unwrap()));
    }
}
