package io.leadflow.lead;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One capture of a lead in its personal-data document: when, by which channel and campaign, by whom. */
public record CaptureView(OffsetDateTime at, CaptureChannel channel, String campaign, boolean newLead, String capturedBy) {

  static CaptureView of(CaptureRecord capture) {
    return new CaptureView(capture.getCapturedAt().atOffset(ZoneOffset.UTC), capture.getChannel(), capture.getCampaign(),
        capture.isNewLead(), capture.getCapturedBy());
  }
}
