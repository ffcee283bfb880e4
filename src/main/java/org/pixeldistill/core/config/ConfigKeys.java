package org.pixeldistill.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;

/** The dotted key ({@code train.milestones[1]}) a Jackson error happened at, read from its parser. */
final class ConfigKeys {
    private ConfigKeys() {}

    /** The key, or "" when the error carries no parser or happened outside any key. */
    static String at(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String key = String.join("", parts);
        return key.startsWith(".") ? key.substring(1) : key;
    }
}
