#include "audit/checkpoint.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "audit/audited_writer.hpp"
#include "audit/checkpointer.hpp"
#include "audit/verifier.hpp"
#include "security/crypto.hpp"
#include "store/backends.hpp"

namespace samen::testing {
namespace {

audit::Event read_event(int i) {
  audit::Event e;
  e.actor_user_id = "1";
  e.action = "read";
  e.pupil_id = std::to_string(i);
  e.request_id = "r";
  return e;
}

audit::PublicKey public_of(const audit::AuditKey& key) { return {key.public_key, key.key_id}; }

TEST(AuditCheckpoint, ASignatureCoversEveryField) {
  security::init_crypto();
  auto key = audit::generate_audit_key();
  auto c = audit::sign_checkpoint(key, 7, std::string(64, 'a'), "2026-12-03T00:00:00.000Z");
  EXPECT_TRUE(audit::signature_valid(c, public_of(key)));
  for (auto change : {+[](store::AuditCheckpoint& x) { ++x.seq; },
                      +[](store::AuditCheckpoint& x) { x.hash[0] = 'b'; },
                      +[](store::AuditCheckpoint& x) { x.at[3] = '7'; },
                      +[](store::AuditCheckpoint& x) { x.signature[5] ^= 1; }}) {
    auto altered = c;
    change(altered);
    EXPECT_FALSE(audit::signature_valid(altered, public_of(key)));
  }
  EXPECT_FALSE(audit::signature_valid(c, public_of(audit::generate_audit_key())));
}

TEST(AuditCheckpoint, KeyFileIsPrivateAndRoundTrips) {
  security::init_crypto();
  TempDir dir;
  auto path = (dir.path / "audit.key").string();
  auto key = audit::generate_audit_key();
  audit::write_audit_key(path, key);
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto loaded = audit::load_audit_key(path);
  EXPECT_EQ(loaded.public_key, key.public_key);
  EXPECT_EQ(loaded.key_id, key.key_id);
  EXPECT_THROW(audit::write_audit_key(path, audit::generate_audit_key()), std::runtime_error);
  chmod(path.c_str(), 0644);
  EXPECT_THROW(audit::load_audit_key(path), std::runtime_error);
}

TEST(AuditCheckpoint, TheCheckpointFileReadsBack) {
  security::init_crypto();
  TempDir dir;
  auto path = (dir.path / "cp.jsonl").string();
  auto key = audit::generate_audit_key();
  auto a = audit::sign_checkpoint(key, 1, std::string(64, 'a'), "t1");
  auto b = audit::sign_checkpoint(key, 2, std::string(64, 'b'), "t2");
  audit::append_checkpoint_file(path, key.public_key, a);
  audit::append_checkpoint_file(path, key.public_key, b);
  auto held = audit::read_checkpoint_file(path);
  ASSERT_EQ(held.public_keys.size(), 1u);
  EXPECT_EQ(held.public_keys[0].key_id, key.key_id);
  ASSERT_EQ(held.checkpoints.size(), 2u);
  EXPECT_EQ(held.checkpoints[1].signature, b.signature);
  EXPECT_TRUE(audit::signature_valid(held.checkpoints[1], held.public_keys[0]));
}

class CheckpointVerifyTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    security::init_crypto();
    store = GetParam().open();
    key = audit::generate_audit_key();
  }
  void append(audit::AuditedWriter& writer, int n) {
    std::vector<audit::Event> events;
    for (int i = 0; i < n; ++i) events.push_back(read_event(i));
    writer.run({}, std::move(events));
  }
  std::shared_ptr<store::Store> store;
  audit::AuditKey key;
};

TEST_P(CheckpointVerifyTest, SignsTheHeadOnlyWhenItMovedAndAtStop) {
  audit::AuditedWriter writer(*store);
  {
    audit::Checkpointer checkpointer(writer, key, "", std::chrono::hours(1));
    EXPECT_EQ(checkpointer.checkpoint_now(), -1) << "an empty chain has no head to sign";
    append(writer, 3);
    EXPECT_EQ(checkpointer.checkpoint_now(), 3);
    EXPECT_EQ(checkpointer.checkpoint_now(), -1) << "the head did not move";
    append(writer, 2);
    checkpointer.stop();
  }
  writer.stop();
  auto checkpoints = store->begin_read()->audit_checkpoints();
  ASSERT_EQ(checkpoints.size(), 2u);
  EXPECT_EQ(checkpoints[1].seq, 5) << "stop() signs the last head";
  auto full = audit::verify_with_checkpoints(*store, {public_of(key)});
  EXPECT_TRUE(full.chain.intact);
  EXPECT_TRUE(full.checkpoints.ok());
  EXPECT_EQ(full.checkpoints.last_signed->seq, 5);
  EXPECT_EQ(full.checkpoints.unsigned_entries, 0);
}

TEST_P(CheckpointVerifyTest, ACheckpointBeyondTheHeadIsAMissingTail) {
  audit::AuditedWriter writer(*store);
  append(writer, 4);
  // The head was 9 when signed; rows 5 to 9 are gone.
  auto tx = store->begin_write();
  tx->append_audit_checkpoint(audit::sign_checkpoint(key, 9, std::string(64, 'f'), "t"));
  tx->commit();
  writer.stop();
  auto full = audit::verify_with_checkpoints(*store, {public_of(key)});
  EXPECT_TRUE(full.chain.intact);
  EXPECT_TRUE(full.checkpoints.missing_tail);
  EXPECT_EQ(full.checkpoints.missing_from_seq, 5);
  EXPECT_EQ(full.checkpoints.missing_to_seq, 9);
  auto without_key = audit::verify_with_checkpoints(*store, {});
  EXPECT_FALSE(without_key.checkpoints.configured);
}

TEST_P(CheckpointVerifyTest, AMismatchAfterAGoodCheckpointIsARechainedStretch) {
  audit::AuditedWriter writer(*store);
  append(writer, 6);
  writer.stop();
  auto rows = store->begin_read()->audit_range(1, 10);
  auto tx = store->begin_write();
  tx->append_audit_checkpoint(audit::sign_checkpoint(key, 2, rows[1].hash, "t1"));
  tx->append_audit_checkpoint(audit::sign_checkpoint(key, 5, std::string(64, 'e'), "t2"));
  tx->commit();
  auto full = audit::verify_with_checkpoints(*store, {public_of(key)});
  EXPECT_TRUE(full.checkpoints.rechained);
  EXPECT_EQ(full.checkpoints.rechained_from_seq, 3);
  EXPECT_EQ(full.checkpoints.rechained_to_seq, 5);
  EXPECT_EQ(full.checkpoints.last_signed->seq, 2);
  EXPECT_EQ(full.checkpoints.unsigned_entries, 4);
}

TEST_P(CheckpointVerifyTest, HeldCheckpointsTheDatabaseLacksAreCounted) {
  audit::AuditedWriter writer(*store);
  append(writer, 3);
  writer.stop();
  auto head = store->begin_read()->audit_head();
  auto held = audit::sign_checkpoint(key, head->seq, head->hash, "t");
  auto full = audit::verify_with_checkpoints(*store, {public_of(key)}, {held});
  EXPECT_EQ(full.checkpoints.missing_from_database, 1);
  EXPECT_FALSE(full.checkpoints.ok());
  EXPECT_EQ(full.checkpoints.last_signed->seq, 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, CheckpointVerifyTest, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
