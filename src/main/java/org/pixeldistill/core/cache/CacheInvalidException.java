package org.pixeldistill.core.cache;

/** A cache file that must not be used: missing, damaged, truncated or recorded for another key. */
public class CacheInvalidException extends Exception {
    public CacheInvalidException(String reason) {
        super(reason);
    }
}
