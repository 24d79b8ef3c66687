package id.rembug.bot.channel;

import java.util.List;

/**
 * The durable door for updates. A channel hands updates here and may confirm them to the
 * platform only after this returns: from then on they survive a crash.
 */
public interface InboxWriter {

    /**
     * Stores each update once, in order, durably. Updates whose id was stored before are skipped.
     *
     * @return how many were new
     * @throws org.springframework.dao.DataAccessException when Redis cannot be reached; the
     *         caller must retry, not drop
     */
    int append(List<Inbound> updates);
}
