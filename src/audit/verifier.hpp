#pragma once
// Checks the audit chain end to end: every row's prev_hash is its predecessor's hash, every
// hash recomputes from the row's content, sequence numbers have no gaps. With an expected
// head (seq and hash noted earlier, e.g. in an external log) it also detects a truncated
// tail, which the chain alone cannot.
//
// With signed checkpoints (audit/checkpoint.hpp) it also detects what the chain alone
// cannot: a checkpoint beyond the head means rows were deleted after a signed head
// ("missing tail"); a checkpoint whose hash differs from the row's at its seq means a
// stretch was rewritten and re-chained. Both are read in one snapshot with the chain.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/checkpoint.hpp"
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

struct CheckpointReport {
  bool configured = false;  // a public key to check against was given
  int checked = 0;          // checkpoints examined
  int bad_signatures = 0;   // not signed by a known key, or altered
  // Checkpoints in a held copy that the database no longer has: deleted there.
  int missing_from_database = 0;
  std::optional<store::AuditCheckpoint> last_signed;  // highest valid one on the chain
  bool missing_tail = false;
  std::int64_t missing_from_seq = 0, missing_to_seq = 0;
  bool rechained = false;
  std::int64_t rechained_from_seq = 0, rechained_to_seq = 0;
  std::int64_t unsigned_entries = 0;  // after the last signed checkpoint: not yet protected
  bool ok() const {
    return bad_signatures == 0 && missing_from_database == 0 && !missing_tail && !rechained;
  }
  std::vector<std::string> problems;  // in words, one per finding
};

struct FullReport {
  VerifyReport chain;
  CheckpointReport checkpoints;
};

std::optional<ChainHead> parse_head(const std::string& text);  // "SEQ:HASH"
std::string format_head(const ChainHead& head);

VerifyReport verify_chain(store::Store& store, const std::optional<ChainHead>& expected);
// `on_row` sees every row that links up, in order (the checkpoint check takes its hashes
// from the same walk instead of one query per checkpoint).
VerifyReport verify_chain(store::ReadTx& tx, const std::optional<ChainHead>& expected,
                          const std::function<void(const store::AuditRow&)>& on_row = {});

// The chain and the checkpoints of the database, plus `held` ones (an exported copy), all
// checked against `keys`; with no keys, only the chain is checked (configured = false).
FullReport verify_with_checkpoints(store::Store& store, const std::vector<PublicKey>& keys,
                                   const std::vector<store::AuditCheckpoint>& held = {});

}  // namespace samen::audit
