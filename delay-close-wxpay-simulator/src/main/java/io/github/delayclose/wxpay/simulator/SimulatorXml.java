package io.github.delayclose.wxpay.simulator;

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
 * WeChat Pay v2's flat XML: one {@code <xml>} root whose child elements are the fields.
 *
 * <p>Parsing refuses any DOCTYPE, so neither external entities (XXE) nor entity expansion
 * ("billion laughs") can happen, whatever a client sends.
 */
final class SimulatorXml {

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_]+");

    private SimulatorXml() {
    }

    /** Writes fields as WeChat does, every value in CDATA. */
    static String write(Map<String, String> fields) {
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

    /**
     * Reads the fields of an {@code <xml>} document.
     *
     * @throws IllegalArgumentException when the text is not such a document, has a DOCTYPE, or
     *     repeats a field
     */
    static Map<String, String> parse(String text) {
        Document document;
        try {
            DocumentBuilder builder = newFactory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no parser noise on stderr
            document = builder.parse(new InputSource(new StringReader(text)));
        }
        catch (ParserConfigurationException ex) {
            throw new IllegalStateException("cannot configure a hardened XML parser", ex);
        }
        catch (SAXException | IOException ex) {
            throw new IllegalArgumentException("malformed XML: " + ex.getMessage(), ex);
        }
        Element root = document.getDocumentElement();
        if (!"xml".equals(root.getTagName())) {
            throw new IllegalArgumentException("root element must be <xml>, was <" + root.getTagName() + ">");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.ELEMENT_NODE
                    && fields.put(child.getNodeName(), child.getTextContent()) != null) {
                throw new IllegalArgumentException("field <" + child.getNodeName() + "> appears twice");
            }
        }
        return fields;
    }

    private static DocumentBuilderFactory newFactory() throws ParserConfigurationException {
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
        return factory;
    }
}
