#include "audit/audited_writer.hpp"

#include <future>

#include "domain/dates.hpp"

namespace samen::audit {
namespace {

StreamingWork without_emit(Work work) {
  if (!work) return {};
  return [work = std::move(work)](store::WriteTx& tx, const Emit&) { return work(tx); };
}

}  // namespace

AuditedWriter::AuditedWriter(store::Store& store, std::size_t max_batch)
    : store_(store), max_batch_(max_batch), thread_([this] { loop(); }) {}

AuditedWriter::~AuditedWriter() { stop(); }

void AuditedWriter::submit(Work work, std::vector<Event> events, Done done) {
  submit_streaming(without_emit(std::move(work)), std::move(events), std::move(done));
}

void AuditedWriter::submit_streaming(StreamingWork work, std::vector<Event> events, Done done) {
  {
    std::scoped_lock lock(mutex_);
    if (!stopping_) {
      queue_.push_back(Job{std::move(work), std::move(events), std::move(done)});
      wake_.notify_one();
      return;
    }
  }
  // After stop() nothing commits any more; say so rather than leave the caller waiting.
  if (done) done(std::make_exception_ptr(store::StoreError("the writer has stopped")));
}

void AuditedWriter::run(Work work, std::vector<Event> events) {
  run_streaming(without_emit(std::move(work)), std::move(events));
}

void AuditedWriter::run_streaming(StreamingWork work, std::vector<Event> events) {
  std::promise<void> finished;
  auto future = finished.get_future();
  submit_streaming(std::move(work), std::move(events), [&finished](std::exception_ptr error) {
    if (error)
      finished.set_exception(error);
    else
      finished.set_value();
  });
  future.get();
}

void AuditedWriter::stop() {
  {
    std::scoped_lock lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t AuditedWriter::batches_committed() const {
  std::scoped_lock lock(mutex_);
  return batches_;
}

void AuditedWriter::loop() {
  std::vector<Job> batch;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) return;
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    run_batch(batch);
    batch.clear();
  }
}

namespace {
// A batch that lost a race with another server's transaction runs again from the start;
// after this many attempts the jobs are told it failed.
constexpr int kMaxBatchAttempts = 4;
}  // namespace

void AuditedWriter::run_batch(std::vector<Job>& batch) {
  std::vector<std::exception_ptr> errors;
  std::exception_ptr batch_error;
  for (int attempt = 1;; ++attempt) {
    errors.assign(batch.size(), nullptr);
    try {
      run_batch_once(batch, errors);
      batch_error = nullptr;
      break;
    } catch (const store::StoreError& e) {
      batch_error = std::current_exception();
      if (!e.retryable() || attempt == kMaxBatchAttempts) break;
    } catch (...) {
      batch_error = std::current_exception();
      break;
    }
  }
  {
    std::scoped_lock lock(mutex_);
    if (!batch_error) ++batches_;
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (batch[i].done) batch[i].done(batch_error ? batch_error : errors[i]);
  }
}

void AuditedWriter::run_batch_once(std::vector<Job>& batch,
                                   std::vector<std::exception_ptr>& errors) {
  auto tx = store_.begin_write();
  auto head = tx->audit_head();
  std::int64_t seq = head ? head->seq : 0;
  std::string prev = head ? head->hash : kGenesisHash;
  auto append = [&](const Event& e) {
    // Time is taken at append so that sequence order and time order agree.
    auto row = seal(e, ++seq, domain::format_instant(domain::now_millis()), prev);
    tx->append_audit(row);
    prev = row.hash;
  };
  const Emit emit = append;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    Job& job = batch[i];
    if (!job.work) {  // only audit events (a read): nothing to undo, no savepoint needed
      for (const auto& e : job.events) append(e);
      continue;
    }
    tx->savepoint();
    const std::int64_t seq_before = seq;
    const std::string prev_before = prev;
    JobOutcome outcome;
    try {
      outcome = job.work(*tx, emit);
    } catch (const store::StoreError& e) {
      // A lost race spoils the whole transaction, not just this job: run the batch again.
      if (e.retryable()) throw;
      errors[i] = std::current_exception();
      outcome.keep = false;
    } catch (...) {
      errors[i] = std::current_exception();
      outcome.keep = false;
    }
    if (outcome.keep) {
      tx->release_savepoint();
    } else {
      tx->rollback_to_savepoint();
      seq = seq_before;  // the emitted entries went with the savepoint
      prev = prev_before;
    }
    for (const auto& e : job.events) append(e);
    for (const auto& e : outcome.events) append(e);
  }
  tx->commit();
}

}  // namespace samen::audit
