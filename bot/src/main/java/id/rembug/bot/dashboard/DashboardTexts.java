package id.rembug.bot.dashboard;

import id.rembug.dialogues.flow.TextCatalog;
import id.rembug.dialogues.flow.TextFiles;
import org.springframework.stereotype.Component;

/**
 * The dashboard's own words ({@code texts/dashboard.yaml}), read by the one text loader and checked
 * at start-up like every other text file; the templates read them by key ({@link #words}). The
 * dashboard is for staff and facilitators, in Indonesian or English; other languages get Indonesian.
 */
@Component
public class DashboardTexts extends TextCatalog<DashboardText> {

    static final String RESOURCE = "texts/dashboard.yaml";
    private static final TextFiles.Layout LAYOUT = TextFiles.Layout.of("Dashboard texts", "texts");

    public DashboardTexts() {
        super(TextFiles.loadResource(DashboardText.class, RESOURCE, LAYOUT));
    }
}
