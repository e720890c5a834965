#pragma once
// Signed checkpoints of the audit chain. The chain alone proves only that its rows agree
// with each other: whoever can write the database can delete the tail or rewrite a stretch
// and recompute every hash. A checkpoint is the server's Ed25519 signature over
// (seq, head hash, time, key id), made with a key kept in a file outside the database; a
// row deleted or re-chained after a checkpoint no longer matches it, and without the key
// no new checkpoint can be made for the rewritten chain.
//
// The key file holds the 64-byte secret key in hex (mode 0600). Several servers of one
// deployment share the key, so their checkpoints verify with one public key; the key id
// (first 16 hex digits of BLAKE2b(public key)) says which key signed, for rotation.
//
// The checkpoint file (JSON lines) is what a second party holds: a first line with the
// public key, then one line per checkpoint. The server appends to one beside its key, and
// `samen audit checkpoints export` writes the same format from the database.
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace samen::audit {

struct AuditKey {
  std::string secret_key;  // raw, crypto_sign_SECRETKEYBYTES
  std::string public_key;  // raw, crypto_sign_PUBLICKEYBYTES
  std::string key_id;
};

struct PublicKey {
  std::string raw;
  std::string key_id;
};

AuditKey generate_audit_key();
// Writes a new key file with mode 0600; refuses to overwrite one. Throws std::runtime_error.
void write_audit_key(const std::string& path, const AuditKey& key);
// Throws std::runtime_error naming the path when the file is missing, malformed, or
// readable by others than its owner.
AuditKey load_audit_key(const std::string& path);
// From 64 hex digits; nullopt when malformed.
std::optional<PublicKey> parse_public_key(const std::string& hex);
std::string public_key_hex(const std::string& raw);
std::string key_id_of(const std::string& raw_public_key);

store::AuditCheckpoint sign_checkpoint(const AuditKey& key, std::int64_t seq,
                                       const std::string& hash, const std::string& at);
bool signature_valid(const store::AuditCheckpoint& checkpoint, const PublicKey& key);

// The checkpoint file beside a key file: "<key>.checkpoints".
std::string checkpoint_file_beside(const std::string& key_path);
struct HeldCheckpoints {
  std::vector<PublicKey> public_keys;
  std::vector<store::AuditCheckpoint> checkpoints;
};
std::string checkpoint_file_header(const std::string& raw_public_key);
std::string checkpoint_line(const store::AuditCheckpoint& checkpoint);
// Appends one line (and the header first if the file is new), flushed to disk.
void append_checkpoint_file(const std::string& path, const std::string& raw_public_key,
                            const store::AuditCheckpoint& checkpoint);
// Throws std::runtime_error naming the file and line when it cannot be read.
HeldCheckpoints read_checkpoint_file(const std::string& path);

}  // namespace samen::audit
