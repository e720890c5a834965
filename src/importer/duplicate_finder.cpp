#include "importer/duplicate_finder.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <queue>
#include <stdexcept>

namespace samen::importer {
namespace {

constexpr std::size_t kReadBuffer = 32 * 1024;

[[noreturn]] void io_failure() {
  throw std::runtime_error("cannot use a temporary file for the duplicate check: " +
                           std::string(std::strerror(errno)));
}

// Reads one sorted run back, entry by entry, through its own small buffer; the runs share
// one file, so every refill seeks first.
class RunReader {
 public:
  RunReader(std::FILE* file, long start, std::size_t count)
      : file_(file), pos_(start), left_(count), buffer_(kReadBuffer) {}

  bool next() {
    if (left_ == 0) return false;
    --left_;
    std::uint32_t size = 0;
    read(&size, sizeof size);
    key.resize(size);
    read(key.data(), size);
    read(&line, sizeof line);
    return true;
  }

  std::string key;
  int line = 0;

 private:
  void read(void* out, std::size_t n) {
    auto* dst = static_cast<char*>(out);
    while (n > 0) {
      if (have_ == used_) refill();
      std::size_t take = std::min(n, have_ - used_);
      std::memcpy(dst, buffer_.data() + used_, take);
      used_ += take;
      dst += take;
      n -= take;
    }
  }
  void refill() {
    if (std::fseek(file_, pos_, SEEK_SET) != 0) io_failure();
    have_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    if (have_ == 0) io_failure();
    pos_ += static_cast<long>(have_);
    used_ = 0;
  }

  std::FILE* file_;
  long pos_;
  std::size_t left_;
  std::vector<char> buffer_;
  std::size_t have_ = 0, used_ = 0;
};

// Keeps the `limit` lowest lines seen, and whether there were more.
class LowestLines {
 public:
  explicit LowestLines(std::size_t limit) : limit_(limit) {}
  void offer(int line, std::string_view key) {
    ++seen_;
    if (limit_ == 0) return;
    if (heap_.size() < limit_) {
      heap_.push({line, std::string(key)});
    } else if (line < heap_.top().line) {
      heap_.pop();
      heap_.push({line, std::string(key)});
    }
  }
  DuplicateFinder::Repeats take() {
    DuplicateFinder::Repeats out;
    out.more = seen_ > heap_.size();
    while (!heap_.empty()) {
      out.first.push_back(heap_.top());
      heap_.pop();
    }
    std::reverse(out.first.begin(), out.first.end());
    return out;
  }

 private:
  struct ByLine {
    bool operator()(const DuplicateFinder::Repeat& a, const DuplicateFinder::Repeat& b) const {
      return a.line < b.line;
    }
  };
  std::size_t limit_;
  std::size_t seen_ = 0;
  std::priority_queue<DuplicateFinder::Repeat, std::vector<DuplicateFinder::Repeat>, ByLine> heap_;
};

}  // namespace

DuplicateFinder::DuplicateFinder(std::size_t buffer_bytes) : buffer_bytes_(buffer_bytes) {}

DuplicateFinder::~DuplicateFinder() = default;

void DuplicateFinder::add(std::string_view key, int line) {
  if (!entries_.empty() &&
      keys_.size() + key.size() + (entries_.size() + 1) * sizeof(Entry) > buffer_bytes_)
    spill();
  entries_.push_back(
      {static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()), line});
  keys_.append(key);
}

void DuplicateFinder::sort_entries() {
  // By key, then line: the first occurrence of a key comes before its repeats.
  std::sort(entries_.begin(), entries_.end(), [this](const Entry& a, const Entry& b) {
    int order = key_of(a).compare(key_of(b));
    return order != 0 ? order < 0 : a.line < b.line;
  });
}

void DuplicateFinder::spill() {
  sort_entries();
  if (!file_) {
    file_.reset(std::tmpfile());
    if (!file_) io_failure();
  }
  std::FILE* f = file_.get();
  if (std::fseek(f, 0, SEEK_END) != 0) io_failure();
  long start = std::ftell(f);
  for (const auto& e : entries_) {
    std::uint32_t size = e.size;
    if (std::fwrite(&size, sizeof size, 1, f) != 1 ||
        (size > 0 && std::fwrite(keys_.data() + e.offset, size, 1, f) != 1) ||
        std::fwrite(&e.line, sizeof e.line, 1, f) != 1)
      io_failure();
  }
  if (std::fflush(f) != 0) io_failure();
  runs_.push_back({start, entries_.size()});
  entries_.clear();
  keys_.clear();
}

DuplicateFinder::Repeats DuplicateFinder::repeats(std::size_t limit) {
  LowestLines lowest(limit);
  if (runs_.empty()) {
    // Everything fits the buffer (files up to a few hundred thousand rows): no disk at all.
    sort_entries();
    for (std::size_t i = 1; i < entries_.size(); ++i)
      if (key_of(entries_[i]) == key_of(entries_[i - 1]))
        lowest.offer(entries_[i].line, key_of(entries_[i]));
    return lowest.take();
  }
  if (!entries_.empty()) spill();
  std::vector<RunReader> readers;
  readers.reserve(runs_.size());
  for (const auto& run : runs_) readers.emplace_back(file_.get(), run.start, run.count);
  auto later = [&](std::size_t a, std::size_t b) {
    int order = readers[a].key.compare(readers[b].key);
    return order != 0 ? order > 0 : readers[a].line > readers[b].line;
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heads(later);
  for (std::size_t i = 0; i < readers.size(); ++i)
    if (readers[i].next()) heads.push(i);
  std::string previous;
  bool have_previous = false;
  while (!heads.empty()) {
    std::size_t i = heads.top();
    heads.pop();
    RunReader& r = readers[i];
    if (have_previous && r.key == previous)
      lowest.offer(r.line, r.key);
    else
      previous = r.key;
    have_previous = true;
    if (r.next()) heads.push(i);
  }
  return lowest.take();
}

}  // namespace samen::importer
