#include "domain/bsn.hpp"

#include <gtest/gtest.h>

namespace samen::domain {

TEST(Bsn, AcceptsNumbersPassingTheElevenTest) {
  EXPECT_TRUE(is_valid_bsn("111222333"));  // 9+8+7+12+10+8+9+6-3 = 66
  EXPECT_TRUE(is_valid_bsn("123456782"));
}

TEST(Bsn, RejectsWrongChecksumLengthAndCharacters) {
  EXPECT_FALSE(is_valid_bsn("123456789"));
  EXPECT_FALSE(is_valid_bsn("12345678"));
  EXPECT_FALSE(is_valid_bsn("1234567820"));
  EXPECT_FALSE(is_valid_bsn("12345678a"));
  EXPECT_FALSE(is_valid_bsn("000000000"));
  EXPECT_FALSE(is_valid_bsn(""));
}

TEST(Bsn, NormalisesHowPeopleWriteIt) {
  EXPECT_EQ(normalise_bsn("123456782"), "123456782");
  EXPECT_EQ(normalise_bsn(" 1234.56.782 "), "123456782");
  EXPECT_EQ(normalise_bsn("1234-56-782"), "123456782");
  EXPECT_EQ(normalise_bsn("12345672"), "012345672");  // the leading zero a spreadsheet dropped
  EXPECT_EQ(normalise_bsn("123456789"), std::nullopt);
  EXPECT_EQ(normalise_bsn("12345678a"), std::nullopt);
  EXPECT_EQ(normalise_bsn(""), std::nullopt);
}

}  // namespace samen::domain
