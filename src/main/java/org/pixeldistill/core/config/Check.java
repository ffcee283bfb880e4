package org.pixeldistill.core.config;

import java.util.List;

/** Range and choice checks that throw a {@link ConfigException} naming the key. */
public final class Check {
    private Check() {}

    public static void oneOf(String key, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new ConfigException(key + " must be one of " + allowed + ", got '" + value + "'");
        }
    }

    public static void atLeast(String key, double value, double min) {
        if (!(value >= min)) {
            throw new ConfigException(key + " must be >= " + fmt(min) + ", got " + fmt(value));
        }
    }

    public static void range(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(
                    key + " must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(value));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
