package io.github.delayclose.simulator.support;

import java.util.Map;

/**
 * Writes the small JSON documents providers answer with, members in the order given. Values are
 * strings, numbers, booleans or nested maps; a {@code null} value leaves its member out.
 */
public final class JsonText {

    private JsonText() {
    }

    /** {@code fields} as a JSON object. */
    public static String object(Map<String, ?> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(string(name)).append(':').append(value(value));
        });
        return json.append('}').toString();
    }

    /** {@code text} as a JSON string, quoted and escaped. */
    public static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String value(Object value) {
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> members = (Map<String, ?>) map;
            return object(members);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return string(value.toString());
    }
}
