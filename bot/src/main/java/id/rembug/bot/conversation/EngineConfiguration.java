package id.rembug.bot.conversation;

import id.rembug.dialogues.engine.Engine;
import id.rembug.dialogues.engine.EngineSettings;
import id.rembug.dialogues.engine.SummaryRenderer;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.goal.GoalChecker;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/** The engine and the flow it runs; a flow file with an error stops the start with its problems. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    @Bean
    Flow flow(ConversationProperties properties) {
        return properties.flow().isBlank()
                ? FlowLoader.loadResource("flows/stock.yaml")
                : FlowLoader.load(Path.of(properties.flow()));
    }

    @Bean
    Messages messages(Flow flow, ConversationProperties properties) {
        Messages messages = properties.messages().isBlank()
                ? FlowLoader.loadMessagesResource("flows/messages.yaml")
                : FlowLoader.loadMessages(Path.of(properties.messages()));
        // Everyone who reads the engine's texts hears the flow's one form of address.
        return messages.addressing(flow);
    }

    @Bean
    GoalChecker goalChecker() {
        return new RuleBasedGoalChecker();
    }

    @Bean
    Engine engine(Flow flow, Messages messages, GoalChecker goalChecker, ConversationProperties properties) {
        Duration autoAdvance = properties.autoAdvanceAfter().isZero() ? null : properties.autoAdvanceAfter();
        EngineSettings settings = new EngineSettings(properties.nudgeAfter(), autoAdvance,
                properties.quietHoursStart(), properties.quietHoursEnd(), ZoneId.of(properties.timeZone()),
                messages.languages().find(properties.language()).orElseThrow(() -> new IllegalArgumentException(
                        "rembug.conversation.language must be one of the messages file's languages ("
                                + messages.languages().offered() + "), found '" + properties.language() + "'")),
                properties.maxAnswerLength(), properties.latecomerGrace(), properties.confirmAdvanceWithin());
        return new Engine(flow, messages, goalChecker, settings);
    }

    @Bean
    SummaryRenderer summaryRenderer(Flow flow, Messages messages) {
        return new SummaryRenderer(flow, messages);
    }
}
