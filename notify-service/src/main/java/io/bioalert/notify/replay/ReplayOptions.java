package io.bioalert.notify.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What {@link DeadLetterReplay} replays: the dead-lettered records whose reason contains {@code reason}
 * (any case), whose key is {@code key}, dead-lettered at or after {@code since}, at most {@code limit} of
 * them; a dry run lists them and publishes nothing. Unset filters take every record.
 */
public record ReplayOptions(String bootstrapServers, String reason, String key, Instant since, int limit, boolean dryRun) {

    public static final String USAGE = """
            usage: notify-replay-dlq [--bootstrap-servers HOST:PORT] [--reason TEXT] [--key ANNOUNCEMENT_ID]
                                     [--since 2026-12-01T00:00:00Z] [--limit N] [--dry-run]
            Publishes records of announcements.classified.dlq again to announcements.classified, oldest first
            per partition. --reason keeps those whose dead-letter-reason contains TEXT (any case); --dry-run
            lists what would be replayed and publishes nothing. Replaying is safe to repeat: notify records
            each (watchlist, destination, announcement) once.
            --bootstrap-servers defaults to $KAFKA_BOOTSTRAP_SERVERS, then localhost:9092.""";

    /** A command line that cannot be run, with what is wrong with it. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public static ReplayOptions parse(String[] args, String defaultBootstrapServers) throws UsageException {
        String bootstrap = defaultBootstrapServers == null || defaultBootstrapServers.isBlank()
                ? "localhost:9092" : defaultBootstrapServers;
        String reason = null;
        String key = null;
        Instant since = null;
        int limit = Integer.MAX_VALUE;
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "--bootstrap-servers" -> bootstrap = value(args, ++i, arg);
                case "--reason" -> reason = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                case "--key" -> key = value(args, ++i, arg);
                case "--since" -> {
                    String v = value(args, ++i, arg);
                    try {
                        since = Instant.parse(v);
                    } catch (DateTimeParseException e) {
                        throw new UsageException("--since takes an instant such as 2026-12-01T00:00:00Z, not " + v);
                    }
                }
                case "--limit" -> {
                    String v = value(args, ++i, arg);
                    try {
                        limit = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        limit = -1;
                    }
                    if (limit < 1) {
                        throw new UsageException("--limit takes a positive number, not " + v);
                    }
                }
                default -> throw new UsageException("unknown argument " + arg);
            }
        }
        return new ReplayOptions(bootstrap, reason, key, since, limit, dryRun);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    /** Whether a dead-lettered record with this key, reason and timestamp is one to replay. */
    boolean chooses(String recordKey, String recordReason, long timestampMillis) {
        return (key == null || key.equals(recordKey))
                && (reason == null || (recordReason != null && recordReason.toLowerCase(Locale.ROOT).contains(reason)))
                && (since == null || timestampMillis >= since.toEpochMilli());
    }
}
