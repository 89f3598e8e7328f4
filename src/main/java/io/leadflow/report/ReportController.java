package io.leadflow.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports/*}: JSON, or CSV with {@code Accept: text/csv} (the rows only, a header row
 * first, formula-safe cells: see {@link Csv}). Marketing, managers and administrators.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final Reports reports;

  ReportController(Reports reports) {
    this.reports = reports;
  }

  @GetMapping("/campaigns")
  ResponseEntity<?> campaigns(@Valid ReportPeriod period, HttpServletRequest request) {
    Reports.CampaignReport report = reports.campaigns(period);
    return answer(request, report, "campaigns", Reports.CampaignRow.COLUMNS,
        report.campaigns().stream().map(Reports.CampaignRow::cells).toList());
  }

  @GetMapping("/funnel")
  ResponseEntity<?> funnel(@Valid ReportPeriod period, HttpServletRequest request) {
    Reports.FunnelReport report = reports.funnel(period);
    return answer(request, report, "funnel", Reports.FunnelRow.COLUMNS,
        report.stages().stream().map(Reports.FunnelRow::cells).toList());
  }

  @GetMapping("/speed-to-lead")
  ResponseEntity<?> speedToLead(@Valid ReportPeriod period, HttpServletRequest request) {
    Reports.SpeedToLeadReport report = reports.speedToLead(period);
    return answer(request, report, "speed-to-lead", Reports.TeamRow.COLUMNS,
        report.teams().stream().map(Reports.TeamRow::cells).toList());
  }

  @GetMapping("/score-quality")
  ResponseEntity<?> scoreQuality(@Valid ReportPeriod period, HttpServletRequest request) {
    Reports.ScoreQualityReport report = reports.scoreQuality(period);
    return answer(request, report, "score-quality", Reports.RatingRow.COLUMNS,
        report.ratings().stream().map(Reports.RatingRow::cells).toList());
  }

  private static ResponseEntity<?> answer(HttpServletRequest request, Object json, String name, List<String> columns,
      List<List<Object>> rows) {
    if (!wantsCsv(request.getHeader(HttpHeaders.ACCEPT))) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
        .body(Csv.write(columns, rows));
  }

  /** CSV when the client asks for it before (or instead of) JSON. */
  static boolean wantsCsv(String accept) {
    if (accept == null) {
      return false;
    }
    List<MediaType> types = MediaType.parseMediaTypes(accept);
    MediaType.sortBySpecificityAndQuality(types);
    for (MediaType type : types) {
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
        return false;
      }
      if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
        return true;
      }
    }
    return false;
  }
}
