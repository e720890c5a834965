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

void AuditedWriter::run_batch(std::vector<Job>& batch) {
  std::vector<std::exception_ptr> errors(batch.size());
  std::exception_ptr batch_error;
  try {
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
      tx->savepoint();
      const std::int64_t seq_before = seq;
      const std::string prev_before = prev;
      JobOutcome outcome;
      try {
        if (job.work) outcome = job.work(*tx, emit);
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
  } catch (...) {
    batch_error = std::current_exception();
  }
  {
    std::scoped_lock lock(mutex_);
    if (!batch_error) ++batches_;
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (batch[i].done) batch[i].done(batch_error ? batch_error : errors[i]);
  }
}

}  // namespace samen::audit
