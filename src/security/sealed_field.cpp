#include "security/sealed_field.hpp"

#include <sodium.h>

#include <stdexcept>

#include "domain/bsn.hpp"
#include "security/crypto.hpp"

namespace samen::security {
namespace {

constexpr std::string_view kVersion = "enc1:";
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kIndexBytes = 16;

const unsigned char* bytes_of(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
unsigned char* bytes_of(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

// The format and key id are authenticated too: a value whose prefix was edited does not
// open, even under a key that happens to match.
std::string full_associated_data(std::string_view prefix, std::string_view associated_data) {
  std::string out(prefix);
  out += associated_data;
  return out;
}

Error failure(const char* code, std::string message) { return Error{code, std::move(message), {}}; }

}  // namespace

std::string field_associated_data(std::string_view table, std::string_view column,
                                  std::string_view record_id) {
  if (table.find('/') != std::string_view::npos || column.find('/') != std::string_view::npos)
    throw std::logic_error("a table or column name with '/' makes associated data ambiguous");
  std::string out;
  out.reserve(table.size() + column.size() + record_id.size() + 2);
  out += table;
  out += '/';
  out += column;
  out += '/';
  out += record_id;
  return out;
}

std::string sealed_prefix(std::string_view key_id) {
  std::string out(kVersion);
  out += key_id;
  out += ':';
  return out;
}

std::string seal_field(const FieldKeys& keys, std::string_view plaintext,
                       std::string_view associated_data) {
  const auto& key = keys.current();
  auto prefix = sealed_prefix(key.id);
  auto ad = full_associated_data(prefix, associated_data);
  std::string box(kNonceBytes + plaintext.size() + kTagBytes, '\0');
  randombytes_buf(box.data(), kNonceBytes);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      bytes_of(box) + kNonceBytes, &written, bytes_of(plaintext), plaintext.size(), bytes_of(ad),
      ad.size(), nullptr, bytes_of(box), bytes_of(key.secret));
  return prefix + to_base64url(box);
}

bool is_sealed(std::string_view value) { return value.starts_with(kVersion); }

std::optional<std::string_view> sealed_key_id(std::string_view value) {
  if (!is_sealed(value)) return std::nullopt;
  auto rest = value.substr(kVersion.size());
  auto colon = rest.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return rest.substr(0, colon);
}

Result<std::string> open_field(const FieldKeys& keys, std::string_view sealed,
                               std::string_view associated_data) {
  auto id = sealed_key_id(sealed);
  if (!id)
    return failure("sealed_malformed", "the value is not sealed in a format this build reads");
  const auto* key = keys.find(*id);
  if (!key)
    return failure("sealed_unknown_key", "the value is sealed with key " + std::string(*id) +
                                             ", which is not in the field keys");
  auto prefix_size = kVersion.size() + id->size() + 1;
  auto box = from_base64url_public(sealed.substr(prefix_size));
  if (!box || box->size() < kNonceBytes + kTagBytes)
    return failure("sealed_malformed", "the sealed value is cut short or not base64url");
  auto ad = full_associated_data(sealed.substr(0, prefix_size), associated_data);
  std::string plaintext(box->size() - kNonceBytes - kTagBytes, '\0');
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(bytes_of(plaintext), &length, nullptr,
                                                 bytes_of(*box) + kNonceBytes,
                                                 box->size() - kNonceBytes, bytes_of(ad), ad.size(),
                                                 bytes_of(*box), bytes_of(key->secret)) != 0)
    return failure("sealed_not_genuine",
                   "the sealed value does not open: it was changed, or belongs to another place");
  plaintext.resize(length);
  return plaintext;
}

std::string seal_column(const FieldKeys& keys, std::string_view table, std::string_view column,
                        std::string_view record_id, std::string_view plaintext) {
  return seal_field(keys, plaintext, field_associated_data(table, column, record_id));
}

std::string open_column(const FieldKeys& keys, std::string_view table, std::string_view column,
                        std::string_view record_id, std::string_view sealed) {
  auto opened = open_field(keys, sealed, field_associated_data(table, column, record_id));
  if (!opened)
    throw SealedFieldError(opened.error().code, std::string(table) + "." + std::string(column) +
                                                    " of record " + std::string(record_id) + ": " +
                                                    opened.error().message);
  return std::move(opened.value());
}

std::string blind_index(const FieldKeys& keys, std::string_view purpose, std::string_view value) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, bytes_of(keys.index_key()), keys.index_key().size(), kIndexBytes);
  // Length-prefixed purpose, so ("ab", "c") and ("a", "bc") never hash alike.
  unsigned char length = static_cast<unsigned char>(purpose.size());
  if (purpose.size() > 255) throw std::logic_error("blind index purpose too long");
  crypto_generichash_update(&state, &length, 1);
  crypto_generichash_update(&state, bytes_of(purpose), purpose.size());
  crypto_generichash_update(&state, bytes_of(value), value.size());
  std::string digest(kIndexBytes, '\0');
  crypto_generichash_final(&state, bytes_of(digest), digest.size());
  return to_hex(digest);
}

std::optional<std::string> bsn_blind_index(const FieldKeys& keys, std::string_view bsn) {
  auto normal = domain::normalise_bsn(bsn);
  if (!normal) return std::nullopt;
  return blind_index(keys, "bsn", *normal);
}

}  // namespace samen::security
