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

}  // namespace samen::domain
