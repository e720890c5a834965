#pragma once
// Finds the lines of a file whose key (a pupil number) already occurred on an earlier
// line, in memory that does not grow with the number of keys: an external sort. Keys are
// collected in a buffer of fixed size; each full buffer is sorted and written to a
// temporary file as a run; at the end the runs are merged, and equal keys meet. The
// result is exact (keys are compared whole, not hashed).
//
// Cost: the keys are written once to disk and read once; for a million short pupil
// numbers that is about 12 MB and a fraction of a second.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace samen::importer {

class DuplicateFinder {
 public:
  struct Repeat {
    int line = 0;
    std::string key;
  };
  struct Repeats {
    std::vector<Repeat> first;  // ascending by line
    bool more = false;          // there were more than `limit`
  };

  explicit DuplicateFinder(std::size_t buffer_bytes = std::size_t{4} << 20);
  ~DuplicateFinder();
  DuplicateFinder(const DuplicateFinder&) = delete;
  DuplicateFinder& operator=(const DuplicateFinder&) = delete;

  // Lines must be added in ascending order. Throws std::runtime_error when the temporary
  // file cannot be written.
  void add(std::string_view key, int line);
  // The `limit` lowest lines whose key occurred on an earlier line. Call once, last.
  Repeats repeats(std::size_t limit);

 private:
  struct Entry {
    std::uint32_t offset;
    std::uint32_t size;
    int line;
  };
  struct Run {
    long start;
    std::size_t count;
  };
  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  void sort_entries();
  void spill();
  std::string_view key_of(const Entry& e) const { return {keys_.data() + e.offset, e.size}; }

  std::size_t buffer_bytes_;
  std::string keys_;  // the buffered keys, back to back
  std::vector<Entry> entries_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::vector<Run> runs_;
};

}  // namespace samen::importer
