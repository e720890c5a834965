#include "audit/verifier.hpp"

#include <charconv>

#include "audit/audit_entry.hpp"

namespace samen::audit {

std::optional<ChainHead> parse_head(const std::string& text) {
  auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  ChainHead head;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + colon, head.seq);
  if (ec != std::errc{} || ptr != text.data() + colon || head.seq < 0) return std::nullopt;
  head.hash = text.substr(colon + 1);
  if (head.hash.size() != 64) return std::nullopt;
  return head;
}

std::string format_head(const ChainHead& head) {
  return std::to_string(head.seq) + ":" + head.hash;
}

VerifyReport verify_chain(store::Store& store, const std::optional<ChainHead>& expected) {
  VerifyReport report;
  report.head = ChainHead{0, kGenesisHash};
  auto tx = store.begin_read();
  auto fail = [&](std::int64_t seq, std::string why) {
    report.intact = false;
    report.first_bad_seq = seq;
    report.problem = std::move(why);
    return report;
  };
  std::int64_t next = 1;
  constexpr int kPage = 5000;
  for (;;) {
    auto rows = tx->audit_range(next, kPage);
    if (rows.empty()) break;
    for (const auto& row : rows) {
      if (row.seq != next)
        return fail(next, row.seq > next ? "entry " + std::to_string(next) + " is missing"
                                         : "entries are out of order");
      if (row.prev_hash != report.head.hash)
        return fail(row.seq, "entry does not link to the entry before it");
      if (chain_hash(row.prev_hash, row) != row.hash)
        return fail(row.seq, "entry content does not match its hash");
      report.head = ChainHead{row.seq, row.hash};
      ++report.entries;
      ++next;
    }
  }
  if (expected) {
    if (report.head.seq < expected->seq)
      return fail(report.head.seq + 1, "the log ends at " + std::to_string(report.head.seq) +
                                           " but the expected head is " +
                                           std::to_string(expected->seq) + " (truncated)");
    // Find the expected seq again and compare its hash.
    auto rows = tx->audit_range(expected->seq, 1);
    bool genesis = expected->seq == 0 && expected->hash == kGenesisHash;
    if (!genesis &&
        (rows.empty() || rows.front().seq != expected->seq || rows.front().hash != expected->hash))
      return fail(expected->seq,
                  "entry " + std::to_string(expected->seq) + " differs from the expected head");
  }
  return report;
}

}  // namespace samen::audit
