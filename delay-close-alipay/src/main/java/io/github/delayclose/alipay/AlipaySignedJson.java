package io.github.delayclose.alipay;

import org.jspecify.annotations.Nullable;

/**
 * Finds the raw text of one member of a JSON object's top level, as it appears in the body. Alipay
 * signs the text of its {@code *_response} object exactly as sent, so that text, not a re-serialised
 * copy, is what must be verified; and it is that same text that is then read, so everything acted
 * on is covered by the signature.
 */
final class AlipaySignedJson {

    private AlipaySignedJson() {
    }

    /**
     * The raw text of the object-valued member {@code name} at the top level of {@code json}, or
     * {@code null} when there is none or the text is not well-formed enough to find it.
     */
    static @Nullable String member(String json, String name) {
        int i = skipSpace(json, 0);
        if (i >= json.length() || json.charAt(i) != '{') {
            return null;
        }
        i++;
        while (true) {
            i = skipSpace(json, i);
            if (i >= json.length() || json.charAt(i) != '"') {
                return null;
            }
            int keyEnd = endOfString(json, i);
            if (keyEnd < 0) {
                return null;
            }
            String key = json.substring(i + 1, keyEnd - 1);
            i = skipSpace(json, keyEnd);
            if (i >= json.length() || json.charAt(i) != ':') {
                return null;
            }
            i = skipSpace(json, i + 1);
            int valueEnd = endOfValue(json, i);
            if (valueEnd < 0) {
                return null;
            }
            if (key.equals(name)) {
                return json.charAt(i) == '{' ? json.substring(i, valueEnd) : null;
            }
            i = skipSpace(json, valueEnd);
            if (i >= json.length() || json.charAt(i) != ',') {
                return null;
            }
            i++;
        }
    }

    private static int skipSpace(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index after the string starting at {@code from} (a quote), or -1. */
    private static int endOfString(String json, int from) {
        for (int i = from + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            }
            else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index after the value starting at {@code from}, or -1. */
    private static int endOfValue(String json, int from) {
        if (from >= json.length()) {
            return -1;
        }
        char first = json.charAt(from);
        if (first == '"') {
            return endOfString(json, from);
        }
        if (first != '{' && first != '[') {
            int i = from;
            while (i < json.length() && ",}] \t\r\n".indexOf(json.charAt(i)) < 0) {
                i++;
            }
            return i;
        }
        int depth = 0;
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                i = endOfString(json, i);
                if (i < 0) {
                    return -1;
                }
                i--;
            }
            else if (c == '{' || c == '[') {
                depth++;
            }
            else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }
}
