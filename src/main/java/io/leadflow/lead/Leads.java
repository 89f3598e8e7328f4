package io.leadflow.lead;

import io.leadflow.api.NotFound;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * How other features find leads: reading, and locking a lead for a change in the caller's
 * transaction. Changes go through {@link LeadLifecycle} (status, stage, scores) and
 * {@link LeadCapture} (profile); nothing else writes a lead.
 */
@Service
public class Leads {

  private final LeadRepository leads;

  Leads(LeadRepository leads) {
    this.leads = leads;
  }

  /** The lead, unless there is none or it was erased (an erased lead is found by no one). */
  public Optional<Lead> find(String id) {
    return leads.findById(id).filter(lead -> !lead.isErased());
  }

  /** @throws NotFound (404 problem) when there is no such lead */
  public Lead get(String id) {
    return find(id).orElseThrow(() -> new NotFound("lead", id));
  }

  /** @param email as typed: made canonical here ({@link EmailAddress}) */
  public Optional<Lead> findByEmail(String email) {
    return email == null ? Optional.empty() : leads.findByEmail(EmailAddress.canonical(email));
  }

  public boolean exists(String id) {
    return find(id).isPresent();
  }

  public long count() {
    return leads.countByErasedAtIsNull();
  }

  /**
   * The lead, locked for the current transaction ({@code select ... for update}): whoever changes
   * a lead takes it this way, so changes to one lead queue up instead of failing each other.
   */
  public Optional<Lead> lock(String id) {
    return leads.lockById(id);
  }

  /**
   * The leads with these ids or normalised emails, locked like {@link #lock} in one query and in id
   * order, so transactions that lock several of the same leads queue instead of deadlocking.
   */
  public List<Lead> lockAll(Collection<String> ids, Collection<String> emails) {
    return leads.lockAll(ids, emails).stream().filter(lead -> !lead.isErased()).toList();
  }

  /** Up to {@code size} lead ids after {@code afterId} ("" to begin), in id order: a batch of a run over all leads. */
  public List<String> idsAfter(String afterId, int size) {
    return leads.idsAfter(afterId, PageRequest.of(0, size));
  }

  /** How many leads a company has (see {@link Lead#companyKey(String)}). */
  public long countOfAccount(String companyKey) {
    return leads.countByCompanyKey(companyKey);
  }

  /** The engagement of every lead of one company. */
  public long engagementOfAccount(String companyKey) {
    return leads.engagementOfAccount(companyKey);
  }

  /**
   * Leads ready for sales (marketing- or sales-qualified, not yet routed) since before {@code
   * before}, oldest first, at most {@code max}: the hand-off safety net's candidates.
   */
  public List<String> salesReadySince(Instant before, int max) {
    return leads.salesReadySince(List.of(LeadStatus.MARKETING_QUALIFIED, LeadStatus.SALES_QUALIFIED), before,
        PageRequest.of(0, max));
  }
}
