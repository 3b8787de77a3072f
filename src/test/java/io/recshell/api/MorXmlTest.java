package io.recshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MorXmlTest {

    @Test
    void successHasTheXmlDeclarationAndMorsMessage() {
        assertThat(MorXml.success(MorXml.DELETED)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <success>Recordings were successfully deleted</success>""");
    }

    @Test
    void errorTextIsEscaped() {
        assertThat(MorXml.error("Unknown parameter '<x>&'")).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <error>Unknown parameter '&lt;x&gt;&amp;'</error>""");
    }
}
