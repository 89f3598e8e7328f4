package io.leadflow.content;

import io.leadflow.lead.Lead;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How well an item fits a lead's persona. An item with industries fits only leads of one of
 * them; an item with roles fits only leads whose job title has one of the role keywords as a
 * whole word ("it" is in "Head of IT", not in "Digital Marketing"). A fitting item's strength
 * says how targeted it is: an industry match counts more than a role match, and an item for
 * everyone has none.
 */
record PersonaFit(boolean fits, int strength) {

  static final int INDUSTRY_MATCH = 2;
  static final int ROLE_MATCH = 1;

  private static final PersonaFit NONE = new PersonaFit(false, 0);

  static PersonaFit of(ContentItem item, Lead lead) {
    int strength = 0;
    List<String> industries = Keywords.split(item.getIndustries());
    if (!industries.isEmpty()) {
      String industry = Keywords.normalise(lead.getIndustry());
      if (industry == null || !industries.contains(industry)) {
        return NONE;
      }
      strength += INDUSTRY_MATCH;
    }
    List<String> roles = Keywords.split(item.getRoles());
    if (!roles.isEmpty()) {
      String jobTitle = Keywords.normalise(lead.getJobTitle());
      if (jobTitle == null || roles.stream().noneMatch(role -> containsWord(jobTitle, role))) {
        return NONE;
      }
      strength += ROLE_MATCH;
    }
    return new PersonaFit(true, strength);
  }

  private static boolean containsWord(String text, String word) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text).find();
  }
}
