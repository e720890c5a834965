#include "http/forwarded.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace samen::http {
namespace {

TrustedProxies proxies(std::vector<std::string> values) { return TrustedProxies::parse(values); }

}  // namespace

TEST(CanonicalAddress, NormalisesIpv4Ipv6AndMappedAddresses) {
  EXPECT_EQ(canonical_address("10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(canonical_address("2001:DB8:0:0::1"), "2001:db8::1");
  EXPECT_EQ(canonical_address("::ffff:10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(canonical_address("::1"), "::1");
}

TEST(CanonicalAddress, RefusesWhatIsNotAnAddress) {
  for (const char* text : {"", "localhost", "10.0.0", "10.0.0.256", "10.0.0.1 ", "unknown",
                           "10.0.0.0/8", "::ffff:10.0.0.1.1"})
    EXPECT_EQ(canonical_address(text), std::nullopt) << text;
}

TEST(TrustedProxies, TakesRepeatedValuesAndCommaLists) {
  auto trusted = proxies({"10.0.0.1, 10.0.0.2", "::1", ""});
  EXPECT_TRUE(trusted.contains("10.0.0.1"));
  EXPECT_TRUE(trusted.contains("10.0.0.2"));
  EXPECT_TRUE(trusted.contains("::1"));
  EXPECT_FALSE(trusted.contains("10.0.0.3"));
  EXPECT_TRUE(proxies({}).empty());
}

TEST(TrustedProxies, NamesTheEntryThatIsNotAnAddress) {
  try {
    proxies({"10.0.0.1,nginx.internal"});
    FAIL() << "a host name was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "trusted proxy 'nginx.internal' is not an IP address");
  }
}

// Table: peer, X-Forwarded-For header values, expected client, with trusted proxies
// 10.0.0.1 (nginx), 10.0.0.2 (a load balancer in front of it) and ::1.
struct Case {
  const char* name;
  const char* peer;
  std::vector<std::string_view> forwarded_for;
  const char* client;
};

TEST(ClientAddress, BelievesForwardedForOnlyFromTrustedProxies) {
  auto trusted = proxies({"10.0.0.1,10.0.0.2", "::1"});
  std::vector<Case> cases = {
      {"no proxy, no header", "198.51.100.7", {}, "198.51.100.7"},
      {"untrusted peer cannot spoof", "198.51.100.7", {"203.0.113.9"}, "198.51.100.7"},
      {"trusted peer, one hop", "10.0.0.1", {"203.0.113.9"}, "203.0.113.9"},
      {"trusted peer, no header", "10.0.0.1", {}, "10.0.0.1"},
      {"rightmost untrusted entry wins over what the client wrote",
       "10.0.0.1",
       {"192.0.2.66, 203.0.113.9"},
       "203.0.113.9"},
      {"trusted hops are skipped", "10.0.0.1", {"203.0.113.9, 10.0.0.2"}, "203.0.113.9"},
      {"several header lines are one list", "10.0.0.1", {"203.0.113.9", "10.0.0.2"}, "203.0.113.9"},
      {"all hops trusted: the farthest", "10.0.0.1", {"10.0.0.2"}, "10.0.0.2"},
      {"garbage ends the walk at the last trusted hop",
       "10.0.0.1",
       {"203.0.113.9, junk"},
       "10.0.0.1"},
      {"empty header", "10.0.0.1", {""}, "10.0.0.1"},
      {"ports are dropped", "10.0.0.1", {"203.0.113.9:4711"}, "203.0.113.9"},
      {"bracketed IPv6 with port", "10.0.0.1", {"[2001:db8::7]:4711"}, "2001:db8::7"},
      {"IPv6 without brackets", "::1", {"2001:DB8::7"}, "2001:db8::7"},
      {"mapped peer address is the IPv4 proxy", "::ffff:10.0.0.1", {"203.0.113.9"}, "203.0.113.9"},
      {"mapped untrusted peer is named as IPv4",
       "::ffff:198.51.100.7",
       {"203.0.113.9"},
       "198.51.100.7"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(client_address(c.peer, c.forwarded_for, trusted), c.client) << c.name;
}

TEST(ClientAddress, WithoutTrustedProxiesTheHeaderIsIgnored) {
  EXPECT_EQ(client_address("127.0.0.1", {"203.0.113.9"}, TrustedProxies{}), "127.0.0.1");
}

}  // namespace samen::http
