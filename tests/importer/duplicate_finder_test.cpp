#include "importer/duplicate_finder.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace samen::importer {
namespace {

// What the finder must say, worked out the obvious way in memory.
std::vector<std::pair<int, std::string>> expected_repeats(const std::vector<std::string>& keys,
                                                          std::size_t limit) {
  std::map<std::string, int> first;
  std::vector<std::pair<int, std::string>> out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    int line = static_cast<int>(i) + 2;
    if (!first.emplace(keys[i], line).second && out.size() < limit) out.emplace_back(line, keys[i]);
  }
  return out;
}

TEST(DuplicateFinder, FindsRepeatsInMemoryAndAcrossRunsOnDisk) {
  std::mt19937 rng(7);
  std::vector<std::string> keys;
  for (int i = 0; i < 20000; ++i) keys.push_back(std::to_string(rng() % 60000));
  keys.push_back("");  // an empty key is a key like any other
  keys.push_back("");
  for (std::size_t buffer : {std::size_t{1} << 22, std::size_t{4096}, std::size_t{64}}) {
    DuplicateFinder finder(buffer);
    for (std::size_t i = 0; i < keys.size(); ++i) finder.add(keys[i], static_cast<int>(i) + 2);
    auto found = finder.repeats(100);
    auto want = expected_repeats(keys, 100);
    ASSERT_EQ(found.first.size(), want.size()) << buffer;
    for (std::size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(found.first[i].line, want[i].first) << buffer;
      EXPECT_EQ(found.first[i].key, want[i].second) << buffer;
    }
    EXPECT_TRUE(found.more) << buffer;
  }
}

TEST(DuplicateFinder, NoRepeatsAndTheOriginalIsNeverReported) {
  DuplicateFinder finder(64);  // a run per few keys
  for (int i = 0; i < 1000; ++i) finder.add("n" + std::to_string(i), i + 2);
  finder.add("n500", 5000);
  auto found = finder.repeats(100);
  ASSERT_EQ(found.first.size(), 1u);
  EXPECT_EQ(found.first[0].line, 5000);
  EXPECT_EQ(found.first[0].key, "n500");
  EXPECT_FALSE(found.more);
}

}  // namespace
}  // namespace samen::importer
