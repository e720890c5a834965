#include "audit/verifier.hpp"

#include <algorithm>
#include <charconv>
#include <set>

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
  auto tx = store.begin_read();
  return verify_chain(*tx, expected);
}

VerifyReport verify_chain(store::ReadTx& tx, const std::optional<ChainHead>& expected,
                          const std::function<void(const store::AuditRow&)>& on_row) {
  VerifyReport report;
  report.head = ChainHead{0, kGenesisHash};
  auto fail = [&](std::int64_t seq, std::string why) {
    report.intact = false;
    report.first_bad_seq = seq;
    report.problem = std::move(why);
    return report;
  };
  std::int64_t next = 1;
  constexpr int kPage = 5000;
  for (;;) {
    auto rows = tx.audit_range(next, kPage);
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
      if (on_row) on_row(row);
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
    auto rows = tx.audit_range(expected->seq, 1);
    bool genesis = expected->seq == 0 && expected->hash == kGenesisHash;
    if (!genesis &&
        (rows.empty() || rows.front().seq != expected->seq || rows.front().hash != expected->hash))
      return fail(expected->seq,
                  "entry " + std::to_string(expected->seq) + " differs from the expected head");
  }
  return report;
}

}  // namespace samen::audit

namespace samen::audit {
namespace {

const PublicKey* key_for(const std::vector<PublicKey>& keys, const std::string& key_id) {
  for (const auto& k : keys)
    if (k.key_id == key_id) return &k;
  return nullptr;
}

// The database's checkpoints, then the held ones it no longer has (counted: deleted there).
std::vector<store::AuditCheckpoint> merge_held(std::vector<store::AuditCheckpoint> stored,
                                               const std::vector<store::AuditCheckpoint>& held,
                                               CheckpointReport& report) {
  std::set<std::string> seen;
  for (const auto& c : stored) seen.insert(c.signature);
  for (const auto& c : held) {
    if (!seen.insert(c.signature).second) continue;
    ++report.missing_from_database;
    stored.push_back(c);
  }
  std::stable_sort(stored.begin(), stored.end(),
                   [](const auto& a, const auto& b) { return a.seq < b.seq; });
  return stored;
}

std::string range(std::int64_t from, std::int64_t to) {
  return from == to ? std::to_string(from) : std::to_string(from) + " to " + std::to_string(to);
}

void describe(CheckpointReport& r) {
  if (r.missing_tail)
    r.problems.push_back("missing tail: entries " + range(r.missing_from_seq, r.missing_to_seq) +
                         " were deleted after a signed checkpoint covered them");
  if (r.rechained)
    r.problems.push_back("re-chained stretch: entries " +
                         range(r.rechained_from_seq, r.rechained_to_seq) +
                         " were rewritten after they were signed");
  if (r.bad_signatures > 0)
    r.problems.push_back(std::to_string(r.bad_signatures) +
                         " checkpoint(s) carry no valid signature of the audit key");
  if (r.missing_from_database > 0)
    r.problems.push_back(std::to_string(r.missing_from_database) +
                         " held checkpoint(s) are missing from the database (deleted there)");
}

}  // namespace

FullReport verify_with_checkpoints(store::Store& store, const std::vector<PublicKey>& keys,
                                   const std::vector<store::AuditCheckpoint>& held) {
  FullReport full;
  auto tx = store.begin_read();  // one snapshot: a checkpoint never outruns the rows read
  auto& r = full.checkpoints;
  r.configured = !keys.empty();
  if (!r.configured) {
    full.chain = verify_chain(*tx, std::nullopt);
    return full;
  }
  auto checkpoints = merge_held(tx->audit_checkpoints(), held, r);
  // The rows' hashes at the checkpoints' seqs, taken from the chain walk.
  std::map<std::int64_t, std::string> hash_at;
  for (const auto& c : checkpoints) hash_at.emplace(c.seq, std::string());
  full.chain = verify_chain(*tx, std::nullopt, [&](const store::AuditRow& row) {
    if (auto it = hash_at.find(row.seq); it != hash_at.end()) it->second = row.hash;
  });
  auto head_row = tx->audit_head();
  const std::int64_t head = head_row ? head_row->seq : 0;
  auto row_hash = [&](std::int64_t seq) -> std::string {
    if (auto it = hash_at.find(seq); it != hash_at.end() && !it->second.empty()) return it->second;
    // Past a break the walk stopped: ask for the row itself.
    auto rows = tx->audit_range(seq, 1);
    return !rows.empty() && rows.front().seq == seq ? rows.front().hash : std::string();
  };
  std::int64_t last_good_seq = 0;
  for (const auto& c : checkpoints) {
    ++r.checked;
    const PublicKey* key = key_for(keys, c.key_id);
    if (!key || !signature_valid(c, *key)) {
      ++r.bad_signatures;
      continue;
    }
    if (c.seq > head) {
      if (!r.missing_tail) r.missing_from_seq = head + 1;
      r.missing_tail = true;
      r.missing_to_seq = std::max(r.missing_to_seq, c.seq);
      continue;
    }
    bool matches = c.seq == 0 ? c.hash == kGenesisHash : row_hash(c.seq) == c.hash;
    if (!matches) {
      // The rewrite began after the last checkpoint that still matches.
      if (!r.rechained) r.rechained_from_seq = last_good_seq + 1;
      r.rechained = true;
      r.rechained_to_seq = std::max(r.rechained_to_seq, c.seq);
      continue;
    }
    if (!r.rechained) last_good_seq = c.seq;
    if (!r.last_signed || c.seq >= r.last_signed->seq) r.last_signed = c;
  }
  r.unsigned_entries = head - (r.last_signed ? r.last_signed->seq : 0);
  describe(r);
  return full;
}

}  // namespace samen::audit
