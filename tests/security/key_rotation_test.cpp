// Rotation against an in-memory SealedValueSource: a test double of the rotation's own
// interface (the store's implementation is tested with the store).
#include "security/key_rotation.hpp"

#include <gtest/gtest.h>

#include <map>

#include "security/crypto.hpp"
#include "security/sealed_field.hpp"

namespace samen::testing {
namespace {

using security::FieldKeys;
using security::SensitiveColumn;

struct Interrupted : std::runtime_error {
  Interrupted() : std::runtime_error("the process died") {}
};

// Columns as maps from record id to value; a write is all or nothing, like a transaction.
class MemorySource : public security::SealedValueSource {
 public:
  std::map<std::string, std::map<std::int64_t, std::string>> values;  // "table.column" → rows
  std::map<std::int64_t, std::optional<std::string>> bsn_index;
  int writes = 0;
  int fail_at_write = -1;  // the write (counting from 0) that dies before committing
  std::function<void()> before_write;

  static std::string name(const SensitiveColumn& c) {
    return std::string(c.table) + "." + std::string(c.column);
  }

  std::vector<security::StoredValue> values_to_reseal(const SensitiveColumn& column,
                                                      std::string_view current_key_id,
                                                      std::int64_t after,
                                                      std::size_t limit) override {
    std::vector<security::StoredValue> out;
    auto prefix = security::sealed_prefix(current_key_id);
    const auto& rows = values[name(column)];
    for (auto it = rows.upper_bound(after); it != rows.end() && out.size() < limit; ++it)
      if (!it->second.starts_with(prefix)) out.push_back({it->first, it->second});
    return out;
  }

  std::size_t write_resealed(const SensitiveColumn& column,
                             const std::vector<security::ResealedValue>& batch) override {
    if (before_write) before_write();
    if (writes++ == fail_at_write) throw Interrupted();
    std::size_t changed = 0;
    auto& rows = values[name(column)];
    for (const auto& r : batch) {
      auto it = rows.find(r.record_id);
      if (it == rows.end() || it->second != r.old_value) continue;
      it->second = r.new_value;
      if (column.blind_index) bsn_index[r.record_id] = r.blind_index;
      ++changed;
    }
    return changed;
  }
};

const std::vector<SensitiveColumn> kColumns = {
    {"pupils", "bsn", security::BlindIndex{"bsn_index", &security::bsn_blind_index}},
    {"entries", "text"},
};

std::string plain_entry(std::int64_t id) { return "entry " + std::to_string(id); }

// 25 BSNs and 40 entries sealed with the ring's current key.
MemorySource filled(const FieldKeys& keys) {
  MemorySource source;
  for (std::int64_t id = 1; id <= 25; ++id)
    source.values["pupils.bsn"][id] = security::seal_field(
        keys, "123456782", security::field_associated_data("pupils", "bsn", std::to_string(id)));
  for (std::int64_t id = 1; id <= 40; ++id)
    source.values["entries.text"][id] = security::seal_field(
        keys, plain_entry(id),
        security::field_associated_data("entries", "text", std::to_string(id)));
  return source;
}

std::size_t sealed_with(const MemorySource& source, std::string_view key_id) {
  std::size_t n = 0;
  for (const auto& [column, rows] : source.values)
    for (const auto& [id, value] : rows) n += security::sealed_key_id(value) == key_id;
  return n;
}

void expect_all_open(const FieldKeys& keys, const MemorySource& source) {
  for (const auto& [id, value] : source.values.at("entries.text")) {
    auto opened = security::open_field(
        keys, value, security::field_associated_data("entries", "text", std::to_string(id)));
    ASSERT_TRUE(opened) << id;
    EXPECT_EQ(*opened, plain_entry(id));
  }
}

security::RotationOptions options(std::size_t batch) {
  security::RotationOptions o;
  o.batch_size = batch;
  o.columns = kColumns;
  return o;
}

TEST(KeyRotation, ResealsEverythingWithTheNewKey) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto old_id = keys.current().id;
  auto source = filled(keys);
  auto new_id = keys.add_key();
  auto report = security::rotate_field_keys(keys, source, options(10));
  EXPECT_TRUE(report.complete);
  EXPECT_EQ(report.resealed, 65u);
  EXPECT_EQ(report.from_key[old_id], 65u);
  EXPECT_EQ(sealed_with(source, old_id), 0u);
  EXPECT_EQ(sealed_with(source, new_id), 65u);
  EXPECT_EQ(source.writes, 3 + 4);  // batches of 10: 25 BSNs, 40 entries
  expect_all_open(keys, source);
  // The old key can go now, and everything still opens.
  keys.retire_key(old_id);
  expect_all_open(keys, source);
  // Nothing is left, so a second run reads and writes nothing.
  source.writes = 0;
  EXPECT_EQ(security::rotate_field_keys(keys, source, options(10)).resealed, 0u);
  EXPECT_EQ(source.writes, 0);
}

TEST(KeyRotation, AnInterruptedRotationResumesWithWhatIsLeft) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto old_id = keys.current().id;
  auto source = filled(keys);
  auto new_id = keys.add_key();
  source.fail_at_write = 4;  // dies in the second batch of entries: 3 BSN batches, 1 entry batch
  EXPECT_THROW(security::rotate_field_keys(keys, source, options(10)), Interrupted);
  // What committed stays: every BSN and the first ten entries; the dying batch left nothing.
  EXPECT_EQ(sealed_with(source, new_id), 25u + 10u);
  EXPECT_EQ(sealed_with(source, old_id), 30u);
  expect_all_open(keys, source);

  source.fail_at_write = -1;
  source.writes = 0;
  auto resumed = security::rotate_field_keys(keys, source, options(10));
  EXPECT_TRUE(resumed.complete);
  EXPECT_EQ(resumed.resealed, 30u);  // only what was left
  EXPECT_EQ(source.writes, 3);
  EXPECT_EQ(sealed_with(source, old_id), 0u);
  expect_all_open(keys, source);
}

TEST(KeyRotation, AStoppedRotationSaysSoAndResumes) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto source = filled(keys);
  keys.add_key();
  auto o = options(10);
  int batches = 0;
  o.on_batch = [&](const security::RotationProgress&) { ++batches; };
  o.stop_requested = [&] { return batches == 2; };
  auto stopped = security::rotate_field_keys(keys, source, o);
  EXPECT_FALSE(stopped.complete);
  EXPECT_EQ(stopped.resealed, 20u);
  auto rest = security::rotate_field_keys(keys, source, options(10));
  EXPECT_TRUE(rest.complete);
  EXPECT_EQ(rest.resealed, 45u);
}

TEST(KeyRotation, PlainValuesAreSealedAndIndexed) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  MemorySource source;
  source.values["pupils.bsn"] = {{3, "123456782"}, {9, "111222333"}};
  source.values["entries.text"] = {{5, plain_entry(5)}};
  auto report = security::rotate_field_keys(keys, source, options(500));
  EXPECT_EQ(report.resealed, 3u);
  EXPECT_EQ(report.sealed_plain, 3u);
  EXPECT_EQ(sealed_with(source, keys.current().id), 3u);
  EXPECT_EQ(source.bsn_index[3], security::bsn_blind_index(keys, "123456782"));
  EXPECT_EQ(source.bsn_index[9], security::bsn_blind_index(keys, "111222333"));
  EXPECT_EQ(source.bsn_index.count(5), 0u);  // entries have no index
  expect_all_open(keys, source);
}

TEST(KeyRotation, AValueWrittenMeanwhileIsNotOverwritten) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto source = filled(keys);
  keys.add_key();
  auto newer = security::seal_field(keys, "written by the server meanwhile",
                                    security::field_associated_data("entries", "text", "3"));
  source.before_write = [&] {
    if (source.writes == 3) source.values["entries.text"][3] = newer;  // first entry batch
  };
  auto report = security::rotate_field_keys(keys, source, options(10));
  EXPECT_EQ(report.changed_meanwhile, 1u);
  EXPECT_EQ(report.resealed, 64u);
  EXPECT_EQ(source.values["entries.text"][3], newer);
}

TEST(KeyRotation, AValueThatDoesNotOpenStopsTheRotationAndIsNamed) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto source = filled(keys);
  auto lost = FieldKeys::generate();  // a key nobody has any more
  source.values["entries.text"][17] =
      security::seal_field(lost, "gone", security::field_associated_data("entries", "text", "17"));
  keys.add_key();
  try {
    security::rotate_field_keys(keys, source, options(10));
    FAIL() << "rotation went past a value it cannot open";
  } catch (const security::RotationError& e) {
    EXPECT_NE(std::string(e.what()).find("entries.text of record 17"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find(lost.current().id), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace samen::testing
