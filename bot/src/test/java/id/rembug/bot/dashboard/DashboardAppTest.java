package id.rembug.bot.dashboard;

import id.rembug.bot.simulator.SimulatorService;
import id.rembug.bot.simulator.SimulatorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What the dashboard's whole-app test classes (each marked {@link DashboardApp}) take from the
 * running app: its port and the parts they seed groups and log in with.
 */
abstract class DashboardAppTest {

    @LocalServerPort
    int port;
    @Autowired
    SimulatorService simulator;
    @Autowired
    SimulatorStore store;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    LoginLinks links;

    /** Groups made through the simulator of this app. */
    DashboardGroups dashboardGroups() {
        return new DashboardGroups(simulator, store, redis);
    }
}
