package nl.welkom.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void headingsEmphasisAndListMarkersAreRenderedForATerminal() {
        String markdown = "# Your first day\n"
                + "Bring **your passport** and *one* photo.\n"
                + "- the __letter__ from the municipality\n"
                + "* your _bank card_\n"
                + "  + a pen\n"
                + "1. Go to the desk.\n"
                + "See [the website](https://example.nl).";

        assertEquals("Your first day\n"
                + "Bring your passport and one photo.\n"
                + "• the letter from the municipality\n"
                + "• your bank card\n"
                + "  • a pen\n"
                + "1. Go to the desk.\n"
                + "See the website (https://example.nl).", Markdown.plain(markdown));
    }

    @Test
    void starsAndUnderscoresInsideWordsAndArithmeticStay() {
        assertEquals("file_name_here 2 * 3 = 6", Markdown.plain("file_name_here 2 * 3 = 6"));
        assertEquals("نص غامق", Markdown.plain("نص **غامق**"), "right-to-left text loses its markers too");
    }
}
