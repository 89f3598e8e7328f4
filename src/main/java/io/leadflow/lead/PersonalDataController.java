package io.leadflow.lead;

import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's rights (API.md): {@code GET /api/leads/{id}/personal-data}, everything stored about
 * them; {@code DELETE /api/leads/{id}} with {@code {"reason": "..."}}, forget them (204; the lead
 * is 404 from then on). Marketing and administrators only.
 */
@RestController
class PersonalDataController {

  private final PersonalDataRights rights;

  PersonalDataController(PersonalDataRights rights) {
    this.rights = rights;
  }

  @GetMapping("/api/leads/{id}/personal-data")
  Map<String, Object> personalData(@PathVariable String id) {
    return rights.access(id);
  }

  record ErasureRequest(@Size(max = 500) String reason) {}

  @DeleteMapping("/api/leads/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void erase(@PathVariable String id, @RequestBody(required = false) ErasureRequest request, Principal principal) {
    rights.erase(id, request == null ? null : request.reason(), principal.getName());
  }
}
