package io.leadflow.lead;

import java.time.OffsetDateTime;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.leadflow.api.Timestamp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What a landing page, webinar tool, CRM or import row tells us about a lead (the body of
 * {@code POST /api/leads}). Normalised as it is made, before it is validated: text trimmed (no-break
 * spaces too), blank as absent, the email in its canonical form ({@link EmailAddress}: one lead
 * per address, case-insensitively), the country resolved to its ISO code ({@link Countries}).
 */
public record LeadProfile(
    @NotBlank @Size(max = 254) @ValidEmail String email,
    @Size(max = 100) String firstName,
    @Size(max = 100) String lastName,
    @Size(max = 200) String company,
    @Positive @Max(value = 10_000_000, message = "must be at most 10000000 employees") Integer companySize,
    @Size(max = 100) String industry,
    @Size(max = 200) String jobTitle,
    @CountryCode String country,
    @Pattern(regexp = "^$|^\\+?[0-9][0-9 ()./-]{3,38}$", message = "must be a phone number: digits, spaces and + ( ) . / -")
        String phone,
    @Size(max = 100) String campaign,
    @Valid Consent consent,
    @Valid Social social) {

  public LeadProfile {
    email = EmailAddress.canonical(email);
    firstName = clean(firstName);
    lastName = clean(lastName);
    company = clean(company);
    industry = clean(industry);
    jobTitle = clean(jobTitle);
    country = Countries.resolve(country);
    phone = clean(phone);
    campaign = clean(campaign);
  }

  /**
   * Consent to be contacted, as data-protection law wants it recorded: given or refused, when, the
   * source, the text the person agreed to (or its version) and their IP address, where known.
   */
  public record Consent(
      @NotNull Boolean given,
      @PastOrPresent @JsonDeserialize(using = Timestamp.Deserializer.class) OffsetDateTime at,
      @Size(max = 200) String source,
      @Size(max = 1000) String text,
      @Pattern(regexp = "^$|^[0-9a-fA-F:.]{2,45}$", message = "must be an IPv4 or IPv6 address") String ip) {

    public Consent {
      source = clean(source);
      text = clean(text);
      ip = clean(ip);
    }

    /** Given or refused, when, from which source; no text or address known. */
    public Consent(Boolean given, OffsetDateTime at, String source) {
      this(given, at, source, null, null);
    }
  }

  /** Social profile handles or URLs. */
  public record Social(@Size(max = 200) String linkedin, @Size(max = 200) String twitter) {

    public Social {
      linkedin = clean(linkedin);
      twitter = clean(twitter);
    }
  }


  /** Without space (no-break spaces too) or invisible characters around it; null when blank ({@link TextRules}). */
  static String clean(String value) {
    return TextRules.clean(value);
  }
}
