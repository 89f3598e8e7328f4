package io.leadflow.lead;

import java.time.Instant;
import java.util.UUID;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person at a company whose contact data we captured. */
@Entity
@Table(name = "leads")
public class Lead {

  @Id private String id;

  /** Normalised: trimmed and lower case, unique. */
  @Column(nullable = false, unique = true)
  private String email;

  private String firstName;
  private String lastName;
  private String company;
  private Integer companySize;
  private String industry;
  private String jobTitle;
  private String country;
  private String phone;
  private String campaign;
  private Boolean consentGiven;
  private Instant consentAt;
  private String consentSource;
  private String linkedin;
  private String twitter;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LeadStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private FunnelStage stage;

  private int score;
  private String rating;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Lead() {}

  /** A new lead: nurtured from the top of the funnel. */
  public static Lead captured(String email, String campaign, Instant at) {
    Lead lead = new Lead();
    lead.id = UUID.randomUUID().toString();
    lead.email = email;
    lead.campaign = campaign;
    lead.status = LeadStatus.NURTURING;
    lead.stage = FunnelStage.TOFU;
    lead.createdAt = at;
    lead.updatedAt = at;
    return lead;
  }

  /** Takes every field the profile carries; fields it leaves out keep what we knew. */
  void updateProfile(LeadProfile profile, Instant at) {
    firstName = keep(profile.firstName(), firstName);
    lastName = keep(profile.lastName(), lastName);
    company = keep(profile.company(), company);
    companySize = keep(profile.companySize(), companySize);
    industry = keep(profile.industry(), industry);
    jobTitle = keep(profile.jobTitle(), jobTitle);
    country = keep(profile.country(), country);
    phone = keep(profile.phone(), phone);
    if (profile.consent() != null) {
      consentGiven = profile.consent().given();
      consentAt = profile.consent().at() != null ? profile.consent().at().toInstant() : at;
      consentSource = profile.consent().source();
    }
    if (profile.social() != null) {
      linkedin = keep(profile.social().linkedin(), linkedin);
      twitter = keep(profile.social().twitter(), twitter);
    }
    updatedAt = at;
  }

  private static <T> T keep(T incoming, T current) {
    return incoming != null ? incoming : current;
  }

  public String getId() { return id; }
  public String getEmail() { return email; }
  public String getFirstName() { return firstName; }
  public String getLastName() { return lastName; }
  public String getCompany() { return company; }
  public Integer getCompanySize() { return companySize; }
  public String getIndustry() { return industry; }
  public String getJobTitle() { return jobTitle; }
  public String getCountry() { return country; }
  public String getPhone() { return phone; }
  public String getCampaign() { return campaign; }
  public Boolean getConsentGiven() { return consentGiven; }
  public Instant getConsentAt() { return consentAt; }
  public String getConsentSource() { return consentSource; }
  public String getLinkedin() { return linkedin; }
  public String getTwitter() { return twitter; }
  public LeadStatus getStatus() { return status; }
  public FunnelStage getStage() { return stage; }
  public int getScore() { return score; }
  public String getRating() { return rating; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }

  /** "Ada Lovelace", or the email when we know no name. */
  public String displayName() {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    return name.isEmpty() ? email : name;
  }
}
