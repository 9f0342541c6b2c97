package io.github.delayclose.wxpay.protocol;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads WeChat Pay v2's flat {@code <xml><field>value</field>…</xml>} documents, refusing anything
 * that could make the parser act on the document's behalf.
 *
 * <p>This replaces wxpay-sdk 0.0.3's {@code WXPayUtil.xmlToMap}, which resolves external entities
 * (XXE: a forged answer or notification could read local files or reach internal hosts) and expands
 * nested entities ("billion laughs"). Any DOCTYPE is refused outright, which rules out both; the
 * other settings are belt and braces should a parser ignore that feature.
 */
public final class WxPayXml {

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_]+");

    /** Far above any real answer or notification (about 1-2 KB); bounds the work a hostile body can cause. */
    public static final int MAX_CHARS = 64 * 1024;

    private WxPayXml() {
    }

    /**
     * The fields of a WeChat Pay document.
     *
     * @throws MalformedException when the text is not such a document, declares a DOCTYPE, nests or
     *     repeats fields, or is too long; the message never quotes the document
     */
    public static Map<String, String> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedException("empty body");
        }
        if (text.length() > MAX_CHARS) {
            throw new MalformedException("body longer than " + MAX_CHARS + " characters");
        }
        Document document;
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // keep the parser from printing to stderr
            document = builder.parse(new InputSource(new StringReader(text)));
        }
        catch (ParserConfigurationException ex) {
            throw new IllegalStateException("this JVM's XML parser cannot be hardened against XXE", ex);
        }
        catch (SAXException | IOException ex) {
            throw new MalformedException("not well-formed XML (" + ex.getMessage() + ")");
        }
        Element root = document.getDocumentElement();
        if (!"xml".equals(root.getTagName())) {
            throw new MalformedException("root element is <" + root.getTagName() + ">, not <xml>");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            for (Node grandChild = child.getFirstChild(); grandChild != null; grandChild = grandChild.getNextSibling()) {
                if (grandChild.getNodeType() != Node.TEXT_NODE && grandChild.getNodeType() != Node.CDATA_SECTION_NODE) {
                    throw new MalformedException("field <" + child.getNodeName() + "> is not plain text");
                }
            }
            // A repeated field would make "which value was signed" ambiguous.
            if (fields.put(child.getNodeName(), child.getTextContent()) != null) {
                throw new MalformedException("field <" + child.getNodeName() + "> appears twice");
            }
        }
        return fields;
    }

    /**
     * Writes fields as WeChat does, every value in CDATA; {@code null} values are left out.
     *
     * @throws IllegalArgumentException for a field name that is not letters, digits and underscores
     */
    public static String write(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((name, value) -> {
            if (!FIELD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a WeChat Pay field name: " + name);
            }
            if (value != null) {
                xml.append('<').append(name).append("><![CDATA[")
                        // "]]>" would end the section early: split it across two sections.
                        .append(value.replace("]]>", "]]]]><![CDATA[>"))
                        .append("]]></").append(name).append('>');
            }
        });
        return xml.append("</xml>").toString();
    }

    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        return factory;
    }

    /** A document that is not a readable WeChat Pay document. */
    public static final class MalformedException extends IllegalArgumentException {

        MalformedException(String message) {
            super(message);
        }
    }
}
