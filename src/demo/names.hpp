#pragma once
// Name lists for the demo region: common Dutch given names, name prefixes and family
// names, so demo pupils look like a real class list.
#include <string_view>
#include <vector>

namespace samen::demo {

const std::vector<std::string_view>& girl_names();
const std::vector<std::string_view>& boy_names();
const std::vector<std::string_view>& adult_names();
// Family names with their prefix: {"van", "Dijk"}, {"", "Bakker"}.
struct FamilyName {
  std::string_view prefix;
  std::string_view name;
};
const std::vector<FamilyName>& family_names();

}  // namespace samen::demo
