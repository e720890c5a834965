#include "notify/periodic_task.hpp"

#include <exception>

namespace samen::notify {

PeriodicTask::PeriodicTask(std::chrono::milliseconds interval, std::function<void()> work,
                           std::function<void(const std::string& what)> failed)
    : interval_(interval),
      work_(std::move(work)),
      failed_(std::move(failed)),
      thread_([this] { loop(); }) {}

PeriodicTask::~PeriodicTask() { stop(); }

void PeriodicTask::stop() {
  {
    std::scoped_lock lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicTask::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      work_();
    } catch (const std::exception& e) {
      if (failed_) failed_(e.what());
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace samen::notify
