#include "security/field_keys.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "security/crypto.hpp"
#include "store/backends.hpp"

namespace samen::testing {
namespace {

using security::FieldKeys;

TEST(FieldKeys, ARingRoundTripsThroughItsText) {
  security::init_crypto();
  auto ring = FieldKeys::generate();
  auto standby = ring.add_key(false);
  auto text = ring.serialise();
  auto back = FieldKeys::parse(text, "test");
  ASSERT_EQ(back.keys().size(), 2u);
  EXPECT_EQ(back.current().id, ring.current().id);
  EXPECT_NE(back.current().id, standby);
  EXPECT_EQ(back.current().secret, ring.current().secret);
  EXPECT_EQ(back.find(standby)->secret, ring.find(standby)->secret);
  EXPECT_EQ(back.index_key(), ring.index_key());
  EXPECT_EQ(back.index_key().size(), 32u);
  EXPECT_EQ(ring.current().id, security::field_key_id(ring.current().secret));
}

TEST(FieldKeys, AddingAKeyMakesItCurrentAndKeepsTheOld) {
  security::init_crypto();
  auto ring = FieldKeys::generate();
  auto first = ring.current().id;
  auto second = ring.add_key();
  EXPECT_EQ(ring.current().id, second);
  EXPECT_NE(ring.find(first), nullptr);
  EXPECT_FALSE(ring.retire_key(second));  // the current key cannot go
  EXPECT_TRUE(ring.use_key(first));
  EXPECT_EQ(ring.current().id, first);
  EXPECT_TRUE(ring.retire_key(second));
  EXPECT_EQ(ring.find(second), nullptr);
  EXPECT_EQ(ring.current().id, first);
  EXPECT_FALSE(ring.use_key("00000000"));
}

TEST(FieldKeys, MalformedTextIsRefusedWithTheReason) {
  security::init_crypto();
  auto good = FieldKeys::generate().serialise();
  auto refused = [](const std::string& text, const std::string& expected) {
    try {
      FieldKeys::parse(text, "SAMEN_FIELD_KEYS");
      ADD_FAILURE() << "accepted: " << text;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
  };
  refused("", "not a samen field key file");
  refused("samen-audit-key-v1\n", "not a samen field key file");
  auto without = [&](const std::string& prefix) {
    std::string out;
    std::size_t start = 0;
    while (start < good.size()) {
      auto end = good.find('\n', start);
      auto line = good.substr(start, end - start + 1);
      if (!line.starts_with(prefix)) out += line;
      start = end + 1;
    }
    return out;
  };
  refused(without("index"), "no index key");
  refused(without("current"), "no 'current <id>' line");
  refused(without("key"), "is not in the file");
  refused(good + "current 00000000\n", "repeats a line");
  refused(good + "colour blue\n", "not understood");
  // One character of a key changed: its id no longer matches.
  auto at = good.find("\nkey ") + 1 + 4 + 8 + 1 + 5;
  auto typo = good;
  typo[at] = typo[at] == 'A' ? 'B' : 'A';
  refused(typo, "does not match its id");
  auto line_start = good.find("\nkey ") + 1;
  auto key_line = good.substr(line_start, good.find('\n', line_start) - line_start + 1);
  refused(good + key_line, "appears twice");
  auto short_key = without("key") + "key abcdef01 AAAA\n";
  refused(short_key, "32 bytes");
}

TEST(FieldKeys, TheEnvironmentVariableMayUseSemicolonsForLineBreaks) {
  security::init_crypto();
  auto ring = FieldKeys::generate();
  auto text = ring.serialise();
  std::string one_line;
  for (char c : text) one_line += c == '\n' ? ';' : c;
  auto from_env = security::resolve_field_keys("", one_line.c_str());
  ASSERT_TRUE(from_env);
  EXPECT_EQ(from_env->current().secret, ring.current().secret);
  EXPECT_EQ(from_env->index_key(), ring.index_key());
  EXPECT_FALSE(security::resolve_field_keys("", nullptr));
  EXPECT_FALSE(security::resolve_field_keys("", ""));
  EXPECT_THROW(security::resolve_field_keys("/some/file", one_line.c_str()), std::runtime_error);
}

TEST(FieldKeys, TheFileIsPrivateAndNeverOverwritten) {
  security::init_crypto();
  TempDir dir;
  auto path = (dir.path / "field.keys").string();
  EXPECT_THROW(security::load_field_keys_file(path), std::runtime_error);
  auto created = security::ensure_field_keys_file(path);
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // A second ensure loads what is there; a second write refuses.
  EXPECT_EQ(security::ensure_field_keys_file(path).current().secret, created.current().secret);
  EXPECT_THROW(security::write_field_keys_file(path, FieldKeys::generate()), std::runtime_error);
  auto loaded = security::resolve_field_keys(path, nullptr);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->current().id, created.current().id);
  for (mode_t open_mode : {0640, 0604, 0620}) {
    chmod(path.c_str(), open_mode);
    try {
      security::load_field_keys_file(path);
      ADD_FAILURE() << "mode " << std::oct << open_mode << " accepted";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("chmod 600"), std::string::npos) << e.what();
    }
  }
}

TEST(FieldKeys, UpdatingTheFileKeepsItPrivateAndEveryKey) {
  security::init_crypto();
  TempDir dir;
  auto path = (dir.path / "field.keys").string();
  auto first = security::ensure_field_keys_file(path);
  std::string added;
  auto updated =
      security::update_field_keys_file(path, [&](FieldKeys& ring) { added = ring.add_key(); });
  auto loaded = security::load_field_keys_file(path);
  EXPECT_EQ(loaded.current().id, added);
  EXPECT_EQ(updated.current().id, added);
  ASSERT_NE(loaded.find(first.current().id), nullptr);
  EXPECT_EQ(loaded.find(first.current().id)->secret, first.current().secret);
  EXPECT_EQ(loaded.index_key(), first.index_key());
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(std::filesystem::exists(path + ".new"));
}

}  // namespace
}  // namespace samen::testing
