#include "audit/audited_writer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "audit/verifier.hpp"
#include "store/backends.hpp"

namespace samen::testing {
namespace {

audit::Event event(const std::string& action, const std::string& pupil = {}) {
  audit::Event e;
  e.actor_user_id = "1";
  e.action = action;
  e.pupil_id = pupil;
  e.resource_type = "pupil";
  e.request_id = "r";
  e.client_address = "127.0.0.1";
  return e;
}

class AuditedWriterTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open();
    auto tx = store->begin_write();
    region = tx->insert_region({"", "R"});
    school = tx->insert_organisation({"", region, "S", domain::OrgType::school, {}, true, 1});
    tx->commit();
  }
  std::shared_ptr<store::Store> store;
  std::string region, school;
};

TEST_P(AuditedWriterTest, ConcurrentJobsShareCommitsAndFormOneChain) {
  audit::AuditedWriter writer(*store);
  constexpr int kJobs = 400;
  std::atomic<int> done{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < kJobs / 4; ++i)
        writer.submit({}, {event("read", std::to_string(i))}, [&](std::exception_ptr e) {
          EXPECT_FALSE(e);
          ++done;
        });
    });
  for (auto& t : threads) t.join();
  writer.stop();
  EXPECT_EQ(done.load(), kJobs);
  EXPECT_LT(writer.batches_committed(), static_cast<std::uint64_t>(kJobs))
      << "no grouping happened";
  auto report = audit::verify_chain(*store, std::nullopt);
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.entries, kJobs);
}

TEST_P(AuditedWriterTest, CallbackRunsOnlyAfterTheEntryIsCommitted) {
  audit::AuditedWriter writer(*store);
  std::promise<std::int64_t> seen;
  writer.submit({}, {event("read", "7")}, [&](std::exception_ptr) {
    // A separate connection must already see it.
    auto tx = store->begin_read();
    auto head = tx->audit_head();
    seen.set_value(head ? head->seq : 0);
  });
  EXPECT_EQ(seen.get_future().get(), 1);
}

TEST_P(AuditedWriterTest, ARolledBackJobKeepsItsAuditEventsAndSparesOthers) {
  audit::AuditedWriter writer(*store);
  auto insert = [&](const std::string& number, bool keep) {
    return [=, this](store::WriteTx& tx) {
      domain::Pupil p;
      p.school_id = school;
      p.pupil_number = number;
      p.given_name = "A";
      p.family_name = "B";
      p.date_of_birth = {2012, 1, 1};
      tx.insert_pupil(p);
      return audit::JobOutcome{keep, {event(keep ? "create" : "denied")}};
    };
  };
  writer.run(insert("kept", true));
  writer.run(insert("refused", false));
  EXPECT_THROW(
      writer.run([](store::WriteTx&) -> audit::JobOutcome { throw store::StoreError("boom"); },
                 {event("attempt")}),
      store::StoreError);
  auto tx = store->begin_read();
  EXPECT_TRUE(tx->pupil_id_by_number(school, "kept"));
  EXPECT_FALSE(tx->pupil_id_by_number(school, "refused"));
  auto rows = tx->audit_range(1, 10);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].action, "denied");
  EXPECT_EQ(rows[2].action, "attempt");
}

// Another server's transaction won a race (PostgreSQL: serialization failure or deadlock):
// the whole batch runs again, and each change and event lands exactly once.
TEST_P(AuditedWriterTest, ABatchThatLostARaceRunsAgainOnce) {
  audit::AuditedWriter writer(*store);
  int runs = 0;
  writer.run(
      [&](store::WriteTx& tx) {
        domain::Pupil p;
        p.school_id = school;
        p.pupil_number = "raced";
        p.given_name = "A";
        p.family_name = "B";
        p.date_of_birth = {2012, 1, 1};
        tx.insert_pupil(p);  // a second run would hit the unique number if the first stayed
        if (++runs == 1) throw store::StoreError("lost a race", /*retryable=*/true);
        return audit::JobOutcome{true, {event("create")}};
      },
      {event("attempt")});
  EXPECT_EQ(runs, 2);
  auto tx = store->begin_read();
  EXPECT_TRUE(tx->pupil_id_by_number(school, "raced"));
  auto rows = tx->audit_range(1, 10);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].action, "attempt");
  EXPECT_EQ(rows[1].action, "create");
  EXPECT_TRUE(audit::verify_chain(*store, std::nullopt).intact);
}

TEST_P(AuditedWriterTest, ABatchThatKeepsLosingFailsAfterAFewAttempts) {
  audit::AuditedWriter writer(*store);
  int runs = 0;
  EXPECT_THROW(writer.run([&](store::WriteTx&) -> audit::JobOutcome {
    ++runs;
    throw store::StoreError("lost again", /*retryable=*/true);
  }),
               store::StoreError);
  EXPECT_GT(runs, 1);
  EXPECT_LT(runs, 10);
  EXPECT_FALSE(store->begin_read()->audit_head());
}

TEST_P(AuditedWriterTest, AStreamingJobsEventsJoinTheChainAsItRuns) {
  audit::AuditedWriter writer(*store);
  writer.run({}, {event("before")});
  writer.run_streaming([](store::WriteTx& tx, const audit::Emit& emit) {
    emit(event("create", "1"));
    emit(event("create", "2"));
    // Appended at once, not held until the job ends.
    EXPECT_EQ(tx.audit_head()->seq, 3);
    return audit::JobOutcome{true, {event("done")}};
  });
  auto rows = store->begin_read()->audit_range(1, 10);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].pupil_id, "1");
  EXPECT_EQ(rows[3].action, "done");
  auto report = audit::verify_chain(*store, std::nullopt);
  EXPECT_TRUE(report.intact) << report.problem;
}

TEST_P(AuditedWriterTest, ARolledBackStreamingJobTakesItsEmittedEventsWithIt) {
  audit::AuditedWriter writer(*store);
  // The first job holds the writer until the others are queued, so the rolled-back job
  // shares its transaction with a job after it, which must continue the chain correctly.
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  writer.submit(
      [released](store::WriteTx&) {
        released.wait();
        return audit::JobOutcome{};
      },
      {event("before")}, nullptr);
  writer.submit_streaming(
      [](store::WriteTx&, const audit::Emit& emit) {
        emit(event("create", "1"));
        return audit::JobOutcome{false, {event("refused")}};
      },
      {}, nullptr);
  std::promise<void> batch_done;
  writer.submit({}, {event("next")}, [&](std::exception_ptr) { batch_done.set_value(); });
  release.set_value();
  batch_done.get_future().get();
  EXPECT_THROW(writer.run_streaming(
                   [&](store::WriteTx&, const audit::Emit& emit) -> audit::JobOutcome {
                     emit(event("create", "2"));
                     throw store::StoreError("boom");
                   },
                   {event("attempt")}),
               store::StoreError);
  writer.run({}, {event("after")});
  std::vector<std::string> actions;
  for (const auto& row : store->begin_read()->audit_range(1, 10)) actions.push_back(row.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"before", "refused", "next", "attempt", "after"}));
  auto report = audit::verify_chain(*store, std::nullopt);
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.entries, 5);
}

TEST_P(AuditedWriterTest, StopFinishesQueuedJobsAndRefusesLaterOnes) {
  auto writer = std::make_unique<audit::AuditedWriter>(*store);
  for (int i = 0; i < 50; ++i) writer->submit({}, {event("read")}, nullptr);
  writer->stop();
  EXPECT_EQ(audit::verify_chain(*store, std::nullopt).entries, 50);
  std::exception_ptr late;
  writer->submit({}, {event("read")}, [&](std::exception_ptr e) { late = e; });
  EXPECT_TRUE(late);
}

TEST_P(AuditedWriterTest, ExpectedHeadDetectsATruncatedOrForeignTail) {
  audit::AuditedWriter writer(*store);
  for (int i = 0; i < 5; ++i) writer.run({}, {event("read")});
  auto report = audit::verify_chain(*store, std::nullopt);
  ASSERT_EQ(report.head.seq, 5);
  EXPECT_TRUE(audit::verify_chain(*store, report.head).intact);
  auto ahead = report.head;
  ahead.seq = 9;
  auto truncated = audit::verify_chain(*store, ahead);
  EXPECT_FALSE(truncated.intact);
  EXPECT_EQ(truncated.first_bad_seq, 6);
  auto other = report.head;
  other.hash = std::string(64, 'a');
  EXPECT_FALSE(audit::verify_chain(*store, other).intact);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditedWriterTest, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
