package id.rembug.dialogues.engine;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * What every mapper of the JSON Rembug keeps in Redis starts from ({@link StateCodec}, the
 * application's inbox and outbox codec), so that they read and write alike and cost alike.
 */
public final class StoredJson {

    private StoredJson() {
    }

    public static JsonMapper.Builder mapperBuilder() {
        JsonFactory factory = JsonFactory.builder()
                // a buffer per thread, as in Jackson 2: Jackson 3's default pool, a concurrent deque,
                // cost about a tenth of writing a state; the codecs run on platform threads only
                .recyclerPool(JsonRecyclerPools.threadLocalPool())
                .build();
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // records built and read through generated lambdas, not reflection (see the README's
                // Benchmarks: about a tenth off reading a state)
                .addModule(new BlackbirdModule())
                // instants without DateTimeFormatter, in the same form
                .addModule(InstantJson.module());
    }
}
