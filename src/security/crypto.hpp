#pragma once
// Thin wrappers over libsodium for the few primitives Samen uses: random tokens, BLAKE2b
// hashes and argon2id password hashes, and the encodings keys and digests are written in.
// Call init_crypto() once before anything else.
#include <optional>
#include <string>
#include <string_view>

namespace samen::security {

void init_crypto();

// 32 random bytes, base64url without padding: session tokens, invitation tokens.
std::string random_token();
// BLAKE2b-256 of data, lower-case hex.
std::string blake2b_hex(std::string_view data);
// BLAKE2b-256 keyed with a context string: distinct purposes never share a digest.
std::string keyed_hash_hex(std::string_view key, std::string_view data);
bool constant_time_equal(std::string_view a, std::string_view b);

// Lower-case hex, and back: nullopt unless `hex` is exactly `bytes` bytes of hex.
std::string to_hex(std::string_view raw);
std::optional<std::string> from_hex(std::string_view hex, std::size_t bytes);
// base64url without padding (RFC 4648 §5), and back: nullopt when malformed.
std::string to_base64url(std::string_view raw);
std::optional<std::string> from_base64url(std::string_view text);
// The same decoding by table lookup, for what is not secret (sealed values' ciphertext, read
// 25 times per chronology page): libsodium's decoder takes constant time per character,
// which keys need and ciphertext does not, and costs several times more. On ASCII it
// accepts and refuses what from_base64url does; bytes above 127 it refuses (libsodium
// reads some of them as letters).
std::optional<std::string> from_base64url_public(std::string_view text);

// argon2id at the OWASP-recommended settings (19 MiB, t=2, p=1). Slow on purpose: call it
// off the network threads.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view stored_hash, std::string_view password);

}  // namespace samen::security
