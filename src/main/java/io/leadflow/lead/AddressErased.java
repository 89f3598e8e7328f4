package io.leadflow.lead;

import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A capture or import of an address whose person asked to be forgotten
 * ({@code leadflow.privacy.erased-address: REFUSE}): a 400 on {@code email}, nothing stored.
 */
public class AddressErased extends InvalidRequest {

  AddressErased(Instant erasedAt) {
    super("The address was erased at the person's request; it is not captured again",
        List.of(new FieldProblem("email", "was erased at the person's request on "
            + erasedAt.atOffset(ZoneOffset.UTC).toLocalDate() + "; capture it again only with their new consent")));
  }
}
