#include "security/field_keys.hpp"

#include <sodium.h>

#include <filesystem>
#include <stdexcept>

#include "domain/text.hpp"
#include "security/crypto.hpp"
#include "security/private_file.hpp"

namespace samen::security {
namespace {

constexpr std::string_view kHeader = "samen-field-keys-v1";
constexpr std::size_t kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
static_assert(kKeyBytes == 32 && crypto_generichash_KEYBYTES >= 32);

std::string random_secret() {
  std::string secret(kKeyBytes, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  return words;
}

// Lines of the file, or of the environment variable where ';' also ends a line.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == ';') {
      auto line = domain::trim(text.substr(start, i - start));
      if (!line.empty() && line.front() != '#') lines.push_back(line);
      start = i + 1;
    }
  }
  return lines;
}

std::string parse_secret(std::string_view text, const std::string& where) {
  auto secret = from_base64url(text);
  if (!secret || secret->size() != kKeyBytes)
    throw std::runtime_error(where + ": a key must be 32 bytes in base64url");
  return *secret;
}

}  // namespace

std::string field_key_id(std::string_view secret) {
  return keyed_hash_hex("samen-field-key-id-v1", secret).substr(0, 8);
}

FieldKeys FieldKeys::generate() {
  FieldKeys ring;
  ring.index_key_ = random_secret();
  ring.add_key(true);
  return ring;
}

FieldKeys FieldKeys::parse(std::string_view text, const std::string& where) {
  auto lines = lines_of(text);
  if (lines.empty() || lines.front() != kHeader)
    throw std::runtime_error(where + " is not a samen field key file (no " + std::string(kHeader) +
                             " line)");
  FieldKeys ring;
  std::optional<std::string> current;
  for (std::size_t n = 1; n < lines.size(); ++n) {
    auto words = words_of(lines[n]);
    auto at = where + ": the line '" + std::string(words[0]) + " …'";
    if (words[0] == "index" && words.size() == 2 && ring.index_key_.empty()) {
      ring.index_key_ = parse_secret(words[1], at);
    } else if (words[0] == "key" && words.size() == 3) {
      FieldKey key{std::string(words[1]), parse_secret(words[2], at)};
      if (field_key_id(key.secret) != key.id)
        throw std::runtime_error(at + ": key " + key.id +
                                 " does not match its id (a mistyped copy?)");
      if (ring.find(key.id)) throw std::runtime_error(at + ": key " + key.id + " appears twice");
      ring.keys_.push_back(std::move(key));
    } else if (words[0] == "current" && words.size() == 2 && !current) {
      current = std::string(words[1]);
    } else {
      throw std::runtime_error(at + " is not understood (or repeats a line given once)");
    }
  }
  if (ring.index_key_.empty()) throw std::runtime_error(where + " has no index key line");
  if (!current) throw std::runtime_error(where + " has no 'current <id>' line");
  if (!ring.use_key(*current))
    throw std::runtime_error(where + ": the current key " + *current + " is not in the file");
  return ring;
}

std::string FieldKeys::serialise() const {
  std::string out = std::string(kHeader) + "\n";
  out +=
      "# Samen's field keys: they open every BSN and case text in the database and its\n"
      "# backups. Keep this file (mode 0600) outside the database and back it up apart from\n"
      "# it. Never delete a key while values sealed with it remain (samen keys rotate).\n";
  out += "index " + to_base64url(index_key_) + "\n";
  for (const auto& key : keys_) out += "key " + key.id + " " + to_base64url(key.secret) + "\n";
  out += "current " + current().id + "\n";
  return out;
}

const FieldKey* FieldKeys::find(std::string_view id) const {
  for (const auto& key : keys_)
    if (key.id == id) return &key;
  return nullptr;
}

std::string FieldKeys::add_key(bool make_current) {
  FieldKey key;
  do {
    key.secret = random_secret();
    key.id = field_key_id(key.secret);
  } while (find(key.id));  // 32-bit ids: a collision within one ring is rare, not impossible
  keys_.push_back(key);
  if (make_current) current_ = keys_.size() - 1;
  return key.id;
}

bool FieldKeys::use_key(std::string_view id) {
  for (std::size_t i = 0; i < keys_.size(); ++i)
    if (keys_[i].id == id) {
      current_ = i;
      return true;
    }
  return false;
}

bool FieldKeys::retire_key(std::string_view id) {
  const auto* key = find(id);
  if (!key || key == &current()) return false;
  std::string current_id = current().id;
  keys_.erase(keys_.begin() + (key - keys_.data()));
  use_key(current_id);
  return true;
}

FieldKeys load_field_keys_file(const std::string& path) {
  auto text = read_private_file(path, "field keys",
                                "create them with `samen keys init --file " + path + "`");
  return FieldKeys::parse(text, "field keys " + path);
}

std::optional<FieldKeys> resolve_field_keys(const std::string& file, const char* env_content) {
  bool from_env = env_content && *env_content;
  if (!file.empty() && from_env)
    throw std::runtime_error(std::string("both --field-keys and ") + kFieldKeysEnv +
                             " are given: keep one");
  if (!file.empty()) return load_field_keys_file(file);
  if (from_env) return FieldKeys::parse(env_content, kFieldKeysEnv);
  return std::nullopt;
}

void write_field_keys_file(const std::string& path, const FieldKeys& keys) {
  write_new_private_file(path, keys.serialise());
}

FieldKeys ensure_field_keys_file(const std::string& path) {
  if (std::filesystem::exists(path)) return load_field_keys_file(path);
  auto keys = FieldKeys::generate();
  write_field_keys_file(path, keys);
  return keys;
}

FieldKeys update_field_keys_file(const std::string& path,
                                 const std::function<void(FieldKeys&)>& change) {
  auto keys = load_field_keys_file(path);
  change(keys);
  replace_private_file(path, keys.serialise());
  return keys;
}

}  // namespace samen::security
