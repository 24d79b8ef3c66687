package id.rembug.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    private final Text text = new Text("Menentukan arah", "Defining directions");

    @Test
    void englishCodesGiveEnglish() {
        assertThat(text.in("en")).isEqualTo("Defining directions");
        assertThat(text.in("EN-gb")).isEqualTo("Defining directions");
    }

    @Test
    void indonesianAndUnknownCodesGiveIndonesian() {
        assertThat(text.in("id")).isEqualTo("Menentukan arah");
        assertThat(text.in("jv")).isEqualTo("Menentukan arah");
        assertThat(text.in(null)).isEqualTo("Menentukan arah");
    }
}
