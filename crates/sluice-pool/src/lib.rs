//! Size-classed, bounded, thread-caching byte-buffer pool.
