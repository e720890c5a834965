#include "cli/cli_audit.hpp"

#include <cstdlib>

#include "cli/commands.hpp"
#include "security/crypto.hpp"

namespace samen::cli {

audit::Event cli_event(std::string action, std::string resource_type, std::string resource_id,
                       std::string pupil_id, std::string region_id) {
  static const std::string request_id = "cli-" + security::random_token().substr(0, 12);
  const char* os_user = std::getenv("USER");
  audit::Event e;
  e.actor_user_id = std::string("os:") + (os_user ? os_user : "unknown");
  e.actor_role = "operator";
  e.region_id = std::move(region_id);
  e.action = std::move(action);
  e.resource_type = std::move(resource_type);
  e.resource_id = std::move(resource_id);
  e.pupil_id = std::move(pupil_id);
  e.reason = "command_line";
  e.legal_basis = "administration";
  e.request_id = request_id;
  e.client_address = "local";
  return e;
}

store::Organisation find_organisation(store::ReadTx& tx, const std::string& ref,
                                      const char* option) {
  if (auto by_id = tx.organisation(ref)) return *by_id;
  for (const auto& region : tx.regions())
    for (const auto& org : tx.organisations(region.id))
      if (org.name == ref) return org;
  throw CommandError(std::string(option) + ": no organisation with id or name '" + ref + "'");
}

}  // namespace samen::cli
