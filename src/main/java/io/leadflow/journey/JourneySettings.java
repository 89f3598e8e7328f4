package io.leadflow.journey;

import io.leadflow.lead.EmailFrequency;

import io.leadflow.lead.FunnelStage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How nurturing paces itself ({@code leadflow.journey.*}): the wait between two sends per stage,
 * the longest a journey may last, the hours content may go out in, and the most emails a lead
 * gets in any rolling window.
 */
@ConfigurationProperties("leadflow.journey")
public record JourneySettings(Cadence cadence, Duration maxLength, Window sendWindow, FrequencyCap frequencyCap,
    PreferredFrequency preferredFrequency) {

  public JourneySettings {
    preferredFrequency = preferredFrequency == null ? new PreferredFrequency(null, null) : preferredFrequency;
    frequencyCap = frequencyCap == null ? new FrequencyCap(null, null) : frequencyCap;
    cadence = cadence == null ? new Cadence(null, null, null, null, null) : cadence;
    maxLength = maxLength == null ? Duration.ofDays(365) : maxLength;
    sendWindow = sendWindow == null ? new Window(null, null, null, null, null) : sendWindow;
  }

  /**
   * At most {@code maxEmails} emails to a lead in any {@code window} (rolling), whatever journey or
   * channel sends them: a send that would pass it waits until the oldest of them leaves the window.
   */
  public record FrequencyCap(Integer maxEmails, Duration window) {

    public FrequencyCap {
      maxEmails = maxEmails == null ? 3 : maxEmails;
      window = window == null ? Duration.ofDays(7) : window;
      if (maxEmails < 1) {
        throw new IllegalArgumentException("leadflow.journey.frequency-cap.max-emails must be at least 1");
      }
    }
  }

  /**
   * The least time between two emails for a lead that chose a frequency in the preference centre:
   * a send that comes sooner is held until it has passed.
   */
  public record PreferredFrequency(Duration weekly, Duration monthly) {

    public PreferredFrequency {
      weekly = weekly == null ? Duration.ofDays(7) : weekly;
      monthly = monthly == null ? Duration.ofDays(30) : monthly;
    }

    Duration gap(EmailFrequency frequency) {
      return switch (frequency) {
        case AS_PUBLISHED -> Duration.ZERO;
        case WEEKLY -> weekly;
        case MONTHLY -> monthly;
      };
    }
  }

  /** The wait before each next send, per stage. */
  public record Cadence(Duration tofu, Duration mofu, Duration bofu, Duration keepWarm, Duration loyalty) {

    public Cadence {
      tofu = tofu == null ? Duration.ofDays(7) : tofu;
      mofu = mofu == null ? Duration.ofDays(5) : mofu;
      bofu = bofu == null ? Duration.ofDays(3) : bofu;
      keepWarm = keepWarm == null ? Duration.ofDays(30) : keepWarm;
      loyalty = loyalty == null ? Duration.ofDays(30) : loyalty;
    }

    Duration of(FunnelStage stage) {
      Map<FunnelStage, Duration> byStage = new EnumMap<>(FunnelStage.class);
      byStage.put(FunnelStage.TOFU, tofu);
      byStage.put(FunnelStage.MOFU, mofu);
      byStage.put(FunnelStage.BOFU, bofu);
      byStage.put(FunnelStage.KEEP_WARM, keepWarm);
      byStage.put(FunnelStage.LOYALTY, loyalty);
      return byStage.get(stage);
    }
  }

  /**
   * Content goes out on these days between {@code start} and {@code end}, in the lead's time zone:
   * the zone of its country ({@code zones}), else {@code defaultZone}.
   */
  public record Window(List<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId defaultZone, Map<String, ZoneId> zones) {

    public Window {
      days = days == null || days.isEmpty() ? List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) : days;
      start = start == null ? LocalTime.of(9, 0) : start;
      end = end == null ? LocalTime.of(17, 0) : end;
      defaultZone = defaultZone == null ? ZoneId.of("Europe/Berlin") : defaultZone;
      zones = zones == null ? Map.of() : zones;
    }

    Set<DayOfWeek> openDays() {
      return EnumSet.copyOf(days);
    }
  }
}
