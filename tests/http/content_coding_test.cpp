#include "http/content_coding.hpp"

#include <gtest/gtest.h>

namespace samen::http {
namespace {

using C = ContentCoding;
using List = std::vector<ContentCoding>;

TEST(AcceptedCodings, WhatBrowsersSend) {
  EXPECT_EQ(accepted_codings("gzip, deflate, br, zstd"), (List{C::br, C::gzip}));
  EXPECT_EQ(accepted_codings("gzip, deflate"), (List{C::gzip}));
  EXPECT_EQ(accepted_codings(""), List{});
  EXPECT_EQ(accepted_codings("identity"), List{});
}

TEST(AcceptedCodings, QValuesOrderAndRefuse) {
  EXPECT_EQ(accepted_codings("br;q=0.5, gzip;q=0.8"), (List{C::gzip, C::br}));
  EXPECT_EQ(accepted_codings("br;q=0, gzip"), (List{C::gzip}));
  EXPECT_EQ(accepted_codings("BR ; Q=1 , GZip;q=0.000"), (List{C::br}));
  EXPECT_EQ(accepted_codings("x-gzip"), (List{C::gzip}));
}

TEST(AcceptedCodings, TheWildcardStandsForWhatIsNotNamed) {
  EXPECT_EQ(accepted_codings("*"), (List{C::br, C::gzip}));
  EXPECT_EQ(accepted_codings("gzip;q=0, *"), (List{C::br}));
  EXPECT_EQ(accepted_codings("*;q=0"), List{});
  EXPECT_EQ(accepted_codings("*;q=0, br"), (List{C::br}));
}

TEST(AcceptedCodings, AMalformedElementIsIgnored) {
  EXPECT_EQ(accepted_codings("br;q=high, gzip"), (List{C::gzip}));
  EXPECT_EQ(accepted_codings("br;q=2"), List{});
  EXPECT_EQ(accepted_codings(",,; ,gzip;;"), (List{C::gzip}));
}

}  // namespace
}  // namespace samen::http
