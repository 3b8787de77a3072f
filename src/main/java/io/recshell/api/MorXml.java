package io.recshell.api;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * MOR's XML answers, with an XML declaration, written by the JDK's StAX writer so that
 * any text (an unknown parameter's name, say) is escaped:
 *
 * <pre>
 * &lt;?xml version="1.0" encoding="UTF-8"?&gt;
 * &lt;success&gt;Recordings were successfully deleted&lt;/success&gt;
 * </pre>
 */
public final class MorXml {

    public static final String DELETED = "Recordings were successfully deleted";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private MorXml() {
    }

    public static String success(String message) {
        return answer("success", message);
    }

    public static String error(String message) {
        return answer("error", message);
    }

    private static String answer(String element, String text) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(element);
            xml.writeCharacters(text);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write an XML answer", e);
        }
        return out.toString();
    }
}
