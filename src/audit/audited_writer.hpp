#pragma once
// The single writer: runs every change to the store, together with the audit events that
// describe it, on one thread, grouping the jobs of concurrent requests into one
// transaction (group commit). A job's change and its audit entries commit together or not
// at all, and a job's completion callback runs only after that commit, so no response can
// leave before its audit entry is durable.
//
// Each job runs inside a savepoint: a job that asks to be rolled back (or throws) undoes
// only its own change; its audit events are still appended (a refused attempt is still
// an attempt). If the commit itself fails, every job in the batch learns so. A batch that
// fails because it lost a race with a concurrent transaction (StoreError::retryable, e.g.
// another server on the same PostgreSQL) runs again, jobs and all, a few times: a job's
// work must therefore be safe to run again, which it is when it only uses the WriteTx.
//
// A job with too many events to hold until it ends (an import of a million pupils) is
// submitted as a StreamingWork and hands each event to `emit` as it goes: the event joins
// the chain at once, inside the job's savepoint, so a job that is rolled back takes its
// emitted events with it (they describe changes that no longer exist) and the chain goes
// on from where it stood before the job.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "audit/audit_entry.hpp"
#include "store/store.hpp"

namespace samen::audit {

struct JobOutcome {
  bool keep = true;           // false: roll back this job's change, keep its audit events
  std::vector<Event> events;  // appended after the job's change
};

using Work = std::function<JobOutcome(store::WriteTx&)>;
using Emit = std::function<void(const Event&)>;
using StreamingWork = std::function<JobOutcome(store::WriteTx&, const Emit&)>;
// Called on the writer thread after the batch commits; the exception is set when the job
// threw or the commit failed.
using Done = std::function<void(std::exception_ptr)>;

class AuditedWriter {
 public:
  explicit AuditedWriter(store::Store& store, std::size_t max_batch = 256);
  ~AuditedWriter();
  AuditedWriter(const AuditedWriter&) = delete;
  AuditedWriter& operator=(const AuditedWriter&) = delete;

  // `work` may be empty: then the job only appends `events`.
  void submit(Work work, std::vector<Event> events, Done done);
  void submit_streaming(StreamingWork work, std::vector<Event> events, Done done);
  // Blocking conveniences for the CLI and tests; rethrow the job's exception.
  void run(Work work, std::vector<Event> events = {});
  void run_streaming(StreamingWork work, std::vector<Event> events = {});
  // Finishes the queued jobs, then stops the thread. Idempotent.
  void stop();

  std::uint64_t batches_committed() const;

 private:
  struct Job {
    StreamingWork work;
    std::vector<Event> events;
    Done done;
  };
  void loop();
  void run_batch(std::vector<Job>& batch);
  // One attempt; throws when the transaction fails as a whole.
  void run_batch_once(std::vector<Job>& batch, std::vector<std::exception_ptr>& errors);

  store::Store& store_;
  std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::uint64_t batches_ = 0;
  std::thread thread_;
};

}  // namespace samen::audit
