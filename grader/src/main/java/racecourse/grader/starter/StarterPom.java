package racecourse.grader.starter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The student repository's pom.xml: exercises/pom.xml, which already builds alone (no parent, every
 * version pinned and checked against the parent POM's by CourseConsistencyTest, the surefire settings a
 * student's {@code mvn test} runs with), without what only makes sense inside the course repository: the
 * profile that skips the stubs' tests beside ../solutions, and the test jar the grader is built from.
 */
final class StarterPom {

    private static final String HEADER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!--
              Your Racecourse repository. `mvn test` runs the suites on your code and prints your points (see
              README.md). It builds on its own: every version is pinned here.
            -->
            """;

    private StarterPom() {
    }

    static String from(byte[] exercisesPom) throws IOException {
        Document pom = parse(exercisesPom);
        Element project = pom.getDocumentElement();
        children(project, "profiles").forEach(StarterPom::remove);
        for (Element build : children(project, "build")) {
            for (Element plugins : children(build, "plugins")) {
                children(plugins, "plugin").stream()
                        .filter(plugin -> children(plugin, "artifactId").stream()
                                .anyMatch(id -> id.getTextContent().trim().equals("maven-jar-plugin")))
                        .forEach(StarterPom::remove);
            }
        }
        return HEADER + serialize(project) + "\n";
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("exercises/pom.xml is not readable XML: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    /** Removes the element and the indentation before it, so no blank line is left. */
    private static void remove(Element element) {
        Node before = element.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
            before.getParentNode().removeChild(before);
        }
        element.getParentNode().removeChild(element);
    }

    private static String serialize(Element root) throws IOException {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(root), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IOException("could not write the starter's pom.xml: " + e.getMessage(), e);
        }
    }
}
