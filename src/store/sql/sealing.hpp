#pragma once
// Encryption at rest as the store applies it: every value of a column that
// security/record_kinds.cpp declares sealed passes through here on its way in and out, so
// no store method seals or opens by itself and a new resource is protected by declaring
// its columns. The associated data is the value's place (table, column, record id), which
// is why a method that inserts a sealed value reserves the record's id first
// (SqlTx::reserve_id).
//
// Without field keys (a store opened with --allow-plaintext) values are written plain, and
// a sealed value read back is refused with a StoreError instead of being handed out as
// ciphertext. With keys, a plain value read back (written before the database was sealed,
// or while it ran without keys) is returned as it is: `samen keys rotate` seals it.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "security/field_keys.hpp"

namespace samen::store::sql {

class Sealing {
 public:
  explicit Sealing(std::shared_ptr<const security::FieldKeys> keys) : keys_(std::move(keys)) {}

  // nullptr when the store runs without keys.
  const security::FieldKeys* keys() const { return keys_.get(); }

  // The stored form of `plaintext` for `table`.`column` of record `record_id`: sealed with
  // the current key, or the plaintext itself without keys. An empty value stays empty (the
  // store keeps optional texts NULL). Throws std::logic_error for a column nobody declared
  // sealed: sealing it anyway would hide that the declaration is missing.
  std::string seal(std::string_view table, std::string_view column, std::string_view record_id,
                   std::string_view plaintext) const;
  // The plaintext of what was read from `table`.`column` of record `record_id`. Throws
  // StoreError (never naming the value) when it does not open, or when it is sealed and the
  // store has no keys.
  std::string open(std::string_view table, std::string_view column, std::string_view record_id,
                   std::string stored) const;
  // The blind index the declaration keeps beside `table`.`column` for this plaintext;
  // nullopt when the column has none, the plaintext cannot be indexed, or there are no keys.
  std::optional<std::string> blind_index(std::string_view table, std::string_view column,
                                         std::string_view plaintext) const;

 private:
  std::shared_ptr<const security::FieldKeys> keys_;
};

}  // namespace samen::store::sql
