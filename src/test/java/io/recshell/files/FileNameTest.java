package io.recshell.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNameTest {

    @Test
    void plainUniqueidsMakePlainNames() {
        assertThat(FileName.refusal("1577836799.12345")).isNull();
        assertThat(FileName.of("1577836799.12345")).isEqualTo("1577836799.12345.mp3");
        assertThat(FileName.refusal("..")).as("'...mp3' is an ordinary name in the folder").isNull();
    }

    @Test
    void pathsAndControlCharactersAreRefused() {
        assertThat(FileName.refusal("../etc/passwd")).contains("path separator");
        assertThat(FileName.refusal("/etc/passwd")).contains("path separator");
        assertThat(FileName.refusal("a\\b")).contains("path separator");
        assertThat(FileName.refusal("a\nb")).contains("control character").contains("\\x0a");
        assertThat(FileName.refusal("")).contains("no uniqueid");
        assertThat(FileName.refusal(null)).contains("no uniqueid");
        assertThat(FileName.refusal("x".repeat(252))).contains("longer");
        assertThat(FileName.refusal("x".repeat(251))).isNull();
    }

    @Test
    void uniqueidOfAFileNameIsItsNameWithoutTheSuffix() {
        assertThat(FileName.uniqueidOf("1.2.mp3")).isEqualTo("1.2");
        assertThat(FileName.uniqueidOf(".mp3")).isNull();
        assertThat(FileName.uniqueidOf("notes.txt")).isNull();
    }
}
