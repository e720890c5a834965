#include "security/crypto.hpp"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <stdexcept>

namespace samen::security {
namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19u * 1024u * 1024u;

const unsigned char* bytes_of(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

std::string to_hex(std::string_view raw) {
  std::string out(raw.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes_of(raw), raw.size());
  out.pop_back();
  return out;
}

std::optional<std::string> from_hex(std::string_view hex, std::size_t bytes) {
  if (hex.size() != bytes * 2) return std::nullopt;
  std::string out(bytes, '\0');
  std::size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), bytes, hex.data(), hex.size(),
                     nullptr, &len, nullptr) != 0 ||
      len != bytes)
    return std::nullopt;
  return out;
}

std::string to_base64url(std::string_view raw) {
  constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(raw.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes_of(raw), raw.size(), variant);
  out.pop_back();  // the terminating NUL
  return out;
}

std::optional<std::string> from_base64url(std::string_view text) {
  std::string out(text.size() * 3 / 4 + 1, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.data() + text.size())
    return std::nullopt;
  out.resize(len);
  return out;
}

std::optional<std::string> from_base64url_public(std::string_view text) {
  static const auto table = [] {
    std::array<signed char, 256> t{};
    t.fill(-1);
    const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < 64; ++i)
      t[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
    return t;
  }();
  // Without padding a last group of one character cannot be; two or three carry 1 or 2 bytes.
  const std::size_t tail = text.size() % 4, full = text.size() - tail;
  if (tail == 1) return std::nullopt;
  std::string out(full / 4 * 3 + (tail ? tail - 1 : 0), '\0');
  auto sextet = [&](std::size_t i) -> int { return table[static_cast<unsigned char>(text[i])]; };
  char* o = out.data();
  // Four characters at a time, one check for all four: this is the hot loop of a page.
  for (std::size_t i = 0; i < full; i += 4) {
    int a = sextet(i), b = sextet(i + 1), c = sextet(i + 2), d = sextet(i + 3);
    if ((a | b | c | d) < 0) return std::nullopt;
    auto v = static_cast<std::uint32_t>(a << 18 | b << 12 | c << 6 | d);
    o[0] = static_cast<char>(v >> 16);
    o[1] = static_cast<char>(v >> 8);
    o[2] = static_cast<char>(v);
    o += 3;
  }
  // The unused low bits of the last character must be zero: one text per byte string.
  if (tail == 2) {
    int a = sextet(full), b = sextet(full + 1);
    if ((a | b) < 0 || (b & 0x0f) != 0) return std::nullopt;
    o[0] = static_cast<char>(a << 2 | b >> 4);
  } else if (tail == 3) {
    int a = sextet(full), b = sextet(full + 1), c = sextet(full + 2);
    if ((a | b | c) < 0 || (c & 0x03) != 0) return std::nullopt;
    auto v = static_cast<std::uint32_t>(a << 12 | b << 6 | c);
    o[0] = static_cast<char>(v >> 10);
    o[1] = static_cast<char>(v >> 2);
  }
  return out;
}

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string random_token() {
  std::string bytes(32, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  return to_base64url(bytes);
}

std::string blake2b_hex(std::string_view data) { return keyed_hash_hex({}, data); }

std::string keyed_hash_hex(std::string_view key, std::string_view data) {
  unsigned char out[32];
  // BLAKE2b keys are at most 64 bytes; longer context strings are a programming error.
  if (key.size() > crypto_generichash_KEYBYTES_MAX) throw std::logic_error("hash key too long");
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size());
  return to_hex({reinterpret_cast<const char*>(out), sizeof out});
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  std::string hash(stored_hash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace samen::security
