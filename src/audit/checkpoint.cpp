#include "audit/checkpoint.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "security/crypto.hpp"
#include "security/private_file.hpp"

namespace samen::audit {
namespace {

namespace json = boost::json;
using security::from_hex;
using security::to_hex;

constexpr const char* kKeyHeader = "samen-audit-key-v1";
constexpr const char* kFileFormat = "samen-audit-checkpoints-v1";

void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

// What is signed: every field of the checkpoint, length-prefixed as in the chain's
// canonical form, so no two checkpoints encode alike.
std::string signed_message(std::int64_t seq, const std::string& hash, const std::string& at,
                           const std::string& key_id) {
  std::string out = "samen-audit-checkpoint-v1;";
  put(out, std::to_string(seq));
  put(out, hash);
  put(out, at);
  put(out, key_id);
  return out;
}

}  // namespace

std::string key_id_of(const std::string& raw_public_key) {
  return security::blake2b_hex(raw_public_key).substr(0, 16);
}

std::string public_key_hex(const std::string& raw) { return to_hex(raw); }

AuditKey generate_audit_key() {
  AuditKey key;
  key.public_key.resize(crypto_sign_PUBLICKEYBYTES);
  key.secret_key.resize(crypto_sign_SECRETKEYBYTES);
  crypto_sign_keypair(reinterpret_cast<unsigned char*>(key.public_key.data()),
                      reinterpret_cast<unsigned char*>(key.secret_key.data()));
  key.key_id = key_id_of(key.public_key);
  return key;
}

void write_audit_key(const std::string& path, const AuditKey& key) {
  security::write_new_private_file(path,
                                   std::string(kKeyHeader) + "\n" + to_hex(key.secret_key) + "\n");
}

AuditKey load_audit_key(const std::string& path) {
  std::istringstream in(security::read_private_file(
      path, "audit key", "create one with `samen audit keygen --out " + path + "`"));
  std::string header, hex;
  std::getline(in, header);
  std::getline(in, hex);
  auto secret = from_hex(hex, crypto_sign_SECRETKEYBYTES);
  if (header != kKeyHeader || !secret)
    throw std::runtime_error("audit key " + path + " is not a samen audit key");
  AuditKey key;
  key.secret_key = *secret;
  key.public_key.resize(crypto_sign_PUBLICKEYBYTES);
  crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char*>(key.public_key.data()),
                               reinterpret_cast<const unsigned char*>(key.secret_key.data()));
  key.key_id = key_id_of(key.public_key);
  return key;
}

std::optional<PublicKey> parse_public_key(const std::string& hex) {
  auto raw = from_hex(hex, crypto_sign_PUBLICKEYBYTES);
  if (!raw) return std::nullopt;
  return PublicKey{*raw, key_id_of(*raw)};
}

store::AuditCheckpoint sign_checkpoint(const AuditKey& key, std::int64_t seq,
                                       const std::string& hash, const std::string& at) {
  store::AuditCheckpoint c{seq, hash, at, key.key_id, {}};
  std::string message = signed_message(seq, hash, at, key.key_id);
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(key.secret_key.data()));
  c.signature = to_hex(signature);
  return c;
}

bool signature_valid(const store::AuditCheckpoint& c, const PublicKey& key) {
  if (c.key_id != key.key_id) return false;
  auto signature = from_hex(c.signature, crypto_sign_BYTES);
  if (!signature) return false;
  std::string message = signed_message(c.seq, c.hash, c.at, c.key_id);
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature->data()),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(),
                                     reinterpret_cast<const unsigned char*>(key.raw.data())) == 0;
}

std::string checkpoint_file_beside(const std::string& key_path) {
  return key_path + ".checkpoints";
}

std::string checkpoint_file_header(const std::string& raw_public_key) {
  return json::serialize(json::object{{"format", kFileFormat},
                                      {"public_key", to_hex(raw_public_key)},
                                      {"key_id", key_id_of(raw_public_key)}}) +
         "\n";
}

std::string checkpoint_line(const store::AuditCheckpoint& c) {
  return json::serialize(json::object{{"seq", c.seq},
                                      {"hash", c.hash},
                                      {"at", c.at},
                                      {"key_id", c.key_id},
                                      {"signature", c.signature}}) +
         "\n";
}

void append_checkpoint_file(const std::string& path, const std::string& raw_public_key,
                            const store::AuditCheckpoint& checkpoint) {
  bool fresh = ::access(path.c_str(), F_OK) != 0;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  security::write_all_and_sync(
      fd, (fresh ? checkpoint_file_header(raw_public_key) : "") + checkpoint_line(checkpoint),
      path);
}

HeldCheckpoints read_checkpoint_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  HeldCheckpoints held;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    auto where = path + " line " + std::to_string(number);
    boost::system::error_code ec;
    auto value = json::parse(line, ec);
    if (ec || !value.is_object()) throw std::runtime_error(where + " is not a JSON object");
    const auto& o = value.as_object();
    auto text = [&](const char* name) -> std::string {
      auto* v = o.if_contains(name);
      if (!v || !v->is_string()) throw std::runtime_error(where + " has no " + name);
      return std::string(v->as_string());
    };
    if (o.contains("format")) {
      if (text("format") != kFileFormat)
        throw std::runtime_error(where + " is not a samen checkpoint file");
      auto key = parse_public_key(text("public_key"));
      if (!key) throw std::runtime_error(where + " has a malformed public key");
      held.public_keys.push_back(*key);
      continue;
    }
    auto* seq = o.if_contains("seq");
    if (!seq || !seq->is_int64()) throw std::runtime_error(where + " has no seq");
    held.checkpoints.push_back(
        {seq->as_int64(), text("hash"), text("at"), text("key_id"), text("signature")});
  }
  return held;
}

}  // namespace samen::audit
