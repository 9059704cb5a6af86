package io.bioalert.ingest.publish;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Why a record was not published, and whether trying again can ever help. Only a refusal of the record
 * itself (too large for the producer or the topic, invalid, not serialisable) is poison: retrying it would
 * fail forever. Anything else (time-outs, no leader, a refused topic or credentials) concerns every record
 * alike and is worth another try once the broker or its configuration is right again.
 *
 * @param poison true when the record can never be published as it is
 * @param reason short enough for a log line and the API
 */
record PublishFailure(boolean poison, String reason) {

    private static final int MAX_REASON = 1000;

    static PublishFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException || t instanceof SerializationException) {
                return new PublishFailure(true, describe(t));
            }
        }
        return new PublishFailure(false, describe(failure));
    }

    private static String describe(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
