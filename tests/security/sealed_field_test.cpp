#include "security/sealed_field.hpp"

#include <gtest/gtest.h>

#include "security/crypto.hpp"

namespace samen::testing {
namespace {

using security::FieldKeys;

const std::string kEntry(600, 'x');

std::string ad(std::string_view id = "42") {
  return security::field_associated_data("entries", "text", id);
}

TEST(SealedField, ARoundTripGivesThePlaintextBack) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  for (std::string plaintext : {std::string(), std::string("123456782"), kEntry,
                                std::string("Gesprek met moeder \xe2\x80\x94 zorgen om slaap")}) {
    auto sealed = security::seal_field(keys, plaintext, ad());
    EXPECT_TRUE(security::is_sealed(sealed));
    EXPECT_EQ(security::sealed_key_id(sealed), keys.current().id);
    EXPECT_TRUE(sealed.starts_with(security::sealed_prefix(keys.current().id)));
    if (!plaintext.empty()) {
      EXPECT_EQ(sealed.find(plaintext), std::string::npos);
    }
    auto opened = security::open_field(keys, sealed, ad());
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(*opened, plaintext);
  }
}

TEST(SealedField, EqualPlaintextsSealDifferently) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  EXPECT_NE(security::seal_field(keys, "123456782", ad()),
            security::seal_field(keys, "123456782", ad()));
}

TEST(SealedField, AnyChangeIsDetected) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto sealed = security::seal_field(keys, kEntry, ad());
  auto prefix = security::sealed_prefix(keys.current().id).size();
  // Every character of the base64url body, changed, makes the value fail to open.
  for (std::size_t i = prefix; i < sealed.size(); i += 7) {
    auto tampered = sealed;
    tampered[i] = tampered[i] == 'A' ? 'B' : 'A';
    auto opened = security::open_field(keys, tampered, ad());
    ASSERT_FALSE(opened) << "changed at " << i;
    EXPECT_TRUE(opened.error().code == "sealed_not_genuine" ||
                opened.error().code == "sealed_malformed")
        << opened.error().code;
  }
  auto cut = sealed.substr(0, prefix + 20);
  EXPECT_EQ(security::open_field(keys, cut, ad()).error().code, "sealed_malformed");
  EXPECT_EQ(security::open_field(keys, sealed + "!", ad()).error().code, "sealed_malformed");
  EXPECT_EQ(security::open_field(keys, "Gesprek met moeder", ad()).error().code,
            "sealed_malformed");
  EXPECT_EQ(security::open_field(keys, "enc1:nocolon", ad()).error().code, "sealed_malformed");
}

TEST(SealedField, AValueMovedToAnotherPlaceDoesNotOpen) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto sealed = security::seal_field(keys, "123456782",
                                     security::field_associated_data("pupils", "bsn", "7"));
  EXPECT_TRUE(
      security::open_field(keys, sealed, security::field_associated_data("pupils", "bsn", "7")));
  for (auto other : {security::field_associated_data("pupils", "bsn", "8"),
                     security::field_associated_data("pupils", "bsn", "70"),
                     security::field_associated_data("guardians", "bsn", "7"),
                     security::field_associated_data("pupils", "phone", "7"), std::string()}) {
    auto opened = security::open_field(keys, sealed, other);
    ASSERT_FALSE(opened) << other;
    EXPECT_EQ(opened.error().code, "sealed_not_genuine");
  }
  EXPECT_THROW(security::field_associated_data("a/b", "c", "1"), std::logic_error);
}

TEST(SealedField, AnUnknownKeyIsNamed) {
  security::init_crypto();
  auto sealed = security::seal_field(FieldKeys::generate(), "text", ad());
  auto opened = security::open_field(FieldKeys::generate(), sealed, ad());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, "sealed_unknown_key");
  EXPECT_NE(opened.error().message.find(std::string(*security::sealed_key_id(sealed))),
            std::string::npos);
}

TEST(SealedField, AKeyIdEditedToAnotherKeyOfTheRingDoesNotOpen) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto old_id = keys.current().id;
  auto sealed = security::seal_field(keys, "text", ad());
  auto new_id = keys.add_key();
  auto relabelled =
      security::sealed_prefix(new_id) + sealed.substr(security::sealed_prefix(old_id).size());
  EXPECT_EQ(security::open_field(keys, relabelled, ad()).error().code, "sealed_not_genuine");
}

TEST(SealedField, ARingOfTwoKeysOpensBothAndSealsWithTheCurrent) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto old_id = keys.current().id;
  auto before = security::seal_field(keys, "before", ad());
  auto new_id = keys.add_key();
  auto after = security::seal_field(keys, "after", ad());
  EXPECT_EQ(security::sealed_key_id(before), old_id);
  EXPECT_EQ(security::sealed_key_id(after), new_id);
  EXPECT_EQ(*security::open_field(keys, before, ad()), "before");
  EXPECT_EQ(*security::open_field(keys, after, ad()), "after");
  // A server still on the old file cannot open what the new key sealed, and says so.
  auto old_ring = keys;
  old_ring.use_key(old_id);
  old_ring.retire_key(new_id);
  EXPECT_EQ(security::open_field(old_ring, after, ad()).error().code, "sealed_unknown_key");
}

TEST(SealedField, TheStoresCallsNameThePlaceNotTheValue) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto sealed = security::seal_column(keys, "pupils", "bsn", "7", "123456782");
  EXPECT_EQ(sealed.substr(0, 5), "enc1:");
  EXPECT_EQ(security::open_column(keys, "pupils", "bsn", "7", sealed), "123456782");
  EXPECT_EQ(
      *security::open_field(keys, sealed, security::field_associated_data("pupils", "bsn", "7")),
      "123456782");
  try {
    security::open_column(keys, "pupils", "bsn", "8", sealed);
    FAIL() << "opened on another record";
  } catch (const security::SealedFieldError& e) {
    EXPECT_EQ(e.code, "sealed_not_genuine");
    EXPECT_NE(std::string(e.what()).find("pupils.bsn of record 8"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("123456782"), std::string::npos) << e.what();
  }
}

TEST(SealedField, NotSealedValuesAreRecognised) {
  EXPECT_FALSE(security::is_sealed("123456782"));
  EXPECT_FALSE(security::is_sealed(""));
  EXPECT_EQ(security::sealed_key_id("plain text"), std::nullopt);
  EXPECT_EQ(security::sealed_key_id("enc1:abcdef01:xyz"), "abcdef01");
}

TEST(BlindIndex, IsStableForEveryWayABsnIsWritten) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto index = security::bsn_blind_index(keys, "123456782");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->size(), 32u);
  EXPECT_EQ(security::bsn_blind_index(keys, "1234.56.782"), index);
  EXPECT_EQ(security::bsn_blind_index(keys, " 123456782 "), index);
  EXPECT_EQ(security::bsn_blind_index(keys, "12345672"),
            security::bsn_blind_index(keys, "012345672"));
  EXPECT_NE(security::bsn_blind_index(keys, "111222333"), index);
  EXPECT_EQ(security::bsn_blind_index(keys, "123456789"), std::nullopt);  // fails the eleven-test
  // The same ring read back from its file gives the same index: it survives restarts.
  auto reread = FieldKeys::parse(keys.serialise(), "test");
  EXPECT_EQ(security::bsn_blind_index(reread, "123456782"), index);
  // Adding a sealing key does not move the index.
  keys.add_key();
  EXPECT_EQ(security::bsn_blind_index(keys, "123456782"), index);
}

TEST(BlindIndex, IsKeyedAndSeparatedByPurpose) {
  security::init_crypto();
  auto keys = FieldKeys::generate();
  auto other = FieldKeys::generate();
  EXPECT_NE(security::bsn_blind_index(keys, "123456782"),
            security::bsn_blind_index(other, "123456782"));
  // Without the key it is not a plain hash of the BSN.
  EXPECT_NE(*security::bsn_blind_index(keys, "123456782"),
            security::blake2b_hex("123456782").substr(0, 32));
  EXPECT_NE(security::blind_index(keys, "bsn", "123456782"),
            security::blind_index(keys, "email", "123456782"));
  EXPECT_NE(security::blind_index(keys, "ab", "c"), security::blind_index(keys, "a", "bc"));
}

}  // namespace
}  // namespace samen::testing
