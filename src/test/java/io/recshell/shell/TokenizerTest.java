package io.recshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void splitsOnBlanksAndKeepsQuotedText() {
        assertThat(Tokenizer.split("api call  'a=1&b=2'  \"x y\" z\\ w"))
                .containsExactly("api", "call", "a=1&b=2", "x y", "z w");
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThatThrownBy(() -> Tokenizer.split("recordings find 'oops")).hasMessageContaining("Unclosed");
    }

    @Test
    void joinQuotesWhatNeedsIt() {
        assertThat(Tokenizer.join(List.of("api", "call", "a=1&b=2", "it's")))
                .isEqualTo("api call 'a=1&b=2' 'it'\\''s'");
        assertThat(Tokenizer.split(Tokenizer.join(List.of("a b", "it's")))).containsExactly("a b", "it's");
    }
}
