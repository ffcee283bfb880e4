package org.pixeldistill.core.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.pixeldistill.core.config.ConfigException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads one Pascal VOC annotation file with the JDK's DOM parser, as written: numbers are not
 * converted or checked against the image here. Document type declarations are refused, so an
 * annotation file cannot make the parser fetch or read other files (XXE). Not thread-safe: one
 * instance per reading thread.
 */
final class VocXml {
    /** One {@code <object>}, {@code number} counting from 1 in file order; corners as in the file. */
    record VocObject(int number, String name, boolean difficult, double xmin, double ymin, double xmax, double ymax) {}

    /** The file's {@code <filename>} (null if absent), its size (0 if absent) and its objects. */
    record VocAnnotation(String filename, int width, int height, List<VocObject> objects) {}

    private final DocumentBuilder builder;

    VocXml() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            builder = f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
        }
        // The default handler prints "[Fatal Error]" lines to stderr before throwing; just throw.
        builder.setErrorHandler(new ErrorHandler() {
            @Override public void warning(SAXParseException e) {}
            @Override public void error(SAXParseException e) throws SAXException { throw e; }
            @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
        });
    }

    VocAnnotation read(Path file) {
        Element root;
        try {
            root = builder.parse(file.toFile()).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new ConfigException("VOC annotation " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (!"annotation".equals(root.getTagName())) {
            throw new ConfigException("VOC annotation " + file + " has <" + root.getTagName() + "> at the top, expected <annotation>");
        }
        String filename = text(child(root, "filename"));
        Element size = child(root, "size");
        int width = size == null ? 0 : (int) optionalNumber(child(size, "width"), file, "size/width");
        int height = size == null ? 0 : (int) optionalNumber(child(size, "height"), file, "size/height");
        List<VocObject> objects = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("object")) {
                objects.add(object(e, objects.size() + 1, file));
            }
        }
        return new VocAnnotation(filename == null || filename.isEmpty() ? null : filename, width, height, objects);
    }

    private static VocObject object(Element e, int number, Path file) {
        String where = "object " + number;
        String name = text(child(e, "name"));
        if (name == null || name.isEmpty()) {
            throw new ConfigException("VOC annotation " + file + " " + where + " has no <name>");
        }
        Element box = child(e, "bndbox");
        if (box == null) {
            throw new ConfigException("VOC annotation " + file + " " + where + " has no <bndbox>");
        }
        String difficult = text(child(e, "difficult"));
        boolean isDifficult = "1".equals(difficult) || "true".equalsIgnoreCase(difficult);
        return new VocObject(number, name, isDifficult,
                number(child(box, "xmin"), file, where + " xmin"), number(child(box, "ymin"), file, where + " ymin"),
                number(child(box, "xmax"), file, where + " xmax"), number(child(box, "ymax"), file, where + " ymax"));
    }

    private static double number(Element e, Path file, String what) {
        String s = text(e);
        if (s == null || s.isEmpty()) {
            throw new ConfigException("VOC annotation " + file + " " + what + " is missing");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException ex) {
            throw new ConfigException("VOC annotation " + file + " " + what + ": '" + s + "' is not a number");
        }
    }

    /** 0 when absent (the caller then reads the size from the image). */
    private static double optionalNumber(Element e, Path file, String what) {
        return e == null || text(e).isEmpty() ? 0 : Math.max(0, number(e, file, what));
    }

    /** The first direct child element called {@code tag}, or null. */
    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }
}
