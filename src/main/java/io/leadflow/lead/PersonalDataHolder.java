package io.leadflow.lead;

/**
 * A feature that stores something about a person, a lead: it tells what (the right of access) and
 * removes it (the right to erasure). {@link PersonalDataRights} asks every bean of this type; a
 * feature that stores anything about a lead implements it, so an erasure reaches every table.
 */
public interface PersonalDataHolder {

  /** The name of this part in the personal-data document, e.g. {@code "interactions"}. */
  String part();

  /**
   * What is stored about the lead here, as values Jackson writes as JSON (records, lists, maps);
   * an empty list when nothing.
   */
  Object personalDataOf(String leadId);

  /**
   * Removes what says who the person is, or what they did in words (free text, addresses, URLs);
   * counts and amounts that reports need may stay. Runs in the erasure's transaction, before the
   * lead itself is anonymised; a failure undoes the whole erasure.
   */
  void erase(String leadId);
}
