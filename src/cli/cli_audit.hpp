#pragma once
// Audit events for changes made from the command line: attributed to the operating-system
// account that ran samen, since there is no session.
#include <string>

#include "audit/audit_entry.hpp"
#include "store/store.hpp"

namespace samen::cli {

audit::Event cli_event(std::string action, std::string resource_type, std::string resource_id,
                       std::string pupil_id = {}, std::string region_id = {});

// Finds an organisation by id or exact name; throws CommandError naming the option.
store::Organisation find_organisation(store::ReadTx& tx, const std::string& ref,
                                      const char* option);

}  // namespace samen::cli
