package io.leadflow.lead;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One consent change in the personal-data document. */
public record ConsentView(boolean given, OffsetDateTime at, String channel, String source, String wording,
    String ipAddress, String recordedBy, OffsetDateTime recordedAt) {

  static ConsentView of(ConsentRecord record) {
    return new ConsentView(record.isGiven(), record.getChangedAt().atOffset(ZoneOffset.UTC), record.getChannel(),
        record.getSource(), record.getWording(), record.getIpAddress(), record.getRecordedBy(),
        record.getRecordedAt().atOffset(ZoneOffset.UTC));
  }
}
