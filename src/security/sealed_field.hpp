#pragma once
// Sealing one sensitive field for storage: libsodium's XChaCha20-Poly1305 (IETF) with a
// random 192-bit nonce, under the ring's current key, bound by associated data to where
// the value lives (table, column, record id), so a value copied onto another record or
// column no longer opens. The sealed value is text and names its format and key:
//
//   enc1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>
//
// so any reader with the ring opens it, a rotation finds what is left to re-seal by the
// key id alone, and `samen copy` and backups carry it as an ordinary string.
//
// The blind index is a keyed BLAKE2b of a normalised value under the ring's index key:
// equal inputs give equal index values (exact-match search), and without the key the
// index says nothing, not even by trying all 10^9 BSNs.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "security/field_keys.hpp"

namespace samen::security {

// What binds a value to its place: "table/column/record_id". Table and column names are
// identifiers (no '/'), so no two places give the same text.
std::string field_associated_data(std::string_view table, std::string_view column,
                                  std::string_view record_id);

// Seals with keys.current(); a new nonce each time, so equal plaintexts seal differently.
std::string seal_field(const FieldKeys& keys, std::string_view plaintext,
                       std::string_view associated_data);

// The plaintext, or an Error with code
//   sealed_malformed    not a sealed value of a format this build reads
//   sealed_unknown_key  sealed with a key that is not in the ring (message names the id)
//   sealed_not_genuine  the value, or the place it was bound to, was changed
// None of these is the user's doing: the store turns them into a server error.
Result<std::string> open_field(const FieldKeys& keys, std::string_view sealed,
                               std::string_view associated_data);

// The store's two calls, per column of a record kind: seal the plaintext of
// `table`.`column` of record `record_id`, and open what it read back. open_column throws
// SealedFieldError, whose message names the place and the error code but never the value.
std::string seal_column(const FieldKeys& keys, std::string_view table, std::string_view column,
                        std::string_view record_id, std::string_view plaintext);
std::string open_column(const FieldKeys& keys, std::string_view table, std::string_view column,
                        std::string_view record_id, std::string_view sealed);
struct SealedFieldError : std::runtime_error {
  SealedFieldError(std::string code, const std::string& message)
      : std::runtime_error(message), code(std::move(code)) {}
  std::string code;  // as open_field's
};

// True when `value` has the sealed format's prefix (it may still fail to open).
bool is_sealed(std::string_view value);
// The key id a sealed value names; nullopt when it is not sealed.
std::optional<std::string_view> sealed_key_id(std::string_view value);
// "enc1:<id>:": the prefix of every value sealed with key `key_id`. The store finds what
// a rotation has left with `NOT LIKE prefix || '%'`.
std::string sealed_prefix(std::string_view key_id);

// Keyed BLAKE2b-128 of `purpose` and `value` under the index key, lower-case hex (32
// digits). The purpose keeps indexes of different things apart.
std::string blind_index(const FieldKeys& keys, std::string_view purpose, std::string_view value);
// The blind index of a BSN in its normal form (domain::normalise_bsn); nullopt when
// `bsn` is not a valid BSN, which then matches nothing.
std::optional<std::string> bsn_blind_index(const FieldKeys& keys, std::string_view bsn);

}  // namespace samen::security
