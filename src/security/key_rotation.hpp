#pragma once
// Re-sealing every sensitive value with the current field key, online and resumable,
// whichever database holds them. The store offers its sealed columns through
// SealedValueSource; rotate_field_keys walks each column in record-id order, a batch at a
// time, opens what is sealed with another key (or not sealed at all: data written before
// sealing existed), seals it with the current key and writes the batch back in one
// transaction. Nothing records progress but the values themselves: each names its key,
// so a rotation that was stopped or crashed is resumed by running it again, and it finds
// only what is left. Writers carry on meanwhile; they seal with the current key already,
// and a write-back never overwrites a value that changed after it was read.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "security/field_keys.hpp"
#include "security/record_kinds.hpp"

namespace samen::security {

// A value as the store holds it (never NULL: NULLs are not sealed and not listed).
struct StoredValue {
  std::int64_t record_id = 0;
  std::string value;
};

struct ResealedValue {
  std::int64_t record_id = 0;
  std::string old_value;  // written only where the column still holds exactly this
  std::string new_value;
  // For a column with a blind index: the index to store beside it (nullopt: NULL).
  std::optional<std::string> blind_index;
};

// What the store implements (one class for both backends, over its connection seam).
class SealedValueSource {
 public:
  virtual ~SealedValueSource() = default;
  // Up to `limit` non-NULL values of `column` with record id > `after`, by id, whose value
  // does not start with sealed_prefix(current_key_id). A read transaction of its own.
  virtual std::vector<StoredValue> values_to_reseal(const SensitiveColumn& column,
                                                    std::string_view current_key_id,
                                                    std::int64_t after, std::size_t limit) = 0;
  // Writes `batch` in one write transaction: each new value (and its blind index) where
  // the stored value is still old_value. Returns how many rows it changed.
  virtual std::size_t write_resealed(const SensitiveColumn& column,
                                     const std::vector<ResealedValue>& batch) = 0;
};

struct RotationProgress {
  std::string_view table, column;
  std::int64_t after = 0;    // the last record id done in this column
  std::size_t resealed = 0;  // values written so far, all columns
};

struct RotationOptions {
  std::size_t batch_size = 500;
  std::vector<SensitiveColumn> columns = sensitive_columns();
  std::function<void(const RotationProgress&)> on_batch;  // after each committed batch
  std::function<bool()> stop_requested;                   // asked before each batch
};

struct RotationReport {
  std::size_t resealed = 0;                     // written with the current key
  std::size_t sealed_plain = 0;                 // of which were not sealed before
  std::size_t changed_meanwhile = 0;            // rewritten by someone else between read and write
  std::map<std::string, std::size_t> from_key;  // key id → values opened with it
  bool complete = false;                        // false when stopped before the end
};

// A value that does not open (an unknown key, or changed): the rotation stops there, as
// going on would leave a value nobody can read. What was written before stays written.
struct RotationError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

RotationReport rotate_field_keys(const FieldKeys& keys, SealedValueSource& source,
                                 const RotationOptions& options = {});

}  // namespace samen::security
