#pragma once
// Work the server does on its own clock (sending the mail queue, reminders): a thread that
// runs `work` at once and then every `interval` until stopped. A pass that throws (the
// database was away) is reported and the next one tries again; nothing waits for it.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace samen::notify {

class PeriodicTask {
 public:
  PeriodicTask(std::chrono::milliseconds interval, std::function<void()> work,
               std::function<void(const std::string& what)> failed);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  // Ends the thread after the pass that runs now, if any. Idempotent.
  void stop();

 private:
  void loop();

  std::chrono::milliseconds interval_;
  std::function<void()> work_;
  std::function<void(const std::string&)> failed_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: started once the members it uses exist
};

}  // namespace samen::notify
