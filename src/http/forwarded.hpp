#pragma once
// Which address a request really comes from when reverse proxies (nginx) stand in front.
// X-Forwarded-For is only believed when the TCP peer is a proxy the operator named with
// --trusted-proxy; anyone else could write any address into it and so escape the login
// limit per address or falsify the audit log's client_address. Pure functions, no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samen::http {

// The canonical text of an IPv4 or IPv6 address ("::ffff:10.0.0.1" becomes "10.0.0.1",
// so a dual-stack listener and an IPv4 one name a client the same way), or nullopt.
std::optional<std::string> canonical_address(std::string_view text);

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Each value may be a comma-separated list; throws std::invalid_argument naming the
  // first entry that is not an IP address.
  static TrustedProxies parse(const std::vector<std::string>& values);

  bool empty() const { return addresses_.empty(); }
  bool contains(std::string_view canonical) const;

 private:
  std::vector<std::string> addresses_;  // canonical text
};

// The client address of a request. `peer` is the socket's remote address;
// `forwarded_for` holds the X-Forwarded-For header values in the order they arrived.
// When the peer is trusted, the entries are walked from the right (the ones nearest to
// us, appended by our own proxies) and the first one that is not itself a trusted proxy
// is the client. An entry that is not an address ends the walk at the last address we
// could vouch for.
std::string client_address(std::string_view peer,
                           const std::vector<std::string_view>& forwarded_for,
                           const TrustedProxies& trusted);

}  // namespace samen::http
