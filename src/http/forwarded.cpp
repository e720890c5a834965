#include "http/forwarded.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "domain/text.hpp"

namespace samen::http {
namespace {

using domain::trim;

// Proxies other than nginx may add a port: "192.0.2.1:4711" or "[2001:db8::1]:4711".
std::string_view without_port(std::string_view entry) {
  if (!entry.empty() && entry.front() == '[') {
    auto close = entry.find(']');
    return close == std::string_view::npos ? std::string_view{} : entry.substr(1, close - 1);
  }
  auto colon = entry.find(':');
  if (colon != std::string_view::npos && entry.find(':', colon + 1) == std::string_view::npos)
    return entry.substr(0, colon);  // exactly one colon: IPv4 with a port
  return entry;
}

std::vector<std::string_view> split_commas(std::string_view list) {
  std::vector<std::string_view> parts;
  while (true) {
    auto comma = list.find(',');
    parts.push_back(trim(list.substr(0, comma)));
    if (comma == std::string_view::npos) return parts;
    list.remove_prefix(comma + 1);
  }
}

}  // namespace

std::optional<std::string> canonical_address(std::string_view text) {
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  char input[INET6_ADDRSTRLEN] = {};
  std::memcpy(input, text.data(), text.size());
  char output[INET6_ADDRSTRLEN] = {};
  in_addr v4{};
  if (inet_pton(AF_INET, input, &v4) == 1) return inet_ntop(AF_INET, &v4, output, sizeof output);
  in6_addr v6{};
  if (inet_pton(AF_INET6, input, &v6) != 1) return std::nullopt;
  if (IN6_IS_ADDR_V4MAPPED(&v6)) {
    std::memcpy(&v4, &v6.s6_addr[12], sizeof v4);
    return inet_ntop(AF_INET, &v4, output, sizeof output);
  }
  return inet_ntop(AF_INET6, &v6, output, sizeof output);
}

TrustedProxies TrustedProxies::parse(const std::vector<std::string>& values) {
  TrustedProxies trusted;
  for (const auto& value : values) {
    for (auto entry : split_commas(value)) {
      if (entry.empty()) continue;  // "a,,b" or a trailing comma
      auto address = canonical_address(entry);
      if (!address)
        throw std::invalid_argument("trusted proxy '" + std::string(entry) +
                                    "' is not an IP address");
      trusted.addresses_.push_back(std::move(*address));
    }
  }
  return trusted;
}

bool TrustedProxies::contains(std::string_view canonical) const {
  return std::find(addresses_.begin(), addresses_.end(), canonical) != addresses_.end();
}

std::string client_address(std::string_view peer,
                           const std::vector<std::string_view>& forwarded_for,
                           const TrustedProxies& trusted) {
  std::string current = canonical_address(peer).value_or(std::string(peer));
  if (!trusted.contains(current)) return current;
  std::vector<std::string_view> entries;
  for (auto header : forwarded_for)
    for (auto entry : split_commas(header)) entries.push_back(entry);
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    auto address = canonical_address(without_port(*it));
    if (!address) return current;
    current = std::move(*address);
    if (!trusted.contains(current)) return current;
  }
  return current;  // every hop was one of ours: the farthest one is the best we know
}

}  // namespace samen::http
