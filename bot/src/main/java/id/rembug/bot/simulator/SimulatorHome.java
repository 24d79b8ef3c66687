package id.rembug.bot.simulator;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A newcomer who opens the app's address lands on the simulator. */
@Controller
@Conditional(SimulatorEnabledCondition.class)
class SimulatorHome {

    @GetMapping("/")
    String home() {
        return "redirect:/simulator";
    }
}
