#pragma once
// Checks the audit chain end to end: every row's prev_hash is its predecessor's hash, every
// hash recomputes from the row's content, sequence numbers have no gaps. With an expected
// head (seq and hash noted earlier, e.g. in an external log) it also detects a truncated
// tail, which the chain alone cannot.
#include <cstdint>
#include <optional>
#include <string>

#include "store/store.hpp"

namespace samen::audit {

struct ChainHead {
  std::int64_t seq = 0;
  std::string hash;
};

struct VerifyReport {
  bool intact = true;
  std::int64_t entries = 0;
  ChainHead head;
  std::int64_t first_bad_seq = 0;  // set when !intact
  std::string problem;
};

std::optional<ChainHead> parse_head(const std::string& text);  // "SEQ:HASH"
std::string format_head(const ChainHead& head);

VerifyReport verify_chain(store::Store& store, const std::optional<ChainHead>& expected);

}  // namespace samen::audit
