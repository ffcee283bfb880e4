package org.pixeldistill.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NaN and infinities in a config. YAML writes them {@code .nan}, {@code .inf}, {@code -.inf}; they
 * are valid YAML, but no key of a config means anything with them (a NaN passes every range
 * check, since each comparison with it is false), so they are refused with the key named. Jackson
 * does not read the YAML spellings (it stops with "Malformed numeric value"), and reads a number
 * too large for a double, such as {@code 1e999}, as an infinity.
 */
final class NonFiniteNumbers {
    private static final Pattern LITERAL = Pattern.compile("[-+]?\\.(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MALFORMED = Pattern.compile("Malformed numeric value '([^']*)'");

    private NonFiniteNumbers() {}

    /** Whether {@code text} is one of YAML's spellings of NaN or an infinity. */
    static boolean isLiteral(String text) {
        return LITERAL.matcher(text.strip()).matches();
    }

    /** Whether a parse error is Jackson stopping at such a spelling. */
    static boolean isNonFiniteLiteral(JsonProcessingException e) {
        return literal(e) != null;
    }

    /** The spelling Jackson stopped at, or null when the error is another one. */
    static String literal(JsonProcessingException e) {
        Matcher m = MALFORMED.matcher(String.valueOf(e.getOriginalMessage()));
        return m.find() && isLiteral(m.group(1)) ? m.group(1) : null;
    }

    /** Throws a {@link KeyedConfigException} naming the first key whose value is NaN or infinite. */
    static void check(JsonNode tree) {
        check(tree, "");
    }

    private static void check(JsonNode node, String key) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw new KeyedConfigException(key, key + " must be a finite number, got "
                    + String.valueOf(node.doubleValue()).toLowerCase(Locale.ROOT));
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                check(field.getValue(), key.isEmpty() ? field.getKey() : key + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), key + "[" + i + "]");
            }
        }
    }
}
