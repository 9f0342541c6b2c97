package io.github.delayclose.wxpay.protocol;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads and writes WeChat Pay v2's flat {@code <xml><field>value</field>…</xml>} documents,
 * refusing anything that could make the parser act on the document's behalf.
 *
 * <p>This replaces wxpay-sdk 0.0.3's {@code WXPayUtil.xmlToMap}, which resolves external entities
 * (XXE: a forged answer or notification could read local files or reach internal hosts) and expands
 * nested entities ("billion laughs"). Any DOCTYPE is refused outright, which rules out both: the
 * reader is told not to process DTDs, and the parse stops at the DOCTYPE before any element is
 * read. Refusing external access and resolving nothing are belt and braces should a parser ignore
 * that setting. Repeated fields, fields that are not plain text and overlong documents are refused too.
 *
 * <p>Cheap enough for every call: one streaming (StAX) factory is configured once and shared, as
 * the JDK's factory creates an independent reader per document and is never reconfigured; no DOM
 * is built, and writing is plain string building.
 */
public final class WxPayXml {

    /** Far above any real answer or notification (about 1-2 KB); bounds the work a hostile body can cause. */
    public static final int MAX_CHARS = 64 * 1024;

    private static final XMLInputFactory FACTORY = hardenedFactory();

    private WxPayXml() {
    }

    /**
     * The fields of a WeChat Pay document of at most {@link #MAX_CHARS} characters.
     *
     * @throws MalformedException when the text is not such a document, declares a DOCTYPE, nests or
     *     repeats fields, or is too long; the message never quotes the document's values
     */
    public static Map<String, String> parse(String text) {
        return parse(text, MAX_CHARS);
    }

    /**
     * The fields of a WeChat Pay document of at most {@code maxChars} characters.
     *
     * @throws MalformedException as {@link #parse(String)} does
     */
    public static Map<String, String> parse(String text, int maxChars) {
        if (text == null || text.isBlank()) {
            throw new MalformedException("empty body");
        }
        if (text.length() > maxChars) {
            throw new MalformedException("body longer than " + maxChars + " characters");
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(text));
            return fields(reader);
        }
        catch (XMLStreamException ex) {
            // The JDK's message spans lines ("ParseError at [row,col]…\nMessage: …"); keep it on one.
            throw new MalformedException("not well-formed XML (" + String.valueOf(ex.getMessage()).replace('\n', ' ')
                    + ")");
        }
        finally {
            close(reader);
        }
    }

    /**
     * Writes fields as WeChat does, every value in CDATA; {@code null} values are left out.
     *
     * @throws IllegalArgumentException for a field name that is not letters, digits and underscores
     */
    public static String write(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder(64 + 48 * fields.size()).append("<xml>");
        fields.forEach((name, value) -> {
            if (!isFieldName(name)) {
                throw new IllegalArgumentException("not a WeChat Pay field name: " + name);
            }
            if (value != null) {
                xml.append('<').append(name).append("><![CDATA[");
                // "]]>" would end the section early: split it across two sections.
                if (value.contains("]]>")) {
                    xml.append(value.replace("]]>", "]]]]><![CDATA[>"));
                }
                else {
                    xml.append(value);
                }
                xml.append("]]></").append(name).append('>');
            }
        });
        return xml.append("</xml>").toString();
    }

    private static Map<String, String> fields(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new MalformedException("DOCTYPE declarations are refused");
            }
        }
        if (!"xml".equals(reader.getLocalName())) {
            throw new MalformedException("root element is <" + reader.getLocalName() + ">, not <xml>");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        while ((event = reader.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                // A repeated field would make "which value was signed" ambiguous.
                if (fields.put(name, text(reader, name)) != null) {
                    throw new MalformedException("field <" + name + "> appears twice");
                }
            }
            else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new MalformedException("entity references are refused");
            }
            // Whitespace, comments and processing instructions between fields carry nothing; skipped.
        }
        while (reader.hasNext()) {
            reader.next(); // the rest must still be well-formed: nothing but comments and whitespace
        }
        return fields;
    }

    /** The text of the field whose start tag was just read, up to and including its end tag. */
    private static String text(XMLStreamReader reader, String name) throws XMLStreamException {
        String single = null;
        StringBuilder joined = null;
        for (int event = reader.next(); event != XMLStreamConstants.END_ELEMENT; event = reader.next()) {
            if (event != XMLStreamConstants.CHARACTERS && event != XMLStreamConstants.CDATA
                    && event != XMLStreamConstants.SPACE) {
                throw new MalformedException("field <" + name + "> is not plain text");
            }
            if (single == null) {
                single = reader.getText();
            }
            else {
                joined = (joined == null ? new StringBuilder(single) : joined).append(reader.getText());
            }
        }
        return joined != null ? joined.toString() : single == null ? "" : single;
    }

    private static boolean isFieldName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static XMLInputFactory hardenedFactory() {
        // The JDK's own implementation, found without a ServiceLoader lookup; it is the one whose
        // behaviour with these settings the tests pin down.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are refused");
        });
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            }
            catch (XMLStreamException ignored) {
                // nothing is held open: the input is a string
            }
        }
    }

    /** A document that is not a readable WeChat Pay document. */
    public static final class MalformedException extends IllegalArgumentException {

        MalformedException(String message) {
            super(message);
        }
    }
}
