#pragma once
// The keys that seal sensitive fields at rest (sealed_field.hpp) and key the blind index.
// They live outside the database — a file only its owner reads, or the content of the
// environment variable SAMEN_FIELD_KEYS — so a stolen database file or backup holds
// ciphertext only. One key is current and seals new values; every key in the ring opens
// the values it sealed, which is what lets rotation run online (key_rotation.hpp).
//
// File format (text, one item a line; blank lines and lines starting with '#' are
// ignored; in the environment variable ';' may stand for a line break):
//   samen-field-keys-v1
//   index <base64url of 32 bytes>       the blind-index key: never rotated, as every
//                                       index value would change with it
//   key <id> <base64url of 32 bytes>    one per sealing key, oldest first
//   current <id>                        the key that seals new values
// The id is derived from the key (field_key_id), so a key mistyped in a copy is refused at
// load instead of failing on the first value it should open.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samen::security {

// The environment variable that may hold the keys instead of a file.
inline constexpr const char* kFieldKeysEnv = "SAMEN_FIELD_KEYS";

struct FieldKey {
  std::string id;      // 8 hex digits, named in every value it seals
  std::string secret;  // 32 raw bytes (crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
};

class FieldKeys {
 public:
  // A new ring: one sealing key, current, and an index key.
  static FieldKeys generate();
  // Throws std::runtime_error starting with `where` when the text is not a valid ring.
  static FieldKeys parse(std::string_view text, const std::string& where);
  // The file format above, with a comment saying what the file is.
  std::string serialise() const;

  const FieldKey& current() const { return keys_[current_]; }
  // nullptr when no key of the ring has this id.
  const FieldKey* find(std::string_view id) const;
  const std::vector<FieldKey>& keys() const { return keys_; }
  const std::string& index_key() const { return index_key_; }

  // A new random key, appended. Made current unless `make_current` is false: a standby key
  // every server learns before any of them seals with it (docs/operations.md). Returns
  // its id.
  std::string add_key(bool make_current = true);
  // Makes a key of the ring current; false when there is none with this id.
  bool use_key(std::string_view id);
  // Drops a key that is not current (after rotation left no value sealed with it); false
  // when it is current or unknown.
  bool retire_key(std::string_view id);

 private:
  FieldKeys() = default;
  std::vector<FieldKey> keys_;
  std::size_t current_ = 0;
  std::string index_key_;
};

// 8 hex digits of a BLAKE2b of the secret keyed with a context string.
std::string field_key_id(std::string_view secret);

// The ring in a file (mode 0600); throws std::runtime_error naming the path.
FieldKeys load_field_keys_file(const std::string& path);
// Where a command gets its keys: --field-keys FILE or SAMEN_FIELD_KEYS (`env_content`,
// nullptr or empty when unset). Both at once is refused, as one would silently lose;
// nullopt when neither is given.
std::optional<FieldKeys> resolve_field_keys(const std::string& file, const char* env_content);
// A new key file (mode 0600); refuses to overwrite one.
void write_field_keys_file(const std::string& path, const FieldKeys& keys);
// The demo's: loads the file, or creates it with a new ring when it does not exist.
FieldKeys ensure_field_keys_file(const std::string& path);
// Loads the file, lets `change` alter the ring and replaces the file atomically; returns
// the ring as written. For adding, switching and retiring keys.
FieldKeys update_field_keys_file(const std::string& path,
                                 const std::function<void(FieldKeys&)>& change);

}  // namespace samen::security
