package org.convene.contracts.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RichTextTest {

    @Test
    void keepsParagraphsEmphasisListsAndWebLinks() {
        String html = "<p>Join <strong>Ollie Vargas</strong> and <em>Miriam Colque</em>.</p>"
                + "<ul><li>One</li></ul><p><a href=\"https://friendsofbolivia.example/\">Friends</a></p>";
        assertThat(RichText.clean(html)).isEqualTo("<p>Join <strong>Ollie Vargas</strong> and <em>Miriam Colque</em>.</p>"
                + "<ul><li>One</li></ul><p><a href=\"https://friendsofbolivia.example/\" rel=\"noopener noreferrer nofollow\">"
                + "Friends</a></p>");
    }

    @Test
    void stripsScriptsHandlersStylesAndOtherSchemesButKeepsTheText() {
        String html = "<p onclick=\"steal()\" style=\"color:red\">Hi<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">click</a><img src=x onerror=alert(1)><iframe src=\"https://evil\"></iframe>"
                + "<h1>Big</h1>";
        String clean = RichText.clean(html);
        assertThat(clean).isEqualTo("<p>Hi</p><a rel=\"noopener noreferrer nofollow\">click</a>Big");
    }

    @Test
    void nullStaysNull() {
        assertThat(RichText.clean(null)).isNull();
    }
}
