package io.jenkins.plugins.deployoften.model.view;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Parses badge SVG with the JDK's XML parser, DTDs and external entities disallowed, and describes it. */
final class Svg {
    private Svg() {}

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Every node in document order: an element as {@code name[attribute names sorted]}, any other node by its
     * kind, text as {@code #text} (its content is checked separately).
     */
    static List<String> skeleton(Document document) {
        List<String> out = new ArrayList<>();
        walk(document.getDocumentElement(), out);
        return out;
    }

    private static void walk(Node node, List<String> out) {
        if (node.getNodeType() == Node.ELEMENT_NODE) {
            TreeSet<String> attributes = new TreeSet<>();
            NamedNodeMap map = node.getAttributes();
            for (int i = 0; i < map.getLength(); i++) {
                attributes.add(map.item(i).getNodeName());
            }
            out.add(node.getNodeName() + attributes);
            NodeList children = node.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                walk(children.item(i), out);
            }
        } else {
            out.add(node.getNodeName());
        }
    }

    static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static List<String> texts(Document document) {
        List<String> out = new ArrayList<>();
        for (Element text : elements(document, "text")) {
            out.add(text.getTextContent());
        }
        return out;
    }
}
