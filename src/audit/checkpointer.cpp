#include "audit/checkpointer.hpp"

#include "domain/dates.hpp"

namespace samen::audit {

Checkpointer::Checkpointer(AuditedWriter& writer, AuditKey key, std::string checkpoint_file,
                           std::chrono::milliseconds interval, CheckpointEvents events)
    : writer_(writer),
      key_(std::move(key)),
      file_(std::move(checkpoint_file)),
      interval_(interval),
      events_(std::move(events)),
      thread_([this] { loop(); }) {}

Checkpointer::~Checkpointer() {
  try {
    stop();
  } catch (...) {
    // stop() logged it; a destructor must not throw.
  }
}

void Checkpointer::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) break;
    lock.unlock();
    try {
      checkpoint_now();
    } catch (const std::exception& e) {
      // The next interval tries again; the chain itself is unaffected.
      if (events_.failed) events_.failed(e.what());
    }
    lock.lock();
  }
}

std::int64_t Checkpointer::checkpoint_now() {
  std::scoped_lock one_at_a_time(sign_mutex_);
  std::optional<store::AuditCheckpoint> signed_now;
  writer_.run([&](store::WriteTx& tx) {
    signed_now.reset();  // the writer may run a job again after a lost race
    auto head = tx.audit_head();
    if (!head || (head->seq == last_signed_seq_ && head->hash == last_signed_hash_))
      return JobOutcome{};
    auto checkpoint =
        sign_checkpoint(key_, head->seq, head->hash, domain::format_instant(domain::now_millis()));
    tx.append_audit_checkpoint(checkpoint);
    signed_now = checkpoint;
    return JobOutcome{};
  });
  if (!signed_now) return -1;
  last_signed_seq_ = signed_now->seq;
  last_signed_hash_ = signed_now->hash;
  if (!file_.empty()) append_checkpoint_file(file_, key_.public_key, *signed_now);
  if (events_.signed_head) events_.signed_head(*signed_now);
  return signed_now->seq;
}

void Checkpointer::stop() {
  {
    std::scoped_lock lock(mutex_);
    if (stopped_) return;
    stopped_ = stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  try {
    checkpoint_now();
  } catch (const std::exception& e) {
    if (events_.failed) events_.failed(e.what());
  }
}

}  // namespace samen::audit
