#pragma once
// Signs the audit chain's head at a fixed interval (when it moved since this server last
// signed) and once more when stopped, so a server shut down with SIGTERM leaves its last
// entries signed. Each checkpoint is written through the single writer, inside a
// transaction that reads the head it signs, and is then appended to the checkpoint file
// beside the key (a copy outside the database). Several servers of one deployment each
// sign with the shared key; their checkpoints interleave harmlessly.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "audit/audited_writer.hpp"
#include "audit/checkpoint.hpp"

namespace samen::audit {

// What the caller logs: a checkpoint made, or why one failed (the next interval retries).
struct CheckpointEvents {
  std::function<void(const store::AuditCheckpoint&)> signed_head;
  std::function<void(const std::string& what)> failed;
};

class Checkpointer {
 public:
  Checkpointer(AuditedWriter& writer, AuditKey key, std::string checkpoint_file,
               std::chrono::milliseconds interval, CheckpointEvents events = {});
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Signs the head now if it moved; blocks until committed. Returns the seq signed, or -1
  // when there was nothing new to sign.
  std::int64_t checkpoint_now();
  // Stops the interval thread and signs a last time. Idempotent.
  void stop();

 private:
  void loop();

  AuditedWriter& writer_;
  AuditKey key_;
  std::string file_;
  std::chrono::milliseconds interval_;
  CheckpointEvents events_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool stopped_ = false;
  std::int64_t last_signed_seq_ = -1;
  std::string last_signed_hash_;
  std::mutex sign_mutex_;  // one checkpoint at a time (interval thread vs stop)
  std::thread thread_;
};

}  // namespace samen::audit
