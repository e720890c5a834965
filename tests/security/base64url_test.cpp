// The table decoder for public data must accept and refuse what libsodium's constant-time
// decoder does on ASCII, so that a sealed value reads the same on every path; bytes above
// 127 it refuses (libsodium reads some of them as letters).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "security/crypto.hpp"

namespace samen::security {
namespace {

class Base64url : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init_crypto(); }
};

TEST_F(Base64url, BothDecodersReadEveryEncodingBack) {
  std::mt19937 random(12);
  for (std::size_t size = 0; size < 200; ++size) {
    std::string raw(size, '\0');
    for (auto& c : raw) c = static_cast<char>(random() & 0xff);
    auto text = to_base64url(raw);
    EXPECT_EQ(from_base64url_public(text), std::optional<std::string>(raw)) << text;
    EXPECT_EQ(from_base64url(text), std::optional<std::string>(raw)) << text;
  }
}

TEST_F(Base64url, BothDecodersAgreeOnEveryShortText) {
  // Every text of up to three characters over letters, digits, both alphabets' extra
  // characters, padding and a space: lengths that cannot be, trailing bits that are not
  // zero, characters of the other alphabet.
  const std::string chars = "AQgw_-+/= 9z";
  std::vector<std::string> texts{""};
  for (int length = 1; length <= 3; ++length) {
    std::vector<std::string> longer;
    for (const auto& t : texts)
      if (t.size() == static_cast<std::size_t>(length - 1))
        for (char c : chars) longer.push_back(t + c);
    texts.insert(texts.end(), longer.begin(), longer.end());
  }
  int accepted = 0;
  for (const auto& t : texts) {
    auto fast = from_base64url_public(t);
    EXPECT_EQ(fast, from_base64url(t)) << "'" << t << "'";
    accepted += fast.has_value();
  }
  EXPECT_GT(accepted, 10);  // the test also sees texts that are accepted
  EXPECT_LT(accepted, static_cast<int>(texts.size()) / 2);
}

TEST_F(Base64url, BothDecodersAgreeOnChangedEncodings) {
  std::mt19937 random(7);
  const std::string others = "=+/ .\n\x7f";
  for (int i = 0; i < 2000; ++i) {
    std::string raw(1 + random() % 40, '\0');
    for (auto& c : raw) c = static_cast<char>(random() & 0xff);
    auto text = to_base64url(raw);
    auto at = random() % text.size();
    switch (i % 3) {
      case 0:
        text[at] = others[random() % others.size()];
        break;
      case 1:
        text.erase(at, 1);
        break;
      default:
        text.insert(at, 1, "Ab_-"[random() % 4]);
        break;
    }
    EXPECT_EQ(from_base64url_public(text), from_base64url(text)) << text;
  }
}

TEST_F(Base64url, TheTableDecoderRefusesBytesOutsideTheAlphabet) {
  for (int byte = 128; byte < 256; ++byte)
    EXPECT_EQ(from_base64url_public(std::string("QU") + static_cast<char>(byte) + "E"),
              std::nullopt)
        << byte;
  EXPECT_EQ(from_base64url_public("QUJD"), std::optional<std::string>("ABC"));
}

}  // namespace
}  // namespace samen::security
