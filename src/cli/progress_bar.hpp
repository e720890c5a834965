#pragma once
// A progress bar on stderr when it is a terminal; silent otherwise (CI logs, pipes).
#include <cstddef>
#include <string>

namespace samen::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  void update(std::size_t done, std::size_t total);

 private:
  std::string label_;
  bool enabled_;
  int last_percent_ = -1;
};

}  // namespace samen::cli
