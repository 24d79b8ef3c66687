package id.rembug.bot.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardExportFormatTest {

    @Test
    void csvCellsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(AnswerExport.csvCell("Saya Ani, penjahit")).isEqualTo("\"Saya Ani, penjahit\"");
        assertThat(AnswerExport.csvCell("kata \"gotong royong\"")).isEqualTo("\"kata \"\"gotong royong\"\"\"");
        assertThat(AnswerExport.csvCell("baris\nbaru")).isEqualTo("\"baris\nbaru\"");
        assertThat(AnswerExport.csvCell("biasa")).isEqualTo("biasa");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsAFormulaAreDefused() {
        assertThat(AnswerExport.csvCell("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(AnswerExport.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AnswerExport.csvCell("-5")).isEqualTo("-5");
    }

    @Test
    void loginCommandIsRecognisedWithOrWithoutTheBotsName() {
        assertThat(LoginCommand.matches("/masuk")).isTrue();
        assertThat(LoginCommand.matches(" /MASUK@rembug_bot ")).isTrue();
        assertThat(LoginCommand.matches("/login")).isTrue();
        assertThat(LoginCommand.matches("/masukkan")).isFalse();
        assertThat(LoginCommand.matches("masuk")).isFalse();
    }
}
