#pragma once
// How sets of codes and ids are stored in one text column (both backends alike):
// comma-separated, no spaces, in the order given ("attendance,home"; "12,15"); the empty
// set is "". Unknown codes are skipped when read, so a code retired later reads as absent.
#include <string>
#include <string_view>
#include <vector>

#include "domain/case.hpp"
#include "domain/entry_filter.hpp"
#include "domain/roles.hpp"

namespace samen::store {

std::string join_categories(const std::vector<domain::EntryCategory>& categories);
std::vector<domain::EntryCategory> split_categories(std::string_view text);
std::string join_roles(const std::vector<domain::Role>& roles);
std::vector<domain::Role> split_roles(std::string_view text);
std::string join_ids(const std::vector<std::string>& ids);
std::vector<std::string> split_ids(std::string_view text);
// Later signatures of a grant: "pupil@<millis>" or "<guardian id>@<millis>" each.
std::string join_signatures(const std::vector<domain::LaterSignature>& signatures);
std::vector<domain::LaterSignature> split_signatures(std::string_view text);
// An EntryFilter's reach as the number the chronology's SQL compares with:
// 0 own entries only, 1 the family's, 2 the case team's.
int entry_reach_code(domain::EntryFilter::Reach reach);

}  // namespace samen::store
