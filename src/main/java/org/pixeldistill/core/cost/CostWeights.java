package org.pixeldistill.core.cost;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pixeldistill.core.config.ConfigException;

/**
 * Weights of the single-number cost {@code weighted_total = macs * GMACs + params * M parameters +
 * bytes * kB sent + transmit * ms}, where a GMAC is 10^9 multiply-accumulates per image, M is
 * 10^6 parameters, a kB is 1000 bytes of the chosen encoding and ms is the transmission time in
 * milliseconds. The defaults (1, 0, 0, 0) make the total the GMACs alone.
 */
public record CostWeights(double macs, double params, double bytes, double transmit) {
    public static final CostWeights DEFAULT = new CostWeights(1, 0, 0, 0);

    public CostWeights {
        for (double w : new double[] {macs, params, bytes, transmit}) {
            if (!Double.isFinite(w)) {
                throw new ConfigException("cost weights must be finite numbers, got " + w);
            }
        }
    }

    /**
     * Reads {@code macs=1,params=0,bytes=0.5,transmit=0}; keys left out keep their default, an
     * unknown key or a value that is not a number is a ConfigException naming it.
     */
    public static CostWeights parse(String text) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("macs", DEFAULT.macs);
        values.put("params", DEFAULT.params);
        values.put("bytes", DEFAULT.bytes);
        values.put("transmit", DEFAULT.transmit);
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.trim() : part.substring(0, eq).trim();
            if (eq < 0 || !values.containsKey(key)) {
                throw new ConfigException("weights: '" + part.trim()
                        + "' must be one of macs=, params=, bytes=, transmit= with a number");
            }
            String value = part.substring(eq + 1).trim();
            try {
                values.put(key, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new ConfigException("weights: " + key + " must be a number, got '" + value + "'");
            }
        }
        return new CostWeights(values.get("macs"), values.get("params"), values.get("bytes"), values.get("transmit"));
    }
}
