#pragma once
// The store backends the contract suite runs against. Every store test is written once as
// a TEST_P over these; a new backend adds itself here and inherits the whole suite.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "domain/policy.hpp"
#include "store/store.hpp"

namespace samen::testing {

struct Backend {
  std::string name;
  // A fresh, migrated, empty store; the deleter removes what it created.
  std::function<std::shared_ptr<store::Store>()> open;
};

std::vector<Backend> store_backends();
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

// The listing scope of a school's administrator: every pupil of the school, in full.
domain::PupilScope full_school_scope(const std::string& school_id);

// A temporary directory removed at destruction.
struct TempDir {
  TempDir();
  ~TempDir();
  std::filesystem::path path;
};

}  // namespace samen::testing
