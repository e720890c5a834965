#pragma once
// The fictional demo region "Lindeveld": a municipality, a partnership for appropriate
// education, three schools (secondary, primary, cluster-4), a youth-care provider, a youth
// health service and a neighbourhood team; a login for every role; and N pupils with
// plausible Dutch names, ages that fit their school, classes, mentors and guardians.
// Deterministic: the same seed and N give the same region, byte for byte. Every e-mail
// address ends in .example.
#include <cstdint>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace samen::demo {

struct DemoLogin {
  std::string email;
  std::string name;
  std::string role;
  std::string organisation;
};

struct DemoOptions {
  int pupils = 600;
  std::uint64_t seed = 20261124;
  std::string password;  // every demo user gets it
};

struct DemoResult {
  std::vector<DemoLogin> logins;  // one per role, the ones to print
  int pupils = 0;
  int users = 0;
  int cases = 0;
  int meetings = 0;
  std::string region_id;
};

// Writes the region into an empty, migrated store (one transaction, audited).
DemoResult create_demo_region(store::Store& store, const DemoOptions& options);

}  // namespace samen::demo
