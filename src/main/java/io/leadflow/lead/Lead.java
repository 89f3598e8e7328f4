package io.leadflow.lead;

import java.time.Instant;
import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person at a company whose contact data we captured. */
@Entity
@Table(name = "leads")
public class Lead extends NewEntity {

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

  /** The total: fit + engagement + social. */
  private int score;
  private int fitScore;
  private int engagementScore;
  private int socialScore;
  private String rating;
  /** What the qualification decision said last: NURTURE, MARKETING_QUALIFIED or SALES_QUALIFIED. */
  private String qualification;

  /** The stage the score says; {@link #stage} is where the journey has the lead. */
  @Enumerated(EnumType.STRING)
  private FunnelStage scoredStage;

  /** Sales said "not ready": the lead is not handed over again before this time (null: no hold). */
  private Instant handoverNotBefore;

  /** When its email bounced for good (a hard bounce); nothing is sent to it after that. */
  private Instant emailBouncedAt;

  /** When the mail server (or the mail sender) refused its address as such; nothing is sent to it after that. */
  private Instant emailAddressRefusedAt;

  /**
   * Why its address is on the suppression list when it did not bounce for good:
   * {@code COMPLAINT} (a spam report) or {@code SUPPRESSED} (on the list before it was captured).
   */
  private String emailSuppressed;
  private Instant emailSuppressedAt;

  /** Transient bounces since an email last reached it; enough in a row count as a hard bounce. */
  private int transientBounces;

  /** The company, normalised: leads of one company make one account. */
  private String companyKey;

  /** When the person asked to be forgotten: every personal field is empty since (see {@link #erase}). */
  private Instant erasedAt;

  /** Captured again after an earlier erasure of its address (leadflow.privacy.erased-address: flag). */
  private Instant previouslyErasedAt;

  /**
   * Last-touch attribution: the last campaign it engaged with (a capture or an interaction naming
   * one) before it became an opportunity, and when. First touch is {@link #campaign}.
   */
  private String lastTouchCampaign;
  private Instant lastTouchAt;

  /** The email topics it declined in the preference centre (comma-separated {@link EmailTopic} names); null: none. */
  private String declinedTopics;

  /** How often it wants email ({@link EmailFrequency}); null: as the journey goes. */
  @Enumerated(EnumType.STRING)
  private EmailFrequency emailFrequency;

  /** Whether it had to confirm its address before being nurtured (double opt-in), and what came of it. */
  private boolean optInRequired;
  private Instant optInRequestedAt;
  private Instant optInConfirmedAt;
  private Instant optInExpiredAt;

  /** Since when it has its {@link #status} (the lifecycle keeps it). */
  private Instant statusSince;

  /** How many transitions the lifecycle recorded for it (see {@link LeadTransition}). */
  private int transitions;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private long version;

  /** The consent source an unsubscribe records. */
  private static final String UNSUBSCRIBED_SOURCE = "unsubscribed";

  protected Lead() {}

  /** A new lead: nurtured from the top of the funnel. */
  static Lead captured(String email, String campaign, Instant at) {
    Lead lead = new Lead();
    lead.email = email;
    lead.campaign = campaign;
    lead.touched(campaign, at);
    lead.status = LeadStatus.NURTURING;
    lead.stage = FunnelStage.TOFU;
    lead.scoredStage = FunnelStage.TOFU;
    lead.statusSince = at;
    lead.createdAt = at;
    lead.updatedAt = at;
    return lead;
  }

  /**
   * Takes every field the profile carries; fields it leaves out keep what we knew.
   *
   * @return whether its consent changed: given or refused now, another source, or a new time the
   *     profile states (a {@link ConsentRecord} is due)
   */
  boolean updateProfile(LeadProfile profile, Instant at) {
    boolean consentChanged = false;
    firstName = keep(profile.firstName(), firstName);
    lastName = keep(profile.lastName(), lastName);
    company = keep(profile.company(), company);
    companyKey = companyKey(company);
    companySize = keep(profile.companySize(), companySize);
    industry = keep(profile.industry(), industry);
    jobTitle = keep(profile.jobTitle(), jobTitle);
    country = keep(profile.country(), country);
    phone = keep(profile.phone(), phone);
    if (profile.consent() != null) {
      Instant stated = profile.consent().at() != null ? profile.consent().at().toInstant() : null;
      consentChanged = !profile.consent().given().equals(consentGiven)
          || !java.util.Objects.equals(profile.consent().source(), consentSource)
          || (stated != null && !stated.equals(consentAt));
      consentGiven = profile.consent().given();
      consentAt = stated != null ? stated : at;
      consentSource = profile.consent().source();
    }
    if (profile.social() != null) {
      linkedin = keep(profile.social().linkedin(), linkedin);
      twitter = keep(profile.social().twitter(), twitter);
    }
    updatedAt = at;
    return consentChanged;
  }

  /** The account a company name stands for: case and surrounding space do not matter. */
  public static String companyKey(String company) {
    return company == null ? null : company.trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** New totals per dimension (the sums of the lead's score ledger). */
  void scored(int fit, int engagement, int social, Instant at) {
    fitScore = fit;
    engagementScore = engagement;
    socialScore = social;
    score = fit + engagement + social;
    updatedAt = at;
  }

  /**
   * What the qualification decision says. Status and stage follow it only while the lead is
   * being nurtured (see {@link LeadStatus#followsScore()}); the stage moves only when the stage
   * the score says changes, so a lead the journey moved (keep-warm) stays until its behaviour
   * moves it.
   */
  void qualified(String rating, String qualification, FunnelStage scoredStage, Instant at) {
    this.rating = rating;
    this.qualification = qualification;
    LeadStatus newStatus = LeadStatus.fromQualification(qualification);
    if (!status.followsScore() && !(status == LeadStatus.UNSUBSCRIBED && newStatus.isSalesReady())) {
      // in sales, a customer, disqualified: people decide now; an unsubscribed lead still reaches
      // sales when it asks for it (consent limits email, not sales)
      this.scoredStage = scoredStage;
      return;
    }
    if (handoverNotBefore != null && at.isBefore(handoverNotBefore)) {
      // sales asked not to get it back before then: it is nurtured (at the stage its score says) until that day
      newStatus = LeadStatus.NURTURING;
    }
    boolean stageMoves = scoredStage != this.scoredStage && stage != FunnelStage.LOYALTY;
    status = newStatus;
    if (stageMoves) {
      stage = scoredStage;
    }
    this.scoredStage = scoredStage;
    updatedAt = at;
  }

  /**
   * Whether the journey may send it anything: its address takes email ({@link #notEmailableReason()}
   * is null) and it is neither unsubscribed nor disqualified.
   */
  public boolean mayBeContacted() {
    return status != LeadStatus.UNSUBSCRIBED && status != LeadStatus.DISQUALIFIED && notEmailableReason() == null;
  }

  /**
   * Why no email may go to this lead, or null when it may: {@code HARD_BOUNCE} (its address
   * bounced for good), {@code COMPLAINT} (it reported our email as spam), {@code SUPPRESSED} (its
   * address was on the suppression list when it was captured), {@code INVALID_ADDRESS} (the mail server or sender refused the address itself),
   * {@code UNSUBSCRIBED} (it withdrew its consent), {@code NO_CONSENT} (consent
   * refused at capture). Unknown consent counts as given (B2B legitimate interest). Names fixed by
   * API.md ({@code notEmailableReason}). Email only: such a lead is still scored and reaches sales.
   */
  public String notEmailableReason() {
    if (emailBouncedAt != null) {
      return "HARD_BOUNCE";
    }
    if (emailSuppressed != null) {
      return emailSuppressed;
    }
    if (emailAddressRefusedAt != null) {
      return "INVALID_ADDRESS";
    }
    if (Boolean.FALSE.equals(consentGiven)) {
      return UNSUBSCRIBED_SOURCE.equals(consentSource) ? "UNSUBSCRIBED" : "NO_CONSENT";
    }
    return null;
  }

  /** Its stage's content is used up: occasional content from now on, until its behaviour moves it. */
  void keptWarm(Instant at) {
    stage = FunnelStage.KEEP_WARM;
    updatedAt = at;
  }

  /**
   * Sales sent it back, not ready: nurtured again, at the stage its score says, and not handed over
   * again before {@code notBefore} (null: whenever it qualifies).
   */
  void backToNurturing(Instant at, Instant notBefore) {
    status = LeadStatus.NURTURING;
    handoverNotBefore = notBefore;
    stage = scoredStage == null ? FunnelStage.TOFU : scoredStage;
    updatedAt = at;
  }

  /** Someone phoned it and qualified it: straight to sales, whatever its score. */
  void qualifiedByPhone(Instant at) {
    status = LeadStatus.SALES_QUALIFIED;
    stage = FunnelStage.BOFU;
    updatedAt = at;
  }

  /** A salesperson has it now: the score no longer moves its status. */
  void handedToSales(Instant at) {
    status = LeadStatus.IN_SALES;
    updatedAt = at;
  }

  /** Sales sees a real opportunity in it. */
  void becameOpportunity(Instant at) {
    status = LeadStatus.OPPORTUNITY;
    updatedAt = at;
  }

  /** The sale happened: a customer now, nurtured for loyalty (a loyal customer is a permanent prospect). */
  boolean won(Instant at) {
    if (status == LeadStatus.CUSTOMER) {
      return false;
    }
    status = LeadStatus.CUSTOMER;
    stage = FunnelStage.LOYALTY;
    updatedAt = at;
    return true;
  }

  /**
   * It engaged with a campaign at {@code at}: the campaign becomes its last touch, unless it is an
   * opportunity or a customer already (attribution credits what came before the opportunity) or a
   * later touch is known (interactions may arrive late).
   *
   * @return whether the last touch moved
   */
  boolean touched(String campaign, Instant at) {
    if (campaign == null || campaign.isBlank() || status == LeadStatus.OPPORTUNITY || status == LeadStatus.CUSTOMER
        || (lastTouchAt != null && at.isBefore(lastTouchAt))) {
      return false;
    }
    lastTouchCampaign = campaign;
    lastTouchAt = at;
    return true;
  }

  /** Whether the lead is an opportunity whose deal can be lost. */
  public boolean mayLoseDeal() {
    return status == LeadStatus.OPPORTUNITY;
  }

  /**
   * The deal was lost: the lead is not binned but nurtured again, at the stage its score says (it
   * may qualify again later, and be handed over again).
   */
  void dealLost(Instant at) {
    if (!mayLoseDeal()) {
      throw new IllegalStateException("Lead " + getId() + " is " + status + ", not an opportunity: no deal to lose");
    }
    status = LeadStatus.NURTURING;
    stage = scoredStage == null ? FunnelStage.TOFU : scoredStage;
    updatedAt = at;
  }

  /** Not a lead for us (no budget, no need, wrong contact, ...): nothing more is sent. */
  void disqualified(Instant at) {
    status = LeadStatus.DISQUALIFIED;
    updatedAt = at;
  }

  /** Its email bounced for good: nothing can be sent to it. */
  boolean emailBounced(Instant at) {
    if (emailBouncedAt != null) {
      return false;
    }
    emailBouncedAt = at;
    updatedAt = at;
    return true;
  }

  /**
   * Its address went on the suppression list for another reason than a hard bounce
   * ({@code COMPLAINT}, {@code SUPPRESSED}): nothing is sent to it after that.
   */
  boolean emailSuppressed(String reason, Instant at) {
    if (emailSuppressed != null || emailBouncedAt != null) {
      return false;
    }
    emailSuppressed = reason;
    emailSuppressedAt = at;
    updatedAt = at;
    return true;
  }

  /** One more transient bounce in a row: how many now. */
  int bouncedTransiently(Instant at) {
    transientBounces++;
    updatedAt = at;
    return transientBounces;
  }

  /** An email reached it (a person opened or clicked): transient bounces start again from zero. */
  void emailReached() {
    transientBounces = 0;
  }

  /** Its address was refused as an address when an email was sent: nothing can be sent to it. */
  boolean emailAddressRefused(Instant at) {
    if (emailAddressRefusedAt != null) {
      return false;
    }
    emailAddressRefusedAt = at;
    updatedAt = at;
    return true;
  }

  /** The lead withdrew its consent: nothing is ever sent to it again. */
  boolean unsubscribed(Instant at) {
    if (status == LeadStatus.UNSUBSCRIBED) {
      return false;
    }
    status = LeadStatus.UNSUBSCRIBED;
    consentGiven = false;
    consentAt = at;
    consentSource = UNSUBSCRIBED_SOURCE;
    updatedAt = at;
    return true;
  }

  /**
   * The person asked to be forgotten: every field that says who they are is emptied (name, email,
   * company, job, country, phone, social profiles, consent details); what reports count stays
   * (status, stage, scores, rating, campaign, dates). The email becomes {@code erased:<id>}, which
   * is no address and matches no capture.
   */
  void erase(Instant at) {
    email = "erased:" + getId();
    firstName = null;
    lastName = null;
    company = null;
    companyKey = null;
    companySize = null;
    industry = null;
    jobTitle = null;
    country = null;
    phone = null;
    linkedin = null;
    twitter = null;
    consentGiven = null;
    consentAt = null;
    consentSource = null;
    erasedAt = at;
    updatedAt = at;
  }

  /**
   * What it chose in the preference centre: the topics it keeps (the others are declined, topics
   * added later are kept) and how often it wants email.
   *
   * @return whether anything changed
   */
  boolean preferences(java.util.Set<EmailTopic> kept, EmailFrequency frequency, Instant at) {
    String declined = java.util.Arrays.stream(EmailTopic.values()).filter(topic -> !kept.contains(topic))
        .map(EmailTopic::name).collect(java.util.stream.Collectors.joining(","));
    String newDeclined = declined.isEmpty() ? null : declined;
    EmailFrequency newFrequency = frequency == EmailFrequency.AS_PUBLISHED ? null : frequency;
    if (java.util.Objects.equals(newDeclined, declinedTopics) && newFrequency == emailFrequency) {
      return false;
    }
    declinedTopics = newDeclined;
    emailFrequency = newFrequency;
    updatedAt = at;
    return true;
  }

  /** A new lead that must confirm its address before it is nurtured (double opt-in). */
  void optInRequired() {
    optInRequired = true;
  }

  /** The confirmation request went out (the first one counts). */
  void optInRequested(Instant at) {
    if (optInRequestedAt == null) {
      optInRequestedAt = at;
    }
  }

  /**
   * It confirmed its address.
   *
   * @return false when there was nothing to confirm: not asked, confirmed already, or expired
   */
  boolean optInConfirmed(Instant at) {
    if (!optInRequired || optInConfirmedAt != null || optInExpiredAt != null) {
      return false;
    }
    optInConfirmedAt = at;
    updatedAt = at;
    return true;
  }

  /** It never confirmed: it expires from nurturing (it still reaches sales when it asks). */
  void optInExpired(Instant at) {
    if (optInConfirmedAt == null && optInExpiredAt == null) {
      optInExpiredAt = at;
      updatedAt = at;
    }
  }

  /** Whether it must still confirm its address before anything but the confirmation request is sent. */
  public boolean awaitsOptIn() {
    return optInRequired && optInConfirmedAt == null;
  }

  public boolean isOptInRequired() { return optInRequired; }
  public Instant getOptInRequestedAt() { return optInRequestedAt; }
  public Instant getOptInConfirmedAt() { return optInConfirmedAt; }
  public Instant getOptInExpiredAt() { return optInExpiredAt; }

  /** Whether it keeps the topic (null: content of no topic, such as the welcome: always). */
  public boolean keeps(EmailTopic topic) {
    return topic == null || declinedTopics == null || !java.util.Arrays.asList(declinedTopics.split(",")).contains(topic.name());
  }

  /** The topics it keeps, in their order. */
  public java.util.List<EmailTopic> keptTopics() {
    return java.util.Arrays.stream(EmailTopic.values()).filter(this::keeps).toList();
  }

  /** How often it wants email. */
  public EmailFrequency emailFrequency() {
    return emailFrequency == null ? EmailFrequency.AS_PUBLISHED : emailFrequency;
  }

  /** Its address was erased before, at the person's request, and captured again. */
  void previouslyErased(Instant erasedAt) {
    previouslyErasedAt = erasedAt;
  }

  public boolean isErased() {
    return erasedAt != null;
  }

  public Instant getPreviouslyErasedAt() { return previouslyErasedAt; }

  /** Its status changed at {@code at} (the lifecycle calls this). */
  void statusSince(Instant at) {
    statusSince = at;
  }

  /** The position of its next transition: 1 for the first. */
  int nextTransition() {
    return ++transitions;
  }

  private static <T> T keep(T incoming, T current) {
    return incoming != null ? incoming : current;
  }

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
  public int getFitScore() { return fitScore; }
  public int getEngagementScore() { return engagementScore; }
  public int getSocialScore() { return socialScore; }
  public String getRating() { return rating; }
  public String getQualification() { return qualification; }
  public FunnelStage getScoredStage() { return scoredStage; }
  public String getCompanyKey() { return companyKey; }
  public Instant getEmailBouncedAt() { return emailBouncedAt; }
  public Instant getEmailAddressRefusedAt() { return emailAddressRefusedAt; }
  public String getEmailSuppressed() { return emailSuppressed; }
  public Instant getEmailSuppressedAt() { return emailSuppressedAt; }
  public int getTransientBounces() { return transientBounces; }
  public Instant getHandoverNotBefore() { return handoverNotBefore; }
  public Instant getStatusSince() { return statusSince; }
  public String getLastTouchCampaign() { return lastTouchCampaign; }
  public Instant getLastTouchAt() { return lastTouchAt; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }

  /** "Ada Lovelace", or the email when we know no name. */
  public String displayName() {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    return name.isEmpty() ? email : name;
  }
}
